import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * Secrets for SMSClub (smsclub.mobi, Ukraine): one API token sent as `Authorization: Bearer`
 * (https://smsclub.mobi/en/pages/show/api). There is no `authenticate` block: the adapter puts the
 * header on each request itself.
 */
export class SmsClubApi implements ICredentialType {
	name = 'smsClubApi';

	displayName = 'SMSClub API';

	documentationUrl = 'https://github.com/n8n-nodes-sms-gateways/n8n-nodes-sms-gateways#smsclub';

	icon: Icon = { light: 'file:../icons/smsGateway.svg', dark: 'file:../icons/smsGateway.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API token from the SMSClub profile page',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://im.smsclub.mobi',
			description: 'Change only if SMSClub moves its API. Must start with https:// (plain http only for localhost).',
		},
	];

	// The balance is SMSClub's cheapest authenticated call; a wrong token is HTTP 401.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl || "https://im.smsclub.mobi" }}',
			url: '/sms/balance',
			method: 'POST',
			headers: { Authorization: '={{ "Bearer " + $credentials.token }}', Accept: 'application/json' },
		},
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: 'SMSClub did not accept the token' } },
			{ type: 'responseCode', properties: { value: 403, message: 'SMSClub refused access with this token' } },
		],
	};
}
