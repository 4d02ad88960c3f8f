/** SMS-assistent's delivery reports: form fields `<sms_id>=<status>`, one per message. */
import { smsAssistentReports } from '../../../../nodes/gateways/smsAssistent/reportParser';

const form = 'application/x-www-form-urlencoded';

describe('SMS-assistent report parser', () => {
	test('one field per message, each status in our model with the word kept', () => {
		const reading = smsAssistentReports.parse({ contentType: form, body: '1001=Delivered&1002=Rejected&1003=Sent&1004=Expired&1005=Failed' });
		expect(reading).toEqual({
			kind: 'statuses',
			statuses: [
				{ messageId: '1001', status: { status: 'delivered', final: true, raw: 'Delivered' } },
				{ messageId: '1002', status: { status: 'undelivered', final: true, raw: 'Rejected' } },
				{ messageId: '1003', status: { status: 'sent', final: false, raw: 'Sent' } },
				{ messageId: '1004', status: { status: 'expired', final: true, raw: 'Expired' } },
				{ messageId: '1005', status: { status: 'failed', final: true, raw: 'Failed' } },
			],
		});
	});

	test('the Russian words and any letter case are read too; an unknown word is kept as unknown', () => {
		const reading = smsAssistentReports.parse({ contentType: form, body: `7=${encodeURIComponent('Доставлено')}&8=delivered&9=Whatever` });
		expect(reading.kind === 'statuses' && reading.statuses.map((s) => [s.messageId, s.status.status, s.status.raw])).toEqual([
			['7', 'delivered', 'Доставлено'],
			['8', 'delivered', 'delivered'],
			['9', 'unknown', 'Whatever'],
		]);
	});

	test('fields that are not message ids are ignored; a body without one is not a report', () => {
		const reading = smsAssistentReports.parse({ contentType: form, body: 'foo=bar&1001=Delivered&0=Sent&-5=Sent&12a=Sent' });
		expect(reading.kind === 'statuses' && reading.statuses.map((s) => s.messageId)).toEqual(['1001']);
		for (const body of ['', 'foo=bar', '<xml/>', '{"1001":"Delivered"}', 'x'.repeat(1000)]) {
			expect(smsAssistentReports.parse({ contentType: form, body }).kind).toBe('malformed');
		}
	});

	test('a JSON or XML body is not what SMS-assistent posts', () => {
		expect(smsAssistentReports.parse({ contentType: 'application/json', body: '1001=Delivered' })).toEqual({ kind: 'malformed', reason: expect.stringContaining('application/json') });
		expect(smsAssistentReports.parse({ contentType: '', body: '1001=Delivered' }).kind).toBe('statuses');
	});
});
