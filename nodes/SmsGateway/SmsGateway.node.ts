import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import {
	chosenOperation,
	createGateway,
	gatewayNotices,
	gatewayProperty,
	type GatewayHandle,
	getSenders,
	type NodeOperation,
	operationFields,
	searchSenders,
	type SharedState,
	trackingNodeCredentials,
	withSharedState,
} from '../glue';
import type { GatewayDefinition } from '../core/adapter/GatewayDefinition';
import * as getBalance from './actions/getBalance.operation';
import * as getStatus from './actions/getStatus.operation';
import * as listSenders from './actions/listSenders.operation';
import * as send from './actions/send.operation';
import * as sendBatch from './actions/sendBatch.operation';
import { gatewayNames } from './descriptions/gatewayFacts';
import { gatewaySubtitle } from './descriptions/gatewaySubtitle';
import { operationProperty } from './descriptions/operationProperty';
import { maxRetryWaitSeconds, sharedStateStore } from './readSettings';

/** The table of contents: one file per operation, in the order their fields appear; each gets the chosen gateway. */
const OPERATIONS: Readonly<Record<string, NodeOperation<[GatewayHandle]>>> = { send, sendBatch, getStatus, getBalance, listSenders };

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
		credentials: trackingNodeCredentials(),
		properties: [
			gatewayProperty,
			...gatewayNotices,
			operationProperty,
			...operationFields(OPERATIONS),
		],
	};

	methods = {
		loadOptions: { getSenders },
		listSearch: { searchSenders },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const run = chosenOperation(this, OPERATIONS);
		const operation = this.getNodeParameter('operation', 0) as string;
		const gatewayId = this.getNodeParameter('gateway', 0) as unknown;
		const retryWait = maxRetryWaitSeconds(this, operation);
		const runOn = async (sharedState?: (definition: GatewayDefinition) => SharedState) => [await run.execute(this, await createGateway(this, gatewayId, retryWait, sharedState))];
		// Queue mode: the account's limits and session live in the Tracking Store's Redis, shared by every worker.
		return await withSharedState(this, sharedStateStore(this, operation), runOn);
	}
}
