import { NodeOperationError, type INodeExecutionData, type INodeType, type INodeTypeDescription, type IPollFunctions } from 'n8n-workflow';
import { choiceFrom, createGateway, gatewayNotices, gatewayProperty, ParameterError, trackingNodeCredentials, withSharedState } from '../glue';
import { gatewayNames } from './descriptions/gatewayFacts';
import { gatewaySubtitle } from './descriptions/gatewaySubtitle';
import { pollBalanceBelow } from './trigger/balanceBelow';
import { pollStatusEvents, statusTrackingStore } from './trigger/statusEvents';
import { eventProperty, statusOptionsProperty, thresholdProperty, TRIGGER_EVENTS, type TriggerEvent } from './trigger/triggerProperties';

/** The table of contents: what each event polls. */
const EVENTS: Readonly<Record<TriggerEvent, (context: IPollFunctions, handle: Awaited<ReturnType<typeof createGateway>>) => Promise<INodeExecutionData[][] | null>>> = {
	statusChanged: (context, handle) => pollStatusEvents(context, handle, 'statusChanged'),
	finalStatus: (context, handle) => pollStatusEvents(context, handle, 'finalStatus'),
	balanceBelow: pollBalanceBelow,
};

/**
 * Starts a workflow when a tracked message changes status (the messages an SMS Gateway node sent
 * with Track Delivery on, through the same credential), or when the account balance falls below
 * a threshold. n8n calls poll() on the schedule of "Poll Times" (at most once a minute).
 */
export class SmsGatewayTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SMS Gateway Trigger',
		name: 'smsGatewayTrigger',
		icon: { light: 'file:../../icons/smsGateway.svg', dark: 'file:../../icons/smsGateway.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: gatewaySubtitle(eventProperty),
		description: `Starts the workflow when a sent SMS changes status, or when the balance falls below a threshold, on ${gatewayNames()}`,
		defaults: { name: 'SMS Gateway Trigger' },
		polling: true,
		inputs: [],
		outputs: ['main'],
		credentials: trackingNodeCredentials(),
		properties: [gatewayProperty, ...gatewayNotices, eventProperty, thresholdProperty, statusOptionsProperty],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		let event: TriggerEvent;
		try {
			event = choiceFrom(this.getNodeParameter('event', 'finalStatus'), TRIGGER_EVENTS, 'finalStatus', 0, 'Event');
		} catch (error) {
			if (error instanceof ParameterError) throw new NodeOperationError(this.getNode(), `${error.parameter} ${error.reason}`);
			throw error;
		}
		const gatewayId = this.getNodeParameter('gateway', 'smsAssistent');
		// With a Redis Tracking Store (queue mode) the poll's requests take their turns in the account's
		// schedule in Redis, beside the workers' sends, and use the workers' Devino session; otherwise
		// they would come on top of the workers' rate and log in again.
		const store = event === 'balanceBelow' ? 'builtIn' : statusTrackingStore(this);
		return await withSharedState(this, store, async (sharedState) => await EVENTS[event](this, await createGateway(this, gatewayId, undefined, sharedState)));
	}
}
