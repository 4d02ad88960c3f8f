import { balanceCovers, estimateCost } from '../../../../nodes/core/batch/costEstimate';
import { findDuplicates } from '../../../../nodes/core/batch/findDuplicates';

describe('batch planning', () => {
	test('findDuplicates points at the first occurrence and ignores invalid entries', () => {
		expect(findDuplicates(['a', 'b', 'a', undefined, undefined, 'b', 'a'])).toEqual([undefined, undefined, 0, undefined, undefined, 1, 0]);
	});

	test('estimateCost sums parts, prices them and tells the balance after', () => {
		expect(estimateCost([1, 2, 3])).toEqual({ messages: 3, parts: 6, cost: undefined, pricePerPart: undefined, balanceBefore: undefined, balanceAfter: undefined, unit: undefined });
		const estimate = estimateCost([1, 2], 0.1, { amount: 1, unit: 'BYN' });
		expect(estimate).toMatchObject({ parts: 3, cost: 0.3, balanceBefore: 1, balanceAfter: 0.7, unit: 'BYN' });
		expect(balanceCovers(estimate)).toBe(true);
		expect(balanceCovers(estimateCost([20], 0.1, { amount: 1, unit: 'BYN' }))).toBe(false);
		expect(balanceCovers(estimateCost([20], undefined, { amount: 1, unit: 'BYN' }))).toBeUndefined();
	});
});
