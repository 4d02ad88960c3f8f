/**
 * The CRM events the Bitrix24 Trigger offers, each one Bitrix24 event bound with event.bind
 * (https://apidocs.bitrix24.com/api-reference/crm/leads/events/index.html and the deal, contact
 * and company pages). Bitrix24 sends only the record's ID (data[FIELDS][ID]); the record itself is
 * read with crm.<entity>.get (the Bitrix24 node's Get Phone Numbers reads its numbers).
 */
export type CrmEntity = 'lead' | 'deal' | 'contact' | 'company';

export interface CrmEvent {
	/** The option's label in the trigger. */
	name: string;
	/** Bitrix24's event name, as event.bind takes it and event calls carry it. */
	event: string;
	entityType: CrmEntity;
	change: 'added' | 'updated';
}

export const CRM_EVENTS = {
	leadAdded: { name: 'Lead Added', event: 'ONCRMLEADADD', entityType: 'lead', change: 'added' },
	leadUpdated: { name: 'Lead Updated', event: 'ONCRMLEADUPDATE', entityType: 'lead', change: 'updated' },
	dealAdded: { name: 'Deal Added', event: 'ONCRMDEALADD', entityType: 'deal', change: 'added' },
	dealUpdated: { name: 'Deal Updated', event: 'ONCRMDEALUPDATE', entityType: 'deal', change: 'updated' },
	contactAdded: { name: 'Contact Added', event: 'ONCRMCONTACTADD', entityType: 'contact', change: 'added' },
	contactUpdated: { name: 'Contact Updated', event: 'ONCRMCONTACTUPDATE', entityType: 'contact', change: 'updated' },
	companyAdded: { name: 'Company Added', event: 'ONCRMCOMPANYADD', entityType: 'company', change: 'added' },
	companyUpdated: { name: 'Company Updated', event: 'ONCRMCOMPANYUPDATE', entityType: 'company', change: 'updated' },
} as const satisfies Record<string, CrmEvent>;

export type CrmEventKey = keyof typeof CRM_EVENTS;

export const CRM_EVENT_KEYS = Object.keys(CRM_EVENTS) as CrmEventKey[];

/** The trigger key of a Bitrix24 event name (any case), among the chosen ones. */
export function chosenEventOf(eventName: string, chosen: readonly CrmEventKey[]): CrmEventKey | undefined {
	const upper = eventName.toUpperCase();
	return chosen.find((key) => CRM_EVENTS[key].event === upper);
}
