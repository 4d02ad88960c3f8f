/**
 * Validation is declared once (each gateway's limits and sender rules in its definition) and
 * enforced once, here, before any adapter is called: what a gateway cannot take never reaches it.
 */
import { prepareMessage, type MessageRequest, type MessageSettings } from '../../../../nodes/core/message/prepareMessage';
import { findGatewayDefinition, GATEWAY_DEFINITIONS } from '../../../../nodes/gateways/registry';
import { gatewayCase } from '../../../harness/gatewayCases';

const NOW = new Date('2030-06-01T12:00:00Z');
const SETTINGS: MessageSettings = { sanitize: true, transliterate: 'off', defaultCountry: 'BY' };

function prepare(gatewayId: string, request: Partial<Omit<MessageRequest, 'settings'>> & { settings?: Partial<MessageSettings> }) {
	const definition = findGatewayDefinition(gatewayId);
	if (!definition) throw new Error(`no gateway "${gatewayId}"`);
	const { settings, ...rest } = request;
	return prepareMessage(
		{ itemIndex: 0, to: '+375291234567', text: 'Order 1234 is ready', sender: gatewayCase(gatewayId).sender, ...rest, settings: { ...SETTINGS, ...settings } },
		{ definition, limits: definition.limits, now: NOW },
	);
}

const errorOf = (preparation: ReturnType<typeof prepare>) => (preparation.ok ? undefined : preparation.error);

describe.each(GATEWAY_DEFINITIONS.map((d) => [d.id, d] as const))('%s: what its limits refuse never reaches the adapter', (id, definition) => {
	test('a plain message passes', () => {
		expect(prepare(id, {})).toMatchObject({ ok: true, to: '+375291234567' });
	});

	test('a scheduled send where scheduling is not offered, or too early', () => {
		const inAnHour = new Date(NOW.getTime() + 3_600_000).toISOString();
		const lead = definition.limits.minScheduleLeadMinutes;
		if (lead === undefined) {
			// The same situation reads the same on every gateway that cannot schedule.
			expect(errorOf(prepare(id, { settings: { scheduleAt: inAnHour } }))).toMatchObject({
				code: 'invalid_schedule',
				message: `${definition.label} does not support scheduled sending; clear "Schedule At" to send now`,
			});
			return;
		}
		expect(prepare(id, { settings: { scheduleAt: inAnHour } }).ok).toBe(true);
		const tooEarly = new Date(NOW.getTime() + (lead - 0.5) * 60_000).toISOString();
		expect(errorOf(prepare(id, { settings: { scheduleAt: tooEarly } }))).toMatchObject({ code: 'invalid_schedule' });
	});

	test('a validity period where none is offered, or beyond the cap', () => {
		const validity = errorOf(prepare(id, { settings: { validityHours: 0.5 } }));
		if (!definition.limits.offersValidity) {
			expect(validity).toMatchObject({ code: 'bad_request', message: `${definition.label} does not offer a validity period; leave Validity (Hours) at 0` });
			return;
		}
		expect(validity).toBeUndefined();
		const cap = definition.limits.maxValidityMinutes;
		if (cap !== undefined) expect(errorOf(prepare(id, { settings: { validityHours: cap / 60 + 1 } }))).toMatchObject({ code: 'bad_request' });
	});

	test('no sender where one is required', () => {
		const missing = errorOf(prepare(id, { sender: '' }));
		if (definition.limits.requiresSender) expect(missing).toMatchObject({ code: 'invalid_sender' });
		else expect(missing).toBeUndefined();
	});

	test('a text of more than 2,000 characters', () => {
		expect(prepare(id, { text: 'x'.repeat(2000) }).ok).toBe(true);
		expect(errorOf(prepare(id, { text: 'x'.repeat(2001) }))).toMatchObject({ code: 'invalid_text' });
	});

	test('a number shorter than the API takes', () => {
		// Saint Helena: a valid mobile number of 8 digits with its country code.
		const short = errorOf(prepare(id, { to: '+290 51234' }));
		const min = definition.limits.minRecipientDigits;
		if (min !== undefined && min > 8) expect(short).toMatchObject({ code: 'invalid_number', message: expect.stringContaining(`at least ${min} digits`) });
		else expect(short).toBeUndefined();
	});
});
