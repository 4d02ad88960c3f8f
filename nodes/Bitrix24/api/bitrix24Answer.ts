/**
 * What a Bitrix24 REST answer means, without n8n: `{result, time}` on success, or
 * `{error, error_description}` with the HTTP statuses Bitrix24 lists for its system errors
 * (https://apidocs.bitrix24.com/settings/how-to-call-rest-api/index.html). Plain TypeScript
 * so that the table is read and tested on its own.
 */
export type Bitrix24Answer = { ok: true; result: unknown } | { ok: false; failure: Bitrix24Failure };

export interface Bitrix24Failure {
	/** Bitrix24's `error` ('' for some "Not found" answers), or ours when the answer is not Bitrix24's. */
	code: string;
	/** Bitrix24's `error_description`, or ours. */
	description: string;
	httpStatus: number;
	/** What happened, in our words. */
	kind: Bitrix24FailureKind;
}

export type Bitrix24FailureKind =
	| 'expiredToken'
	| 'unauthorized'
	| 'forbidden'
	| 'notFound'
	| 'invalidRequest'
	| 'rateLimited'
	| 'unavailable'
	| 'unexpectedAnswer';

/** Bitrix24 error codes whose meaning is not plain from the HTTP status. */
const KIND_BY_CODE: Record<string, Bitrix24FailureKind> = {
	expired_token: 'expiredToken',
	invalid_token: 'unauthorized',
	NO_AUTH_FOUND: 'unauthorized',
	INVALID_CREDENTIALS: 'forbidden',
	ACCESS_DENIED: 'forbidden',
	insufficient_scope: 'forbidden',
	user_access_error: 'forbidden',
	ERROR_METHOD_NOT_FOUND: 'notFound',
	QUERY_LIMIT_EXCEEDED: 'rateLimited',
	OVERLOAD_LIMIT: 'unavailable',
	INTERNAL_SERVER_ERROR: 'unavailable',
	PORTAL_DELETED: 'unavailable',
};

function kindOfStatus(status: number): Bitrix24FailureKind {
	if (status === 401) return 'unauthorized';
	if (status === 403) return 'forbidden';
	if (status === 404) return 'notFound';
	if (status === 429) return 'rateLimited';
	if (status >= 500) return 'unavailable';
	return 'invalidRequest';
}

/** Reads an answer's status and body text. */
export function readBitrix24Answer(status: number, body: string): Bitrix24Answer {
	let parsed: unknown;
	try {
		parsed = JSON.parse(body);
	} catch {
		parsed = undefined;
	}
	const record = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
	if (record && typeof record.error === 'string') {
		const code = record.error;
		const description = typeof record.error_description === 'string' ? record.error_description : code;
		return { ok: false, failure: { code, description, httpStatus: status, kind: KIND_BY_CODE[code] ?? kindOfStatus(status) } };
	}
	if (status >= 200 && status < 300 && record && 'result' in record) return { ok: true, result: record.result };
	return {
		ok: false,
		failure: {
			code: '',
			description: `Bitrix24 answered HTTP ${status} without a REST result${status >= 300 && status < 400 ? ' (a redirect: check the portal address)' : ''}`,
			httpStatus: status,
			kind: status >= 500 ? 'unavailable' : 'unexpectedAnswer',
		},
	};
}
