import type { GatewayDefinition } from '../adapter/GatewayDefinition';
import { describeValue } from '../text/textRule';

/** Longest URL accepted; browsers and servers commonly stop at 2,048 characters. [guess] */
export const MAX_REPORT_URL_LENGTH = 2048;

export type ReportUrlCheck = { ok: true; reportUrl?: string } | { ok: false; message: string };

/**
 * The Delivery Report URL of a send: empty = none; otherwise an absolute http(s) URL without
 * spaces, and only for a gateway that takes one with each send (SMS-assistent's `webhook_url`).
 * A gateway whose reports go to a callback agreed in its contract (A1) refuses it, so nobody
 * believes reports are on their way when they are not.
 */
export function validateReportUrl(value: unknown, definition: GatewayDefinition): ReportUrlCheck {
	if (value === undefined || value === null || value === '') return { ok: true };
	if (typeof value !== 'string') return { ok: false, message: `Delivery Report URL must be text, not ${describeValue(value)}` };
	const text = value.trim();
	if (text === '') return { ok: true };
	if (definition.reports?.urlGiven !== 'perSend') {
		const how = definition.reports?.urlGiven === 'contract' ? ' its delivery reports go to the callback URL agreed in the contract (see the README, SMS Delivery Report Trigger)' : ' it does not push delivery reports';
		return { ok: false, message: `Delivery Report URL is not taken by ${definition.label}:${how}` };
	}
	if (text.length > MAX_REPORT_URL_LENGTH) return { ok: false, message: `Delivery Report URL is ${text.length} characters long; at most ${MAX_REPORT_URL_LENGTH} are accepted` };
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		return { ok: false, message: 'Delivery Report URL is not an absolute URL (https://…)' };
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: `Delivery Report URL must start with https:// or http://, not ${url.protocol}` };
	if (/[\s\u0000-\u001f\u007f]/.test(text)) return { ok: false, message: 'Delivery Report URL contains spaces or control characters' };
	return { ok: true, reportUrl: text };
}
