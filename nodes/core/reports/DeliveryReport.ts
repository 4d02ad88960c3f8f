import type { NormalizedStatus } from '../status/SmsStatus';

/**
 * A delivery report as a gateway pushed it to us: the request body as text, with its content
 * type. Reading it is the gateway's business (its folder's reportParser.ts); what to do with it
 * (secret, size, tracking store, events) is the same for every gateway (receiveReport.ts).
 */
export interface ReportRequest {
	/** Lower case, without parameters: `application/x-www-form-urlencoded`, `application/json` … ('' when absent). */
	contentType: string;
	body: string;
}

/** One message's status in a report. */
export interface ReportedStatus {
	messageId: string;
	status: NormalizedStatus;
}

/** What a parser made of a request: the statuses it carries, or why it is not a report. */
export type ReportReading = { kind: 'statuses'; statuses: ReportedStatus[] } | { kind: 'malformed'; reason: string };

/** How a gateway's delivery reports reach the trigger and how they read. Declared in the gateway's folder. */
export interface DeliveryReportFormat {
	/**
	 * perSend: the URL goes with every send (the node's Delivery Report URL option);
	 * contract: the gateway is told one callback URL when the account is set up.
	 */
	urlGiven: 'perSend' | 'contract';
	/** The content types the gateway posts with (for the README and the emulator); the parser may accept more. */
	contentTypes: readonly string[];
	parse(request: ReportRequest): ReportReading;
}
