import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * A Bitrix24 local application, connected with OAuth 2.0
 * (https://apidocs.bitrix24.com/settings/oauth/index.html): the user authorizes on the portal
 * (`<portal>/oauth/authorize/`), n8n exchanges the code at the authorization server
 * (`https://oauth.bitrix.info/oauth/token/`), with the client id and secret in the body as
 * Bitrix24 shows them. The access token lives an hour, the refresh token 180 days; n8n stores the
 * renewed pair. `messageservice.*` and `event.*` need this application context: an incoming
 * webhook cannot register an SMS provider.
 *
 * No `authenticate` block: REST calls carry the token as the documented `auth` parameter
 * (https://apidocs.bitrix24.com/settings/how-to-call-rest-api/authorization.html), added by the
 * Bitrix24 nodes' transport, which also renews an expired token.
 */
export class Bitrix24OAuth2Api implements ICredentialType {
	name = 'bitrix24OAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Bitrix24 OAuth2 API';

	documentationUrl = 'https://apidocs.bitrix24.com/local-integrations/local-apps.html';

	icon: Icon = { light: 'file:../icons/bitrix24.svg', dark: 'file:../icons/bitrix24.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Portal Address',
			name: 'portalUrl',
			type: 'string',
			default: '',
			placeholder: 'https://your-company.bitrix24.ru',
			required: true,
			description: 'The address of your Bitrix24, where the local application is installed',
		},
		{
			displayName: 'Authorization Server',
			name: 'authorizationServer',
			type: 'string',
			default: 'https://oauth.bitrix.info',
			description: 'Where Bitrix24 issues and renews tokens. Keep the default unless told otherwise.',
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: '={{$self["portalUrl"].replace(/\\/+$/, "")}}/oauth/authorize/',
			required: true,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: '={{$self["authorizationServer"].replace(/\\/+$/, "")}}/oauth/token/',
			required: true,
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'local.6650a1b2c3d4e5.12345678',
			description: 'The "Application ID (client_id)" shown for the local application in Bitrix24',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The "Application key (client_secret)" shown for the local application in Bitrix24',
		},
		{
			// The permissions are those ticked for the local application in Bitrix24, not asked here.
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];

	// The application's own record on the portal: proves the token works and the application is installed.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.portalUrl.replace(/\\/+$/, "")}}',
			url: '/rest/app.info.json',
			method: 'POST',
			// In the body, not the query string: a token in a URL ends up in logs.
			body: { auth: '={{$credentials.oauthTokenData.access_token}}' },
			json: true,
		},
	};
}
