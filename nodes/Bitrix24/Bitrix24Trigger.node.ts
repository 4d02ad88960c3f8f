import type { IDataObject, IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { CRM_EVENT_KEYS, CRM_EVENTS, chosenEventOf } from './events/crmEvents';
import { bindEvents, bindingsExist, unbindEvents, type EventRegistration } from './events/eventBindings';
import { readEventCall } from './events/readEventCall';
import { bitrix24EventsOf, readEvents } from './events/readEvents';
import { readApplicationToken } from './provider/readTriggerParameters';
import { BITRIX24_CREDENTIAL } from './transport/callBitrix24';
import { callTooLarge, MAX_EVENT_CALL_BYTES } from './webhook/callTooLarge';
import { fromPortal } from './webhook/fromPortal';
import { applicationTokenProperty, connectedMemberId } from './webhook/portalIdentity';

/**
 * Starts the workflow on Bitrix24 CRM events (a lead, deal, contact or company added or updated):
 * on publish it binds the chosen events (event.bind, https://apidocs.bitrix24.com/api-reference/events/event-bind.html)
 * to this trigger's production URL with a secret generated then; on unpublish it unbinds them.
 * Each call must carry that secret, the member_id of the portal the credential was connected to
 * and, when set, the application token; anything else gets 403 and starts nothing. Bitrix24 gets
 * its 200 at once; one item per event.
 */
export class Bitrix24Trigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bitrix24 Trigger',
		name: 'bitrix24Trigger',
		icon: { light: 'file:../../icons/bitrix24.svg', dark: 'file:../../icons/bitrix24.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when a lead, deal, contact or company is added or updated in Bitrix24',
		defaults: { name: 'Bitrix24 Trigger' },
		inputs: [],
		outputs: ['main'],
		credentials: [{ name: BITRIX24_CREDENTIAL, required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'bitrix24-event' }],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['leadAdded'],
				options: CRM_EVENT_KEYS.map((key) => ({ name: CRM_EVENTS[key].name, value: key, description: `Bitrix24 event ${CRM_EVENTS[key].event}` })),
				description: 'The CRM events that start the workflow. Bitrix24 sends only the record ID: read the record or its phone numbers with the Bitrix24 node.',
			},
			applicationTokenProperty,
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const events = bitrix24EventsOf(readEvents(this));
				const url = this.getNodeWebhookUrl('default') as string;
				return await bindingsExist(this, this.getWorkflowStaticData('node') as EventRegistration, url, events);
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const events = bitrix24EventsOf(readEvents(this));
				readApplicationToken(this);
				const registration = await bindEvents(this, this.getNodeWebhookUrl('default') as string, events);
				Object.assign(this.getWorkflowStaticData('node'), registration);
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const registration = this.getWorkflowStaticData('node') as EventRegistration;
				try {
					await unbindEvents(this, registration);
				} catch {
					return false;
				}
				delete registration.secret;
				delete registration.handler;
				delete registration.events;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const registration = this.getWorkflowStaticData('node') as EventRegistration;
		const response = this.getResponseObject();
		const answer = (status: number, body: IDataObject): IWebhookResponseData => {
			response.status(status).json(body);
			return { noWebhookResponse: true };
		};
		if (callTooLarge(this.getRequestObject(), MAX_EVENT_CALL_BYTES)) return answer(413, { error: 'Payload Too Large' });
		const call = readEventCall(this.getBodyData());
		const credentials = await this.getCredentials(BITRIX24_CREDENTIAL);
		const expected = { urlSecret: registration.secret ?? '', memberId: connectedMemberId(credentials), applicationToken: readApplicationToken(this) };
		if (!fromPortal({ urlSecret: (this.getQueryData() as IDataObject).secret, ...call }, expected)) return answer(403, { error: 'Forbidden' });
		const key = chosenEventOf(call.event, readEvents(this));
		// A binding left from an earlier choice of events: acknowledged, starts nothing.
		if (!key) return answer(200, { ignored: call.event });
		if (!/^[1-9]\d{0,18}$/.test(call.entityId)) return answer(400, { error: 'data[FIELDS][ID] is missing or not a record id' });
		const { entityType } = CRM_EVENTS[key];
		const json: IDataObject = { event: key, bitrix24Event: call.event, entityType, entityId: call.entityId, handlerId: call.handlerId, portal: call.portal, memberId: call.memberId, firedAt: call.firedAt };
		return { workflowData: [[{ json }]] };
	}
}
