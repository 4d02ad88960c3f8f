import { NodeApiError } from 'n8n-workflow';
import { TransportError } from '../../../nodes/core/adapter/http';
import { toTransportError } from '../../../nodes/glue/n8nTransport';

const node = { id: '1', name: 'SMS Gateway', type: 'smsGateway', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };

/** The secrets sit in the config and in every text, as n8n's wrappers may quote the request. */
function axiosLikeError(code: string) {
	const cause = Object.assign(new Error(`connect ${code} 127.0.0.1:1 password=Top-Secret-0`), { code });
	return Object.assign(new Error(`request failed: ${code} (body password=Top-Secret-1)`), {
		name: 'AxiosError',
		isAxiosError: true,
		code,
		config: { body: 'password=Top-Secret-1', headers: { Authorization: 'Bearer Top-Secret-2' } },
		cause,
	});
}

describe('toTransportError', () => {
	test.each([
		['ECONNREFUSED', 'not_sent'],
		['ENOTFOUND', 'not_sent'],
		['EAI_AGAIN', 'not_sent'],
		['ECONNRESET', 'no_response'],
		['ECONNABORTED', 'no_response'],
		['ETIMEDOUT', 'no_response'],
		['EPIPE', 'no_response'],
	])('%s → %s, also when n8n wraps it in a NodeApiError', (code, failure) => {
		for (const error of [axiosLikeError(code), new NodeApiError(node, axiosLikeError(code) as never)]) {
			const converted = toTransportError(error);
			expect(converted).toBeInstanceOf(TransportError);
			expect(converted.failure).toBe(failure);
			expect(converted.message).toContain(code);
			expect(converted.message).not.toMatch(/Top-Secret/);
		}
	});

	test('an error without a code may have reached the server', () => {
		const converted = toTransportError(new Error('socket hang up, token=Top-Secret-3'));
		expect(converted.failure).toBe('no_response');
		expect(converted.message).toBe('the request failed without an answer (Error)');
		expect(converted.message).not.toMatch(/Top-Secret/);
	});

	test("a failure inside n8n's helper before it used its HTTP client (a database read that timed out) was not sent", () => {
		const converted = toTransportError(new NodeApiError(node, new Error('timeout exceeded when trying to connect, password=Top-Secret-4') as never));
		expect(converted.failure).toBe('not_sent');
		expect(converted.message).toBe('n8n failed before making the request (NodeApiError ← Error)');
	});

	test.each([
		['an axios error without a code', () => new NodeApiError(node, Object.assign(new Error('stream has been aborted'), { isAxiosError: true }) as never)],
		['an error n8n 2.x marks as coming from its HTTP requests', () => new NodeApiError(node, Object.assign(new Error('terminated'), { [Symbol.for('n8n.backend-network.http-request-error')]: true }) as never)],
		['a cause with a network code further down', () => new NodeApiError(node, Object.assign(new Error('fetch failed'), { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }) as never)],
		['an error n8n did not wrap (it may have failed while wrapping an HTTP error)', () => new TypeError("Cannot read properties of undefined (reading 'status')")],
		['a wrapped value that is not an Error', () => new NodeApiError(node, { message: 'no cause to inspect' } as never)],
	])('%s may have reached the server', (_, make) => {
		const converted = toTransportError(make());
		expect(converted.failure).toBe('no_response');
		expect(converted.message).not.toMatch(/Top-Secret/);
	});
});
