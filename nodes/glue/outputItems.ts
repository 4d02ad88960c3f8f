import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { SmsError } from '../core/errors/SmsError';
import type { SendResult, StatusResult } from '../core/adapter/GatewayAdapter';
import type { PreparedMessage } from '../core/message/prepareMessage';
import { errorJson } from './nodeErrors';

/**
 * Every recipient item has the same keys whatever the gateway and outcome, with null where a
 * value does not apply, so the nodes after this one never have to guess.
 */
export interface RecipientOutcome {
	gateway: string;
	/** E.164 when the number was valid, the input as given otherwise. */
	to: string;
	message?: PreparedMessage;
	result?: SendResult;
	error?: SmsError;
	dryRun: boolean;
	/** parts × price per part, when a price was given. */
	cost?: number;
	extra?: IDataObject;
}

export function recipientJson(outcome: RecipientOutcome): IDataObject {
	const { message, result } = outcome;
	const error = outcome.error ?? result?.error;
	const json: IDataObject = {
		gateway: outcome.gateway,
		messageId: result?.messageId ?? null,
		partIds: result?.partIds ?? null,
		to: outcome.to,
		status: result?.status.status ?? null,
		final: result?.status.final ?? false,
		gatewayStatus: result?.status.raw ?? null,
		parts: result?.parts ?? message?.analysis.parts ?? null,
		encoding: message?.analysis.encoding ?? null,
		characters: message?.analysis.characters ?? null,
		scheduledAt: message?.sendAt?.toISOString() ?? null,
		dryRun: outcome.dryRun,
	};
	if (outcome.cost !== undefined) json.cost = outcome.cost;
	Object.assign(json, outcome.extra ?? {});
	if (error) json.error = errorJson(error);
	return json;
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
