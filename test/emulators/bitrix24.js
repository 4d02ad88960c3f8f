'use strict';
/**
 * A Bitrix24 portal with one local application installed, for the Bitrix24 nodes: OAuth
 * (bitrix24OAuth.js), REST at /rest/<method>[.json] (bitrix24Methods.js) and the portal side that
 * hands SMS to the registered provider and events to bound handlers.
 *
 * REST calls carry the access token as the `auth` parameter (query, form or JSON body), as Bitrix24
 * documents (https://apidocs.bitrix24.com/settings/how-to-call-rest-api/authorization.html); an
 * incoming webhook calls /rest/<user id>/<code>/<method> and has no application context. Errors
 * are {error, error_description} with the HTTP statuses Bitrix24 lists for system errors.
 * `config.acceptBearerHeader` (off by default) also takes `Authorization: Bearer` — [guess]
 * Bitrix24 does not document it.
 *
 * The portal side, in process (the returned object) or over HTTP (POST /__portal/<what>, JSON):
 *   sms   {to, text, moduleId?: 'crm'|'bizproc', code?, bindings?, document?} → POSTs the handler call
 *         of every registered sender (or the one with `code`) and records the message in the ledger
 *         with status 'queued'; message.status.update moves it and appends to statusHistory.
 *   event {event, fields: {ID}} → POSTs the event call to every handler bound to it.
 *   crm   {entity, id?, fields} → adds or updates a CRM record and raises its ADD / UPDATE event.
 *   expire-tokens → every access token issued so far is expired now.
 *   GET /__portal/state → senders, bindings, messages.
 * Handler and event calls are form-encoded with PHP bracket keys, as in the messageservice.sender.add
 * page's examples: module_id, bindings[..] | workflow_id, document_id[..], document_type[..],
 * properties[phone_number], properties[message_text], type, code, message_id (32 hex), message_to,
 * message_body, ts, auth[access_token|expires|expires_in|scope|domain|server_endpoint|status|
 * client_endpoint|member_id|user_id|refresh_token|application_token]. Event calls: event, data[FIELDS][ID],
 * ts, auth[...] without refresh_token.
 */
const crypto = require('node:crypto');
const { startEmulator } = require('./lib/server');
const { runStandalone } = require('./lib/cli');
const { parseParams, toPhpForm } = require('./bitrix24Wire');
const { handleAuthorize, handleToken, checkAccessToken, issueTokens, expireAccessTokens } = require('./bitrix24OAuth');
const { METHODS, portalState, scopeOf } = require('./bitrix24Methods');

const DEFAULT_ACCOUNT = {
	clientId: 'local.6650a1b2c3d4e5.12345678',
	clientSecret: 'Zk3v9QmB2xL7pR4tW8yN1cF6hJ0sD5gA2eK9uV3bM7nQ4wX1',
	memberId: 'a223c6b3710f85df22e9377d6c4f7553',
	applicationToken: '51856fefc120afa4b628cc82d3935cce',
	domain: 'portal.bitrix24.test',
	webhookUserId: '1',
	webhookCode: 'k2f9q8w7e6r5t4y3',
};

