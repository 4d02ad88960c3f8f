import { balanceCovers, estimateTotals } from '../../../../nodes/core/batch/costEstimate';
import { findDuplicates } from '../../../../nodes/core/batch/findDuplicates';

describe('batch planning', () => {
	test('findDuplicates points at the first occurrence and ignores invalid entries', () => {
		expect(findDuplicates(['a', 'b', 'a', undefined, undefined, 'b', 'a'], (key) => key)).toEqual([undefined, undefined, 0, undefined, undefined, 1, 0]);
	});

	test('findDuplicates compares entries that share a key, and finds the equal one among several', () => {
		const entries = [
			{ to: '+1', text: 'a' },
			{ to: '+1', text: 'b' },
			{ to: '+2', text: 'a' },
			{ to: '+1', text: 'b' },
			{ to: '+1', text: 'a' },
			{ to: '+1', text: 'c' },
			{ to: '+1', text: 'c' },
		];
		expect(findDuplicates(entries, (e) => e.to, (a, b) => a.text === b.text)).toEqual([undefined, undefined, undefined, 1, 0, undefined, 5]);
	});

	test('estimateTotals prices the parts and tells the balance after', () => {
		expect(estimateTotals({ messages: 3, parts: 6 })).toEqual({ messages: 3, parts: 6, cost: undefined, pricePerPart: undefined, balanceBefore: undefined, balanceAfter: undefined, unit: undefined });
		const estimate = estimateTotals({ messages: 2, parts: 3 }, 0.1, { amount: 1, unit: 'BYN' });
		expect(estimate).toMatchObject({ parts: 3, cost: 0.3, balanceBefore: 1, balanceAfter: 0.7, unit: 'BYN' });
		expect(balanceCovers(estimate)).toBe(true);
		expect(balanceCovers(estimateTotals({ messages: 1, parts: 20 }, 0.1, { amount: 1, unit: 'BYN' }))).toBe(false);
		expect(balanceCovers(estimateTotals({ messages: 1, parts: 20 }, undefined, { amount: 1, unit: 'BYN' }))).toBeUndefined();
	});
});
