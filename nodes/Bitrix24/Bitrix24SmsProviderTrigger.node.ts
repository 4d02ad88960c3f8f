import { randomBytes } from 'node:crypto';
import {
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { readHandlerCall } from './provider/readHandlerCall';
import { readApplicationToken, readCode, readCountry, readName } from './provider/readTriggerParameters';
import { Bitrix24ApiError, BITRIX24_CREDENTIAL, callBitrix24 } from './transport/callBitrix24';
import { callTooLarge, MAX_HANDLER_CALL_BYTES } from './webhook/callTooLarge';
import { fromPortal } from './webhook/fromPortal';
import { applicationTokenProperty, connectedMemberId } from './webhook/portalIdentity';

/** What activation leaves in the node's static data: the URL secret and the handler registered with it. */
interface Registration {
	code?: string;
	secret?: string;
	handler?: string;
}

/**
 * Makes this workflow the SMS provider of a Bitrix24 portal (messageservice.sender.add,
 * https://apidocs.bitrix24.com/api-reference/messageservice/messageservice-sender-add.html):
 * on activation it registers HANDLER = this trigger's production URL with a secret generated
 * then; on deactivation it removes the provider. Each call must carry that secret, the portal's
 * member_id (the one the credential was connected to) and, when set, the application token;
 * anything else gets 403 and starts nothing. Bitrix24 gets its 200 at once.
 */
export class Bitrix24SmsProviderTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Bitrix24 SMS Provider Trigger',
		name: 'bitrix24SmsProviderTrigger',
		icon: { light: 'file:../../icons/bitrix24.svg', dark: 'file:../../icons/bitrix24.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["code"]}}',
		description: 'Starts the workflow for every SMS Bitrix24 hands to this workflow as its SMS provider',
		defaults: { name: 'Bitrix24 SMS Provider Trigger' },
		inputs: [],
		outputs: ['main'],
		credentials: [{ name: BITRIX24_CREDENTIAL, required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'bitrix24-sms' }],
		properties: [
			{
				displayName: 'Provider Code',
				name: 'code',
				type: 'string',
				default: 'n8n_sms',
				required: true,
				description: 'The CODE registered in Bitrix24: letters a–z and A–Z, digits, dot, dash and underscore',
			},
			{
				displayName: 'Provider Name',
				name: 'name',
				type: 'string',
				default: 'n8n SMS',
				required: true,
				description: 'The name managers see when they choose how to send an SMS',
			},
			applicationTokenProperty,
			{
				displayName: 'Default Country',
				name: 'defaultCountry',
				type: 'string',
				default: 'BY',
				description: 'Two-letter country code for recipients written without one',
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const registration = this.getWorkflowStaticData('node') as Registration;
				const code = readCode(this);
				const handler = this.getNodeWebhookUrl('default');
				if (!registration.secret || registration.code !== code || !handler || !registration.handler?.startsWith(`${handler}?`)) return false;
				const codes = await callBitrix24(this, 'messageservice.sender.list');
				return Array.isArray(codes) && codes.map(String).includes(code);
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const code = readCode(this);
				const name = readName(this);
				// Checked now so that a bad setting fails the publish, not the first SMS.
				readCountry(this);
				readApplicationToken(this);
				const url = this.getNodeWebhookUrl('default') as string;
				const secret = randomBytes(24).toString('hex');
				const handler = `${url}?secret=${secret}`;
				const codes = await callBitrix24(this, 'messageservice.sender.list');
				// A provider with this code from an earlier activation points at an old secret: replace it.
				if (Array.isArray(codes) && codes.map(String).includes(code)) await callBitrix24(this, 'messageservice.sender.delete', { CODE: code });
				await callBitrix24(this, 'messageservice.sender.add', { CODE: code, TYPE: 'SMS', HANDLER: handler, NAME: name, DESCRIPTION: name });
				Object.assign(this.getWorkflowStaticData('node'), { code, secret, handler } satisfies Registration);
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const registration = this.getWorkflowStaticData('node') as Registration;
				const code = registration.code ?? readCode(this);
				try {
					await callBitrix24(this, 'messageservice.sender.delete', { CODE: code });
				} catch (error) {
					if (!(error instanceof Bitrix24ApiError && error.bitrix24Failure.code === 'ERROR_SENDER_NOT_FOUND')) return false;
				}
				delete registration.code;
				delete registration.secret;
				delete registration.handler;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const registration = this.getWorkflowStaticData('node') as Registration;
		const query = this.getQueryData() as IDataObject;
		const response = this.getResponseObject();
		const refuse = (): IWebhookResponseData => {
			response.status(403).json({ error: 'Forbidden' });
			return { noWebhookResponse: true };
		};
		if (callTooLarge(this.getRequestObject(), MAX_HANDLER_CALL_BYTES)) {
			response.status(413).json({ error: 'Payload Too Large' });
			return { noWebhookResponse: true };
		}
		const call = readHandlerCall(this.getBodyData(), readCountry(this));
		const credentials = await this.getCredentials(BITRIX24_CREDENTIAL);
		const expected = { urlSecret: registration.secret ?? '', memberId: connectedMemberId(credentials), applicationToken: readApplicationToken(this) };
		if (!fromPortal({ urlSecret: query.secret, ...call }, expected)) return refuse();
		if (!call.messageId) {
			response.status(400).json({ error: 'message_id is missing' });
			return { noWebhookResponse: true };
		}
		const { applicationToken: _token, ...json } = call;
		return { workflowData: [[{ json: json as unknown as IDataObject }]] };
	}
}
