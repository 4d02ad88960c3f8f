import { NodeOperationError, type ILoadOptionsFunctions, type INodeListSearchResult, type INodePropertyOptions } from 'n8n-workflow';
import { createGateway } from './createGateway';
import { toSmsError } from '../core/errors/toSmsError';
import { gatewayApiError } from './nodeErrors';

const ACCOUNT_DEFAULT: INodePropertyOptions = {
	name: 'Account Default',
	value: '',
	description: 'Let the gateway use the default sender of your account',
};

/** Node version 1's Sender dropdown; a gateway without a sender list offers the account default only. */
export async function getSenders(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const gatewayId = String(this.getCurrentNodeParameter('gateway') ?? '');
	const { definition, gateway } = await createGateway(this, gatewayId);
	if (!gateway.limits.supportsSenderList) {
		return [{ ...ACCOUNT_DEFAULT, description: `${definition.label} has no sender list; type a sender with an expression if you need one` }];
	}
	try {
		const senders = await gateway.listSenders();
		return [ACCOUNT_DEFAULT, ...senders.map((sender) => ({ name: sender, value: sender }))];
	} catch (error) {
		const cause = toSmsError(error);
		if (cause.code === 'bad_request') return [ACCOUNT_DEFAULT];
		throw gatewayApiError(this.getNode(), cause);
	}
}

/**
 * The Sender's "From list" mode (node version 2): the account's sender names, filtered by what the
 * user types. Only gateways with a sender list have that mode.
 */
export async function searchSenders(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const gatewayId = String(this.getCurrentNodeParameter('gateway') ?? '');
	const { definition, gateway } = await createGateway(this, gatewayId);
	if (!gateway.limits.supportsSenderList) {
		throw new NodeOperationError(this.getNode(), `${definition.label} has no sender list`, { description: 'Type the sender name instead (By Name)' });
	}
	let senders: string[];
	try {
		senders = await gateway.listSenders();
	} catch (error) {
		throw gatewayApiError(this.getNode(), toSmsError(error));
	}
	const wanted = (filter ?? '').trim().toLowerCase();
	return { results: senders.filter((sender) => sender.toLowerCase().includes(wanted)).map((sender) => ({ name: sender, value: sender })) };
}
