/**
 * The Bitrix24 transport inside n8n-core's real ExecuteContext, against the portal emulator: the
 * token goes as the `auth` parameter, an expired token is renewed through n8n's own OAuth2 refresh
 * (and the renewed pair stored), Bitrix24 refusals become NodeApiErrors without the token.
 */
import type { IExecuteFunctions, INodeType, ICredentialDataDecryptedObject } from 'n8n-workflow';
import { runNode } from '../../harness/runNode';
import { callBitrix24 } from '../../../nodes/Bitrix24/transport/callBitrix24';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const bitrix24 = require('../../emulators/bitrix24') as {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	start(options?: object): Promise<any>;
	DEFAULT_ACCOUNT: Record<string, string>;
};
const ACCOUNT = bitrix24.DEFAULT_ACCOUNT;

/** A node that calls one method with the parameters it is given: the transport, nothing else. */
const CALLER: INodeType = {
	description: {
		displayName: 'Bitrix24 Call',
		name: 'bitrix24Call',
		group: ['transform'],
		version: 1,
		description: 'test',
		defaults: { name: 'Bitrix24 Call' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'bitrix24OAuth2Api', required: true }],
		properties: [
			{ displayName: 'Method', name: 'method', type: 'string', default: '' },
			{ displayName: 'Params', name: 'params', type: 'string', default: '{}' },
		],
	},
	async execute(this: IExecuteFunctions) {
		const method = this.getNodeParameter('method', 0) as string;
		const params = JSON.parse(this.getNodeParameter('params', 0) as string);
		const result = await callBitrix24(this, method, params, 0);
		return [[{ json: { result } as never, pairedItem: { item: 0 } }]];
	},
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
let emulator: any;
beforeAll(async () => {
	emulator = await bitrix24.start();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

function credentialFor(tokens: Record<string, unknown>): Record<string, ICredentialDataDecryptedObject> {
	return {
		bitrix24OAuth2Api: {
			portalUrl: `${emulator.url}/`,
			authorizationServer: emulator.url,
			authUrl: `${emulator.url}/oauth/authorize/`,
			accessTokenUrl: `${emulator.url}/oauth/token/`,
			clientId: ACCOUNT.clientId,
			clientSecret: ACCOUNT.clientSecret,
			grantType: 'authorizationCode',
			authentication: 'body',
			scope: '',
			authQueryParameters: '',
			oauthTokenData: { token_type: 'bearer', ...tokens },
		},
	};
}

const run = (credentials: Record<string, ICredentialDataDecryptedObject>, method: string, params: object = {}) =>
	runNode({
		node: { type: CALLER, name: 'Bitrix24 Call', typeName: 'n8n-nodes-sms-gateways.bitrix24Call' },
		parameters: { method, params: JSON.stringify(params) },
		credentials,
	});

describe('callBitrix24', () => {
	it('calls a method with the token as the auth parameter in the body, never in the URL', async () => {
		const credentials = credentialFor(emulator.issueTokens());
		const [item] = await run(credentials, 'crm.lead.get', { id: 98 });
		expect((item.json.result as { TITLE: string }).TITLE).toBe('Website request');
		const request = emulator.ledger.requests.at(-1);
		expect(request.path).toBe('/rest/crm.lead.get.json');
		expect(request.query).toBe('');
		expect(JSON.parse(request.body).auth).toBe(credentials.bitrix24OAuth2Api.oauthTokenData && (credentials.bitrix24OAuth2Api.oauthTokenData as { access_token: string }).access_token);
	});

	it('renews an expired token once through n8n, stores the new pair, and the call succeeds', async () => {
		const tokens = emulator.issueTokens();
		const credentials = credentialFor(tokens);
		emulator.expireAccessTokens();
		const [item] = await run(credentials, 'messageservice.sender.list');
		expect(item.json.result).toEqual([]);
		const stored = credentials.bitrix24OAuth2Api.oauthTokenData as { access_token: string; refresh_token: string };
		expect(stored.access_token).not.toBe(tokens.access_token);
		expect(stored.refresh_token).not.toBe(tokens.refresh_token);
		const paths = emulator.ledger.requests.map((r: { path: string }) => r.path);
		expect(paths).toEqual(['/rest/messageservice.sender.list.json', '/oauth/token/', '/rest/messageservice.sender.list.json']);
		// The next run uses the stored pair without renewing again.
		await run(credentials, 'messageservice.sender.list');
		expect(emulator.ledger.requests.filter((r: { path: string }) => r.path === '/oauth/token/')).toHaveLength(1);
	});

	it('turns Bitrix24 refusals into errors that name the method and the reason, without the token', async () => {
		const tokens = emulator.issueTokens();
		const credentials = credentialFor(tokens);
		const error = await run(credentials, 'crm.lead.get', { id: 404 }).then(
			() => undefined,
			(e: Error & { description?: string }) => e,
		);
		expect(error?.message).toBe('Bitrix24 refused crm.lead.get: Not found');
		const denied = await run(credentials, 'messageservice.sender.add', { CODE: 'x', TYPE: 'SMS', HANDLER: 'http://localhost/x', NAME: 'n' }).catch((e: Error) => e);
		expect((denied as Error).message).toBe('Bitrix24 refused messageservice.sender.add: Wrong handler URL');
		expect(JSON.stringify(denied)).not.toContain(tokens.access_token);
	});

	it('names the missing permission when the application lacks the method\'s scope, and does not renew the token for it', async () => {
		emulator.config.scope = 'messageservice';
		const credentials = credentialFor(emulator.issueTokens());
		const error = (await run(credentials, 'crm.lead.get', { id: 98 }).catch((e: Error) => e)) as Error & { description?: string };
		expect(error.message).toBe('Bitrix24 refused crm.lead.get: The request requires higher privileges than provided by the access token');
		expect(error.description).toContain('scope');
		expect(emulator.ledger.requests.map((r: { path: string }) => r.path)).toEqual(['/rest/crm.lead.get.json']);
	});

	it('says to reconnect when the access token is unknown to the portal', async () => {
		const credentials = credentialFor({ access_token: 'f'.repeat(32), refresh_token: 'e'.repeat(32) });
		emulator.expireAccessTokens();
		const unknownToken = await run(credentials, 'profile').catch((e: Error & { description?: string }) => e);
		expect((unknownToken as Error).message).toBe('Bitrix24 refused profile: The access token provided is invalid.');
		expect((unknownToken as { description: string }).description).toContain('Reconnect');
	});

	it('stops with n8n\'s reconnect advice when the refresh token has expired too', async () => {
		const credentials = credentialFor(emulator.issueTokens());
		emulator.advance(181 * 24 * 60 * 60 * 1000);
		const error = (await run(credentials, 'profile').catch((e: Error) => e)) as Error & { description?: string };
		expect(error.message).toBe('The Bitrix24 token could not be renewed: The refresh token provided has expired.');
		expect(error.description).toContain('reconnect the Bitrix24 credential');
	});

	it('refuses to run with a credential that was never connected', async () => {
		const credentials = credentialFor({});
		delete credentials.bitrix24OAuth2Api.oauthTokenData;
		await expect(run(credentials, 'profile')).rejects.toThrow('The Bitrix24 credential is not connected');
		expect(emulator.ledger.requests).toHaveLength(0);
	});
});
