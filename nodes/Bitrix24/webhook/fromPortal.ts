import { sameSecret } from '../provider/sameSecret';

/**
 * Whether a handler or event call comes from the portal the credential was connected to: the
 * secret of this trigger's URL, the portal's member_id and, when the user set it, the
 * application_token Bitrix24 sends with every call of the application
 * (https://apidocs.bitrix24.com/api-reference/events/safe-event-handlers.html). Each is compared
 * in constant time, and all three are always compared, so the time taken does not say which failed.
 */
export interface PortalCall {
	urlSecret: unknown;
	memberId: string;
	applicationToken: string;
}

export interface PortalIdentity {
	urlSecret: string;
	memberId: string;
	/** '' when the user did not set one. */
	applicationToken: string;
}

export function fromPortal(call: PortalCall, expected: PortalIdentity): boolean {
	const secretOk = sameSecret(call.urlSecret, expected.urlSecret);
	const memberOk = sameSecret(call.memberId, expected.memberId);
	const tokenOk = expected.applicationToken === '' || sameSecret(call.applicationToken, expected.applicationToken);
	return secretOk && memberOk && tokenOk;
}
