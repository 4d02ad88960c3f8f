/**
 * The CRM events the Bitrix24 Trigger offers, each bound with event.bind to the Bitrix24 events
 * it needs (https://apidocs.bitrix24.com/api-reference/crm/leads/events/index.html and the deal,
 * contact and company pages). Bitrix24 sends only the record's ID (data[FIELDS][ID]); the record
 * itself is read with crm.<entity>.get (the Bitrix24 node's Get Phone Numbers reads its numbers).
 */
export type CrmEntity = 'lead' | 'deal' | 'contact' | 'company';

export interface CrmEvent {
	/** The option's label in the trigger. */
	name: string;
	/** Bitrix24's event names, as event.bind takes them and event calls carry them. */
	events: readonly string[];
	entityType: CrmEntity;
	change: 'added' | 'updated' | 'stageChanged';
}

export const CRM_EVENTS = {
	leadAdded: { name: 'Lead Added', events: ['ONCRMLEADADD'], entityType: 'lead', change: 'added' },
	leadUpdated: { name: 'Lead Updated', events: ['ONCRMLEADUPDATE'], entityType: 'lead', change: 'updated' },
	dealAdded: { name: 'Deal Added', events: ['ONCRMDEALADD'], entityType: 'deal', change: 'added' },
	dealUpdated: { name: 'Deal Updated', events: ['ONCRMDEALUPDATE'], entityType: 'deal', change: 'updated' },
	// Bitrix24 has no stage event of its own: every edit raises ONCRMDEALUPDATE
	// (https://apidocs.bitrix24.com/api-reference/crm/deals/events/on-crm-deal-update.html), so the
	// trigger reads the deal's stage and compares it with the one it stored; ONCRMDEALADD stores a
	// new deal's first stage.
	dealStageChanged: { name: 'Deal Stage Changed', events: ['ONCRMDEALUPDATE', 'ONCRMDEALADD'], entityType: 'deal', change: 'stageChanged' },
	contactAdded: { name: 'Contact Added', events: ['ONCRMCONTACTADD'], entityType: 'contact', change: 'added' },
	contactUpdated: { name: 'Contact Updated', events: ['ONCRMCONTACTUPDATE'], entityType: 'contact', change: 'updated' },
	companyAdded: { name: 'Company Added', events: ['ONCRMCOMPANYADD'], entityType: 'company', change: 'added' },
	companyUpdated: { name: 'Company Updated', events: ['ONCRMCOMPANYUPDATE'], entityType: 'company', change: 'updated' },
} as const satisfies Record<string, CrmEvent>;

export type CrmEventKey = keyof typeof CRM_EVENTS;

export const CRM_EVENT_KEYS = Object.keys(CRM_EVENTS) as CrmEventKey[];

/** The chosen trigger keys a Bitrix24 event name (any case) serves: one call can serve two (Deal Updated and Deal Stage Changed). */
export function chosenEventsOf(eventName: string, chosen: readonly CrmEventKey[]): CrmEventKey[] {
	const upper = eventName.toUpperCase();
	return chosen.filter((key) => (CRM_EVENTS[key].events as readonly string[]).includes(upper));
}
