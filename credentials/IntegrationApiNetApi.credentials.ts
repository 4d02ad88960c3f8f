import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * Secrets for Devino Telecom's integrationapi.net REST API. There is no `authenticate` block: the
 * adapter exchanges the login and password for a session id in a POST form body and sends that
 * session id in POST bodies too, so neither ever appears in a URL.
 */
export class IntegrationApiNetApi implements ICredentialType {
	name = 'integrationApiNetApi';

	displayName = 'Integrationapi.net (Devino) API';

	icon: Icon = { light: 'file:../icons/smsGateway.svg', dark: 'file:../icons/smsGateway.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Login',
			name: 'login',
			type: 'string',
			default: '',
			required: true,
			description: 'The login Devino Telecom gave you for the integration API',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The password for that login',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://integrationapi.net/rest',
			description: 'Change only if Devino moves its API. Must start with https:// (plain http only for localhost).',
		},
	];

	// Getting a session id is the cheapest authenticated call; a wrong login or password is HTTP 401 {"Code": 4}.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl || "https://integrationapi.net/rest" }}',
			url: '/user/sessionid',
			method: 'POST',
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded',
				Accept: 'application/json',
			},
			body: {
				login: '={{ $credentials.login }}',
				password: '={{ $credentials.password }}',
			},
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'Devino refused the login or password' },
			},
			{
				type: 'responseCode',
				properties: { value: 400, message: 'Devino says the login or password is missing' },
			},
		],
	};
}
