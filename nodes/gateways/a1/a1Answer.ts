/**
 * What an A1 answer says, read tolerantly. The response shapes are not public (the vendor's docs
 * come with the contract), so the names below are a [guess]: the emulator answers
 * `{"code":0,"messageId":"1000"}`, `{"code":0,"messageId":"1000","status":"DELIVERED"}` and
 * `{"code":0,"balance":12.5,"currency":"BYN"}`, and the obvious variants (`result`/`errorCode`,
 * `message_id`/`id`, numbers as strings, a `data` wrapper) are read the same way.
 */
export interface A1Answer {
	/** Result code as text ("0" success, "1" … "5" errors); undefined when the answer has none. */
	code?: string;
	messageId?: string;
	status?: string;
	parts?: number;
	balance?: number;
	currency?: string;
	message?: string;
}

const CODE_FIELDS = ['code', 'result', 'resultCode', 'result_code', 'errorCode', 'error_code'];
const ID_FIELDS = ['messageId', 'message_id', 'msgId', 'msg_id', 'id'];
const STATUS_FIELDS = ['status', 'state', 'deliveryStatus', 'delivery_status'];
const PARTS_FIELDS = ['parts', 'segments', 'partsCount', 'parts_count'];
const BALANCE_FIELDS = ['balance', 'amount'];
const CURRENCY_FIELDS = ['currency', 'unit'];
const MESSAGE_FIELDS = ['message', 'description', 'errorMessage', 'error_message', 'error'];

/** undefined when the body is not a JSON object (HTML page, cut-off JSON, plain text). */
export function readA1Answer(body: string): A1Answer | undefined {
	let parsed: unknown;
	try {
		parsed = JSON.parse(body);
	} catch {
		return undefined;
	}
	if (!isObject(parsed)) return undefined;
	const fields = isObject(parsed.data) ? { ...parsed.data, ...parsed } : parsed;
	const nestedError = isObject(parsed.error) ? parsed.error : {};
	return {
		code: pick(fields, CODE_FIELDS, integerText) ?? pick(nestedError, ['code'], integerText),
		messageId: pick(fields, ID_FIELDS, scalarText),
		status: pick(fields, STATUS_FIELDS, scalarText),
		parts: pick(fields, PARTS_FIELDS, positiveInteger),
		balance: pick(fields, BALANCE_FIELDS, decimal),
		currency: pick(fields, CURRENCY_FIELDS, scalarText),
		message: pick(fields, MESSAGE_FIELDS, scalarText) ?? pick(nestedError, ['message'], scalarText),
	};
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first of the named fields that reads as the wanted kind of value. */
function pick<T>(object: Record<string, unknown>, names: string[], read: (value: unknown) => T | undefined): T | undefined {
	for (const name of names) {
		const value = read(object[name]);
		if (value !== undefined) return value;
	}
	return undefined;
}

function scalarText(value: unknown): string | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	return text === '' ? undefined : text;
}

function integerText(value: unknown): string | undefined {
	const text = scalarText(value);
	return text !== undefined && /^-?\d+$/.test(text) ? String(Number(text)) : undefined;
}

function positiveInteger(value: unknown): number | undefined {
	const text = integerText(value);
	return text !== undefined && Number(text) > 0 ? Number(text) : undefined;
}

/** "12.5", 12.5 and "12,50" (a decimal comma, common in the region) are all 12.5. */
function decimal(value: unknown): number | undefined {
	const text = scalarText(value);
	if (text === undefined) return undefined;
	const normalized = text.replace(/\s/g, '').replace(',', '.');
	return /^-?\d+(\.\d+)?$/.test(normalized) ? Number(normalized) : undefined;
}
