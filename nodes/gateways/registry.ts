import type { GatewayDefinition, GatewayId } from '../core/adapter/GatewayAdapter';
import { smsAssistentDefinition } from './smsAssistent/definition';
import { a1Definition } from './a1/definition';
import { smsClubDefinition } from './smsClub/definition';
import { devinoDefinition } from './devino/definition';

/** Every gateway the node offers, in the order of its dropdown. A fifth gateway is one more entry. */
export const GATEWAY_DEFINITIONS: readonly GatewayDefinition[] = [
	smsAssistentDefinition,
	a1Definition,
	smsClubDefinition,
	devinoDefinition,
];

export function findGatewayDefinition(id: string): GatewayDefinition | undefined {
	return GATEWAY_DEFINITIONS.find((definition) => definition.id === (id as GatewayId));
}
