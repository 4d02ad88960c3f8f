import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { createGateway } from './createGateway';
import { toSmsError } from '../core/errors/toSmsError';
import { gatewayApiError } from './nodeErrors';

const ACCOUNT_DEFAULT: INodePropertyOptions = {
	name: 'Account Default',
	value: '',
	description: 'Let the gateway use the default sender of your account',
};

/** Options for the Sender field; a gateway without a sender list offers the account default only. */
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
