/**
 * For each entry, the index of the first earlier entry equal to it, or undefined. Entries without
 * a value or a key (invalid ones) are never duplicates. Entries are grouped by `keyOf`, a string
 * the entry already holds (a phone number), and compared with `same` within a group, so that no
 * key is built per entry: a batch of 100,000 recipients would otherwise make 100,000 key strings.
 */
export function findDuplicates<T>(
	entries: ReadonlyArray<T | undefined>,
	keyOf: (entry: T) => string | undefined,
	same: (a: T, b: T) => boolean = () => true,
): Array<number | undefined> {
	// Per key, the first entry with it, or the first of each different entry sharing it.
	const firstByKey = new Map<string, number | number[]>();
	const duplicateOf = new Array<number | undefined>(entries.length).fill(undefined);
	entries.forEach((entry, index) => {
		if (entry === undefined) return;
		const key = keyOf(entry);
		if (key === undefined) return;
		const known = firstByKey.get(key);
		if (known === undefined) {
			firstByKey.set(key, index);
			return;
		}
		const candidates = typeof known === 'number' ? [known] : known;
		const first = candidates.find((candidate) => same(entries[candidate] as T, entry));
		if (first !== undefined) duplicateOf[index] = first;
		else firstByKey.set(key, [...candidates, index]);
	});
	return duplicateOf;
}
