/**
 * A map with a size bound and an optional time to live, evicting the least recently used entry
 * first. Process-wide state (sessions, limiters) lives in these so that a long-running n8n that
 * sees many credentials keeps a bounded amount of it.
 */
export class BoundedCache<K, V> {
	private readonly entries = new Map<K, { value: V; expiresAt: number }>();

	constructor(
		private readonly maxEntries: number,
		private readonly ttlMs: number = Infinity,
		private readonly now: () => number = Date.now,
		/** Entries that must not be evicted yet (a limiter with requests in flight). */
		private readonly isBusy: (value: V) => boolean = () => false,
	) {}

	get size(): number {
		return this.entries.size;
	}

	get(key: K): V | undefined {
		const entry = this.entries.get(key);
		if (!entry) return undefined;
		if (entry.expiresAt <= this.now()) {
			this.entries.delete(key);
			return undefined;
		}
		// Re-insert: Map keeps insertion order, so the first key is always the least recently used.
		this.entries.delete(key);
		this.entries.set(key, entry);
		return entry.value;
	}

	set(key: K, value: V, ttlMs: number = this.ttlMs): void {
		this.entries.delete(key);
		this.entries.set(key, { value, expiresAt: this.now() + ttlMs });
		this.evict();
	}

	delete(key: K): void {
		this.entries.delete(key);
	}

	clear(): void {
		this.entries.clear();
	}

	private evict(): void {
		if (this.entries.size <= this.maxEntries) return;
		const now = this.now();
		for (const [key, entry] of this.entries) {
			if (entry.expiresAt <= now) this.entries.delete(key);
		}
		for (const [key, entry] of this.entries) {
			if (this.entries.size <= this.maxEntries) break;
			if (!this.isBusy(entry.value)) this.entries.delete(key);
		}
	}
}
