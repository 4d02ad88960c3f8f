import type {
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestMethods,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

/**
 * Secrets for the two gateways that authenticate with an Authorization header: A1 (Bearer or
 * Basic, as the contract says) and SMSClub (Bearer). There is no `authenticate` block: the
 * adapters put the header on each request themselves.
 */
export class SmsBearerTokenApi implements ICredentialType {
	name = 'smsBearerTokenApi';

	displayName = 'SMS Bearer Token API';

	icon: Icon = { light: 'file:../icons/smsGateway.svg', dark: 'file:../icons/smsGateway.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Gateway',
			name: 'gateway',
			type: 'options',
			options: [
				{ name: 'A1', value: 'a1' },
				{ name: 'SMSClub', value: 'smsClub' },
			],
			default: 'a1',
		},
		{
			displayName: 'Authentication Type',
			name: 'authType',
			type: 'options',
			options: [
				{ name: 'Basic', value: 'basic' },
				{ name: 'Bearer Token', value: 'bearer' },
			],
			default: 'bearer',
			description: 'Which of the two the A1 contract specifies',
			displayOptions: { show: { gateway: ['a1'] } },
		},
		// The same field twice: "SMSClub, or A1 with Bearer" cannot be said in one displayOptions.
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API token from the SMSClub profile page',
			displayOptions: { show: { gateway: ['smsClub'] } },
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The bearer token from the A1 contract',
			displayOptions: { show: { gateway: ['a1'], authType: ['bearer'] } },
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { gateway: ['a1'], authType: ['basic'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { gateway: ['a1'], authType: ['basic'] } },
		},
		{
			displayName: 'Max Requests per Second',
			name: 'maxRequestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 1 },
			default: 0,
			description:
				'The request rate the A1 contract allows, if it sets one (A1 takes one recipient per request, so a batch is paced by this); 0 = no limit besides 10 requests in flight',
			displayOptions: { show: { gateway: ['a1'] } },
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://im.smsclub.mobi',
			description:
				"SMSClub: leave empty for https://im.smsclub.mobi. A1: the address given with the contract. Must start with https:// (plain http only for localhost).",
		},
	];

	// Each gateway's cheapest authenticated call: SMSClub POST /sms/balance, A1 GET /api/sms/balance.
	// Routing expressions are resolved for every request field, the method included, hence the cast.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl || ($credentials.gateway === "smsClub" ? "https://im.smsclub.mobi" : "") }}',
			url: '={{ $credentials.gateway === "smsClub" ? "/sms/balance" : "/api/sms/balance" }}',
			method: '={{ $credentials.gateway === "smsClub" ? "POST" : "GET" }}' as IHttpRequestMethods,
			headers: {
				Authorization:
					'={{ $credentials.gateway === "a1" && $credentials.authType === "basic" ? "Basic " + ($credentials.username + ":" + $credentials.password).base64Encode() : "Bearer " + $credentials.token }}',
				Accept: 'application/json',
			},
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'The gateway did not accept the token (or, for A1 Basic, the username and password)',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'The gateway refused access with these credentials',
				},
			},
		],
	};
}
