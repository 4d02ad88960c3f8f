import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import type { ReportRequest } from '../../core/reports/DeliveryReport';

/** A report call as the trigger sees it: the secret it carried, its body as text, and the body's size. */
export interface ReportCall {
	givenSecret: unknown;
	request: ReportRequest;
	bodyBytes: number;
}

/**
 * n8n has read the body before the node runs (up to its own N8N_PAYLOAD_SIZE_MAX, 16 MB by
 * default) and keeps the bytes as `rawBody`; the parsers read those bytes, not n8n's parse, so
 * they see every field (n8n's form parsing stops at 1,000) and work alike in n8n 1.x and 2.x.
 */
export function readReportCall(context: IWebhookFunctions): ReportCall {
	const request = context.getRequestObject() as unknown as { rawBody?: unknown; headers: Record<string, string | string[] | undefined> };
	const contentType = String(request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
	const query = context.getQueryData() as IDataObject;
	const raw = Buffer.isBuffer(request.rawBody) ? request.rawBody : undefined;
	const body = raw ? raw.toString('utf8') : bodyFromParsed(context.getBodyData(), contentType);
	const declared = Number(request.headers['content-length']);
	return {
		givenSecret: query.secret,
		request: { contentType, body },
		bodyBytes: Math.max(raw?.length ?? Buffer.byteLength(body), Number.isFinite(declared) ? declared : 0),
	};
}

/** Without the raw bytes: the parsed body written back in the form it came in. */
function bodyFromParsed(parsed: unknown, contentType: string): string {
	if (typeof parsed === 'string') return parsed;
	if (!parsed || typeof parsed !== 'object') return '';
	if (contentType === 'application/x-www-form-urlencoded') {
		const form = new URLSearchParams();
		for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
			for (const one of Array.isArray(value) ? value : [value]) form.append(name, String(one));
		}
		return form.toString();
	}
	return Object.keys(parsed).length === 0 ? '' : JSON.stringify(parsed);
}
