import type { GatewayDefinition } from '../core/adapter/GatewayDefinition';
import { smsAssistentDefinition } from './smsAssistent/definition';
import { a1Definition } from './a1/definition';
import { smsClubDefinition } from './smsClub/definition';
import { devinoDefinition } from './devino/definition';

/**
 * Every gateway the nodes offer, in the order of their dropdown. A fifth gateway is its folder
 * beside these (definition, adapter, wire format, status, error and sender tables), one line
 * here, its credential and its emulator; test/unit/gateways/registry.test.ts checks the parts.
 */
export const GATEWAY_DEFINITIONS: readonly GatewayDefinition[] = [
	smsAssistentDefinition,
	a1Definition,
	smsClubDefinition,
	devinoDefinition,
];

export function findGatewayDefinition(id: string): GatewayDefinition | undefined {
	return GATEWAY_DEFINITIONS.find((definition) => definition.id === id);
}
