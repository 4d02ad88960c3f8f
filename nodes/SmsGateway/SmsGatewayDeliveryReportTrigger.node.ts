import type { IDataObject, IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { checkReport, type ReportAnswer } from '../core/reports/receiveReport';
import { SMS_STATUSES, type SmsStatus } from '../core/status/SmsStatus';
import { matchesFilter, type StatusEventFilter } from '../core/tracking/poll/eventFilter';
import { findGatewayDefinition } from '../gateways/registry';
import { gatewaySubtitle } from './descriptions/gatewaySubtitle';
import { reportEventProperty, reportGatewayProperty, reportHowToNotices, reportSecretProperty, reportTriggerCredentials } from './descriptions/reportTriggerProperties';
import { statusOptionsProperty } from './trigger/triggerProperties';
import { readReportCall } from './reportTrigger/readReportCall';
import { recordWithStore } from './reportTrigger/recordWithStore';
import { ensureGeneratedSecret, urlSecret } from './reportTrigger/urlSecret';

/**
 * Delivery reports the gateway pushes, as the same events as the SMS Gateway Trigger's polling:
 * each report goes through the tracking store, so a status a poller (or an earlier copy of the
 * report) already emitted is not emitted again. The gateway gets its answer before the workflow
 * starts; forged, oversized or unreadable calls start nothing.
 */
export class SmsGatewayDeliveryReportTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SMS Delivery Report Trigger',
		name: 'smsGatewayDeliveryReportTrigger',
		icon: { light: 'file:../../icons/smsGateway.svg', dark: 'file:../../icons/smsGateway.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: gatewaySubtitle(reportEventProperty),
		description: 'Starts the workflow when an SMS gateway reports a new delivery status',
		defaults: { name: 'SMS Delivery Report Trigger' },
		inputs: [],
		outputs: ['main'],
		credentials: reportTriggerCredentials(),
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'sms-delivery-report' }],
		properties: [reportGatewayProperty, ...reportHowToNotices, reportSecretProperty, reportEventProperty, statusOptionsProperty],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return urlSecret(this) !== '';
			},
			async create(this: IHookFunctions): Promise<boolean> {
				ensureGeneratedSecret(this);
				return true;
			},
			// The generated secret stays: messages already sent carry URLs with it.
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject();
		// Nothing may throw from here: n8n records a failed webhook as an execution.
		try {
			const definition = findGatewayDefinition(String(this.getNodeParameter('gateway', '')));
			let answer: Omit<ReportAnswer, 'httpStatus' | 'unchanged'> & { httpStatus: number } = { httpStatus: 404, message: 'This trigger has no gateway that pushes reports', events: [] };
			if (definition?.reports) {
				const call = readReportCall(this);
				// Secret, size and shape are checked before the store is touched: a forged call opens nothing.
				const checked = checkReport({ gateway: definition.id, format: definition.reports, givenSecret: call.givenSecret, secret: urlSecret(this), request: call.request, bodyBytes: call.bodyBytes });
				answer = checked.ok ? await recordWithStore(this, definition.id, checked.statuses, this.getMode() === 'manual' ? 'preview' : 'record') : checked.answer;
			}
			response.status(answer.httpStatus).type('text/plain').send(answer.message);
			const filter = eventFilter(this);
			const events = answer.events.filter((event) => matchesFilter(event, filter));
			if (events.length === 0) return { noWebhookResponse: true };
			return { noWebhookResponse: true, workflowData: [events.map((event) => ({ json: event as unknown as IDataObject }))] };
		} catch {
			if (!response.headersSent) response.status(500).type('text/plain').send('Report not processed; send it again');
			return { noWebhookResponse: true };
		}
	}
}

function eventFilter(context: IWebhookFunctions): StatusEventFilter {
	const filters = (context.getNodeParameter('options', {}) ?? {}) as IDataObject;
	const statuses = Array.isArray(filters.statuses) ? filters.statuses.filter((s): s is SmsStatus => SMS_STATUSES.includes(s as SmsStatus)) : [];
	return {
		kind: context.getNodeParameter('event', 'finalStatus') === 'statusChanged' ? 'statusChanged' : 'finalStatus',
		statuses,
		reference: typeof filters.reference === 'string' ? filters.reference : undefined,
	};
}
