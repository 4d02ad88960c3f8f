import { callTooLarge } from '../../../nodes/Bitrix24/webhook/callTooLarge';

describe('callTooLarge', () => {
	it.each([
		['a declared length over the limit', { headers: { 'content-length': '1025' } }, true],
		['a body over the limit without a declared length (chunked)', { headers: {}, rawBody: Buffer.alloc(1025) }, true],
		['a text body over the limit in bytes, not characters', { headers: {}, rawBody: 'я'.repeat(513) }, true],
		['a body at the limit', { headers: { 'content-length': '1024' }, rawBody: Buffer.alloc(1024) }, false],
		['no body', { headers: {} }, false],
		['a declared length that is not a number', { headers: { 'content-length': 'lots' }, rawBody: Buffer.alloc(10) }, false],
	])('%s', (_, request, tooLarge) => {
		expect(callTooLarge(request, 1024)).toBe(tooLarge);
	});
});
