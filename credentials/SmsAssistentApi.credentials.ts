import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * Secrets for SMS-assistent (sms-assistent.by). There is no `authenticate` block: the adapter puts
 * the login and password in the POST body (JSON, XML or form), or the API token in the
 * `requestAuthToken` header, as each endpoint wants; never in the URL.
 */
export class SmsAssistentApi implements ICredentialType {
	name = 'smsAssistentApi';

	// eslint-disable-next-line n8n-nodes-base/cred-class-field-display-name-miscased -- the vendor spells its name "SMS-assistent"
	displayName = 'SMS-assistent API';

	icon: Icon = { light: 'file:../icons/smsGateway.svg', dark: 'file:../icons/smsGateway.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Login',
			name: 'login',
			type: 'string',
			default: '',
			required: true,
			description: 'The login of the SMS-assistent personal account (API access must be enabled there)',
		},
		{
			displayName: 'Authentication Method',
			name: 'authMethod',
			type: 'options',
			options: [
				{ name: 'Password', value: 'password' },
				{ name: 'API Token', value: 'token' },
			],
			default: 'password',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The password of the personal account (the same for the API)',
			displayOptions: { show: { authMethod: ['password'] } },
		},
		{
			displayName: 'API Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API token from the personal account; sent in the requestAuthToken header instead of the password',
			displayOptions: { show: { authMethod: ['token'] } },
		},
		{
			displayName: 'API Format',
			name: 'apiFormat',
			type: 'options',
			options: [
				{ name: 'JSON', value: 'json' },
				{ name: 'XML', value: 'xml' },
			],
			default: 'json',
			description: 'Which batch API sends messages and reads statuses; both behave the same',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://userarea.sms-assistent.by/api/v1',
			description: 'Change only if SMS-assistent moves its API. Must start with https:// (plain http only for localhost).',
		},
	];

	// get_senders is the cheapest authenticated call; a refusal comes as HTTP 200 {"error": -N}.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl || "https://userarea.sms-assistent.by/api/v1" }}',
			url: '/json',
			method: 'POST',
			headers: {
				'Content-Type': 'application/json; charset=utf-8',
				requestAuthToken: '={{ $credentials.authMethod === "token" ? $credentials.token : "" }}',
			},
			body: {
				login: '={{ $credentials.login }}',
				password: '={{ $credentials.authMethod === "token" ? undefined : $credentials.password }}',
				command: 'get_senders',
			},
		},
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'error', value: -2, message: 'Wrong login or password (or API token)' } },
			{ type: 'responseSuccessBody', properties: { key: 'error', value: -6, message: 'The login is missing' } },
			{ type: 'responseSuccessBody', properties: { key: 'error', value: -7, message: 'The password is missing' } },
			{
				type: 'responseSuccessBody',
				properties: { key: 'error', value: -12, message: 'The request was refused; check that API access is enabled in the SMS-assistent account' },
			},
			{ type: 'responseSuccessBody', properties: { key: 'error', value: -13, message: 'The account is blocked for sending' } },
			{ type: 'responseSuccessBody', properties: { key: 'error', value: -27, message: 'The account is blocked' } },
		],
	};
}
