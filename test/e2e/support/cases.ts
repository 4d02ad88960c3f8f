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
	/** Path (suffix) of the emulator's send endpoint(s), to count send requests in the ledger. */
	sendPaths: RegExp;
}

export const GATEWAY_CASES: GatewayCase[] = [
	{
		id: 'smsAssistent',
		defaultCountry: 'BY',
		numbers: [['8 (029) 671-72-59', '+375296717259'], ['+375 33 654-32-10', '+375336543210'], ['375447654321', '+375447654321']],
		sender: 'MyShop',
		bulk: true,
		listsSenders: true,
		sendPaths: /\/(json|xml|send_sms\/plain)$/,
	},
	{
		id: 'a1',
		defaultCountry: 'BY',
		numbers: [['+375 29 123-45-67', '+375291234567'], ['8 025 111-22-33', '+375251112233'], ['+375445556677', '+375445556677']],
		sender: 'MyShop',
		bulk: false,
		listsSenders: false,
		sendPaths: /\/api\/sms\/send$/,
	},
	{
		id: 'smsClub',
		defaultCountry: 'UA',
		numbers: [['+380 50 123 45 67', '+380501234567'], ['067 111 22 33', '+380671112233'], ['380931234567', '+380931234567']],
		sender: 'SmsClubTest',
		bulk: true,
		listsSenders: true,
		sendPaths: /\/sms\/send$/,
	},
	{
		id: 'devino',
		defaultCountry: 'RU',
		numbers: [['+7 912 345-67-89', '+79123456789'], ['8 (926) 123-45-67', '+79261234567'], ['79031112233', '+79031112233']],
		sender: 'DTSMS',
		bulk: true,
		listsSenders: false,
		sendPaths: /\/sms\/send(bulk)?$/,
	},
];

export const digits = (phone: string): string => phone.replace(/\D/g, '');
