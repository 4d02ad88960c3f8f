/**
 * Per gateway: numbers of its country (typed as people type them, with their E.164 form), a
 * sender its emulator has registered, and whether the API takes several recipients per request.
 */
import type { GatewayId } from './harness';

export interface GatewayCase {
	id: GatewayId;
	defaultCountry: string;
	/** [as typed, E.164] */
	numbers: Array<[string, string]>;
	sender: string;
	/** One send request carries many recipients (false: one request per recipient). */
	bulk: boolean;
	/** The gateway has an API for its sender names. */
	listsSenders: boolean;
	/** Is this ledger request a send? (to count send requests) */
	isSend: (request: { path: string; body: string }) => boolean;
}

export const GATEWAY_CASES: GatewayCase[] = [
	{
		id: 'smsAssistent',
		defaultCountry: 'BY',
		numbers: [['8 (029) 671-72-59', '+375296717259'], ['+375 33 654-32-10', '+375336543210'], ['375447654321', '+375447654321']],
		sender: 'MyShop',
		bulk: true,
		listsSenders: true,
		isSend: (r) => /\/send_sms\/plain$/.test(r.path) || (/\/(json|xml)$/.test(r.path) && /sms_send|<message/.test(r.body)),
	},
	{
		id: 'a1',
		defaultCountry: 'BY',
		numbers: [['+375 29 123-45-67', '+375291234567'], ['8 025 555-22-33', '+375255552233'], ['+375445556677', '+375445556677']],
		sender: 'MyShop',
		bulk: false,
		listsSenders: false,
		isSend: (r) => r.path.endsWith('/api/sms/send'),
	},
	{
		id: 'smsClub',
		defaultCountry: 'UA',
		numbers: [['+380 50 123 45 67', '+380501234567'], ['067 111 22 33', '+380671112233'], ['380931234567', '+380931234567']],
		sender: 'SmsClubTest',
		bulk: true,
		listsSenders: true,
		isSend: (r) => r.path.endsWith('/sms/send'),
	},
	{
		id: 'devino',
		defaultCountry: 'RU',
		numbers: [['+7 912 345-67-89', '+79123456789'], ['8 (926) 123-45-67', '+79261234567'], ['79031112233', '+79031112233']],
		sender: 'DTSMS',
		bulk: true,
		listsSenders: false,
		isSend: (r) => /\/sms\/send(bulk)?$/.test(r.path),
	},
];

export const digits = (phone: string): string => phone.replace(/\D/g, '');
