/**
 * What the Bitrix24 end-to-end tests share: the portal emulator, its default account, PHP-style
 * form bodies (how Bitrix24 posts handler and event calls), and an OAuth2 credential already
 * connected to an emulator, as after a completed authorization.
 */
import * as fs from 'node:fs';
import { freePort, n8n, type Credential, type Instance, type Runtime, type Server } from './harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const bitrix24 = require('../../emulators/bitrix24') as {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	start(options?: object): Promise<any>;
	DEFAULT_ACCOUNT: Record<string, string>;
	defaults(): { app: Record<string, unknown> };
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { toPhpForm } = require('../../emulators/bitrix24Wire') as { toPhpForm(value: unknown): string };

export const ACCOUNT = bitrix24.DEFAULT_ACCOUNT;

/** A Bitrix24 OAuth2 credential connected to `emulator`; `oauthTokenData` defaults to fresh tokens. */
export function connectedCredential(
	identity: { id: string; name: string },
	emulator: { url: string; issueTokens(): Record<string, unknown> },
	oauthTokenData: Record<string, unknown> = { token_type: 'bearer', ...emulator.issueTokens() },
): Credential {
	return {
		...identity,
		type: 'bitrix24OAuth2Api',
		data: { portalUrl: emulator.url, authorizationServer: emulator.url, clientId: ACCOUNT.clientId, clientSecret: ACCOUNT.clientSecret, oauthTokenData },
	} as Credential;
}

/**
 * A started portal emulator and an n8n instance (not started) holding a credential connected to
 * it. n8n announces its URLs with 127.0.0.1: Bitrix24 refuses a handler on "localhost".
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the emulator is plain JavaScript
export async function portalWithInstance(runtime: Runtime, identity: { id: string; name: string }): Promise<{ emulator: any; instance: Instance }> {
	const emulator = await bitrix24.start();
	const port = await freePort();
	const instance = n8n.createInstance(runtime, { port, brokerPort: await freePort(), env: { WEBHOOK_URL: `http://127.0.0.1:${port}/` } });
	await n8n.importCredentials(instance, [connectedCredential(identity, emulator)]);
	return { emulator, instance };
}

/** Stops what portalWithInstance started (and the server, if any); keeps the user folder with KEEP_E2E_FOLDER. */
export async function closePortalAndInstance(parts: { server?: Server; emulator?: { close(): Promise<void> }; instance?: Instance }): Promise<void> {
	await parts.server?.stop();
	await parts.emulator?.close();
	if (parts.instance && !process.env.KEEP_E2E_FOLDER) fs.rmSync(parts.instance.userFolder, { recursive: true, force: true });
}
