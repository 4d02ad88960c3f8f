import { SmsGatewayError } from '../../../../nodes/core/errors/SmsError';
import { smsError } from '../../../../nodes/core/errors/errorTable';
import { redactError, redactResponse, redactSecrets } from '../../../../nodes/core/adapter/redactSecrets';

const SECRET = 'p@ss w"rd&<1>';

describe('redactSecrets', () => {
	it.each([
		['as typed', SECRET],
		['form-encoded', new URLSearchParams({ password: SECRET }).toString()],
		['URL-encoded', encodeURIComponent(SECRET)],
		['JSON-escaped', JSON.stringify({ password: SECRET })],
		['XML-escaped', '<package password="p@ss w&quot;rd&amp;&lt;1&gt;"/>'],
	])('masks a secret echoed %s', (_name, echoed) => {
		const masked = redactSecrets(`error near ${echoed} here`, [SECRET]);
		expect(masked).toContain('***');
		expect(masked).not.toContain('rd&');
		expect(masked).not.toContain('rd%26');
		expect(masked).not.toContain('rd&amp;');
	});

	it('leaves a text without secrets, and ignores empty secrets', () => {
		expect(redactSecrets('nothing to hide', ['', 'absent'])).toBe('nothing to hide');
	});

	it('masks the body of an answer before anyone cuts an excerpt of it', () => {
		const response = { status: 400, headers: {}, body: `login=demo&password=${encodeURIComponent(SECRET)}` };
		expect(redactResponse(response, [SECRET]).body).toBe('login=demo&password=***');
	});

	it('masks the message and gateway text of an SmsGatewayError and passes other errors through', () => {
		const error = new SmsGatewayError(smsError('bad_request', `refused ${SECRET}`, { gatewayMessage: `echo ${SECRET}`, gatewayCode: 400 }));
		const masked = redactError(error, [SECRET]) as SmsGatewayError;
		expect(masked.message).toBe('refused ***');
		expect(masked.error).toMatchObject({ code: 'bad_request', gatewayCode: 400, gatewayMessage: 'echo ***' });
		const other = new Error(SECRET);
		expect(redactError(other, [SECRET])).toBe(other);
	});
});
