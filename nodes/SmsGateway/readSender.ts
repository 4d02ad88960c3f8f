import type { IExecuteFunctions } from 'n8n-workflow';
import { senderParameterName } from './descriptions/senderProperties';
import { nodeParameter, runNode } from '../glue';

/**
 * The Sender of an item: node version 1 keeps a name in `sender`; version 2 a resource locator
 * ({ mode, value }) in the gateway's own field (`smsClubSender`, …). Either way the name comes back,
 * unchecked: the core validates it against the gateway's sender rules.
 */
export function readSender(context: IExecuteFunctions, itemIndex: number, gatewayId: string): unknown {
	const name = runNode(context).typeVersion >= 2 ? senderParameterName(gatewayId) : 'sender';
	const value = nodeParameter(context, name, itemIndex, '');
	if (value !== null && typeof value === 'object' && 'value' in value) return (value as { value: unknown }).value;
	return value;
}
