import { SmsGatewayError } from '../../../../nodes/core/errors/SmsError';
import { resolveBaseUrl } from '../../../../nodes/core/adapter/baseUrl';

const errorOf = (value: string) => {
	try {
		resolveBaseUrl(value, 'https://default.example/api', 'Gateway');
	} catch (error) {
		return (error as SmsGatewayError).error;
	}
	throw new Error('expected a refusal');
};

describe('resolveBaseUrl', () => {
	test('https, loopback http, the default, and no trailing slash', () => {
		expect(resolveBaseUrl('https://gw.example/api/', '', 'G')).toBe('https://gw.example/api');
		expect(resolveBaseUrl('http://127.0.0.1:8701', '', 'G')).toBe('http://127.0.0.1:8701');
		expect(resolveBaseUrl('  ', 'https://default.example/api', 'G')).toBe('https://default.example/api');
	});

	test('plain http elsewhere and credentials in the URL are refused', () => {
		expect(errorOf('http://gw.example/api').code).toBe('bad_request');
		expect(errorOf('https://user:s3cret@gw.example/api').message).not.toContain('s3cret');
	});

	test('an unparseable value is refused without being quoted (someone may have pasted a secret)', () => {
		const error = errorOf('not a url s3cret-token');
		expect(error.code).toBe('bad_request');
		expect(error.message).not.toContain('s3cret');
	});
});
