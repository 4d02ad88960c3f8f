import { randomBytes } from 'node:crypto';
import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

/** What publishing leaves in the node's static data. */
interface SecretData {
	secret?: string;
}

/** The secret calls must carry: the one the user set, else the one generated on publishing ('' = none yet: every call is refused). */
export function urlSecret(context: IWebhookFunctions | IHookFunctions): string {
	const own = context.getNodeParameter('secret', '') as unknown;
	if (typeof own === 'string' && own.trim() !== '') return own.trim();
	return (context.getWorkflowStaticData('node') as SecretData).secret ?? '';
}

/**
 * Generates the secret once, on the first publishing without one set, and keeps it afterwards:
 * SMS-assistent posts to the URL given with each send, so a secret that changed on republishing
 * would refuse the reports of every message already sent.
 */
export function ensureGeneratedSecret(context: IHookFunctions): void {
	const data = context.getWorkflowStaticData('node') as SecretData;
	if (!data.secret) data.secret = randomBytes(24).toString('hex');
}
