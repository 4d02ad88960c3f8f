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

/** A short, secret-free excerpt of an unexpected answer, for error messages. */
export function describeBody(response: HttpResponse): string {
	const text = response.body.replace(/\s+/g, ' ').trim();
	const excerpt = text.length > 120 ? `${text.slice(0, 120)}…` : text;
	return `HTTP ${response.status}${excerpt ? `, body: ${excerpt}` : ', empty body'}`;
}
