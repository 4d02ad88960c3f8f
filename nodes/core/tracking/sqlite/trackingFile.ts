import { homedir } from 'node:os';
import { join } from 'node:path';

/** Set to put the built-in tracking store's file elsewhere (tests, or a disk of its own). */
export const TRACKING_FILE_VARIABLE = 'N8N_SMS_GATEWAYS_TRACKING_FILE';

/**
 * Where the built-in store lives: beside n8n's own database, in the n8n user folder —
 * `<N8N_USER_FOLDER>/.n8n/sms-gateways/tracking.sqlite`, `~/.n8n/sms-gateways/tracking.sqlite` by
 * default, as n8n itself resolves its folder (https://docs.n8n.io/hosting/configuration/environment-variables/deployment/).
 * It is thus inside the volume that Docker setups already persist.
 */
export function trackingFilePath(env: NodeJS.ProcessEnv = process.env, home: () => string = homedir): string {
	const explicit = env[TRACKING_FILE_VARIABLE]?.trim();
	if (explicit) return explicit;
	return join(smsGatewaysFolder(env, home), 'tracking.sqlite');
}

/** `<N8N_USER_FOLDER or home>/.n8n/sms-gateways`: where the package's built-in files live. */
export function smsGatewaysFolder(env: NodeJS.ProcessEnv = process.env, home: () => string = homedir): string {
	const userFolder = env.N8N_USER_FOLDER?.trim() || home();
	return join(userFolder, '.n8n', 'sms-gateways');
}
