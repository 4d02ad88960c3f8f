import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { GATEWAY_DEFINITIONS } from '../../gateways/registry';
import { operationProperty } from './operationProperty';

/**
 * "SMSClub: Send Batch" (or, under a trigger, "SMSClub: Final Status") under the node's name on the
 * canvas: the gateway's label, then the chosen option of `second` by its name.
 */
export function gatewaySubtitle(second: INodeProperties = operationProperty): string {
	const gateways = JSON.stringify(Object.fromEntries(GATEWAY_DEFINITIONS.map((d) => [d.id, d.label])));
	const choices = JSON.stringify(Object.fromEntries((second.options as INodePropertyOptions[]).map((o) => [o.value, o.name])));
	return `={{ ${gateways}[$parameter["gateway"]] + ": " + ${choices}[$parameter["${second.name}"]] }}`;
}
