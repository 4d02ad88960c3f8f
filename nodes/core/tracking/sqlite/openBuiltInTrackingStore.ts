import { createTrackingStore } from '../createTrackingStore';
import type { TrackingStore } from '../TrackingStore';
import { trackingLimits, type TrackingLimits } from '../trackingLimits';
import { SqliteTrackingBackend } from './SqliteTrackingBackend';
import { trackingFilePath } from './trackingFile';

const openStores = new Map<string, TrackingStore>();

/**
 * The built-in store (SQLite file in the n8n user folder), one connection per file and process,
 * shared by every node of this package in the process. On Node 20 (n8n 1.x) it refuses with
 * advice (TrackingStoreUnavailableError) rather than fall back to memory: tracking that silently
 * forgets every message on a restart would break the promise that no final status is lost.
 */
export function openBuiltInTrackingStore(options: { file?: string; limits?: Partial<TrackingLimits> } = {}): TrackingStore {
	const file = options.file ?? trackingFilePath();
	const open = openStores.get(file);
	if (open) return open;
	const store = createTrackingStore(new SqliteTrackingBackend(file), trackingLimits(options.limits));
	const shared: TrackingStore = {
		...store,
		close: async () => {
			openStores.delete(file);
			await store.close();
		},
	};
	openStores.set(file, shared);
	return shared;
}
