import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { SendResult, StatusResult } from '../core/adapter/GatewayAdapter';
import type { PreparedMessage } from '../core/message/prepareMessage';
import { errorJson } from './nodeErrors';

/**
 * The fields every recipient item starts with, the same keys whatever the gateway and outcome,
 * with null where a value does not apply, so the nodes after this one never have to guess. The
 * caller adds its optional fields (cost, duplicates, estimate, tracking) and `error` after these.
 * Plain arguments, not an outcome object: a batch makes 100,000 of these items.
 *
 * @param to E.164 when the number was valid, the input as given otherwise.
 */
export function recipientJson(gateway: string, to: string, message: PreparedMessage | undefined, result: SendResult | undefined, dryRun: boolean): IDataObject {
	return {
		gateway,
		messageId: result?.messageId ?? null,
		partIds: result?.partIds ?? null,
		to,
		status: result?.status.status ?? null,
		final: result?.status.final ?? false,
		gatewayStatus: result?.status.raw ?? null,
		parts: result?.parts ?? message?.analysis.parts ?? null,
		encoding: message?.analysis.encoding ?? null,
		characters: message?.analysis.characters ?? null,
		scheduledAt: message?.sendAt?.toISOString() ?? null,
		dryRun,
	};
}

export function statusJson(gateway: string, result: StatusResult): IDataObject {
	const json: IDataObject = {
		gateway,
		messageId: result.messageId,
		partIds: result.partIds ?? null,
		status: result.status.status,
		final: result.status.final,
		gatewayStatus: result.status.raw,
		parts: result.parts ?? null,
	};
	if (result.error) json.error = errorJson(result.error);
	return json;
}

/** An output item; the input's own fields first when asked, so ours win on a name clash. */
export function outputItem(
	json: IDataObject,
	itemIndex: number,
	input: INodeExecutionData | undefined,
	includeInputFields: boolean,
): INodeExecutionData {
	return {
		json: includeInputFields && input ? { ...input.json, ...json } : json,
		pairedItem: { item: itemIndex },
	};
}
