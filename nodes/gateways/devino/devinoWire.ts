/**
 * Devino's wire format: form-encoded requests, small JSON answers. Parsers return undefined for an
 * answer of the wrong shape; the caller decides what that means for its operation.
 */
export type FormFields = ReadonlyArray<readonly [string, string]>;

export const DEVINO_DEFAULT_BASE_URL = 'https://integrationapi.net/rest';

/** Devino reads `sendDate` as Moscow time (GMT+3, no daylight saving) without a zone designator. */
const MOSCOW_OFFSET_MS = 3 * 3600_000;

export function formEncode(fields: FormFields): string {
	const form = new URLSearchParams();
	for (const [name, value] of fields) form.append(name, value);
	return form.toString();
}

export function toMoscowTime(date: Date): string {
	return new Date(date.getTime() + MOSCOW_OFFSET_MS).toISOString().slice(0, 19);
}

function parseJson(body: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(body) };
	} catch {
		return { ok: false };
	}
}

/** `/user/sessionid` answers a JSON string of 36 characters (a GUID). */
export function parseSessionId(body: string): string | undefined {
	const parsed = parseJson(body);
	if (!parsed.ok || typeof parsed.value !== 'string') return undefined;
	return /^[0-9A-Za-z-]{36}$/.test(parsed.value) ? parsed.value : undefined;
}

/** `/user/balance` answers a bare number. */
export function parseBalance(body: string): number | undefined {
	const parsed = parseJson(body);
	if (!parsed.ok) return undefined;
	const value = typeof parsed.value === 'string' && parsed.value.trim() !== '' ? Number(parsed.value) : parsed.value;
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * `/sms/send` and `/sms/sendbulk` answer an array of segment ids, as strings or numbers. Numbers
 * are read from the text itself so that ids beyond 2^53 keep every digit.
 */
export function parseSegmentIds(body: string): string[] | undefined {
	const parsed = parseJson(body);
	if (!parsed.ok || !Array.isArray(parsed.value) || parsed.value.length === 0) return undefined;
	const tokens = body.match(/"[^"]*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g) ?? [];
	if (tokens.length !== parsed.value.length) return undefined;
	const ids = tokens.map((token) => token.replace(/^"|"$/g, '').trim());
	return ids.every((id) => /^\d+$/.test(id)) ? ids : undefined;
}

/** `/sms/state` answers `{State, StateDescription, …}`; State is a number. */
export function parseState(body: string): { state: string; description?: string } | undefined {
	const parsed = parseJson(body);
	if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return undefined;
	const { State, StateDescription } = parsed.value as { State?: unknown; StateDescription?: unknown };
	const state = typeof State === 'number' || typeof State === 'string' ? String(State).trim() : '';
	if (!/^-?\d+$/.test(state)) return undefined;
	return { state, description: typeof StateDescription === 'string' ? StateDescription : undefined };
}

/** An error answer `{Code, Desc}`. */
export function parseErrorBody(body: string): { code: string | number; desc?: string } | undefined {
	const parsed = parseJson(body);
	if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return undefined;
	const { Code, Desc } = parsed.value as { Code?: unknown; Desc?: unknown };
	if (typeof Code !== 'number' && typeof Code !== 'string') return undefined;
	return { code: Code, desc: typeof Desc === 'string' ? Desc : undefined };
}
