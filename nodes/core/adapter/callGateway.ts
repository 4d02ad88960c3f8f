import { SmsGatewayError } from '../errors/SmsError';
import { smsError } from '../errors/errorTable';
import { TransportError, type HttpRequest, type HttpResponse, type HttpTransport } from './http';

/**
 * Sends one request and turns transport failures into the error model. `idempotent` says whether
 * repeating the request is harmless: a send is not, so when its answer is lost the outcome is
 * `outcome_unknown` and nobody may retry it blindly.
 */
export async function callGateway(
	transport: HttpTransport,
	request: HttpRequest,
	gatewayName: string,
	idempotent: boolean,
): Promise<HttpResponse> {
	try {
		return await transport(request);
	} catch (error) {
		if (error instanceof TransportError && error.failure === 'not_sent') {
			throw new SmsGatewayError(smsError('unavailable', `${gatewayName} could not be reached: ${error.message}`));
		}
		const reason = error instanceof Error ? error.message : String(error);
		if (idempotent) {
			throw new SmsGatewayError(smsError('unavailable', `${gatewayName} did not answer: ${reason}`));
		}
		throw new SmsGatewayError(
			smsError(
				'outcome_unknown',
				`${gatewayName} did not answer (${reason}); the message may or may not have been sent, so it was not sent again. Check its status or the gateway's dashboard before re-sending.`,
			),
		);
	}
}

/** Seconds from a Retry-After header (delta-seconds or HTTP date); undefined when absent or unreadable. */
export function parseRetryAfter(headers: Record<string, string>, now: Date = new Date()): number | undefined {
	const value = headers['retry-after'];
	if (value === undefined || value.trim() === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.ceil(Number(value));
	const date = Date.parse(value);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}

/**
 * A short, secret-free excerpt of an unexpected answer, for error messages. An HTML page (a
 * proxy's or web server's error page) is named by its title, not quoted: its markup says nothing
 * to the reader and can carry scripts and the request it echoes.
 */
export function describeBody(response: HttpResponse): string {
	const html = htmlTitle(response.body);
	if (html !== undefined) return `HTTP ${response.status}, an HTML page${html ? ` titled "${html}"` : ''}`;
	const text = response.body.replace(/\s+/g, ' ').trim();
	const excerpt = text.length > 120 ? `${text.slice(0, 120)}…` : text;
	return `HTTP ${response.status}${excerpt ? `, body: ${excerpt}` : ', empty body'}`;
}

/** The page's title (or first heading) when the body is HTML, '' when it has none; undefined when it is not HTML. */
function htmlTitle(body: string): string | undefined {
	const start = body.trimStart().slice(0, 200).toLowerCase();
	if (!/^(<!doctype html|<html|<head|<body|<\?xml[^>]*>\s*<!doctype html)/.test(start) && !/<html[\s>]/.test(start)) return undefined;
	const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(body) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(body);
	const title = match ? match[1].replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim() : '';
	return title.length > 80 ? `${title.slice(0, 80)}…` : title;
}
