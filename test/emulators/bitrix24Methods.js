'use strict';
/**
 * The REST methods the Bitrix24 nodes use, each `(ctx, params, caller) → {result} | {status, error, description}`.
 * Written from the public method pages:
 *   messageservice.sender.add/list/delete, messageservice.message.status.update
 *     https://apidocs.bitrix24.com/api-reference/messageservice/index.html
 *   event.bind/unbind/get  https://apidocs.bitrix24.com/api-reference/events/index.html
 *   crm.lead.get, crm.deal.get, crm.contact.get, crm.company.get (PHONE is a multifield list)
 * `caller` is {userId, application}: an OAuth token is an application context, an incoming
 * webhook is not, and messageservice.* and event.* need one.
 */

const MESSAGE_STATUSES = new Set(['queued', 'sent', 'delivered', 'undelivered', 'failed']);

/** The portal's provider, event and message state, created on first use. */
function portalState(state) {
	return (state.store.portal ??= { senders: new Map(), bindings: [], nextEntityId: 1 });
}

const fail = (status, error, description) => ({ status, error, description });

function requireApplication(caller) {
	if (!caller.application) return fail(403, 'ACCESS_DENIED', 'Application context required');
	return undefined;
}

function requireAdmin(ctx, caller) {
	const user = ctx.config.users[caller.userId];
	if (!user || !user.admin) return fail(403, 'ACCESS_DENIED', 'Access denied! Administrator rights required');
	return undefined;
}

/**
 * Bitrix24 validates handler URLs (sender.add, event.bind): http or https only; a host with a dot
 * after its first character (so "localhost" is refused, "127.0.0.1" passes); and, when the
 * application has an address, the same host as that address.
 */
