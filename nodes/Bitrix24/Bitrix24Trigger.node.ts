import { NodeOperationError, type IDataObject, type IHookFunctions, type INodeType, type INodeTypeDescription, type IWebhookFunctions, type IWebhookResponseData } from 'n8n-workflow';
import { checkLastValueStore } from '../glue';
import { eventTriggerCredentials, stageStoreOptions } from './descriptions/stageStore';
import { CRM_EVENT_KEYS, CRM_EVENTS, chosenEventsOf } from './events/crmEvents';
import { bindEvents, bindingsExist, unbindEvents, type EventRegistration } from './events/eventBindings';
import { eventItems } from './events/eventItems';
import { readEventCall } from './events/readEventCall';
import { bitrix24EventsOf, readEvents, readStageStore } from './events/readEvents';
import { readApplicationToken } from './provider/readTriggerParameters';
import { BITRIX24_CREDENTIAL } from './transport/callBitrix24';
import { callTooLarge, MAX_EVENT_CALL_BYTES } from './webhook/callTooLarge';
import { fromPortal } from './webhook/fromPortal';
import { applicationTokenProperty, connectedMemberId } from './webhook/portalIdentity';

/**
 * Starts the workflow on Bitrix24 CRM events (a lead, deal, contact or company added or updated, a
 * deal's stage changed):
 * on publish it binds the chosen events (event.bind, https://apidocs.bitrix24.com/api-reference/events/event-bind.html)
 * to this trigger's production URL with a secret generated then; on unpublish it unbinds them.
 * Each call must carry that secret, the member_id of the portal the credential was connected to
 * and, when set, the application token; anything else gets 403 and starts nothing. Bitrix24 gets
 * its 200 at once; one item per chosen event the call serves (a deal update can be both Deal
 * Updated and Deal Stage Changed). Deal Stage Changed reads the deal and keeps its last stage in
 * a store (events/watchDealStage.ts), opened only after the call is verified.
 */
export class Bitrix24Trigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bitrix24 Trigger',
		name: 'bitrix24Trigger',
		icon: { light: 'file:../../icons/bitrix24.svg', dark: 'file:../../icons/bitrix24.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: "Starts the workflow when a lead, deal, contact or company is added or updated in Bitrix24, or a deal's stage changes",
		defaults: { name: 'Bitrix24 Trigger' },
		inputs: [],
		outputs: ['main'],
		credentials: eventTriggerCredentials(),
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'bitrix24-event' }],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['leadAdded'],
				options: CRM_EVENT_KEYS.map((key) => ({ name: CRM_EVENTS[key].name, value: key, description: `Bitrix24 ${CRM_EVENTS[key].events.length > 1 ? 'events' : 'event'} ${CRM_EVENTS[key].events.join(', ')}` })),
				description: 'The CRM events that start the workflow. Bitrix24 sends only the record ID: read the record or its phone numbers with the Bitrix24 node.',
			},
			applicationTokenProperty,
			stageStoreOptions,
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
				const chosen = readEvents(this);
				const events = bitrix24EventsOf(chosen);
				readApplicationToken(this);
				if (chosen.includes('dealStageChanged')) await stageStoreUsable(this);
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
		const keys = chosenEventsOf(call.event, readEvents(this));
		// A binding left from an earlier choice of events: acknowledged, starts nothing.
		if (keys.length === 0) return answer(200, { ignored: call.event });
		if (!/^[1-9]\d{0,18}$/.test(call.entityId)) return answer(400, { error: 'data[FIELDS][ID] is missing or not a record id' });
		const { items, stageUnknown } = await eventItems(this, call, keys);
		if (items.length === 0) return stageUnknown ? answer(500, { error: 'The deal stage could not be read or stored' }) : answer(200, { stageChanged: false });
		return { workflowData: [items.map((json) => ({ json }))] };
	}
}

/** Deal Stage Changed needs its store: a choice that cannot work fails the publish, with the advice. */
async function stageStoreUsable(context: IHookFunctions): Promise<void> {
	try {
		await checkLastValueStore(context, readStageStore(context));
	} catch (error) {
		if (error instanceof NodeOperationError) throw error;
		throw new NodeOperationError(context.getNode(), `Deal Stage Changed cannot keep the deals' stages: ${error instanceof Error ? error.message : String(error)}`, {
			description: 'Choose another Stage Store under Options (Redis on n8n 1.x), or check the Redis credential.',
		});
	}
}
