import { NodeApiError, NodeOperationError, type IDataObject, type INode, type JsonObject } from 'n8n-workflow';
import { SmsGatewayError, type SmsError } from '../shared/errors/SmsError';
import { smsError } from '../shared/errors/errorTable';

/** The `error` field of an output item. */
export function errorJson(error: SmsError): IDataObject {
	return {
		code: error.code,
		message: error.message,
		retryable: error.retryable,
		gatewayCode: error.gatewayCode ?? null,
	};
}

/** Any failure as an SmsError; only SmsGatewayError carries gateway facts, the rest is a bug or n8n's own error. */
export function asSmsError(error: unknown): SmsError {
	if (error instanceof SmsGatewayError) return error.error;
	if (error instanceof NodeOperationError || error instanceof NodeApiError) {
		return smsError('bad_request', error.message);
	}
	return smsError('unknown', error instanceof Error ? error.message : String(error));
}

/** A gateway's refusal or failure, for the run to stop on. Messages come from our tables and never quote a credential. */
export function gatewayApiError(node: INode, error: SmsError, itemIndex?: number, note?: string): NodeApiError {
	const response: JsonObject = { code: error.code, message: error.message, retryable: error.retryable };
	if (error.gatewayCode !== undefined) response.gatewayCode = error.gatewayCode;
	const gatewayCode = error.gatewayCode === undefined ? '' : ` (gateway code ${error.gatewayCode})`;
	return new NodeApiError(node, response, {
		message: error.message,
		description: `Error code: ${error.code}${gatewayCode}.${note ? ` ${note}` : ''}`,
		itemIndex,
		httpCode: error.code,
	});
}

/** Invalid input found before anything was sent. */
export function invalidInputError(node: INode, error: SmsError, itemIndex: number, note?: string): NodeOperationError {
	return new NodeOperationError(node, `Item ${itemIndex}: ${error.message}`, {
		itemIndex,
		description: `Error code: ${error.code}. Nothing was sent.${note ? ` ${note}` : ''}`,
	});
}
