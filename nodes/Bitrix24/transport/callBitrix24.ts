import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type ILoadOptionsFunctions,
	type IWebhookFunctions,
	type JsonObject,
} from 'n8n-workflow';
import { readBitrix24Answer, type Bitrix24Failure } from '../api/bitrix24Answer';

export const BITRIX24_CREDENTIAL = 'bitrix24OAuth2Api';

export type Bitrix24Context = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

interface Bitrix24Credentials {
	portalUrl: string;
	oauthTokenData?: { access_token?: string };
}

const TIMEOUT_MS = 30_000;

/** A Bitrix24 refusal as an n8n error: Bitrix24's code and description, never the token. */
export class Bitrix24ApiError extends NodeApiError {
	readonly bitrix24Failure: Bitrix24Failure;

	constructor(context: Bitrix24Context, method: string, failure: Bitrix24Failure, itemIndex?: number) {
		const response: JsonObject = { error: failure.code, error_description: failure.description, httpStatus: failure.httpStatus };
		super(context.getNode(), response, {
			message: `Bitrix24 refused ${method}: ${failure.description}`,
			description: hintFor(failure),
			httpCode: String(failure.httpStatus),
			itemIndex,
		});
		this.bitrix24Failure = failure;
	}
}

function hintFor(failure: Bitrix24Failure): string {
	const code = failure.code ? `Bitrix24 error ${failure.code}. ` : '';
	switch (failure.kind) {
		case 'forbidden':
			return `${code}The local application needs the permission (scope) for this method, and messageservice.* and event.* need an administrator who connected the credential.`;
		case 'unauthorized':
			return `${code}Reconnect the Bitrix24 credential.`;
		case 'expiredToken':
			return `${code}The token was renewed and is still refused: reconnect the Bitrix24 credential.`;
		default:
			return code.trim();
	}
}

/**
 * Calls one REST method with the credential's token as the `auth` parameter, in a JSON body (a
 * token in a URL ends up in logs). When Bitrix24 answers `expired_token`, asks n8n to renew the
 * token (n8n stores the new pair, and a concurrent renewal is reused) and calls again once: the
 * first call was refused, so nothing happened twice.
 */
export async function callBitrix24(
	context: Bitrix24Context,
	method: string,
	params: IDataObject = {},
	itemIndex?: number,
): Promise<unknown> {
	const credentials = (await context.getCredentials(BITRIX24_CREDENTIAL)) as unknown as Bitrix24Credentials;
	const portal = String(credentials.portalUrl ?? '').replace(/\/+$/, '');
	if (!/^https?:\/\/[^/]+/i.test(portal)) {
		throw new NodeOperationError(context.getNode(), 'The Bitrix24 credential has no valid portal address', {
			description: 'Set "Portal Address" to the address of your Bitrix24, for example https://your-company.bitrix24.ru',
			itemIndex,
		});
	}
	let token = credentials.oauthTokenData?.access_token;
	if (!token) {
		throw new NodeOperationError(context.getNode(), 'The Bitrix24 credential is not connected', {
			description: 'Open the credential and click "Connect my account".',
			itemIndex,
		});
	}
	const url = `${portal}/rest/${method}.json`;
	let answer = readBitrix24Answer(...(await post(context, url, params, token)));
	if (!answer.ok && answer.failure.kind === 'expiredToken') {
		token = await renewToken(context, itemIndex);
		if (!token) throw new Bitrix24ApiError(context, method, answer.failure, itemIndex);
		answer = readBitrix24Answer(...(await post(context, url, params, token)));
	}
	if (!answer.ok) throw new Bitrix24ApiError(context, method, answer.failure, itemIndex);
	return answer.result;
}

/** n8n's own OAuth2 refresh: it stores the new pair and shares one renewal between concurrent calls. */
async function renewToken(context: Bitrix24Context, itemIndex?: number): Promise<string | undefined> {
	try {
		const renewed = (await context.helpers.refreshOAuth2Token.call(context, BITRIX24_CREDENTIAL)) as { access_token?: string };
		return renewed?.access_token;
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new NodeOperationError(context.getNode(), `The Bitrix24 token could not be renewed: ${reason}`, {
			description: 'The refresh token lives 180 days and is refused once the application is removed: reconnect the Bitrix24 credential.',
			itemIndex,
		});
	}
}

async function post(context: Bitrix24Context, url: string, params: IDataObject, token: string): Promise<[number, string]> {
	let response: { statusCode?: number; body?: unknown };
	try {
		response = (await context.helpers.httpRequest({
			method: 'POST',
			url,
			body: JSON.stringify({ ...params, auth: token }),
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			encoding: 'text',
			json: false,
			timeout: TIMEOUT_MS,
		})) as { statusCode?: number; body?: unknown };
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		// The message of a network error names the host, never the body, so the token stays out.
		throw new NodeOperationError(context.getNode(), `Bitrix24 could not be reached: ${reason.split(token).join('***')}`);
	}
	const body = typeof response.body === 'string' ? response.body : Buffer.isBuffer(response.body) ? response.body.toString('utf8') : JSON.stringify(response.body ?? '');
	return [response.statusCode ?? 0, body];
}
