import { splitRecipientList } from '../../../../nodes/core/batch/splitRecipientList';

describe('splitRecipientList', () => {
	test('separators, spaced numbers and arrays', () => {
		expect(splitRecipientList('+375291000001, +375 29 100 00 02;+375291000003\n8 029 100-00-04')).toEqual([
			'+375291000001',
			'+375 29 100 00 02',
			'+375291000003',
			'8 029 100-00-04',
		]);
		expect(splitRecipientList('+375291000001 +375291000002')).toEqual(['+375291000001', '+375291000002']);
		expect(splitRecipientList(['+375291000001', 375291000002, { phone: '+375291000003' }])).toEqual(['+375291000001', '375291000002', '+375291000003']);
		expect(splitRecipientList('  ,; \n')).toEqual([]);
	});
});
