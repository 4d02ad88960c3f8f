import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { createGateway, gatewayCredentials, gatewayNotices, gatewayProperty, type GatewayHandle, getSenders, ownEntry, searchSenders, shown } from '../glue';
import * as getBalance from './actions/getBalance.operation';
import * as getStatus from './actions/getStatus.operation';
import * as listSenders from './actions/listSenders.operation';
import * as send from './actions/send.operation';
import * as sendBatch from './actions/sendBatch.operation';
import { gatewayNames } from './descriptions/gatewayFacts';
import { gatewaySubtitle } from './descriptions/gatewaySubtitle';
import { operationProperty } from './descriptions/operationProperty';
import { maxRetryWaitSeconds } from './readSettings';

/** An operation: its fields, and what it does with the items and the chosen gateway. */
interface Operation {
	description: INodeProperties[];
	execute(context: IExecuteFunctions, handle: GatewayHandle): Promise<INodeExecutionData[]>;
}

/** The table of contents: one file per operation, in the order their fields appear. */
const OPERATIONS: Readonly<Record<string, Operation>> = { send, sendBatch, getStatus, getBalance, listSenders };

export class SmsGateway implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SMS Gateway',
		name: 'smsGateway',
		icon: { light: 'file:../../icons/smsGateway.svg', dark: 'file:../../icons/smsGateway.dark.svg' },
		group: ['output'],
		// 2 (package 0.2.0): one credential type per gateway and a Sender field per gateway with a list
		// and a by-name mode. 1 keeps 0.1.0's fields so workflows saved with it load unchanged.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: gatewaySubtitle(),
		description:
			`Send SMS, check delivery, balance and sender names through ${gatewayNames()}`,
		defaults: { name: 'SMS Gateway' },
		usableAsTool: true,
		// The literal 'main' (what NodeConnectionTypes.Main holds) loads in n8n 1.x and 2.x alike and is
		// what this package's lint rules require.
		inputs: ['main'],
		outputs: ['main'],
		credentials: gatewayCredentials(),
		properties: [
			gatewayProperty,
			...gatewayNotices,
			operationProperty,
			...Object.values(OPERATIONS).flatMap((operation) => operation.description),
		],
	};

	methods = {
		loadOptions: { getSenders },
		listSearch: { searchSenders },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as unknown;
		const gatewayId = this.getNodeParameter('gateway', 0) as unknown;
		const run = ownEntry(OPERATIONS, operation);
		if (!run) {
			throw new NodeOperationError(this.getNode(), `Item 0: Operation ${shown(operation)} is not an operation of this node`, {
				itemIndex: 0,
				description: `Choose one of: ${Object.keys(OPERATIONS).join(', ')}. Nothing was sent.`,
			});
		}
		const handle = await createGateway(this, gatewayId, maxRetryWaitSeconds(this, operation as string));
		return [await run.execute(this, handle)];
	}
}
