import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { SmsError } from '../../core/errors/SmsError';
import { smsError } from '../../core/errors/errorTable';
import type { StatusResult } from '../../core/adapter/GatewayAdapter';
import { statusOf } from '../../core/status/normalizeStatus';
import { type GatewayHandle, errorJson, gatewayApiError, invalidInputError, outputItem, statusJson } from '../../glue';
import { toSmsError } from '../../core/errors/toSmsError';
import { includeInputFieldsOfAll } from '../readSettings';
import { describeValue } from '../../core/text/textRule';
import { getStatusOptionsProperty } from '../descriptions/optionsProperties';
import { showFor } from '../descriptions/showFor';

const messageIdsProperty: INodeProperties = {
	displayName: 'Message IDs',
	name: 'messageIds',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 4259367936, 4259367938',
	description:
		'The messageId values returned by Send SMS or Send Batch: one or more, separated by commas or spaces, or an array from an expression. Each ID gives one output item.',
	hint: 'Usually mapped from the send step: {{ $json.messageId }}. An ID made of part IDs joined with + (as multi-part messages get on gateways that number each part) is checked as one message.',
};

export const description: INodeProperties[] = showFor('getStatus', [messageIdsProperty, getStatusOptionsProperty]);


interface IdRequest {
	itemIndex: number;
	messageId: string;
}

/** Get Status: every id of every item in one getStatuses call (the adapter chunks), one item per id. */
export async function execute(context: IExecuteFunctions, handle: GatewayHandle): Promise<INodeExecutionData[]> {
	const node = context.getNode();
	const continueOnFail = context.continueOnFail();
	const inputs = context.getInputData();
	const requests: IdRequest[] = [];
	const output: Array<{ itemIndex: number; item?: INodeExecutionData; idIndex?: number }> = [];
	// Read before anything is requested: a wrong value must not stop the run after the requests.
	const includeInputFields = includeInputFieldsOfAll(context);

	inputs.forEach((_, itemIndex) => {
		const ids = splitIds(context.getNodeParameter('messageIds', itemIndex, ''));
		if (ids === undefined || ids.length === 0) {
			const error = ids
				? smsError('invalid_message_id', 'No message ID given; map the messageId of a send step into Message IDs')
				: smsError('invalid_message_id', `Message IDs must be IDs as text or numbers, or a list of them, not ${describeValue(context.getNodeParameter('messageIds', itemIndex, ''))}`);
			if (!continueOnFail) throw invalidInputError(node, error, itemIndex);
			const json = { ...emptyStatusJson(handle.definition.id), error: errorJson(error) };
			output.push({ itemIndex, item: outputItem(json, itemIndex, inputs[itemIndex], includeInputFields[itemIndex]) });
			return;
		}
		for (const messageId of ids) {
			output.push({ itemIndex, idIndex: requests.length });
			requests.push({ itemIndex, messageId });
		}
	});

	let results: StatusResult[] = [];
	if (requests.length > 0) {
		try {
			results = await handle.gateway.getStatuses(requests.map((r) => r.messageId));
		} catch (error) {
			const cause = toSmsError(error);
			results = requests.map((r) => ({ messageId: r.messageId, status: statusOf('unknown'), error: cause }));
		}
	}

	const failed = requests.findIndex((_, index) => results[index]?.error);
	if (failed >= 0 && !continueOnFail) {
		throw gatewayApiError(node, results[failed].error as SmsError, requests[failed].itemIndex);
	}

	return output.map(({ itemIndex, item, idIndex }) => {
		if (item) return item;
		const request = requests[idIndex as number];
		const result = results[idIndex as number] ?? {
			messageId: request.messageId,
			status: statusOf('unknown'),
			error: smsError('unknown', 'The gateway adapter returned no status for this ID'),
		};
		return outputItem(statusJson(handle.definition.id, result), itemIndex, inputs[itemIndex], includeInputFields[itemIndex]);
	});
}

/** The same keys as a status item, for an item that has no ID to check. */
function emptyStatusJson(gateway: string): IDataObject {
	return { gateway, messageId: null, partIds: null, status: null, final: false, gatewayStatus: null, parts: null };
}

/**
 * Ids as a string separated by commas or whitespace, a whole number, or an array of either;
 * undefined when the value is none of those (an object, NaN, a fraction).
 */
function splitIds(value: unknown): string[] | undefined {
	if (value === undefined || value === null) return [];
	if (Array.isArray(value)) {
		const parts = value.map(splitIds);
		return parts.some((part) => part === undefined) ? undefined : (parts as string[][]).flat();
	}
	if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? [String(value)] : undefined;
	if (typeof value !== 'string') return undefined;
	return value
		.split(/[\s,;]+/)
		.map((id) => id.trim())
		.filter((id) => id !== '');
}
