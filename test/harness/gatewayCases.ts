import type { LedgerRequest } from './emulators';

/**
 * What the tests need to know about each gateway, from its documents (not from our adapters).
 * One entry per registered gateway (test/unit/gateways/registry.test.ts checks that); the unit
 * and the end-to-end tests share this table.
 */
export interface GatewayCase<Id extends string = string> {
	id: Id;
	/** Country of the numbers below when typed without a country code. */
	defaultCountry: string;
	/** Numbers of its country: [as people type them, E.164]. */
	numbers: Array<[string, string]>;
	/** A sender every emulator account has. */
	sender: string;
	/** One send request carries many recipients (false: one request per recipient). */
	bulk: boolean;
	/** Recipients one send request can carry, per the gateway's documents. */
	documentedRecipientsPerRequest: number;
	/** The gateway has an API for its sender names. */
	listsSenders: boolean;
	/** Is this ledger request a send? (to count send requests) */
	isSend(request: Pick<LedgerRequest, 'path' | 'body'>): boolean;
	/** Path suffixes of its send and balance requests, as the emulators' fault queue matches them. */
	paths: { send: string; balance: string };
}

export const GATEWAY_CASES: GatewayCase[] = [
	{
		id: 'smsAssistent',
		defaultCountry: 'BY',
		numbers: [['8 (029) 671-72-59', '+375296717259'], ['+375 33 654-32-10', '+375336543210'], ['375447654321', '+375447654321']],
		sender: 'MyShop',
		bulk: true,
		// One JSON package; the emulator (like the vendor's guidance) takes up to 1,000 messages. [guess]
		documentedRecipientsPerRequest: 1000,
		listsSenders: true,
		isSend: (r) => /\/send_sms\/plain$/.test(r.path) || (/\/(json|xml)$/.test(r.path) && /sms_send|<message/.test(r.body)),
		paths: { send: '/json', balance: '/credits/plain' },
	},
	{
		id: 'a1',
		defaultCountry: 'BY',
		numbers: [['+375 29 123-45-67', '+375291234567'], ['8 025 555-22-33', '+375255552233'], ['+375445556677', '+375445556677']],
		sender: 'MyShop',
		bulk: false,
		documentedRecipientsPerRequest: 1,
		listsSenders: false,
		isSend: (r) => r.path.endsWith('/api/sms/send'),
		paths: { send: '/api/sms/send', balance: '/api/sms/balance' },
	},
	{
		id: 'smsClub',
		defaultCountry: 'UA',
		numbers: [['+380 50 123 45 67', '+380501234567'], ['067 111 22 33', '+380671112233'], ['380931234567', '+380931234567']],
		sender: 'SmsClubTest',
		bulk: true,
		documentedRecipientsPerRequest: 100,
		listsSenders: true,
		isSend: (r) => r.path.endsWith('/sms/send'),
		paths: { send: '/sms/send', balance: '/sms/balance' },
	},
	{
		id: 'devino',
		defaultCountry: 'RU',
		numbers: [['+7 912 345-67-89', '+79123456789'], ['8 (926) 123-45-67', '+79261234567'], ['79031112233', '+79031112233']],
		sender: 'DTSMS',
		bulk: true,
		// No limit is documented; the adapter puts up to 1,000 in one sendbulk (as SMS-assistent's packages). [guess]
		documentedRecipientsPerRequest: 1000,
		listsSenders: false,
		isSend: (r) => /\/sms\/send(bulk)?$/.test(r.path),
		paths: { send: '/sms/send', balance: '/user/balance' },
	},
];

/** The case of one gateway; throws for an id no case describes. */
export function gatewayCase(id: string): GatewayCase {
	const found = GATEWAY_CASES.find((c) => c.id === id);
	if (!found) throw new Error(`no test case for gateway "${id}"`);
	return found;
}

export const digits = (phone: string): string => phone.replace(/\D/g, '');

/** Distinct valid Belarusian mobile numbers: +375291000000, +375291000001, ... */
export function phones(count: number, offset = 0): string[] {
	return Array.from({ length: count }, (_, i) => `+37529${String(1_000_000 + offset + i)}`);
}
