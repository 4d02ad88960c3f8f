import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

/** Both Bitrix24 triggers offer the same optional check of the application's token. */
export const applicationTokenProperty: INodeProperties = {
	displayName: 'Application Token',
	name: 'applicationToken',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description:
		'The application_token Bitrix24 sends with every call of this application (seen in the installation event). When set, calls without it are refused.',
};

/**
 * The member_id of the portal the credential was connected to (n8n keeps the token answer in
 * oauthTokenData). '' when absent or not a string, which fromPortal never accepts.
 */
export function connectedMemberId(credentials: ICredentialDataDecryptedObject): string {
	const tokenData = credentials.oauthTokenData;
	const memberId = tokenData && typeof tokenData === 'object' ? (tokenData as { member_id?: unknown }).member_id : undefined;
	return typeof memberId === 'string' ? memberId : '';
}
