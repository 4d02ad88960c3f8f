import { NodeOperationError, type IDataObject, type INodeExecutionData, type IPollFunctions } from 'n8n-workflow';
import { toSmsError } from '../../core/errors/toSmsError';
import { gatewayApiError, type GatewayHandle, numberFrom, ParameterError } from '../../glue';

/**
 * What the poller remembers between polls, in its own node static data (only this poller writes
 * it, so no other execution can overwrite it). n8n saves static data when a poll emits; the
 * re-arming (balance back above) is saved with the next event, or kept in memory until then.
 */
interface BalanceAlertState {
	/** False after an alert, until the balance is at or above the threshold again. */
	armed: boolean;
	/** The threshold the state is about: a changed threshold starts over, armed. */
	threshold: number;
	gateway: string;
}

/**
 * Balance Below: one item when the balance crosses below the threshold (or is below it at the
 * first poll), none while it stays below, and again only after it has been at or above it. In
 * manual mode (Fetch Test Event) the real balance is read and shown, and the state is left as is.
 */
export async function pollBalanceBelow(context: IPollFunctions, handle: GatewayHandle): Promise<INodeExecutionData[][] | null> {
	const threshold = readThreshold(context);
	let balance;
	try {
		balance = await handle.gateway.getBalance();
	} catch (error) {
		throw gatewayApiError(context.getNode(), toSmsError(error), undefined, 'The balance is read again at the next poll.');
	}
	const now = new Date();
	const below = balance.amount < threshold;
	const item = (): IDataObject => ({
		eventId: `balanceBelow:${handle.definition.id}:${now.toISOString()}`,
		event: 'balanceBelow',
		gateway: handle.definition.id,
		balance: balance.amount,
		unit: balance.unit,
		threshold,
		below,
		checkedAt: now.toISOString(),
	});
	if (context.getMode() === 'manual') return [[{ json: item() }]];

	const data = context.getWorkflowStaticData('node') as { balanceAlert?: BalanceAlertState };
	const known = data.balanceAlert;
	const state: BalanceAlertState =
		known && known.threshold === threshold && known.gateway === handle.definition.id ? known : { armed: true, threshold, gateway: handle.definition.id };
	if (below && state.armed) {
		data.balanceAlert = { ...state, armed: false };
		return [[{ json: item() }]];
	}
	data.balanceAlert = below ? state : { ...state, armed: true };
	return null;
}

function readThreshold(context: IPollFunctions): number {
	try {
		return numberFrom(context.getNodeParameter('threshold', 10), 10, 0, 'Threshold', { min: 0 });
	} catch (error) {
		if (error instanceof ParameterError) throw new NodeOperationError(context.getNode(), `${error.parameter} ${error.reason}`);
		throw error;
	}
}
