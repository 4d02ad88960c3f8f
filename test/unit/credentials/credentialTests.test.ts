import { Workflow, type ICredentialDataDecryptedObject, type ICredentialType, type INodeTypes } from 'n8n-workflow';
import { A1Api } from '../../../credentials/A1Api.credentials';
import { IntegrationApiNetApi } from '../../../credentials/IntegrationApiNetApi.credentials';
import { SmsAssistentApi } from '../../../credentials/SmsAssistentApi.credentials';
import { SmsClubApi } from '../../../credentials/SmsClubApi.credentials';
import { GATEWAY_DEFINITIONS } from '../../../nodes/gateways/registry';

const CREDENTIALS: ICredentialType[] = [new SmsAssistentApi(), new A1Api(), new SmsClubApi(), new IntegrationApiNetApi()];

/** Evaluates a credential test request's expressions the way n8n does, for given field values. */
function resolveTestRequest(credential: ICredentialType, values: ICredentialDataDecryptedObject) {
	const nodeTypes = {
		getByName: () => ({ description: { properties: [] } }),
		getByNameAndVersion: () => ({ description: { properties: [] } }),
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const node = { id: '1', name: 'Test', type: 'test', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const evaluate = (value: unknown) =>
		workflow.expression.getSimpleParameterValue(node, value as string, 'manual', { $credentials: values } as never);
	const request = credential.test?.request;
	if (!request) throw new Error(`${credential.name} has no test`);
	return {
		baseURL: evaluate(request.baseURL),
		url: evaluate(request.url),
		method: evaluate(request.method),
		authorization: evaluate((request.headers as Record<string, string> | undefined)?.Authorization),
	};
}

describe('one credential type per gateway', () => {
	it('every gateway names its own credential type, and the package ships them (and no shared one)', () => {
		const names = GATEWAY_DEFINITIONS.map((d) => d.credentialName);
		expect(new Set(names).size).toBe(names.length);
		expect(CREDENTIALS.map((c) => c.name).sort()).toEqual([...names].sort());
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const pkg = require('../../../package.json') as { n8n: { credentials: string[] } };
		const shipped = pkg.n8n.credentials.map((f) => f.replace(/^dist\/credentials\/(.*)\.credentials\.js$/, '$1'));
		expect(shipped).toEqual(expect.arrayContaining(CREDENTIALS.map((c) => c.constructor.name)));
		expect(shipped).not.toContain('SmsBearerTokenApi');
	});

	it.each(CREDENTIALS.map((c) => [c.name, c] as const))(
		'%s: a test request, secrets behind password inputs and out of the URL, no gateway switch',
		(_name, credential) => {
			expect(credential.test?.rules?.length).toBeGreaterThan(0);
			const request = credential.test?.request;
			expect(`${request?.baseURL}${request?.url}`).not.toMatch(/token|password/);
			expect(request?.qs).toBeUndefined();
			for (const field of credential.properties.filter((p) => ['token', 'password'].includes(p.name))) expect(field.typeOptions?.password).toBe(true);
			expect(credential.properties.map((p) => p.name)).not.toContain('gateway');
		},
	);
});

describe('A1 API credential', () => {
	it('tests with GET /api/sms/balance on the contract address, bearer token by default', () => {
		expect(resolveTestRequest(new A1Api(), { authType: 'bearer', token: 'tok-2', baseUrl: 'https://a1.example' })).toEqual({
			baseURL: 'https://a1.example',
			url: '/api/sms/balance',
			method: 'GET',
			authorization: 'Bearer tok-2',
		});
	});

	it('builds Basic from username and password', () => {
		expect(resolveTestRequest(new A1Api(), { authType: 'basic', username: 'user', password: 'pa:ss', baseUrl: 'https://a1.example' }).authorization).toBe(
			`Basic ${Buffer.from('user:pa:ss').toString('base64')}`,
		);
	});

	it('needs the base URL (A1 has no public address) and reports 401/403 as refused credentials', () => {
		const credential = new A1Api();
		expect(credential.properties.find((p) => p.name === 'baseUrl')).toMatchObject({ required: true, default: '' });
		expect(credential.test.rules?.map((r) => (r.properties as { value: number }).value)).toEqual([401, 403]);
	});
});

describe('SMSClub API credential', () => {
	it('tests with POST /sms/balance and a bearer token, on the documented address by default', () => {
		expect(resolveTestRequest(new SmsClubApi(), { token: 'tok-1', baseUrl: '' })).toEqual({
			baseURL: 'https://im.smsclub.mobi',
			url: '/sms/balance',
			method: 'POST',
			authorization: 'Bearer tok-1',
		});
		expect(resolveTestRequest(new SmsClubApi(), { token: 'tok-1', baseUrl: 'http://127.0.0.1:9' }).baseURL).toBe('http://127.0.0.1:9');
	});

	it('has only the token and the base URL', () => {
		expect(new SmsClubApi().properties.map((p) => p.name)).toEqual(['token', 'baseUrl']);
	});
});
