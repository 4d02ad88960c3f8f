import { CRM_EVENT_KEYS, CRM_EVENTS, chosenEventsOf } from '../../../nodes/Bitrix24/events/crmEvents';
import { readEventCall } from '../../../nodes/Bitrix24/events/readEventCall';
import { fromPortal } from '../../../nodes/Bitrix24/webhook/fromPortal';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { toPhpForm } = require('../../emulators/bitrix24Wire') as { toPhpForm(value: unknown): string };

// The event call of https://apidocs.bitrix24.com/api-reference/crm/deals/events/on-crm-deal-update.html
const CALL = {
	event: 'ONCRMDEALUPDATE',
	event_handler_id: '201',
	data: { FIELDS: { ID: '759' } },
	ts: '1736405807',
	auth: { access_token: 's6p6', expires_in: '3600', scope: 'crm', domain: 'some-domain.bitrix24.com', member_id: 'a223c6b3710f85df22e9377d6c4f7553', application_token: '51856fefc120afa4b628cc82d3935cce' },
};
const flat = Object.fromEntries(new URLSearchParams(toPhpForm(CALL)));

describe('readEventCall', () => {
	it.each([
		['nested (PHP bracket keys parsed)', CALL],
		['flat (bracket keys left as they are)', flat],
	])('reads a %s event call', (_, body) => {
		expect(readEventCall(body)).toEqual({
			event: 'ONCRMDEALUPDATE',
			handlerId: '201',
			entityId: '759',
			firedAt: '2025-01-09T06:56:47.000Z',
			portal: 'some-domain.bitrix24.com',
			memberId: 'a223c6b3710f85df22e9377d6c4f7553',
			applicationToken: '51856fefc120afa4b628cc82d3935cce',
		});
	});

	it('reads a call with missing or odd fields as empty, never throwing', () => {
		expect(readEventCall({ event: ['x'], data: 'oops', ts: 'soon', auth: 7 })).toEqual({ event: '', handlerId: '', entityId: '', firedAt: null, portal: '', memberId: '', applicationToken: '' });
	});
});

describe('CRM events', () => {
	it('maps each Bitrix24 event name (any case) to the chosen triggers only', () => {
		expect(chosenEventsOf('onCrmLeadAdd', ['leadAdded', 'dealUpdated'])).toEqual(['leadAdded']);
		expect(chosenEventsOf('ONCRMDEALUPDATE', ['leadAdded', 'dealUpdated'])).toEqual(['dealUpdated']);
		expect(chosenEventsOf('ONCRMDEALADD', ['leadAdded'])).toEqual([]);
		// One deal update serves both deal triggers; a new deal only teaches Deal Stage Changed its first stage.
		expect(chosenEventsOf('ONCRMDEALUPDATE', ['dealUpdated', 'dealStageChanged'])).toEqual(['dealUpdated', 'dealStageChanged']);
		expect(chosenEventsOf('ONCRMDEALADD', ['dealUpdated', 'dealStageChanged'])).toEqual(['dealStageChanged']);
		// Every other trigger has a Bitrix24 event of its own.
		const single = CRM_EVENT_KEYS.filter((key) => key !== 'dealStageChanged');
		expect(new Set(single.map((key) => CRM_EVENTS[key].events[0])).size).toBe(single.length);
	});
});

describe('fromPortal', () => {
	const expected = { urlSecret: 's'.repeat(48), memberId: 'm'.repeat(32), applicationToken: 't'.repeat(32) };
	const good = { urlSecret: 's'.repeat(48), memberId: 'm'.repeat(32), applicationToken: 't'.repeat(32) };
	it('takes a call with the URL secret, the member id and the application token', () => {
		expect(fromPortal(good, expected)).toBe(true);
		expect(fromPortal({ ...good, applicationToken: '' }, { ...expected, applicationToken: '' })).toBe(true);
	});
	it.each([
		['no URL secret', { ...good, urlSecret: undefined }],
		['a URL secret given twice (a list)', { ...good, urlSecret: ['s'.repeat(48), 's'.repeat(48)] }],
		['a wrong URL secret', { ...good, urlSecret: 'x'.repeat(48) }],
		['another portal', { ...good, memberId: 'n'.repeat(32) }],
		['no application token', { ...good, applicationToken: '' }],
		['a wrong application token', { ...good, applicationToken: 'u'.repeat(32) }],
	])('refuses %s', (_, call) => {
		expect(fromPortal(call, expected)).toBe(false);
	});
	it('refuses everything while the trigger has no secret or no member id', () => {
		expect(fromPortal({ ...good, urlSecret: '' }, { ...expected, urlSecret: '' })).toBe(false);
		expect(fromPortal({ ...good, memberId: '' }, { ...expected, memberId: '' })).toBe(false);
	});
});
