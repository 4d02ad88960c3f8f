import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';
import type { SmsError } from '../core/errors/SmsError';
import { toSmsError } from '../core/errors/toSmsError';

/** The `error` field of an output item. */
export function errorJson(error: SmsError): IDataObject {
	return {
		code: error.code,
		message: error.message,
		retryable: error.retryable,
		gatewayCode: error.gatewayCode ?? null,
	};
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

/** A failed account-wide call (Get Balance, List Senders): stop the run, or one error item with `emptyJson`'s keys. */
export function accountFailure(context: IExecuteFunctions, error: unknown, emptyJson: IDataObject): INodeExecutionData[] {
	const cause = toSmsError(error);
	if (!context.continueOnFail()) throw gatewayApiError(context.getNode(), cause);
	return [{ json: { ...emptyJson, error: errorJson(cause) }, pairedItem: { item: 0 } }];
}