function defaults() {
	return {
		app: {
			clientId: DEFAULT_ACCOUNT.clientId,
			clientSecret: DEFAULT_ACCOUNT.clientSecret,
			applicationToken: DEFAULT_ACCOUNT.applicationToken,
			// n8n's OAuth callback; tests that run the authorize step pass their own redirect_uri.
			redirectUri: undefined,
			checkHandlerHost: false,
		},
		portal: { domain: DEFAULT_ACCOUNT.domain, memberId: DEFAULT_ACCOUNT.memberId },
		users: { 1: { admin: true, name: 'Admin' }, 2: { admin: false, name: 'Manager' } },
		authorizingUserId: 1,
		webhook: { userId: DEFAULT_ACCOUNT.webhookUserId, code: DEFAULT_ACCOUNT.webhookCode },
		scope: 'crm,messageservice,placement',
		codeTtlMs: 30 * 1000,
		accessTokenTtlMs: 60 * 60 * 1000,
		refreshTokenTtlMs: 180 * 24 * 60 * 60 * 1000,
		acceptBearerHeader: false,
		/** When set to N, the Nth REST call finds every access token expired (a token expiring mid-run). */
		expireTokensAtRestCall: null,
		events: ['ONCRMLEADADD', 'ONCRMLEADUPDATE', 'ONCRMDEALADD', 'ONCRMDEALUPDATE', 'ONCRMCONTACTADD', 'ONCRMCONTACTUPDATE', 'ONCRMCOMPANYADD', 'ONCRMCOMPANYUPDATE', 'ONAPPUNINSTALL'],
		crm: {
			lead: {
				98: { TITLE: 'Website request', NAME: 'Ivan', HAS_PHONE: 'Y', PHONE: [{ ID: '11', VALUE_TYPE: 'MOBILE', VALUE: '+375291234567', TYPE_ID: 'PHONE' }, { ID: '12', VALUE_TYPE: 'WORK', VALUE: '8 (017) 222-33-44', TYPE_ID: 'PHONE' }] },
				99: { TITLE: 'No phone', NAME: 'Olga', HAS_PHONE: 'N' },
			},
			contact: {
				7: { NAME: 'Anna', LAST_NAME: 'Petrova', HAS_PHONE: 'Y', PHONE: [{ ID: '21', VALUE_TYPE: 'MOBILE', VALUE: '+380501234567', TYPE_ID: 'PHONE' }] },
			},
			company: {
				3: { TITLE: 'OOO Romashka', HAS_PHONE: 'Y', PHONE: [{ ID: '31', VALUE_TYPE: 'WORK', VALUE: '+375172223344', TYPE_ID: 'PHONE' }] },
			},
			deal: {
				5: { TITLE: 'Order 5', CATEGORY_ID: '0', STAGE_ID: 'NEW', CONTACT_ID: '7', COMPANY_ID: '3' },
				6: { TITLE: 'Order 6', CATEGORY_ID: '0', STAGE_ID: 'NEW', CONTACT_ID: null, COMPANY_ID: '0' },
			},
		},
		/** How long the portal waits for a handler's answer. */
		handlerTimeoutMs: 10 * 1000,
	};
}

const restError = (ctx, status, error, description) => ctx.json(status, { error, error_description: description });

/** `/rest/<method>[.json]` or `/rest/<user>/<code>/<method>[.json]` (incoming webhook). */
function parseRestPath(path) {
	const m = /^\/rest\/(?:(\d+)\/([^/]+)\/)?([a-z0-9_.]+?)(?:\.json)?\/?$/i.exec(path);
	if (!m) return undefined;
	return { webhookUser: m[1], webhookCode: m[2], method: m[3].toLowerCase() };
}

function callerOf(ctx, route, params) {
	const { config } = ctx;
	if (route.webhookUser !== undefined) {
		if (route.webhookUser !== String(config.webhook.userId) || route.webhookCode !== config.webhook.code) {
			return { status: 401, error: 'NO_AUTH_FOUND', description: 'Wrong authorization data' };
		}
		return { userId: Number(route.webhookUser), application: false };
	}
	let token = typeof params.auth === 'string' ? params.auth : undefined;
	if (token === undefined && config.acceptBearerHeader) {
		const m = /^Bearer\s+(\S+)$/i.exec(String(ctx.headers.authorization ?? ''));
		if (m) token = m[1];
	}
	if (!token) return { status: 401, error: 'NO_AUTH_FOUND', description: 'Wrong authorization data' };
	return checkAccessToken(ctx, token);
}

async function handleRest(ctx, route) {
	if (ctx.method !== 'GET' && ctx.method !== 'POST') return restError(ctx, 405, 'ERROR_METHOD_NOT_ALLOWED', 'Method not allowed');
	const parsed = parseParams(ctx.query, ctx.headers, ctx.rawBody);
	if (parsed.error) return restError(ctx, 400, 'INVALID_REQUEST', parsed.error);
	const params = parsed.params;
	// A token that ends in the middle of a run: at the Nth REST call (counted since the last reset) every token issued so far expires.
	if (ctx.config.expireTokensAtRestCall && ctx.ledger.requests.filter((r) => r.path.startsWith('/rest/')).length === ctx.config.expireTokensAtRestCall) {
		expireAccessTokens(ctx.state);
	}
	const caller = callerOf(ctx, route, params);
	if (caller.error) return restError(ctx, caller.status, caller.error, caller.description);
	if (ctx.fault && ctx.fault.kind === 'gateway') {
		return restError(ctx, Number(ctx.fault.status ?? 400), ctx.fault.code ?? 'INTERNAL_SERVER_ERROR', ctx.fault.message ?? 'Internal server error');
	}
	const method = METHODS[route.method];
	if (!method) return restError(ctx, 404, 'ERROR_METHOD_NOT_FOUND', 'Method not found!');
	const scope = scopeOf(route.method);
	if (scope && !ctx.config.scope.split(',').includes(scope)) {
		return restError(ctx, 401, 'insufficient_scope', 'The request requires higher privileges than provided by the access token');
	}
	delete params.auth;
	const answer = method(ctx, params, caller);
	if (answer.error !== undefined) return restError(ctx, answer.status, answer.error, answer.description);
	const now = ctx.now();
	return ctx.json(200, {
		result: answer.result,
		time: { start: now / 1000, finish: now / 1000, duration: 0, processing: 0, date_start: new Date(now).toISOString(), date_finish: new Date(now).toISOString() },
	});
}

