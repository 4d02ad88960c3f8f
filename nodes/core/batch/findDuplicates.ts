/**
 * For each entry, the index of the first earlier entry with the same key, or undefined.
 * Entries without a key (invalid ones) are never duplicates.
 */
export function findDuplicates(keys: ReadonlyArray<string | undefined>): Array<number | undefined> {
	const firstIndexByKey = new Map<string, number>();
	return keys.map((key, index) => {
		if (key === undefined) return undefined;
		const first = firstIndexByKey.get(key);
		if (first !== undefined) return first;
		firstIndexByKey.set(key, index);
		return undefined;
	});
}
