import { join } from 'node:path';
import { smsGatewaysFolder } from '../../tracking/sqlite/trackingFile';
import type { LastValueLimits, LastValueStore } from './LastValueStore';
import { SqliteLastValueStore } from './SqliteLastValueStore';

/** Set to put the built-in state file elsewhere (tests, or a disk of its own). */
export const STATE_FILE_VARIABLE = 'N8N_SMS_GATEWAYS_STATE_FILE';

/** `<n8n user folder>/.n8n/sms-gateways/state.sqlite`, beside the tracking file. */
export function stateFilePath(env: NodeJS.ProcessEnv = process.env): string {
	return env[STATE_FILE_VARIABLE]?.trim() || join(smsGatewaysFolder(env), 'state.sqlite');
}

const openStores = new Map<string, LastValueStore>();

/**
 * The built-in store, one connection per file and process, shared by every execution. On Node 20
 * (n8n 1.x) it refuses with advice (TrackingStoreUnavailableError) rather than keep the values in
 * memory, where a restart would lose them.
 */
export function openBuiltInLastValueStore(options: { file?: string; limits?: Partial<LastValueLimits> } = {}): LastValueStore {
	const file = options.file ?? stateFilePath();
	const open = openStores.get(file);
	if (open) return open;
	const store = new SqliteLastValueStore(file, options.limits);
	const shared: LastValueStore = {
		swap: (key, value) => store.swap(key, value),
		close: async () => {
			openStores.delete(file);
			await store.close();
		},
	};
	openStores.set(file, shared);
	return shared;
}
