import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { providerCodeProperty } from '../descriptions/providerCode';
import { showFor } from '../descriptions/showFor';
import { eachItem } from '../eachItem';
import { shownHandler } from '../provider/shownHandler';
import { readChoice, readMatching, readProviderCode, readText } from '../readParameters';
import { Bitrix24ApiError, callBitrix24 } from '../transport/callBitrix24';

/** messageservice.sender.add with TYPE = SMS. Bitrix24 then POSTs every SMS sent through this provider to the handler URL. */
export const description: INodeProperties[] = showFor('registerProvider', [
	providerCodeProperty,
	{
		displayName: 'Handler URL',
		name: 'handler',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://n8n.example.com/webhook/…',
		description: 'Where Bitrix24 sends each SMS: http or https, a host with a dot (Bitrix24 refuses "localhost")',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: 'n8n SMS',
		required: true,
		description: 'The provider name managers see in Bitrix24',
	},
	{
		displayName: 'Description',
		name: 'providerDescription',
		type: 'string',
		default: '',
	},
	{
		displayName: 'If Already Registered',
		name: 'ifRegistered',
		type: 'options',
		default: 'keep',
		options: [
			{ name: 'Keep It', value: 'keep', description: 'Succeed without changing it' },
			{ name: 'Fail', value: 'fail', description: 'Stop with Bitrix24\'s error' },
		],
	},
]);

export async function execute(context: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await eachItem(context, async (itemIndex) => {
		const code = readProviderCode(context, itemIndex);
		// The handler may carry a secret in its query (the trigger's does): never quoted in an error, masked in the output.
		const handler = readMatching(context, 'handler', 'Handler URL', itemIndex, /^https?:\/\/[^/\s?#]+\S*$/i, 'expected an http or https URL', { quote: false });
		const name = readMatching(context, 'name', 'Name', itemIndex, /^[^\p{Cc}]+$/u, 'no line breaks or control characters');
		const text = readText(context, 'providerDescription', 'Description', itemIndex, name);
		const ifRegistered = readChoice(context, 'ifRegistered', 'If Already Registered', itemIndex, ['keep', 'fail'], 'keep');
		const params = { CODE: code, TYPE: 'SMS', HANDLER: handler, NAME: name, DESCRIPTION: text };
		const shown = shownHandler(handler);
		try {
			await callBitrix24(context, 'messageservice.sender.add', params, itemIndex);
			return { code, handler: shown, registered: true, alreadyRegistered: false };
		} catch (error) {
			const already = error instanceof Bitrix24ApiError && error.bitrix24Failure.code === 'ERROR_SENDER_ALREADY_INSTALLED';
			if (already && ifRegistered === 'keep') return { code, handler: shown, registered: true, alreadyRegistered: true };
			throw error;
		}
	});
}
