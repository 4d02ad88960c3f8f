/**
 * What every tracking store promises, as one table of cases run against each store (the SQLite
 * file and Redis). A store passes only if it passes all of them.
 */
import type { MessageToTrack, Observation, RecordOutcome, TrackingStore } from '../../../../../nodes/core/tracking/TrackingStore';
import { DEFAULT_TRACKING_LIMITS, type TrackingLimits } from '../../../../../nodes/core/tracking/trackingLimits';
import { statusOf } from '../../../../../nodes/core/status/normalizeStatus';
import type { SmsStatus } from '../../../../../nodes/core/status/SmsStatus';

export interface StoreHarness {
	/** A store on empty storage of its own. */
	fresh(limits?: Partial<TrackingLimits>): Promise<TrackingStore>;
	/** Another connection to the storage of the last fresh() store, as after a restart or from another execution. */
	reopen(limits?: Partial<TrackingLimits>): Promise<TrackingStore>;
}

export interface ContractCase {
	name: string;
	run(harness: StoreHarness): Promise<void>;
}

const MINUTE = 60_000;
export const T0 = new Date('2026-03-02T09:00:00.000Z');
export const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);
const SCOPE = { gateway: 'smsAssistent', credentialId: 'cred-1' };

export function message(id: string | number, overrides: Partial<MessageToTrack> = {}): MessageToTrack {
	return {
		...SCOPE,
		messageId: String(id),
		to: `+37529${String(1_000_000 + Number(String(id).replace(/\D/g, '') || 0)).slice(-7)}`,
		parts: 1,
		status: statusOf('queued', 'Queued'),
		sentAt: T0,
		validityMinutes: 60,
		reference: `order-${id}`,
		...overrides,
	};
}

export function poll(id: string, status: SmsStatus, raw = status.toUpperCase(), gateway = SCOPE.gateway): Observation {
	return { gateway, messageId: id, source: 'poll', outcome: { kind: 'status', status: statusOf(status, raw) } };
}

export function report(id: string, status: SmsStatus, raw = status.toUpperCase(), gateway = SCOPE.gateway): Observation {
	return { gateway, messageId: id, source: 'report', outcome: { kind: 'status', status: statusOf(status, raw) } };
}

const notKnown = (id: string): Observation => ({ gateway: SCOPE.gateway, messageId: id, source: 'poll', outcome: { kind: 'not_known' } });
const noAnswer = (id: string): Observation => ({ gateway: SCOPE.gateway, messageId: id, source: 'poll', outcome: { kind: 'no_answer' } });

function changed(outcome: RecordOutcome) {
	if (outcome.kind !== 'changed') throw new Error(`expected a change, got ${JSON.stringify(outcome)}`);
	return outcome.change;
}

const ids = (messages: Array<{ messageId: string }>) => messages.map((m) => m.messageId);

