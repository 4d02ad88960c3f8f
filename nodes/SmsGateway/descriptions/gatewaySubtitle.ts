import type { INodePropertyOptions } from 'n8n-workflow';
import { GATEWAY_DEFINITIONS } from '../../gateways/registry';
import { operationProperty } from './operationProperty';

/** "SMSClub: Send Batch" under the node's name on the canvas. */
export function gatewaySubtitle(): string {
	const gateways = JSON.stringify(Object.fromEntries(GATEWAY_DEFINITIONS.map((d) => [d.id, d.label])));
	const operations = JSON.stringify(Object.fromEntries((operationProperty.options as INodePropertyOptions[]).map((o) => [o.value, o.name])));
	return `={{ ${gateways}[$parameter["gateway"]] + ": " + ${operations}[$parameter["operation"]] }}`;
}
