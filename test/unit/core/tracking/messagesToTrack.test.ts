import { statusOf } from '../../../../nodes/core/status/normalizeStatus';
import { smsError } from '../../../../nodes/core/errors/errorTable';
import { messagesToTrack } from '../../../../nodes/core/tracking/messagesToTrack';
import { at, T0 } from './support/trackingContract';

describe('the messages of a send to track', () => {
	const scope = { gateway: 'devino', credentialId: 'cred-9' };
	const sent = [
		{ ref: 0, to: '+79161234567', text: 'a', sendAt: at(30), validityMinutes: 120 },
		{ ref: 1, to: '+79161234568', text: 'b' },
		{ ref: 2, to: '+79161234569', text: 'c' },
	];

	test('every accepted message with its parts, times, validity and Reference; refused ones are left out', () => {
		const results = [
			{ ref: 2, to: '+79161234569', messageId: '11+12', partIds: ['11', '12'], parts: 2, status: statusOf('queued', '-2') },
			{ ref: 1, to: '+79161234568', status: statusOf('rejected'), error: smsError('invalid_number', 'bad number') },
			{ ref: 0, to: '+79161234567', messageId: '10', partIds: ['10'], parts: 1, status: statusOf('scheduled') },
		];
		expect(messagesToTrack(scope, sent, results, T0, (ref) => (ref === 0 ? 'order-0' : undefined))).toEqual([
			{ ...scope, messageId: '11+12', partIds: ['11', '12'], to: '+79161234569', parts: 2, status: statusOf('queued', '-2'), sentAt: T0, scheduledAt: undefined, validityMinutes: undefined, reference: undefined },
			{ ...scope, messageId: '10', partIds: ['10'], to: '+79161234567', parts: 1, status: statusOf('scheduled'), sentAt: T0, scheduledAt: at(30), validityMinutes: 120, reference: 'order-0' },
		]);
	});
});