export const TRACKING_CONTRACT: ContractCase[] = [
	{
		name: 'keeps every field of a tracked message, and each id once',
		async run(h) {
			const store = await h.fresh();
			const devino = message('4259367936+4259367937', { gateway: 'devino', partIds: ['4259367936', '4259367937'], parts: 2, scheduledAt: at(30) });
			expect(await store.track([message('m1'), devino, message('m1')], T0)).toEqual(['tracked', 'tracked', 'already_tracked']);
			expect(await store.get('smsAssistent', 'm1')).toMatchObject({
				gateway: 'smsAssistent', credentialId: 'cred-1', messageId: 'm1', to: message('m1').to, parts: 1, reference: 'order-m1',
				sentAt: T0.getTime(), validityMinutes: 60, origin: 'sent', status: 'queued', gatewayStatus: 'Queued', checks: 0,
				nextCheckAt: at(1).getTime(), expiresAt: at(60).getTime(), giveUpAt: at(120).getTime(),
			});
			// A scheduled message is first checked a minute after its send time, and its validity runs from then.
			expect(await store.get('devino', '4259367936+4259367937')).toMatchObject({
				partIds: ['4259367936', '4259367937'], parts: 2, scheduledAt: at(30).getTime(), nextCheckAt: at(31).getTime(), expiresAt: at(90).getTime(),
			});
			expect(await store.get('smsAssistent', 'nope')).toBeUndefined();
			expect(await store.stats()).toEqual({ active: 2, retained: 0 });
		},
	},
	{
		name: 'refuses a message it would keep wrong, naming the field, and writes nothing of the batch',
		async run(h) {
			const store = await h.fresh();
			await expect(store.track([message('ok'), message('', { to: '' })], T0)).rejects.toThrow(/messageId must be a non-empty string; to must be/);
			await expect(store.track([message('x', { sentAt: new Date('nonsense') })], T0)).rejects.toThrow(/sentAt must be a valid date/);
			await expect(store.track([message('y', { validityMinutes: -5 })], T0)).rejects.toThrow(/validityMinutes must be a positive number/);
			expect(await store.stats()).toEqual({ active: 0, retained: 0 });
		},
	},
	{
		name: 'hands out due messages of one account, earliest first, bounded, each to one poller at a time',
		async run(h) {
			const store = await h.fresh({ leaseMs: 2 * MINUTE });
			await store.track([message('b'), message('a'), message('c', { sentAt: at(5) }), message('other', { credentialId: 'cred-2' }), message('dv', { gateway: 'devino' })], T0);
			expect(await store.claimDue(SCOPE, 10, at(0.5))).toEqual([]);
			const first = await store.claimDue(SCOPE, 1, at(1));
			expect(ids(first)).toEqual(['a']);
			expect(ids(await store.claimDue(SCOPE, 10, at(1)))).toEqual(['b']);
			// Claimed and not yet checked: hidden from others until the lease ends, then due again.
			expect(await store.claimDue(SCOPE, 10, at(2))).toEqual([]);
			expect(ids(await store.claimDue(SCOPE, 10, at(6)))).toEqual(['a', 'b', 'c']);
			expect(ids(await store.claimDue({ gateway: 'smsAssistent', credentialId: 'cred-2' }, 10, at(6)))).toEqual(['other']);
			await expect(store.claimDue(SCOPE, 0, at(6))).rejects.toThrow(RangeError);
		},
	},
	{
		name: 'a change is returned once, with the previous status; repeats and older statuses are not changes',
		async run(h) {
			const store = await h.fresh();
			await store.track([message('m1')], T0);
			const sent = changed(await store.record(poll('m1', 'sent', 'ENROUTE'), at(1)));
			expect(sent).toMatchObject({ previousStatus: 'queued', status: 'sent', final: false, gatewayStatus: 'ENROUTE', changedAt: at(1).getTime() });
			expect(sent.message).toMatchObject({ messageId: 'm1', reference: 'order-m1', to: message('m1').to, status: 'sent' });
			expect(await store.record(poll('m1', 'sent', 'ENROUTE'), at(2))).toEqual({ kind: 'unchanged' });
			expect(await store.record(poll('m1', 'queued'), at(3))).toEqual({ kind: 'unchanged' });
			const delivered = changed(await store.record(report('m1', 'delivered', 'DELIVRD'), at(3.5)));
			expect(delivered).toMatchObject({ previousStatus: 'sent', status: 'delivered', final: true, gatewayStatus: 'DELIVRD' });
			// Final: no longer polled, kept (retained) so a late duplicate is recognized.
			expect(await store.record(poll('m1', 'delivered'), at(4))).toEqual({ kind: 'unchanged' });
			expect(await store.record(report('m1', 'undelivered'), at(4))).toEqual({ kind: 'unchanged' });
			expect(await store.claimDue(SCOPE, 10, at(100))).toEqual([]);
			expect(await store.stats()).toEqual({ active: 0, retained: 1 });
			const finished = await store.get('smsAssistent', 'm1');
			expect(finished).toMatchObject({ status: 'delivered', finishedAt: at(3.5).getTime() });
			expect(finished?.nextCheckAt).toBeUndefined();
		},
	},
	{
		name: 'exactly one of many concurrent writers (pollers and report receivers) gets each change',
		async run(h) {
			const store = await h.fresh();
			const other = await h.reopen();
			const count = 30;
			await store.track(Array.from({ length: count }, (_, i) => message(`c${i}`)), T0);
			const writes = Array.from({ length: count }, (_, i) => [
				store.record(poll(`c${i}`, 'sent'), at(1)),
				other.record(report(`c${i}`, 'sent'), at(1)),
				store.record(report(`c${i}`, 'delivered'), at(1)),
				other.record(poll(`c${i}`, 'delivered'), at(1)),
				other.record(report(`c${i}`, 'delivered'), at(1)),
			]).flat();
			const changes = (await Promise.all(writes)).flatMap((outcome) => (outcome.kind === 'changed' ? [outcome.change] : []));
			const perEvent = new Map<string, number>();
			for (const change of changes) perEvent.set(`${change.message.messageId}:${change.status}`, (perEvent.get(`${change.message.messageId}:${change.status}`) ?? 0) + 1);
			expect([...perEvent.values()].every((n) => n === 1)).toBe(true);
			// Every message ends delivered, announced once; 'sent' is announced at most once (it may be overtaken).
			for (let i = 0; i < count; i++) expect(perEvent.get(`c${i}:delivered`)).toBe(1);
			expect(await store.stats()).toEqual({ active: 0, retained: count });
		},
	},
	{
		name: 'checks back off 1, 1, 2, 3, 5 … minutes, meet the validity end, and stop at the give-up time',
		async run(h) {
			const store = await h.fresh();
			await store.track([message('m1', { validityMinutes: 30 })], T0);
			const seen: number[] = [];
			let now = at(1);
			for (let check = 0; check < 12; check++) {
				const [due] = await store.claimDue(SCOPE, 10, now);
				if (!due) break;
				const outcome = await store.record(poll('m1', 'sent', 'ENROUTE'), now);
				const record = await store.get('smsAssistent', 'm1');
				if (record?.nextCheckAt === undefined) {
					expect(changed(outcome)).toMatchObject({ status: 'sent', final: true, giveUpReason: 'validity_passed' });
					break;
				}
				seen.push((record.nextCheckAt - now.getTime()) / MINUTE);
				now = new Date(record.nextCheckAt);
			}
			// Checks at 1, 2, 4, 7, 12, 22, then 30 (validity end, not 37), 60, and 90 (give-up = validity + 60 min, not 120).
			expect(seen).toEqual([1, 2, 3, 5, 10, 8, 30, 30]);
			expect(now.getTime()).toBe(at(90).getTime());
			expect(await store.get('smsAssistent', 'm1')).toMatchObject({ giveUpReason: 'validity_passed', status: 'sent', checks: 9 });
		},
	},
	{
		name: 'a failed check moves the back-off on; a delivery report does not',
		async run(h) {
			const store = await h.fresh();
			await store.track([message('m1'), message('m2')], T0);
			expect(await store.record(noAnswer('m1'), at(1))).toEqual({ kind: 'unchanged' });
			expect(await store.get('smsAssistent', 'm1')).toMatchObject({ checks: 1, nextCheckAt: at(2).getTime(), status: 'queued' });
			changed(await store.record(report('m2', 'sent'), at(0.5)));
			expect(await store.get('smsAssistent', 'm2')).toMatchObject({ checks: 0, nextCheckAt: at(1).getTime(), status: 'sent' });
		},
	},
	{
		name: 'an id the gateway no longer knows ends with one event after notKnownLimit checks in a row, not an endless poll',
		async run(h) {
			const store = await h.fresh({ notKnownLimit: 3 });
			await store.track([message('gone'), message('flaky')], T0);
			expect((await store.record(notKnown('gone'), at(1))).kind).toBe('unchanged');
			expect((await store.record(notKnown('gone'), at(2))).kind).toBe('unchanged');
			expect(changed(await store.record(notKnown('gone'), at(3)))).toMatchObject({ status: 'queued', previousStatus: 'queued', final: true, giveUpReason: 'unknown_to_gateway' });
			expect(await store.record(notKnown('gone'), at(4))).toEqual({ kind: 'unchanged' });
			// A known answer in between starts the count again.
			await store.record(notKnown('flaky'), at(1));
			await store.record(notKnown('flaky'), at(2));
			await store.record(poll('flaky', 'queued'), at(3));
			await store.record(notKnown('flaky'), at(5));
			const flaky = await store.get('smsAssistent', 'flaky');
			expect(flaky).toMatchObject({ notKnownChecks: 1 });
			expect(flaky?.finishedAt).toBeUndefined();
		},
	},
	{
		name: 'reports about untracked messages are kept so a repeated report is one event; polls of them are untracked',
		async run(h) {
			const store = await h.fresh();
			expect(changed(await store.record(report('x1', 'sent'), at(1)))).toMatchObject({ previousStatus: undefined, status: 'sent', final: false });
			expect(await store.record(report('x1', 'sent'), at(2))).toEqual({ kind: 'unchanged' });
			expect(changed(await store.record(report('x1', 'delivered'), at(3)))).toMatchObject({ previousStatus: 'sent', status: 'delivered', final: true });
			expect(await store.record(report('x1', 'delivered'), at(4))).toEqual({ kind: 'unchanged' });
			expect(await store.record(report('x2', 'unknown'), at(4))).toEqual({ kind: 'unchanged' });
			expect(await store.record(poll('x3', 'delivered'), at(4))).toEqual({ kind: 'untracked' });
			expect(await store.stats()).toEqual({ active: 0, retained: 1 });
			expect(await store.claimDue({ gateway: 'smsAssistent', credentialId: '' }, 10, at(100))).toEqual([]);
		},
	},
	{
		name: 'survives a restart: tracked messages, statuses, back-off and the once-only promise',
		async run(h) {
			const first = await h.fresh();
			await first.track([message('r1'), message('r2'), message('r3')], T0);
			changed(await first.record(poll('r1', 'sent'), at(1)));
			changed(await first.record(poll('r2', 'delivered'), at(1)));
			await first.close();
			const second = await h.reopen();
			expect(await second.stats()).toEqual({ active: 2, retained: 1 });
			expect(await second.get('smsAssistent', 'r1')).toMatchObject({ status: 'sent', checks: 1, reference: 'order-r1' });
			expect(await second.record(poll('r1', 'sent'), at(2))).toEqual({ kind: 'unchanged' });
			expect(await second.record(report('r2', 'delivered'), at(2))).toEqual({ kind: 'unchanged' });
			// r3 was due at 1; r1's third check is due at 4.
			expect(ids(await second.claimDue(SCOPE, 10, at(3)))).toEqual(['r3']);
			expect(ids(await second.claimDue(SCOPE, 10, at(4)))).toEqual(['r1']);
		},
	},
	{
		name: 'refuses to track beyond its bound of active messages, and takes more as they finish',
		async run(h) {
			const store = await h.fresh({ maxActive: 3 });
			expect(await store.track([message('a'), message('b'), message('c'), message('d')], T0)).toEqual(['tracked', 'tracked', 'tracked', 'store_full']);
			expect(await store.track([message('e')], T0)).toEqual(['store_full']);
			changed(await store.record(poll('a', 'delivered'), at(1)));
			expect(await store.track([message('e'), message('f')], at(1))).toEqual(['tracked', 'store_full']);
			expect(await store.stats()).toEqual({ active: 3, retained: 1 });
		},
	},
	{
		name: 'drops finished records after the retention time and the oldest beyond their bound',
		async run(h) {
			const store = await h.fresh({ maxRetained: 3, retentionMs: 60 * MINUTE });
			await store.track(['a', 'b', 'c', 'd', 'e'].map((id) => message(id)), T0);
			for (const [index, id] of ['a', 'b', 'c', 'd', 'e'].entries()) changed(await store.record(poll(id, 'delivered'), at(index + 1)));
			expect(await store.purge(at(10))).toBe(2);
			expect(await store.stats()).toEqual({ active: 0, retained: 3 });
			expect(await store.get('smsAssistent', 'b')).toBeUndefined();
			expect(await store.get('smsAssistent', 'c')).toBeDefined();
			// Once purged, a late report is new again: retention is the window of de-duplication.
			expect(await store.record(report('a', 'delivered'), at(11))).toMatchObject({ kind: 'changed' });
			expect(await store.purge(at(4 + 60.5))).toBe(2);
			expect(await store.stats()).toEqual({ active: 0, retained: 2 });
		},
	},
	{
		name: 'reset forgets an account\'s tracked messages, or everything',
		async run(h) {
			const store = await h.fresh();
			await store.track([message('a'), message('b', { credentialId: 'cred-2' }), message('c')], T0);
			changed(await store.record(poll('c', 'delivered'), at(1)));
			await store.reset(SCOPE);
			expect(await store.stats()).toEqual({ active: 1, retained: 1 });
			expect(await store.get('smsAssistent', 'a')).toBeUndefined();
			expect(await store.track([message('a')], at(2))).toEqual(['tracked']);
			await store.reset();
			expect(await store.stats()).toEqual({ active: 0, retained: 0 });
			expect(await store.get('smsAssistent', 'b')).toBeUndefined();
		},
	},
	{
		name: 'the limits it is given are checked',
		async run(h) {
			await expect(h.fresh({ maxActive: 0 })).rejects.toThrow(/maxActive must be a positive number/);
			await expect(h.fresh({ checkIntervalsMs: [] })).rejects.toThrow(/checkIntervalsMs/);
			expect(DEFAULT_TRACKING_LIMITS.maxActive).toBe(100_000);
		},
	},
];

/** Defines one jest test per contract case, each on storage of its own. */
export function describeTrackingContract(label: string, harness: () => StoreHarness): void {
	describe(`${label} tracking store contract`, () => {
		for (const contractCase of TRACKING_CONTRACT) {
			test(contractCase.name, () => contractCase.run(harness()));
		}
	});
}
