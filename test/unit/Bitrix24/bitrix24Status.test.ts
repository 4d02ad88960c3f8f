import { SMS_STATUSES, FINAL_STATUS } from '../../../nodes/core/status/SmsStatus';
import { toBitrix24Status } from '../../../nodes/Bitrix24/bitrix24Status';

// Bitrix24's messageservice.message.status.update accepts exactly these five words.
const BITRIX24_WORDS = ['queued', 'sent', 'delivered', 'undelivered', 'failed'];

describe('our status model → Bitrix24', () => {
	test.each([
		['queued', 'queued'],
		['scheduled', 'queued'],
		['sent', 'sent'],
		['delivered', 'delivered'],
		['undelivered', 'undelivered'],
		['expired', 'undelivered'],
		['rejected', 'undelivered'],
		['failed', 'failed'],
		['unknown', 'sent'],
	] as const)('%s → %s', (ours, bitrix) => {
		expect(toBitrix24Status(ours)).toBe(bitrix);
	});

	test('every status maps to a word Bitrix24 accepts, and a final status never to a pending one', () => {
		for (const status of SMS_STATUSES) {
			const word = toBitrix24Status(status);
			expect(BITRIX24_WORDS).toContain(word);
			if (FINAL_STATUS[status]) expect(['delivered', 'undelivered', 'failed']).toContain(word);
		}
	});
});
