/**
 * Whether a call to a Bitrix24 trigger is larger than any call Bitrix24 makes. Bitrix24's handler
 * and event calls are small forms (the message, its recipient, the auth block); anything much
 * larger is refused with 413 before it is read, verified or handed to the workflow. n8n itself
 * has already read the body at this point (up to N8N_PAYLOAD_SIZE_MAX, 16 MiB by default): lower
 * that setting to keep big bodies out of memory too.
 */
export const MAX_HANDLER_CALL_BYTES = 256 * 1024;
export const MAX_EVENT_CALL_BYTES = 32 * 1024;

interface IncomingCall {
	headers: Record<string, string | string[] | undefined>;
	rawBody?: Buffer | string;
}

export function callTooLarge(request: IncomingCall, maxBytes: number): boolean {
	const declared = Number(request.headers['content-length']);
	if (Number.isFinite(declared) && declared > maxBytes) return true;
	const raw = request.rawBody;
	const size = raw === undefined ? 0 : typeof raw === 'string' ? Buffer.byteLength(raw) : raw.length;
	return size > maxBytes;
}
