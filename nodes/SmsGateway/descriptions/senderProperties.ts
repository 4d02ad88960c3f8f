import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';
import type { GatewayDefinition } from '../../core/adapter/GatewayDefinition';
import { GATEWAY_DEFINITIONS } from '../../gateways/registry';

/** Node version 1 (package 0.1.0), kept so saved workflows load unchanged: one dropdown for every gateway. */
const senderOptionsProperty: INodeProperties = {
	displayName: 'Sender Name or ID',
	name: 'sender',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getSenders', loadOptionsDependsOn: ['gateway'] },
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'The list is loaded from the gateway account of the selected credential. Where the gateway has no sender list, type the name registered in your contract with an expression; Account Default leaves it to the gateway.',
	displayOptions: { show: { '@version': [1] } },
};

// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- a resource locator mode, not a parameter: modes have no default
const FROM_LIST: INodePropertyMode = {
	displayName: 'From List',
	name: 'list',
	type: 'list',
	placeholder: 'Select a sender…',
	typeOptions: { searchListMethod: 'searchSenders', searchable: true },
};

// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- a resource locator mode, not a parameter: modes have no default
const BY_NAME: INodePropertyMode = {
	displayName: 'By Name',
	name: 'name',
	type: 'string',
	placeholder: 'e.g. MyShop',
};

/** The Sender field of node version 2 for a gateway: `smsClubSender`, `a1Sender`, … */
export function senderParameterName(gatewayId: string): string {
	return `${gatewayId}Sender`;
}

/**
 * Node version 2: a resource locator per gateway. Where the gateway lists the account's senders they
 * are picked from that list or typed; elsewhere typed. The list holds only the account's own names,
 * so it never offers one the gateway then refuses, and a gateway that needs a sender has no empty
 * "account default". One field per gateway rather than one shared `sender`: a name registered with
 * one gateway means nothing to another, and n8n drops the values of fields no longer shown, so
 * switching gateway starts from an empty sender.
 */
function senderLocator(definition: GatewayDefinition): INodeProperties {
	const { label, limits } = definition;
	const required = limits.requiresSender === true;
	return {
		displayName: 'Sender',
		name: senderParameterName(definition.id),
		type: 'resourceLocator',
		default: { mode: limits.supportsSenderList ? 'list' : 'name', value: '' },
		required,
		modes: limits.supportsSenderList ? [FROM_LIST, BY_NAME] : [BY_NAME],
		description: required
			? `The sender name (alpha name) recipients see; ${label} needs one registered for your account`
			: `The sender name (alpha name) recipients see; empty = the default sender of your ${label} account`,
		...(limits.supportsSenderList ? {} : { hint: `${label} has no sender list: type the name registered with your contract` }),
		displayOptions: { show: { '@version': [2], gateway: [definition.id] } },
	};
}

/** Every version's Sender fields; n8n shows the one for the node's version and gateway. */
export const senderProperties: INodeProperties[] = [senderOptionsProperty, ...GATEWAY_DEFINITIONS.map(senderLocator)];
