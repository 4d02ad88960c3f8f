import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { chosenOperation, operationFields, type NodeOperation } from '../glue';
import * as getPhoneNumbers from './actions/getPhoneNumbers.operation';
import * as listProviders from './actions/listProviders.operation';
import * as registerProvider from './actions/registerProvider.operation';
import * as unregisterProvider from './actions/unregisterProvider.operation';
import * as updateMessageStatus from './actions/updateMessageStatus.operation';
import { operationProperty } from './descriptions/operationProperty';
import { BITRIX24_CREDENTIAL } from './transport/callBitrix24';

/** The table of contents: one file per operation. */
const OPERATIONS: Readonly<Record<string, NodeOperation>> = {
	updateMessageStatus,
	listProviders,
	registerProvider,
	unregisterProvider,
	getPhoneNumbers,
};

export class Bitrix24 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bitrix24',
		name: 'bitrix24',
		icon: { light: 'file:../../icons/bitrix24.svg', dark: 'file:../../icons/bitrix24.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Act as the SMS provider of a Bitrix24 portal: report message statuses, register the provider, read CRM phone numbers',
		defaults: { name: 'Bitrix24' },
		usableAsTool: true,
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: BITRIX24_CREDENTIAL, required: true }],
		properties: [operationProperty, ...operationFields(OPERATIONS)],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [await chosenOperation(this, OPERATIONS).execute(this)];
	}
}
