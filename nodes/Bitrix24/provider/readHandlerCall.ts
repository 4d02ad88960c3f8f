import { normalizePhone } from '../../core/phone/normalizePhone';

/**
 * A handler call from Bitrix24 (messageservice.sender.add: "Data is sent to HANDLER"), read from
 * the form fields whether n8n parsed the PHP bracket keys into objects or left them flat
 * (`auth[member_id]`). Plain TypeScript, no n8n.
 */
export interface HandlerCall {
	messageId: string;
	code: string;
	type: string;
	moduleId: string;
	to: string | null;
	toAsSent: string;
	toInvalidReason?: string;
	text: string;
	bindings: unknown;
	workflowId: string | null;
	documentId: unknown;
	documentType: unknown;
	portal: string;
	memberId: string;
	applicationToken: string;
	sentAt: string | null;
}

type Fields = Record<string, unknown>;

/** `auth[member_id]` from a nested or a flat form. */
export function field(body: Fields, ...path: string[]): unknown {
	let node: unknown = body;
	for (const key of path) {
		if (!node || typeof node !== 'object') {
			node = undefined;
			break;
		}
		node = (node as Fields)[key];
	}
	if (node !== undefined) return node;
	const flat = path[0] + path.slice(1).map((k) => `[${k}]`).join('');
	return body[flat];
}

/** The fields under a prefix (`bindings`, `document_id`) as an object or list, from either form. */
function group(body: Fields, name: string): unknown {
	if (body[name] !== undefined) return body[name];
	const entries = Object.entries(body).filter(([key]) => key.startsWith(`${name}[`));
	if (entries.length === 0) return null;
	const result: Fields = {};
	for (const [key, value] of entries) {
		const path = [...key.slice(name.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]);
		let node = result;
		path.forEach((segment, i) => {
			if (i === path.length - 1) node[segment] = value;
			else node = (node[segment] ??= {}) as Fields;
		});
	}
	return result;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

export function readHandlerCall(body: Fields, defaultCountry: string): HandlerCall {
	const toAsSent = text(body.message_to) || text(field(body, 'properties', 'phone_number'));
	const phone = normalizePhone(toAsSent, { defaultCountry });
	const ts = Number(text(body.ts));
	return {
		messageId: text(body.message_id),
		code: text(body.code),
		type: text(body.type),
		moduleId: text(body.module_id),
		to: phone.ok ? phone.e164 : null,
		toAsSent,
		...(phone.ok ? {} : { toInvalidReason: phone.message }),
		text: text(body.message_body) || text(field(body, 'properties', 'message_text')),
		bindings: group(body, 'bindings'),
		workflowId: text(body.workflow_id) || null,
		documentId: group(body, 'document_id'),
		documentType: group(body, 'document_type'),
		portal: text(field(body, 'auth', 'domain')),
		memberId: text(field(body, 'auth', 'member_id')),
		applicationToken: text(field(body, 'auth', 'application_token')),
		sentAt: Number.isFinite(ts) && ts > 0 ? new Date(ts * 1000).toISOString() : null,
	};
}
