import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import type { SmsAssistentWire } from './wire';
import {
	ownFields,
	sharedDefaults,
	toInteger,
	UnexpectedAnswerError,
	validitySeconds,
	type PackageMessage,
	type SentMessageAnswer,
	type SmsAssistentAuth,
	type StatusAnswer,
	type WireAnswer,
} from './smsAssistentPackage';

type XmlNode = Record<string, unknown>;

const TEXT = '#text';
const ATTR = '@_';

// processEntities escapes & < > " ' in text and attributes, so any message text is safe.
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: ATTR, textNodeName: TEXT, suppressEmptyNode: true, processEntities: true });
const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: ATTR,
	textNodeName: TEXT,
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: false,
	isArray: (name) => name === 'msg',
});

/** `POST {base}/xml` (SMS-assistent's API description, section 3). */
export const xmlWire: SmsAssistentWire = {
	path: '/xml',
	contentType: 'text/xml; charset=utf-8',

	buildSend(auth, { dateSend, webhookUrl, messages, recipientField }) {
		const shared = sharedDefaults(messages);
		const msg = messages.map((m): XmlNode => ({ [ATTR + recipientField]: m.recipient, ...xmlFields(ownFields(m, shared)) }));
		const message: XmlNode = {};
		const defaults = xmlFields(shared);
		if (Object.keys(defaults).length > 0) message.default = defaults;
		message.msg = msg;
		return document({ ...authAttributes(auth), ...(dateSend ? { [`${ATTR}date_send`]: dateSend } : {}), ...(webhookUrl ? { [`${ATTR}webhook_url`]: webhookUrl } : {}), message });
	},

	parseSend(body) {
		return parseItems(body, 'message', (item): SentMessageAnswer => {
			const smsId = toInteger(item[`${ATTR}sms_id`]);
			if (smsId === undefined) throw new UnexpectedAnswerError('a message without sms_id');
			// A refused message carries its error code as text; an accepted one is empty.
			const text = textOf(item);
			const errorCode = text === '' ? (smsId > 0 ? 0 : undefined) : toInteger(text);
			if (errorCode === undefined) throw new UnexpectedAnswerError('a message with neither an id nor an error code');
			return { smsId: String(smsId), parts: toInteger(item[`${ATTR}sms_count`]), errorCode };
		});
	},

	buildStatuses(auth, messageIds) {
		return document({ ...authAttributes(auth), status: { msg: messageIds.map((id) => ({ [`${ATTR}sms_id`]: id })) } });
	},

	parseStatuses(body) {
		return parseItems(body, 'status', (item): StatusAnswer => {
			const smsId = item[`${ATTR}sms_id`];
			if (typeof smsId !== 'string') throw new UnexpectedAnswerError('a status without sms_id');
			const text = textOf(item);
			const errorCode = toInteger(text);
			return {
				smsId,
				parts: toInteger(item[`${ATTR}sms_count`]),
				// The status word is the text; a negative number there is a refusal of that id.
				status: errorCode === undefined ? text : undefined,
				errorCode: errorCode !== undefined && errorCode < 0 ? errorCode : undefined,
			};
		});
	},
};

/**
 * An XML parser turns every CR and CRLF in the document into LF (XML 1.0, section 2.11), so a
 * text's own CRs are written as the character reference &#13;, which survives parsing as CR.
 */
function document(packageNode: XmlNode): string {
	return builder.build({ '?xml': { [`${ATTR}version`]: '1.0', [`${ATTR}encoding`]: 'utf-8' }, package: packageNode }).replace(/\r/g, '&#13;');
}

/** The password is an attribute of <package>; with a token only the login is (the token is a header). */
function authAttributes(auth: SmsAssistentAuth): XmlNode {
	return 'password' in auth ? { [`${ATTR}login`]: auth.login, [`${ATTR}password`]: auth.password } : { [`${ATTR}login`]: auth.login };
}

function xmlFields(fields: Partial<Omit<PackageMessage, 'recipient'>>): XmlNode {
	const out: XmlNode = {};
	if (fields.sender !== undefined) out[`${ATTR}sender`] = fields.sender;
	if (fields.validityMinutes !== undefined) out[`${ATTR}validity_period`] = validitySeconds(fields.validityMinutes);
	if (fields.text !== undefined) out[TEXT] = fields.text;
	return out;
}

function textOf(node: XmlNode): string {
	const text = node[TEXT];
	return typeof text === 'string' ? text.trim() : '';
}

function parseItems<T>(body: string, key: 'message' | 'status', read: (item: XmlNode) => T): WireAnswer<T> {
	if (body.trim() === '' || XMLValidator.validate(body) !== true) throw new UnexpectedAnswerError('not well-formed XML');
	const root = (parser.parse(body) as XmlNode).package;
	if (typeof root !== 'object' || root === null) throw new UnexpectedAnswerError('no <package> element');
	const pkg = root as XmlNode;
	if ('error' in pkg) {
		const code = toInteger(typeof pkg.error === 'object' ? textOf(pkg.error as XmlNode) : pkg.error);
		if (code === undefined) throw new UnexpectedAnswerError('an <error> that is not a number');
		return { kind: 'error', code };
	}
	const section = pkg[key];
	if (typeof section !== 'object' || section === null) throw new UnexpectedAnswerError(`no <${key}> element`);
	const list = (section as XmlNode).msg;
	if (!Array.isArray(list)) throw new UnexpectedAnswerError(`no <msg> in <${key}>`);
	return { kind: 'items', items: list.map((item) => read(typeof item === 'object' && item !== null ? (item as XmlNode) : { [TEXT]: String(item) })) };
}
