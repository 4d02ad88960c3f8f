import { normalizeStatus } from '../../../../nodes/core/status/normalizeStatus';
import { SMPP_STATUSES } from '../../../../nodes/core/status/smppStatuses';

/** The words SMS-assistent's API description lists, plus ENROUTE and ACCEPTD from SMPP 3.4. */
const SMPP_SEED_WORDS = ['DELIVRD', 'EXPIRED', 'DELETED', 'UNDELIV', 'DELIVERY', 'UNKNOWN', 'REJECTED', 'REJECTD', 'ENROUTE', 'ACCEPTD'] as const;

describe('SMPP 3.4 delivery-report words', () => {
	const expected: Record<(typeof SMPP_SEED_WORDS)[number], string> = {
		DELIVRD: 'delivered',
		DELIVERY: 'delivered',
		EXPIRED: 'expired',
		DELETED: 'undelivered',
		UNDELIV: 'undelivered',
		UNKNOWN: 'unknown',
		REJECTED: 'rejected',
		REJECTD: 'rejected',
		ENROUTE: 'sent',
		ACCEPTD: 'sent',
	};

	it.each(SMPP_SEED_WORDS.map((word) => [word, expected[word]]))('%s → %s', (word, status) => {
		const result = normalizeStatus(SMPP_STATUSES, word);
		expect(result.status).toBe(status);
		expect(result.raw).toBe(word);
	});

	it('only ENROUTE, ACCEPTD and UNKNOWN leave a message open', () => {
		const open = SMPP_SEED_WORDS.filter((word) => !normalizeStatus(SMPP_STATUSES, word).final);
		expect(open.sort()).toEqual(['ACCEPTD', 'ENROUTE', 'UNKNOWN']);
	});

	it('matches the words case-insensitively and in DLR text spacing', () => {
		expect(normalizeStatus(SMPP_STATUSES, ' delivrd ').status).toBe('delivered');
	});

	it('keeps an unknown word as raw with status unknown', () => {
		expect(normalizeStatus(SMPP_STATUSES, 'SKIPPED')).toEqual({ status: 'unknown', final: false, raw: 'SKIPPED' });
	});
});
