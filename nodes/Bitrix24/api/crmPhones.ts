import { normalizePhone } from '../../core/phone/normalizePhone';

/** One entry of a CRM record's PHONE multifield, read and normalized for SMS. */
export interface CrmPhone {
	/** As stored in Bitrix24. */
	value: string;
	/** Bitrix24's VALUE_TYPE: MOBILE, WORK, HOME, … */
	valueType: string;
	/** Where it was found: 'lead 98', 'contact 7' (a deal's numbers are its contact's and company's). */
	source: string;
	/** E.164 with the plus, or null when the number cannot receive SMS. */
	e164: string | null;
	/** Why it cannot, in English, when e164 is null. */
	reason?: string;
}

/**
 * The PHONE multifield of a crm.<entity>.get result
 * (https://apidocs.bitrix24.com/api-reference/crm/data-types.html: a list of {ID, VALUE_TYPE, VALUE, TYPE_ID}).
 */
export function phonesOf(record: unknown, source: string, defaultCountry: string): CrmPhone[] {
	const list = record && typeof record === 'object' ? (record as { PHONE?: unknown }).PHONE : undefined;
	if (!Array.isArray(list)) return [];
	return list
		.filter((entry): entry is { VALUE: unknown; VALUE_TYPE?: unknown } => Boolean(entry) && typeof entry === 'object')
		.map((entry) => {
			const value = String(entry.VALUE ?? '');
			const read = normalizePhone(value, { defaultCountry });
			return {
				value,
				valueType: String(entry.VALUE_TYPE ?? ''),
				source,
				e164: read.ok ? read.e164 : null,
				...(read.ok ? {} : { reason: read.message }),
			};
		});
}

/** The ids a deal links to: CONTACT_ID and COMPANY_ID, when set (Bitrix24 answers "0" or null for none). */
export function dealLinks(deal: unknown): Array<{ entity: 'contact' | 'company'; id: string }> {
	const record = (deal && typeof deal === 'object' ? deal : {}) as Record<string, unknown>;
	const links: Array<{ entity: 'contact' | 'company'; id: string }> = [];
	for (const [entity, field] of [['contact', 'CONTACT_ID'], ['company', 'COMPANY_ID']] as const) {
		const id = record[field];
		if ((typeof id === 'string' || typeof id === 'number') && /^[1-9]\d*$/.test(String(id))) links.push({ entity, id: String(id) });
	}
	return links;
}
