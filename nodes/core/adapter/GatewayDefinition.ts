import type { ErrorTable } from '../errors/errorTable';
import type { DeliveryReportFormat } from '../reports/DeliveryReport';
import type { SenderRuleSet } from '../sender/senderRules';
import type { StatusTable } from '../status/normalizeStatus';
import type { GatewayAdapter, GatewayLimits, GatewayOptions } from './GatewayAdapter';
import type { HttpTransport } from './http';

/**
 * Everything the nodes know about one gateway, declared in its folder (nodes/gateways/<id>/) and
 * listed once in nodes/gateways/registry.ts. Nodes read only this; validation against `limits`
 * and `senderRules` happens once, in the core, before an adapter is called.
 */
export interface GatewayDefinition {
	/** Stable id, stored in workflows as the node's `gateway` parameter. */
	id: string;
	label: string;
	/** Name of the n8n credential type that holds its secrets. */
	credentialName: string;
	/** The adapter's limits with default settings; lets the node describe and check without building one. */
	limits: GatewayLimits;
	/** What it accepts as a sender name. */
	senderRules: SenderRuleSet;
	/** Its documented error codes in our error model. */
	errors: ErrorTable;
	/** Its status words in our status model. */
	statuses: StatusTable;
	/** How it pushes delivery reports, where it does (the SMS Delivery Report Trigger offers only these gateways). */
	reports?: DeliveryReportFormat;
	/**
	 * How long a login session is reused, for a gateway that logs in (Devino); a session store
	 * shared by several processes keeps a session this long. Absent: the gateway has no sessions.
	 */
	sessionReuseMs?: number;
	/** Builds the adapter from the decrypted credential fields. Throws SmsGatewayError(auth_failed/bad_request) on unusable credentials. */
	create(credentials: Record<string, unknown>, transport: HttpTransport, options?: GatewayOptions): GatewayAdapter;
}
