/** A1's delivery reports: the payload is not public, so the parser reads every guessed shape. */
import { a1Reports } from '../../../../nodes/gateways/a1/reportParser';

const read = (contentType: string, body: string) => {
	const reading = a1Reports.parse({ contentType, body });
	return reading.kind === 'statuses' ? reading.statuses.map((s) => [s.messageId, s.status.status, s.status.raw]) : reading;
};

describe('A1 report parser', () => {
	test.each([
		['one JSON object', 'application/json', '{"messageId":"1000","status":"DELIVERED","phone":"375291234567"}'],
		['snake case', 'application/json', '{"message_id":1000,"state":"DELIVERED"}'],
		['a data wrapper', 'application/json', '{"data":{"id":"1000","deliveryStatus":"DELIVERED"}}'],
		['a report wrapper', 'application/json', '{"report":{"msgId":"1000","dlr_status":"DELIVRD"}}'],
		['form fields', 'application/x-www-form-urlencoded', 'messageId=1000&status=DELIVERED'],
		['an SMPP receipt', 'text/plain', 'id:1000 sub:001 dlvrd:001 submit date:2612021000 done date:2612021001 stat:DELIVRD err:000'],
		['a numeric message_state', 'application/json', '{"messageId":"1000","message_state":2}'],
	])('%s', (_name, contentType, body) => {
		expect(read(contentType, body)).toEqual([['1000', 'delivered', expect.any(String)]]);
	});

	test('several reports in one body: an array, a list under a known name, receipts line by line', () => {
		const expected = [
			['1', 'delivered', 'DELIVERED'],
			['2', 'undelivered', 'UNDELIVERABLE'],
		];
		expect(read('application/json', '[{"messageId":"1","status":"DELIVERED"},{"messageId":"2","status":"UNDELIVERABLE"}]')).toEqual(expected);
		expect(read('application/json', '{"reports":[{"messageId":"1","status":"DELIVERED"},{"messageId":"2","status":"UNDELIVERABLE"}]}')).toEqual(expected);
		expect(read('text/plain', 'id:1 stat:DELIVERED\nid:2 stat:UNDELIVERABLE')).toEqual(expected);
	});

	test('what is not a report: no id or no status, ids that are path steps or have spaces, garbage', () => {
		for (const [contentType, body] of [
			['application/json', '{"messageId":"1000"}'],
			['application/json', '{"status":"DELIVERED"}'],
			['application/json', '{"messageId":"..","status":"DELIVERED"}'],
			['application/json', '{"messageId":"a b","status":"DELIVERED"}'],
			['application/json', '{not json'],
			['application/json', '"just a string"'],
			['text/plain', ''],
			['text/plain', 'hello'],
			['application/octet-stream', '\u0000\u0001\u0002'],
		]) {
			expect(a1Reports.parse({ contentType, body }).kind).toBe('malformed');
		}
	});
});
