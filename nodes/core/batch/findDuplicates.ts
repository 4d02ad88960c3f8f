/**
 * For each entry, the index of the first earlier entry equal to it, or undefined. Entries without
 * a value or a key (invalid ones) are never duplicates. Entries are grouped by `keyOf`, a string
 * the entry already holds (a phone number), and compared with `same` within a group (which must
 * be an equivalence), so that no key is built per entry.
 *
 * The groups live in an open-addressing table of entry indexes (a typed array, about 1 MB for
 * 100,000 entries) rather than a Map of 100,000 keys: a Map that size grows through copies of
 * 7 MB in all, which stay in memory until V8's next full collection.
 */
export function findDuplicates<T>(
	entries: ReadonlyArray<T | undefined>,
	keyOf: (entry: T) => string | undefined,
	same: (a: T, b: T) => boolean = () => true,
): Array<number | undefined> {
	const duplicateOf = new Array<number | undefined>(entries.length).fill(undefined);
	const mask = tableSize(entries.length) - 1;
	// Per slot, an entry index + 1 (0 = free). Along a key's probe sequence its entries appear in
	// index order, each a first of its kind, so the first `same` one met is the earliest.
	const slots = new Int32Array(mask + 1);
	for (let index = 0; index < entries.length; index++) {
		const entry = entries[index];
		if (entry === undefined) continue;
		const key = keyOf(entry);
		if (key === undefined) continue;
		for (let slot = hashOf(key) & mask; ; slot = (slot + 1) & mask) {
			const held = slots[slot] - 1;
			if (held < 0) {
				slots[slot] = index + 1;
				break;
			}
			const other = entries[held] as T;
			if (keyOf(other) === key && same(other, entry)) {
				duplicateOf[index] = held;
				break;
			}
		}
	}
	return duplicateOf;
}

/** A power of two at least twice the entries: linear probing stays short at half load. */
function tableSize(count: number): number {
	let size = 16;
	while (size < count * 2) size *= 2;
	return size;
}

/** FNV-1a over the UTF-16 code units. */
function hashOf(key: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
	return hash >>> 0;
}