/** The `auth` block of handler and event calls: a fresh token for the admin, the application token. */
function authBlock(ctx, { withRefresh }) {
	const tokens = issueTokens(ctx, 1);
	const auth = {
		access_token: tokens.access_token,
		expires: tokens.expires,
		expires_in: tokens.expires_in,
		scope: tokens.scope,
		domain: ctx.config.portal.domain,
		server_endpoint: tokens.server_endpoint,
		status: tokens.status,
		client_endpoint: `https://${ctx.config.portal.domain}/rest/`,
		member_id: ctx.config.portal.memberId,
		user_id: tokens.user_id,
		application_token: ctx.config.app.applicationToken,
	};
	if (withRefresh) auth.refresh_token = tokens.refresh_token;
	return auth;
}

async function postForm(url, body, timeoutMs) {
	try {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body,
			signal: AbortSignal.timeout(timeoutMs),
		});
		return { status: response.status, body: await response.text() };
	} catch (error) {
		return { status: 0, body: String(error && error.message) };
	}
}

/** The portal sends an SMS through the registered provider(s): one handler call per sender. */
async function portalSendSms(ctx, request) {
	const { senders } = portalState(ctx.state);
	const targets = request.code ? [senders.get(request.code)].filter(Boolean) : [...senders.values()];
	if (targets.length === 0) return { error: 'No such provider is registered' };
	const moduleId = request.moduleId ?? 'crm';
	const deliveries = [];
	for (const sender of targets) {
		const messageId = crypto.randomBytes(16).toString('hex');
		const payload = { module_id: moduleId };
		if (moduleId === 'crm') payload.bindings = request.bindings ?? [{ OWNER_TYPE_ID: 1, OWNER_ID: 98 }];
		else {
			payload.workflow_id = request.workflowId ?? '59ce38567ff2a5.26351167';
			payload.document_id = request.document ?? ['crm', 'CCrmDocumentLead', 'LEAD_98'];
			payload.document_type = request.documentType ?? ['crm', 'CCrmDocumentLead', 'LEAD'];
		}
		Object.assign(payload, {
			properties: { phone_number: request.to, message_text: request.text },
			type: 'SMS',
			code: sender.CODE,
			message_id: messageId,
			message_to: request.to,
			message_body: request.text,
			ts: Math.floor(ctx.now() / 1000),
			auth: request.auth ?? authBlock(ctx, { withRefresh: true }),
		});
		const message = ctx.ledger.recordMessage({
			id: messageId,
			code: sender.CODE,
			to: request.to,
			text: request.text,
			moduleId,
			status: 'queued',
			statusHistory: [],
			acceptedAt: ctx.now(),
		});
		const answer = await postForm(sender.HANDLER, toPhpForm(payload), ctx.config.handlerTimeoutMs);
		message.handlerStatus = answer.status;
		deliveries.push({ messageId, code: sender.CODE, handlerStatus: answer.status, handlerBody: answer.body });
	}
	return { deliveries };
}

/** The portal raises an event: one call per bound handler. */
async function portalFireEvent(ctx, request) {
	const event = String(request.event ?? '').toUpperCase();
	const bound = portalState(ctx.state).bindings.filter((b) => b.event === event);
	const calls = [];
	for (const binding of bound) {
		const payload = {
			event,
			event_handler_id: String(binding.id),
			data: { FIELDS: request.fields ?? {} },
			ts: Math.floor(ctx.now() / 1000),
			auth: request.auth ?? authBlock(ctx, { withRefresh: false }),
		};
		const answer = await postForm(binding.handler, toPhpForm(payload), ctx.config.handlerTimeoutMs);
		calls.push({ handler: binding.handler, status: answer.status, body: answer.body });
	}
	return { calls };
}

/**
 * What Bitrix24 fills in for a new record when the fields leave it out: a deal goes to the general
 * pipeline (CATEGORY_ID 0) and its first stage, "NEW" there and "C<id>:NEW" in pipeline <id>
 * (https://apidocs.bitrix24.com/api-reference/crm/deals/crm-deal-add.html).
 */
