/** The Delivery Report URL option: checked before anything is sent, and only where a gateway takes one per send. */
import { validateReportUrl } from '../../../../nodes/core/reports/reportUrl';
import { findGatewayDefinition } from '../../../../nodes/gateways/registry';

const definition = (id: string) => findGatewayDefinition(id)!;

describe('validateReportUrl', () => {
	test('empty means none', () => {
		for (const value of [undefined, null, '', '   ']) expect(validateReportUrl(value, definition('smsAssistent'))).toEqual({ ok: true });
	});

	test('an absolute http(s) URL is taken as written (trimmed), secret included', () => {
		const url = 'https://n8n.example.com/webhook/abc/sms-delivery-report?secret=0123456789abcdef';
		expect(validateReportUrl(` ${url} `, definition('smsAssistent'))).toEqual({ ok: true, reportUrl: url });
	});

	test.each([
		['not a URL', '/webhook/x', 'absolute'],
		['another scheme', 'ftp://example.com/x', 'https://'],
		['a space inside', 'https://example.com/a b', 'spaces'],
		['too long', `https://example.com/${'a'.repeat(2100)}`, 'at most'],
		['not text', 42, 'must be text'],
	])('%s is refused, naming the option', (_name, value, reason) => {
		const check = validateReportUrl(value, definition('smsAssistent'));
		expect(check).toEqual({ ok: false, message: expect.stringContaining(reason) });
		expect(check.ok || check.message.startsWith('Delivery Report URL')).toBe(true);
	});

	test('A1 (callback from the contract) and gateways without reports refuse it, so nobody waits for reports that never come', () => {
		expect(validateReportUrl('https://example.com/x', definition('a1'))).toEqual({ ok: false, message: expect.stringContaining('contract') });
		expect(validateReportUrl('https://example.com/x', definition('smsClub'))).toEqual({ ok: false, message: expect.stringContaining('does not push') });
	});

	test('a refused URL is not echoed (it may carry the secret)', () => {
		const check = validateReportUrl('ftp://example.com/?secret=topsecret123', definition('smsAssistent'));
		expect(check.ok).toBe(false);
		expect(JSON.stringify(check)).not.toContain('topsecret123');
	});
});
