import { shownHandler } from '../../../nodes/Bitrix24/provider/shownHandler';

describe('shownHandler', () => {
	it.each([
		['https://n8n.example.com/webhook/abc/bitrix24-sms?secret=f00d', 'https://n8n.example.com/webhook/abc/bitrix24-sms?secret=***'],
		['https://n8n.example.com/hook?a=1&secret=f00d#frag', 'https://n8n.example.com/hook?a=***&secret=***'],
		['https://user:pa55@n8n.example.com/hook', 'https://***:***@n8n.example.com/hook'],
		['https://n8n.example.com/hook', 'https://n8n.example.com/hook'],
		['not a url f00d', '***'],
	])('%s → %s', (handler, shown) => {
		expect(shownHandler(handler)).toBe(shown);
		expect(shownHandler(handler)).not.toMatch(/f00d|pa55/);
	});
});