function checkHandlerUrl(ctx, handler) {
	let url;
	try {
		url = new URL(String(handler ?? ''));
	} catch {
		return fail(400, 'ERROR_WRONG_HANDLER_URL', 'Wrong handler URL');
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return fail(400, 'ERROR_UNSUPPORTED_PROTOCOL', 'Unsupported protocol');
	if (url.hostname.indexOf('.') < 1) return fail(400, 'ERROR_WRONG_HANDLER_URL', 'Wrong handler URL');
	const appHost = ctx.config.app.redirectUri ? new URL(ctx.config.app.redirectUri).hostname : undefined;
	if (ctx.config.app.checkHandlerHost && appHost && url.hostname !== appHost) {
		return fail(400, 'ERROR_HANDLER_URL_MATCH', 'Handler URL host must match the application host');
	}
	return undefined;
}

const localized = (value) => typeof value === 'string' || (value && typeof value === 'object' && Object.values(value).every((v) => typeof v === 'string'));

function senderAdd(ctx, params, caller) {
	const denied = requireApplication(caller) ?? requireAdmin(ctx, caller);
	if (denied) return denied;
	const code = params.CODE;
	// [guess] error codes for these two: the texts are Bitrix24's, the codes ours.
	if (code === undefined || code === '') return fail(400, 'ERROR_ARGUMENT', 'Empty sender code!');
	if (typeof code !== 'string' || !/^[a-zA-Z0-9._-]+$/.test(code)) return fail(400, 'ERROR_ARGUMENT', 'Wrong sender code!');
	if (params.TYPE !== 'SMS') return fail(400, 'ERROR_ARGUMENT', 'Wrong sender type!');
	const badUrl = checkHandlerUrl(ctx, params.HANDLER);
	if (badUrl) return badUrl;
	if (!params.NAME || !localized(params.NAME)) return fail(400, 'ERROR_ARGUMENT', 'Empty sender name!');
	if (params.DESCRIPTION !== undefined && !localized(params.DESCRIPTION)) return fail(400, 'ERROR_ARGUMENT', 'Wrong sender description!');
	const { senders } = portalState(ctx.state);
	if (senders.has(code)) return fail(400, 'ERROR_SENDER_ALREADY_INSTALLED', 'Sender already installed!');
	senders.set(code, { CODE: code, TYPE: 'SMS', HANDLER: params.HANDLER, NAME: params.NAME, DESCRIPTION: params.DESCRIPTION });
	return { result: true };
}

function senderList(ctx, params, caller) {
	const denied = requireApplication(caller) ?? requireAdmin(ctx, caller);
	if (denied) return denied;
	return { result: [...portalState(ctx.state).senders.keys()] };
}

function senderDelete(ctx, params, caller) {
	const denied = requireApplication(caller) ?? requireAdmin(ctx, caller);
	if (denied) return denied;
	const { senders } = portalState(ctx.state);
	if (!params.CODE) return fail(400, 'ERROR_ARGUMENT', 'Empty sender code!');
	// [guess] the code and text for an unknown sender.
	if (!senders.has(params.CODE)) return fail(400, 'ERROR_SENDER_NOT_FOUND', 'Sender not found!');
	senders.delete(params.CODE);
	return { result: true };
}

function messageStatusUpdate(ctx, params, caller) {
	const denied = requireApplication(caller);
	if (denied) return denied;
	const { CODE: code, MESSAGE_ID: messageId, STATUS: status } = params;
	// The message is found by application + sender code + message id.
	const message = ctx.ledger.messages.find((m) => m.id === messageId && m.code === code);
	// [guess] codes and texts for these refusals.
	if (!message) return fail(400, 'ERROR_MESSAGE_NOT_FOUND', 'Message not found!');
	if (!MESSAGE_STATUSES.has(status)) return fail(400, 'ERROR_MESSAGE_STATUS_INCORRECT', 'Incorrect message status!');
	message.status = status;
	message.statusHistory.push({ status, at: ctx.now() });
	return { result: true };
}

function eventBind(ctx, params, caller) {
	const denied = requireApplication(caller) ?? requireAdmin(ctx, caller);
	if (denied) return denied;
	const event = String(params.event ?? params.EVENT ?? '').toUpperCase();
	const handler = params.handler ?? params.HANDLER;
	if (!event) return fail(400, 'ERROR_ARGUMENT', 'Event name is required');
	if (!ctx.config.events.includes(event)) return fail(400, 'ERROR_EVENT_NOT_FOUND', 'Event not found');
	const badUrl = checkHandlerUrl(ctx, handler);
	if (badUrl) return badUrl;
	const { bindings } = portalState(ctx.state);
	if (bindings.some((b) => b.event === event && b.handler === handler)) {
		return fail(400, 'ERROR_HANDLER_ALREADY_BINDED', 'Handler already binded');
	}
	const state = portalState(ctx.state);
	state.nextBindingId = (state.nextBindingId ?? 0) + 1;
	bindings.push({ id: state.nextBindingId, event, handler, auth_type: Number(params.auth_type ?? 0), offline: 0 });
	return { result: true };
}

function eventUnbind(ctx, params, caller) {
	const denied = requireApplication(caller) ?? requireAdmin(ctx, caller);
	if (denied) return denied;
	const event = String(params.event ?? params.EVENT ?? '').toUpperCase();
	const handler = params.handler ?? params.HANDLER;
	const state = portalState(ctx.state);
	const kept = state.bindings.filter((b) => !(b.event === event && (handler === undefined || b.handler === handler)));
	const count = state.bindings.length - kept.length;
	state.bindings = kept;
	return { result: { count } };
}

function eventGet(ctx, params, caller) {
	const denied = requireApplication(caller);
	if (denied) return denied;
	return { result: portalState(ctx.state).bindings.map(({ id, ...b }) => ({ ...b })) };
}

/** crm.<entity>.get: `id` (or `ID`); "Not found" as Bitrix24 answers it, with an empty code. */
function crmGet(entity) {
	return (ctx, params) => {
		const id = String(params.id ?? params.ID ?? '');
		if (!/^\d+$/.test(id)) return fail(400, '', 'ID is not defined or invalid.');
		const record = (ctx.config.crm[entity] ?? {})[id];
		if (!record) return fail(400, '', 'Not found');
		return { result: { ID: id, ...record } };
	};
}

const METHODS = {
	'messageservice.sender.add': senderAdd,
	'messageservice.sender.list': senderList,
	'messageservice.sender.delete': senderDelete,
	'messageservice.message.status.update': messageStatusUpdate,
	'event.bind': eventBind,
	'event.unbind': eventUnbind,
	'event.get': eventGet,
	'crm.lead.get': crmGet('lead'),
	'crm.deal.get': crmGet('deal'),
	'crm.contact.get': crmGet('contact'),
	'crm.company.get': crmGet('company'),
	'app.info': (ctx, params, caller) => ({
		result: { ID: 1, CODE: ctx.config.app.clientId, STATUS: 'L', INSTALLED: true, LICENSE: 'ru_project', member_id: ctx.config.portal.memberId, user_id: caller.userId },
	}),
	'profile': (ctx, params, caller) => ({
		result: { ID: String(caller.userId), ADMIN: Boolean(ctx.config.users[caller.userId]?.admin), NAME: ctx.config.users[caller.userId]?.name ?? '' },
	}),
};

/**
 * The scope each method belongs to; a caller whose application (or webhook) was not given that
 * scope gets insufficient_scope (https://apidocs.bitrix24.com/error-codes.html). event.*, app.info
 * and profile are in the basic scope every application has.
 */
function scopeOf(method) {
	if (method.startsWith('messageservice.')) return 'messageservice';
	if (method.startsWith('crm.')) return 'crm';
	return undefined;
}

module.exports = { METHODS, MESSAGE_STATUSES, portalState, scopeOf };
