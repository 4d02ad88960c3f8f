/**
 * findDuplicates (a hash table of entry indexes) against the plain definition: each entry's
 * duplicate is the first earlier entry with its key that `same` calls equal. Generated batches
 * with few keys and few distinct messages per key, so groups, collisions and wrap-around of the
 * table are all met; a batch with no duplicates and a batch of one key for every entry too.
 */
import { findDuplicates } from '../../../../nodes/core/batch/findDuplicates';
import { seededRandom } from '../../../harness/generate/phoneInputs';

interface Entry {
	to: string;
	text: string;
}

const same = (a: Entry, b: Entry) => a.text === b.text;
const keyOf = (entry: Entry) => (entry.to === '' ? undefined : entry.to);

/** The definition, in O(n²). */
function reference(entries: ReadonlyArray<Entry | undefined>): Array<number | undefined> {
	return entries.map((entry, index) => {
		if (entry === undefined || keyOf(entry) === undefined) return undefined;
		for (let earlier = 0; earlier < index; earlier++) {
			const other = entries[earlier];
			if (other !== undefined && keyOf(other) === keyOf(entry) && same(other, entry)) return earlier;
		}
		return undefined;
	});
}

function batch(seed: number, size: number, keys: number, texts: number): Array<Entry | undefined> {
	const random = seededRandom(seed);
	return Array.from({ length: size }, () => {
		const roll = random();
		if (roll < 0.05) return undefined;
		if (roll < 0.08) return { to: '', text: 'no key' };
		return { to: `+37529${1_000_000 + Math.floor(random() * keys)}`, text: `text ${Math.floor(random() * texts)}` };
	});
}

test('gives what the definition gives over 2,000 generated batches', () => {
	for (let seed = 1; seed <= 2000; seed++) {
		const random = seededRandom(seed * 7919);
		const size = 1 + Math.floor(random() * 300);
		const entries = batch(seed, size, 1 + Math.floor(random() * size), 1 + Math.floor(random() * 4));
		expect(findDuplicates(entries, keyOf, same)).toEqual(reference(entries));
	}
});

test('a batch without duplicates, and one where every entry shares one key', () => {
	const distinct = Array.from({ length: 5000 }, (_, i) => ({ to: `+37529${1_000_000 + i}`, text: 'Hi' }));
	expect(findDuplicates(distinct, keyOf, same).every((d) => d === undefined)).toBe(true);
	const oneKey = Array.from({ length: 500 }, (_, i) => ({ to: '+375291000000', text: `text ${i % 3}` }));
	expect(findDuplicates(oneKey, keyOf, same)).toEqual(reference(oneKey));
});
