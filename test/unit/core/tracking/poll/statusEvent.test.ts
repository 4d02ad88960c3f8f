import { statusOf } from '../../../../../nodes/core/status/normalizeStatus';
import { matchesFilter } from '../../../../../nodes/core/tracking/poll/eventFilter';
import { observationOf } from '../../../../../nodes/core/tracking/poll/observationOf';
import { statusEventOf, type StatusEvent } from '../../../../../nodes/core/tracking/poll/statusEvent';
import type { StatusChange, TrackedMessage } from '../../../../../nodes/core/tracking/TrackingStore';
import { smsError } from '../../../../../nodes/core/errors/errorTable';
import { at, T0 } from '../support/trackingContract';

const message = { gateway: 'smsClub', messageId: '777', to: '+380501234567', parts: 2, reference: 'crm-5', sentAt: T0.getTime(), origin: 'sent' } as TrackedMessage;
const change = (overrides: Partial<StatusChange> = {}): StatusChange => ({
	message, previousStatus: 'sent', status: 'delivered', final: true, gatewayStatus: 'DELIVRD', changedAt: at(3).getTime(), ...overrides,
});

describe('status events', () => {
	test('carry the message, the change and a stable event id (message id + status)', () => {
		expect(statusEventOf(change())).toEqual({
			eventId: 'smsClub:777:delivered', messageId: '777', to: '+380501234567', status: 'delivered', previousStatus: 'sent', final: true,
			gatewayStatus: 'DELIVRD', parts: 2, reference: 'crm-5', gateway: 'smsClub', sentAt: T0.toISOString(), changedAt: at(3).toISOString(), reason: null,
		});
		expect(statusEventOf(change()).eventId).toBe(statusEventOf(change({ changedAt: at(9).getTime() })).eventId);
	});

	test('a given-up message has its own event id, so it never collides with the status already announced', () => {
		const gaveUp = statusEventOf(change({ status: 'sent', previousStatus: 'sent', final: true, giveUpReason: 'validity_passed' }));
		expect(gaveUp).toMatchObject({ eventId: 'smsClub:777:sent:validity_passed', status: 'sent', final: true, reason: 'validity_passed' });
	});

	test('facts the store does not have are null, so every item has the same fields', () => {
		const reported = statusEventOf(change({ message: { gateway: 'a1', messageId: 'x', origin: 'reported' } as TrackedMessage, previousStatus: undefined }));
		expect(reported).toMatchObject({ to: null, parts: null, reference: null, sentAt: null, previousStatus: null });
		expect(Object.keys(reported).sort()).toEqual(Object.keys(statusEventOf(change())).sort());
	});
});

describe('event filters', () => {
	const sent: StatusEvent = statusEventOf(change({ status: 'sent', previousStatus: 'queued', final: false }));
	const delivered = statusEventOf(change());
	const other = statusEventOf(change({ message: { ...message, reference: 'crm-6' } }));

	test.each([
		['Status Changed takes every change', { kind: 'statusChanged' as const }, [true, true, true]],
		['Final Status takes only final ones', { kind: 'finalStatus' as const }, [false, true, true]],
		['a status filter takes those statuses', { kind: 'statusChanged' as const, statuses: ['sent' as const] }, [true, false, false]],
		['an empty status filter takes all', { kind: 'statusChanged' as const, statuses: [] }, [true, true, true]],
		['a Reference filter takes that reference exactly', { kind: 'statusChanged' as const, reference: 'crm-5' }, [true, true, false]],
		['an empty Reference filter takes all', { kind: 'finalStatus' as const, reference: '' }, [false, true, true]],
	])('%s', (_name, filter, expected) => {
		expect([sent, delivered, other].map((event) => matchesFilter(event, filter))).toEqual(expected);
	});
});

describe('reading a status result', () => {
	const read = (result: Parameters<typeof observationOf>[1]) => observationOf('devino', result).outcome;
	test.each([
		['a status', { messageId: '1', status: statusOf('sent', '-1') }, { kind: 'status', status: statusOf('sent', '-1') }],
		['an unknown-id error', { messageId: '1', status: statusOf('unknown'), error: smsError('invalid_message_id', 'no such id') }, { kind: 'not_known' }],
		['an unknown status (Devino 255 "not found")', { messageId: '1', status: statusOf('unknown', '255') }, { kind: 'not_known' }],
		['any other error', { messageId: '1', status: statusOf('unknown'), error: smsError('unavailable', 'down', { retryable: true }) }, { kind: 'no_answer' }],
	])('%s', (_name, result, expected) => {
		expect(read(result)).toEqual(expected);
	});
});
