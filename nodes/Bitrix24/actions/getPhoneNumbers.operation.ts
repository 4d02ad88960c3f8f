import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { dealLinks, phonesOf, type CrmPhone } from '../api/crmPhones';
import { showFor } from '../descriptions/showFor';
import { eachItem } from '../eachItem';
import { readChoice, readMatching } from '../readParameters';
import { callBitrix24 } from '../transport/callBitrix24';

/**
 * crm.lead.get / crm.contact.get / crm.company.get, and for a deal crm.deal.get then its contact's
 * and company's numbers (a deal has no PHONE field of its own). One item per record.
 */
export const description: INodeProperties[] = showFor('getPhoneNumbers', [
	{
		displayName: 'Record Type',
		name: 'entityType',
		type: 'options',
		default: 'lead',
		options: [
			{ name: 'Company', value: 'company' },
			{ name: 'Contact', value: 'contact' },
			{ name: 'Deal', value: 'deal', description: 'The numbers of the deal\'s contact and company' },
			{ name: 'Lead', value: 'lead' },
		],
	},
	{
		displayName: 'Record ID',
		name: 'entityId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '={{ $json.data.FIELDS.ID }}',
		description: 'The ID of the lead, deal, contact or company, e.g. from a Bitrix24 event',
	},
	{
		displayName: 'Default Country',
		name: 'defaultCountry',
		type: 'string',
		default: 'BY',
		description: 'Two-letter country code for numbers stored without one (BY, UA, RU, …)',
	},
]);

export async function execute(context: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await eachItem(context, async (itemIndex) => {
		const entityType = readChoice(context, 'entityType', 'Record Type', itemIndex, ['lead', 'deal', 'contact', 'company']);
		const entityId = readMatching(context, 'entityId', 'Record ID', itemIndex, /^[1-9]\d{0,18}$/, 'expected a positive whole number');
		const country = readMatching(context, 'defaultCountry', 'Default Country', itemIndex, /^[A-Za-z]{2}$/, 'expected a two-letter country code').toUpperCase();
		const record = await callBitrix24(context, `crm.${entityType}.get`, { id: entityId }, itemIndex);
		let phones: CrmPhone[];
		if (entityType === 'deal') {
			phones = [];
			for (const link of dealLinks(record)) {
				const linked = await callBitrix24(context, `crm.${link.entity}.get`, { id: link.id }, itemIndex);
				phones.push(...phonesOf(linked, `${link.entity} ${link.id}`, country));
			}
		} else phones = phonesOf(record, `${entityType} ${entityId}`, country);
		const usable = phones.filter((p) => p.e164 !== null).map((p) => p.e164 as string);
		return { entityType, entityId, phones: phones as never, smsNumbers: [...new Set(usable)] };
	});
}
