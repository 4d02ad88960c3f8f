import type { LedgerRequest } from './emulators';

/** What the tests need to know about each gateway's wire, from its documents (not from our adapters). */
export interface GatewayCase {
	id: string;
	/** A sender every emulator account has. */
	sender: string;
	/** Recipients one send request can carry, per the gateway's documents; A1 has no bulk send. */
	documentedRecipientsPerRequest: number;
	isSendRequest(request: LedgerRequest): boolean;
	supportsSenderList: boolean;
}

export const GATEWAY_CASES: GatewayCase[] = [
	{
		id: 'smsAssistent',
		sender: 'MyShop',
		// One JSON package; the emulator (like the vendor's guidance) takes up to 1,000 messages. [guess]
		documentedRecipientsPerRequest: 1000,
		isSendRequest: (r) => r.path.endsWith('/json') && r.body.includes('"sms_send"'),
		supportsSenderList: true,
	},
	{
		id: 'a1',
		sender: 'MyShop',
		documentedRecipientsPerRequest: 1,
		isSendRequest: (r) => r.path === '/api/sms/send',
		supportsSenderList: false,
	},
	{
		id: 'smsClub',
		sender: 'SmsClubTest',
		documentedRecipientsPerRequest: 100,
		isSendRequest: (r) => r.path === '/sms/send',
		supportsSenderList: true,
	},
	{
		id: 'devino',
		sender: 'DTSMS',
		documentedRecipientsPerRequest: 100,
		isSendRequest: (r) => r.path === '/rest/sms/send' || r.path === '/rest/sms/sendbulk',
		supportsSenderList: false,
	},
];

/** Distinct valid Belarusian mobile numbers: +375291000000, +375291000001, ... */
export function phones(count: number, offset = 0): string[] {
	return Array.from({ length: count }, (_, i) => `+37529${String(1_000_000 + offset + i)}`);
}
