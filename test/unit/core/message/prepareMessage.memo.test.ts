/**
 * A run's memo (sender checks, the last text, the last schedule) only saves work: a batch prepared
 * with it gives exactly what each message prepared on its own gives, in any order of repeats.
 */
import { newRunMemo, prepareMessage, type MessageRequest, type MessageSettings } from '../../../../nodes/core/message/prepareMessage';
import { GATEWAY_DEFINITIONS } from '../../../../nodes/gateways/registry';
import { seededRandom } from '../../../harness/generate/phoneInputs';

const NOW = new Date('2030-06-01T12:00:00Z');
const TEXTS = ['Order 1234 is ready', 'Заказ «1234» готов…', 'Emoji 🎉 ok', '', '   ', 'a'.repeat(2001), 42, { not: 'text' }, 'bad\u0000byte', 'x'.repeat(161)];
const SENDERS = ['MyShop', 'СМС', 'My Shop!', '', 'DTSMS', '1234567890123456', 7, 'SmsClubTest'];
const SCHEDULES = [undefined, '', '2030-06-01T15:00:00', '2030-06-01T12:01:00Z', '2029-01-01T00:00:00Z', 'soon', 1_900_000_000_000, new Date('2030-06-02T00:00:00Z')];
const SETTINGS: MessageSettings[] = [
	{ sanitize: true, transliterate: 'off', defaultCountry: 'BY' },
	{ sanitize: false, transliterate: 'off', defaultCountry: 'BY' },
	{ sanitize: true, transliterate: 'ru', defaultCountry: 'RU' },
	{ sanitize: false, transliterate: 'be', defaultCountry: 'UA' },
];

describe.each(GATEWAY_DEFINITIONS.map((d) => [d.id, d] as const))('%s: preparing with the run memo', (_, definition) => {
	test('gives what preparing each message alone gives', () => {
		const random = seededRandom(14);
		const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
		// Long runs of the same values (as in a batch), broken by changes.
		let current = { text: pick(TEXTS), sender: pick(SENDERS), scheduleAt: pick(SCHEDULES), settings: pick(SETTINGS) };
		const requests: MessageRequest[] = Array.from({ length: 3000 }, (__, itemIndex) => {
			if (random() < 0.2) current = { text: pick(TEXTS), sender: pick(SENDERS), scheduleAt: pick(SCHEDULES), settings: pick(SETTINGS) };
			return { itemIndex, to: '+37529' + String(1000000 + itemIndex), text: current.text, sender: current.sender, settings: { ...current.settings, scheduleAt: current.scheduleAt } };
		});
		const context = { definition, limits: definition.limits, now: NOW, timeZone: 'Europe/Minsk' };
		const memo = newRunMemo();
		const withMemo = requests.map((request) => prepareMessage(request, { ...context, memo }));
		const alone = requests.map((request) => prepareMessage(request, context));
		expect(withMemo).toEqual(alone);
		expect(new Set(withMemo.map((p) => (p.ok ? 'ok' : p.error.code)))).toEqual(new Set(['ok', 'invalid_text', 'invalid_sender', 'invalid_schedule']));
	});
});