function newRecordDefaults(entity, fields) {
	if (entity !== 'deal') return {};
	const categoryId = String(fields.CATEGORY_ID ?? '0');
	return { CATEGORY_ID: categoryId, STAGE_ID: categoryId === '0' ? 'NEW' : `C${categoryId}:NEW` };
}

/**
 * A manager adds or edits a CRM record: {entity: lead|deal|contact|company, id?, fields} adds a
 * record (next free id) or merges `fields` into record `id`, then raises ONCRM<ENTITY>ADD or
 * ONCRM<ENTITY>UPDATE with data[FIELDS][ID], as Bitrix24 does.
 */
async function portalChangeRecord(ctx, request) {
	const entity = String(request.entity ?? '').toLowerCase();
	const records = ctx.config.crm[entity];
	if (!records) return { error: `unknown entity ${entity}` };
	const fields = request.fields && typeof request.fields === 'object' ? request.fields : {};
	let id = request.id === undefined ? undefined : String(request.id);
	const added = id === undefined;
	if (added) id = String(Math.max(100, ...Object.keys(records).map(Number)) + 1);
	else if (!records[id]) return { error: `no ${entity} ${id}` };
	records[id] = { ...(added ? newRecordDefaults(entity, fields) : records[id]), ...fields };
	const event = `ONCRM${entity.toUpperCase()}${added ? 'ADD' : 'UPDATE'}`;
	const { calls } = await portalFireEvent(ctx, { event, fields: { ID: id }, auth: request.auth });
	return { id, event, calls };
}

function portalSnapshot(ctx) {
	const state = portalState(ctx.state);
	return { senders: [...state.senders.values()], bindings: state.bindings, messages: ctx.ledger.messages };
}

async function handlePortal(ctx) {
	const what = ctx.path.slice('/__portal/'.length);
	if (ctx.method === 'GET' && what === 'state') return ctx.json(200, portalSnapshot(ctx));
	if (ctx.method !== 'POST') return ctx.json(404, { error: 'unknown portal path' });
	const body = ctx.rawBody ? JSON.parse(ctx.rawBody) : {};
	if (what === 'sms') return ctx.json(200, await portalSendSms(ctx, body));
	if (what === 'event') return ctx.json(200, await portalFireEvent(ctx, body));
	if (what === 'crm') return ctx.json(200, await portalChangeRecord(ctx, body));
	if (what === 'expire-tokens') {
		expireAccessTokens(ctx.state);
		return ctx.json(200, { ok: true });
	}
	return ctx.json(404, { error: 'unknown portal path' });
}

async function handle(ctx) {
	ctx.baseUrl = () => `http://${ctx.headers.host}`;
	if (ctx.path.startsWith('/__portal/')) return handlePortal(ctx);
	if (ctx.path === '/oauth/authorize/' || ctx.path === '/oauth/authorize') {
		if (ctx.method !== 'GET') return restError(ctx, 405, 'invalid_request', 'Use GET');
		return handleAuthorize(ctx);
	}
	if (ctx.path === '/oauth/token/' || ctx.path === '/oauth/token') return handleToken(ctx);
	const route = parseRestPath(ctx.path);
	if (route) return handleRest(ctx, route);
}

const spec = { name: 'bitrix24', defaults, handle };

/** The portal-side calls for tests in the same process, on a context like the server's. */
function portalContext(emulator) {
	const { state } = emulator;
	return {
		state,
		get config() {
			return state.config;
		},
		ledger: state.ledger,
		now: state.now,
		baseUrl: () => emulator.url,
		json() {},
	};
}

async function start(options) {
	const emulator = await startEmulator(spec, options);
	return Object.assign(emulator, {
		sendSms: (request) => portalSendSms(portalContext(emulator), request),
		fireEvent: (request) => portalFireEvent(portalContext(emulator), request),
		changeRecord: (request) => portalChangeRecord(portalContext(emulator), request),
		expireAccessTokens: () => expireAccessTokens(emulator.state),
		/** Tokens as after a completed authorization: what the sandbox and e2e credentials start with. */
		issueTokens: (userId = 1) => issueTokens(portalContext(emulator), userId),
		portalState: () => portalSnapshot(portalContext(emulator)),
	});
}

module.exports = { start, DEFAULT_ACCOUNT, defaults };

if (require.main === module) runStandalone(start, 'Bitrix24');
