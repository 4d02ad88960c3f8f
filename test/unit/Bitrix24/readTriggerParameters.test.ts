/**
 * The Bitrix24 triggers' parameters are type-checked where read: an expression's number or object
 * is refused with the parameter and the reason (never the value of a secret), before any call.
 */
import type { INode } from 'n8n-workflow';
import { readApplicationToken, readCode, readCountry, readName, type TriggerContext } from '../../../nodes/Bitrix24/provider/readTriggerParameters';

const NODE = { name: 'Bitrix24 SMS Provider Trigger', type: 'n8n-nodes-sms-gateways.bitrix24SmsProviderTrigger', parameters: {} } as unknown as INode;

function contextWith(parameters: Record<string, unknown>): TriggerContext {
	return {
		getNode: () => NODE,
		getNodeParameter: ((name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback)) as TriggerContext['getNodeParameter'],
	};
}

describe('Bitrix24 trigger parameters', () => {
	it('reads valid values', () => {
		const context = contextWith({ code: 'n8n_sms', name: 'n8n SMS', defaultCountry: 'ua', applicationToken: 'abc' });
		expect([readCode(context), readName(context), readCountry(context), readApplicationToken(context)]).toEqual(['n8n_sms', 'n8n SMS', 'UA', 'abc']);
		expect(readCountry(contextWith({ defaultCountry: '' }))).toBe('BY');
		expect(readApplicationToken(contextWith({}))).toBe('');
	});

	it.each([
		[readCode, { code: { a: 1 } }, 'Item 0: Provider Code must be text, not an object'],
		[readCode, { code: 'n8n sms' }, 'Item 0: Provider Code "n8n sms" is not valid: use letters, digits, dot, dash or underscore'],
		[readCode, { code: '' }, 'Item 0: Provider Code is empty'],
		[readName, { name: ['n8n'] }, 'Item 0: Provider Name must be text, not a list'],
		[readName, { name: 'n8n\nSMS' }, 'Item 0: Provider Name "n8n\nSMS" is not valid: no line breaks or control characters'],
		[readCountry, { defaultCountry: 375 }, 'Item 0: Default Country "375" is not valid: expected a two-letter country code'],
		[readCountry, { defaultCountry: { code: 'BY' } }, 'Item 0: Default Country must be text, not an object'],
		[readApplicationToken, { applicationToken: true }, 'Item 0: Application Token must be text, not the boolean true'],
	])('refuses %p of %p naming the parameter and the reason', (read, parameters, message) => {
		expect(() => read(contextWith(parameters))).toThrow(message);
	});

	it('never quotes the application token', () => {
		const secret = { token: '51856fefc120afa4b628cc82d3935cce' };
		let message = '';
		try {
			readApplicationToken(contextWith({ applicationToken: secret }));
		} catch (error) {
			message = `${(error as Error).message} ${(error as { description?: string }).description ?? ''}`;
		}
		expect(message).toContain('Application Token must be text, not an object');
		expect(message).not.toContain(secret.token);
	});
});
