import type { DeliveryReportFormat, ReportedStatus } from '../../core/reports/DeliveryReport';
import { normalizeStatus } from '../../core/status/normalizeStatus';
import { SMS_ASSISTENT_STATUSES } from './statuses';

/** A message id as the gateway gives it: a positive whole number. */
const SMS_ID = /^[1-9]\d{0,19}$/;

/**
 * SMS-assistent posts a delivery status to the `webhook_url` given with the send, as form fields
 * `<sms_id>=<status>` (one field per message; the status is one of its API's status words, see
 * https://sms-assistent.by, API description section 1.3). Fields whose name is not an id are
 * ignored; a body with no id field at all is not a report.
 */
export const smsAssistentReports: DeliveryReportFormat = {
	urlGiven: 'perSend',
	contentTypes: ['application/x-www-form-urlencoded'],
	parse({ contentType, body }) {
		if (contentType !== '' && contentType !== 'application/x-www-form-urlencoded' && contentType !== 'text/plain') {
			return { kind: 'malformed', reason: `content type ${contentType} (expected form fields)` };
		}
		const statuses: ReportedStatus[] = [];
		for (const [name, value] of new URLSearchParams(body.trim())) {
			const id = name.trim();
			if (!SMS_ID.test(id)) continue;
			statuses.push({ messageId: id, status: normalizeStatus(SMS_ASSISTENT_STATUSES, value) });
		}
		if (statuses.length === 0) return { kind: 'malformed', reason: 'no <sms_id>=<status> field' };
		return { kind: 'statuses', statuses };
	},
};
