import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * Secrets for A1's SMS API (Belarus). A1 publishes the API only with a contract, which names the
 * address and whether requests carry a bearer token or Basic auth. There is no `authenticate` block:
 * the adapter puts the Authorization header on each request itself.
 */
export class A1Api implements ICredentialType {
	name = 'a1Api';

	displayName = 'A1 API';

	documentationUrl = 'https://github.com/n8n-nodes-sms-gateways/n8n-nodes-sms-gateways#a1';

	icon: Icon = { light: 'file:../icons/smsGateway.svg', dark: 'file:../icons/smsGateway.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://…',
			description: 'The address of the A1 SMS API given with the contract. Must start with https:// (plain http only for localhost).',
		},
		{
			displayName: 'Authentication Type',
			name: 'authType',
			type: 'options',
			options: [
				{ name: 'Bearer Token', value: 'bearer' },
				{ name: 'Basic', value: 'basic' },
			],
			default: 'bearer',
			description: 'Which of the two the A1 contract specifies',
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The bearer token from the A1 contract',
			displayOptions: { show: { authType: ['bearer'] } },
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'The user name for Basic authentication (without ":")',
			displayOptions: { show: { authType: ['basic'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authType: ['basic'] } },
		},
		{
			displayName: 'Max Concurrent Requests',
			name: 'maxConcurrentRequests',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 200, numberPrecision: 0 },
			default: 50,
			description:
				'Requests open at once for this account (A1 takes one recipient per request, so a batch of 10,000 is 10,000 requests). A1 publishes no limit; set what the contract allows. 50 keeps a batch moving at a few hundred messages a second over a slow link; A1\'s code 3 (limit exceeded) still makes the node wait 60 seconds and try again.',
		},
		{
			displayName: 'Max Requests per Second',
			name: 'maxRequestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 1 },
			default: 0,
			description:
				'The request rate the A1 contract allows, if it sets one (A1 takes one recipient per request, so a batch is paced by this); 0 = no limit besides Max Concurrent Requests',
		},
	];

	// The balance is A1's cheapest authenticated call; a refused token or password is HTTP 401 or 403.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl }}',
			url: '/api/sms/balance',
			method: 'GET',
			headers: {
				Authorization:
					'={{ $credentials.authType === "basic" ? "Basic " + ($credentials.username + ":" + $credentials.password).base64Encode() : "Bearer " + $credentials.token }}',
				Accept: 'application/json',
			},
		},
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: 'A1 did not accept the token (or, for Basic, the username and password)' } },
			{ type: 'responseCode', properties: { value: 403, message: 'A1 refused access with these credentials' } },
		],
	};
}
