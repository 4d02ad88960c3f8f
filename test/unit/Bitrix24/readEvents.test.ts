import type { INode } from 'n8n-workflow';
import { bitrix24EventsOf, readEvents } from '../../../nodes/Bitrix24/events/readEvents';
import type { TriggerContext } from '../../../nodes/Bitrix24/provider/readTriggerParameters';

const NODE = { name: 'Bitrix24 Trigger', type: 'n8n-nodes-sms-gateways.bitrix24Trigger', parameters: {} } as unknown as INode;
const contextWith = (events: unknown): TriggerContext => ({
	getNode: () => NODE,
	getNodeParameter: ((name: string, fallback?: unknown) => (name === 'events' ? events : fallback)) as TriggerContext['getNodeParameter'],
});

describe('the Bitrix24 Trigger\'s Events', () => {
	it('reads the chosen events without repeats, and the Bitrix24 events to bind', () => {
		expect(readEvents(contextWith(['leadAdded', 'dealUpdated', 'leadAdded']))).toEqual(['leadAdded', 'dealUpdated']);
		expect(readEvents(contextWith('contactAdded'))).toEqual(['contactAdded']);
		expect(bitrix24EventsOf(['leadAdded', 'dealUpdated'])).toEqual(['ONCRMLEADADD', 'ONCRMDEALUPDATE']);
		// Each Bitrix24 event once, though two chosen triggers need it.
		expect(bitrix24EventsOf(['dealUpdated', 'dealStageChanged', 'dealAdded'])).toEqual(['ONCRMDEALUPDATE', 'ONCRMDEALADD']);
	});

	it.each([
		[[], 'Item 0: Events is empty: choose at least one event'],
		[{ leadAdded: true }, 'Item 0: Events must be a list of events'],
		[['leadAdded', 'constructor'], 'Item 0: Events has "constructor", which is not one of leadAdded, leadUpdated'],
		[['leadAdded', 7], 'Item 0: Events has a number, which is not one of'],
	])('refuses %p naming the parameter', (events, message) => {
		expect(() => readEvents(contextWith(events))).toThrow(message);
	});
});
