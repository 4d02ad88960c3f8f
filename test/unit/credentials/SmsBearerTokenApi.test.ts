import { Workflow, type ICredentialDataDecryptedObject, type INodeTypes } from 'n8n-workflow';
import { SmsBearerTokenApi } from '../../../credentials/SmsBearerTokenApi.credentials';

/** Evaluates the credential test request's expressions the way n8n does, for given field values. */
function resolveTestRequest(credentials: ICredentialDataDecryptedObject) {
	const nodeTypes = {
		getByName: () => ({ description: { properties: [] } }),
		getByNameAndVersion: () => ({ description: { properties: [] } }),
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const node = { id: '1', name: 'Test', type: 'test', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const evaluate = (value: unknown) =>
		workflow.expression.getSimpleParameterValue(node, value as string, 'manual', { $credentials: credentials } as never);
	const { request } = new SmsBearerTokenApi().test;
	return {
		baseURL: evaluate(request.baseURL),
		url: evaluate(request.url),
		method: evaluate(request.method),
		authorization: evaluate((request.headers as Record<string, string>).Authorization),
	};
}

describe('SMS Bearer Token API credential', () => {
	it('tests SMSClub with POST /sms/balance and a bearer token, on the default base URL', () => {
		// A stale A1 "basic" choice must not matter once SMSClub is chosen.
		expect(resolveTestRequest({ gateway: 'smsClub', authType: 'basic', token: 'tok-1', baseUrl: '' })).toEqual({
			baseURL: 'https://im.smsclub.mobi',
			url: '/sms/balance',
			method: 'POST',
			authorization: 'Bearer tok-1',
		});
	});

	it('tests A1 with GET /api/sms/balance, Basic built from username and password', () => {
		expect(
			resolveTestRequest({ gateway: 'a1', authType: 'basic', username: 'user', password: 'pa:ss', baseUrl: 'https://a1.example' }),
		).toEqual({
			baseURL: 'https://a1.example',
			url: '/api/sms/balance',
			method: 'GET',
			authorization: `Basic ${Buffer.from('user:pa:ss').toString('base64')}`,
		});
		expect(resolveTestRequest({ gateway: 'a1', authType: 'bearer', token: 'tok-2', baseUrl: 'https://a1.example' }).authorization).toBe(
			'Bearer tok-2',
		);
	});

	it('reports a 401 as a rejected token and keeps secrets out of the URL', () => {
		const credential = new SmsBearerTokenApi();
		expect(credential.test.rules).toEqual(
			expect.arrayContaining([expect.objectContaining({ type: 'responseCode', properties: expect.objectContaining({ value: 401 }) })]),
		);
		const { request } = credential.test;
		expect(`${request.baseURL}${request.url}`).not.toMatch(/token|password/);
		expect(request.qs).toBeUndefined();
	});

	it('hides every secret field behind a password input', () => {
		const secrets = new SmsBearerTokenApi().properties.filter((p) => p.name === 'token' || p.name === 'password');
		expect(secrets.length).toBe(3);
		for (const field of secrets) expect(field.typeOptions?.password).toBe(true);
	});
});
