import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { createGateway, type GatewayHandle } from '../glue/gatewayFromParameters';
import { batchRecipientProperties } from './descriptions/batchProperties';
import { gatewayNames } from './descriptions/gatewayFacts';
import { gatewayCredentials, gatewayProperty, gatewaySubtitle } from './descriptions/gatewayProperties';
import { messageIdsProperty } from './descriptions/getStatusProperties';
import { batchTextProperty, senderProperty, textProperty, toProperty } from './descriptions/messageProperties';
import { operationProperty } from './descriptions/operationProperty';
import { getStatusOptionsProperty, sendBatchOptionsProperty, sendOptionsProperty } from './descriptions/optionsProperties';
import { getSenders } from '../glue/loadSenderOptions';
import { getBalance } from './actions/getBalance.operation';
import { getStatus } from './actions/getStatus.operation';
import { listSenders } from './actions/listSenders.operation';
import { maxRetryWaitSeconds } from './readSettings';
import { send } from './actions/send.operation';
import { sendBatch } from './actions/sendBatch.operation';

type Operation = (context: IExecuteFunctions, handle: GatewayHandle) => Promise<INodeExecutionData[]>;

const OPERATIONS: Readonly<Record<string, Operation>> = { send, sendBatch, getStatus, getBalance, listSenders };

export class SmsGateway implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SMS Gateway',
		name: 'smsGateway',
		icon: { light: 'file:../../icons/smsGateway.svg', dark: 'file:../../icons/smsGateway.dark.svg' },
		group: ['output'],
		version: 1,
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
			operationProperty,
			toProperty,
			...batchRecipientProperties,
			textProperty,
			batchTextProperty,
			senderProperty,
			messageIdsProperty,
			sendOptionsProperty,
			sendBatchOptionsProperty,
			getStatusOptionsProperty,
		],
	};

	methods = {
		loadOptions: { getSenders },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as string;
		const gatewayId = this.getNodeParameter('gateway', 0) as string;
		const run = OPERATIONS[operation];
		if (!run) {
			throw new NodeOperationError(this.getNode(), `Unknown operation "${operation}"`, {
				description: `Choose one of: ${Object.keys(OPERATIONS).join(', ')}`,
			});
		}
		const handle = await createGateway(this, gatewayId, maxRetryWaitSeconds(this));
		return [await run(this, handle)];
	}
}
