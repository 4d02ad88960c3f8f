'use strict';
/**
 * SMS-assistent (sms-assistent.by) API emulator, written from seed 001 and the SMS-assistent
 * section of reference/gateways.md.
 *
 * Documented: POST {base}/json (commands sms_send, statuses, get_senders), POST {base}/xml
 * (<package login password [date_send]> with <message> and/or <status>), the PLAIN API
 * {base}/send_sms/plain, {base}/statuses/plain, {base}/credits/plain (GET or POST, params user,
 * password, ...); codes -1…-15; status words Queued, Sent, Delivered, Expired, Rejected, Unknown,
 * Failed; `date_send` YYYYMMDDHHMM at least now + 10 min; validity in hours (JSON, PLAIN, max 48)
 * or seconds (XML, max 172800); the sender must be registered on the account (case matters);
 * header `requestAuthToken` (API v1.2) instead of the password; request field `recipient`, which
 * the vendor's own clients spell `recepient` (both accepted); `webhook_url`, to which the gateway
 * posts form fields `<sms_id>=<status>` when a message reaches a new status (-24: a bad URL).
 * Everything else is marked [guess] where it is decided.
 *
 * Gateway faults: { kind: 'gateway', code } answers the whole request with that code (default -10,
 * "service temporarily unavailable"); { kind: 'partial', indexes?: number[], code? } refuses the
 * messages at those package positions (default: every second one) with `code` (default -12).
 */
const { XMLBuilder, XMLParser, XMLValidator } = require('fast-xml-parser');
const { startEmulator } = require('./lib/server');
const { runStandalone } = require('./lib/cli');
const { progressOf } = require('./lib/progression');
const { partsOf } = require('./lib/parts');

const DEFAULT_ACCOUNT = Object.freeze({
	login: 'demo',
	password: 'demo-pass-sa-8Kd3',
	token: 'sa-token-3b7e19c05f',
});

const CODE = {
	noFunds: -1,
	badAuth: -2,
	noText: -3,
	badRecipient: -4,
	badSender: -5,
	noLogin: -6,
	noPassword: -7,
	unavailable: -10,
	badMessageId: -11,
	other: -12,
	blocked: -13,
	outsideHours: -14,
	badDate: -15,
	// Newer API: "invalid webhook URL".
	badWebhook: -24,
};

const STATUS_WORDS = {
	scheduled: 'Queued',
	queued: 'Queued',
	sent: 'Sent',
	delivered: 'Delivered',
	// "Rejected" means "not delivered" since document version v1_1711/16.
	undelivered: 'Rejected',
	rejected: 'Rejected',
	expired: 'Expired',
	failed: 'Failed',
};

const SENDER_NAME = /^[A-Za-z0-9_%#@!*()\-.;?'&<>+=:]{1,11}$/;
const MINSK_OFFSET_MS = 3 * 3600_000;
const MAX_VALIDITY_HOURS = 48;

function defaults() {
	return {
		account: { ...DEFAULT_ACCOUNT },
		balance: 500,
		pricePerPart: 1, // [guess] credits per SMS part
		// "CMC" (Latin letters) is the sender every account may use; others must be registered.
		senders: ['CMC', 'MyShop', 'Test-Shop'],
		defaultSender: 'CMC', // [guess] used when a message names no sender
		// [guess] The document sets no package size; a bigger package is refused with -12.
		maxMessagesPerPackage: 1000,
		minScheduleLeadMs: 10 * 60_000,
		apiEnabled: true, // false: -12 (newer docs: "API not enabled")
		blocked: false, // true: -13
		sentAfterMs: 1000,
		finalAfterMs: 3000,
	};
}

async function handle(ctx) {
	const route = /^\/api\/v1(?:\.\d+)?\/(json|xml|send_sms\/plain|statuses\/plain|credits\/plain)\/?$/.exec(ctx.path);
	if (!route) return ctx.text(404, 'Not Found');
	const api = route[1];
	const answer = api === 'json' ? jsonApi : api === 'xml' ? xmlApi : plainApi[api];
	if (api === 'json' || api === 'xml') {
		if (ctx.method !== 'POST') return ctx.text(405, 'Method Not Allowed'); // [guess]
	} else if (ctx.method !== 'GET' && ctx.method !== 'POST') return ctx.text(405, 'Method Not Allowed');
	if (ctx.fault && ctx.fault.kind === 'gateway') return answer.error(ctx, ctx.fault.code ?? CODE.unavailable);
	return answer.handle(ctx);
}

// ---------------------------------------------------------------------------------------------
// Shared rules

function authenticate(ctx, login, password) {
	const { account } = ctx.config;
	if (!login) return CODE.noLogin;
	const token = ctx.headers.requestauthtoken;
	if (token) {
		if (login !== account.login || token !== account.token) return CODE.badAuth;
	} else {
		if (!password) return CODE.noPassword;
		if (login !== account.login || password !== account.password) return CODE.badAuth;
	}
	if (!ctx.config.apiEnabled) return CODE.other;
	if (ctx.config.blocked) return CODE.blocked;
	return 0;
}

/** Belarusian numbers in any local spelling become 375…; others are taken as international. */
function normalizeRecipient(value) {
	if (value === undefined || value === null) return undefined;
	const digits = String(value).replace(/[\s()\-+]/g, '');
	if (!/^\d+$/.test(digits)) return undefined;
	if (/^(25|29|33|44)\d{7}$/.test(digits)) return `375${digits}`;
	if (/^80(25|29|33|44)\d{7}$/.test(digits)) return `375${digits.slice(2)}`;
	if (/^375(25|29|33|44)\d{7}$/.test(digits)) return digits;
	if (digits.startsWith('375')) return undefined;
	// [guess] International numbers: country code plus 8-12 digits.
	if (/^[1-9]\d{9,14}$/.test(digits)) return digits;
	return undefined;
}

/** `date_send` as milliseconds, or an error code. Empty = send now. */
function readDateSend(ctx, value) {
	if (value === undefined || value === null || value === '') return { at: undefined };
	const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(String(value));
	if (!match) return { code: CODE.badDate };
	const [y, mo, d, h, mi] = match.slice(1).map(Number);
	const wall = new Date(Date.UTC(y, mo - 1, d, h, mi));
	if (wall.getUTCMonth() !== mo - 1 || wall.getUTCDate() !== d || wall.getUTCHours() !== h || wall.getUTCMinutes() !== mi) {
		return { code: CODE.badDate };
	}
	const at = wall.getTime() - MINSK_OFFSET_MS;
	if (at < ctx.now() + ctx.config.minScheduleLeadMs) return { code: CODE.badDate };
	return { at };
}

/**
 * One message of a package: { recipient, text, sender, validityHours } with defaults applied.
 * Returns { code } when it must be refused, else what goes to the ledger.
 */
function checkMessage(ctx, message) {
	const to = normalizeRecipient(message.recipient);
	if (!to) return { code: CODE.badRecipient };
	if (typeof message.text !== 'string' || message.text.trim() === '') return { code: CODE.noText };
	const sender = message.sender === undefined || message.sender === '' ? ctx.config.defaultSender : String(message.sender);
	if (!SENDER_NAME.test(sender) || !ctx.config.senders.includes(sender)) return { code: CODE.badSender };
	let validityMinutes;
	if (message.validityHours !== undefined && message.validityHours !== '') {
		const hours = Number(message.validityHours);
		// [guess] A non-number is ignored like a value over the cap is clamped.
		if (Number.isFinite(hours) && hours > 0) validityMinutes = Math.round(Math.min(hours, MAX_VALIDITY_HOURS) * 60);
	}
	const parts = partsOf(message.text);
	return { to, text: message.text, sender, parts, validityMinutes };
}

/**
 * Validates and records a package. Returns { error } for a whole-request refusal, else one
 * { id, parts, code } per message in order (id 0 with a negative code when refused).
 */
function acceptPackage(ctx, messages, dateSend, webhookUrl) {
	if (messages.length === 0) return { error: CODE.badRecipient }; // [guess]
	if (messages.length > ctx.config.maxMessagesPerPackage) return { error: CODE.other };
	const date = readDateSend(ctx, dateSend);
	if (date.code) return { error: date.code };
	const webhook = readWebhookUrl(webhookUrl);
	if (webhook.code) return { error: webhook.code };
	const checked = messages.map((m) => checkMessage(ctx, m));
	const fault = ctx.fault && ctx.fault.kind === 'partial' ? ctx.fault : undefined;
	if (fault) {
		const indexes = fault.indexes ?? checked.map((_, i) => i).filter((i) => i % 2 === 1);
		for (const i of indexes) if (checked[i]) checked[i] = { code: fault.code ?? CODE.other, parts: checked[i].parts };
	}
	const cost = checked.reduce((sum, c) => sum + (c.code ? 0 : c.parts * ctx.config.pricePerPart), 0);
	if (cost > ctx.config.balance) return { error: CODE.noFunds };
	ctx.config.balance -= cost;
	return {
		results: checked.map((c) => {
			if (c.code) return { id: 0, parts: c.parts ?? 1, code: c.code };
			const id = ctx.ledger.newId();
			const recorded = ctx.ledger.recordMessage({
				id: String(id),
				to: c.to,
				text: c.text,
				sender: c.sender,
				parts: c.parts,
				acceptedAt: ctx.now(),
				sendAt: date.at,
				validityMinutes: c.validityMinutes,
				outcome: ctx.outcomeFor(c.to),
				webhookUrl: webhook.url,
			});
			if (webhook.url) ctx.state.reporter.watch(recorded);
			return { id, parts: c.parts, code: 0 };
		}),
	};
}

/**
 * `webhook_url`: where the gateway posts the message's statuses (form fields `<sms_id>=<status>`).
 * The PLAIN API takes it per send; in the JSON and XML packages it is read beside `date_send`
 * [guess]. Anything but an absolute http(s) URL is refused with -24 [guess: which URLs it refuses].
 */
function readWebhookUrl(value) {
	if (value === undefined || value === null || value === '') return { url: undefined };
	const text = String(value);
	let url;
	try {
		url = new URL(text);
	} catch {
		return { code: CODE.badWebhook };
	}
	if ((url.protocol !== 'http:' && url.protocol !== 'https:') || text.length > 2048 || /\s/.test(text)) return { code: CODE.badWebhook };
	return { url: text };
}

/** { parts, word } for a known id, { code } for a malformed one. */
function statusOf(ctx, rawId) {
	const id = String(rawId ?? '').trim();
	if (!/^\d+$/.test(id)) return { code: CODE.badMessageId };
	const message = ctx.ledger.findMessage(id);
	// [guess] An id that is well-formed but not ours is reported as Unknown.
	if (!message) return { parts: 0, word: 'Unknown' };
	return { parts: message.parts, word: STATUS_WORDS[progressOf(message, ctx.now(), ctx.config)] ?? 'Unknown' };
}

// ---------------------------------------------------------------------------------------------
// JSON API

const jsonApi = {
	error(ctx, code) {
		ctx.json(200, { error: code });
	},
	handle(ctx) {
		let body;
		try {
			body = JSON.parse(ctx.rawBody);
		} catch {
			return this.error(ctx, CODE.other); // [guess]
		}
		if (typeof body !== 'object' || body === null) return this.error(ctx, CODE.other);
		const auth = authenticate(ctx, body.login, body.password);
		if (auth) return this.error(ctx, auth);
		switch (body.command) {
			case 'sms_send':
				return this.send(ctx, body);
			case 'statuses':
				return this.statuses(ctx, body);
			case 'get_senders':
				return ctx.json(200, { senders: [...ctx.config.senders] });
			default:
				return this.error(ctx, CODE.other); // [guess]
		}
	},
	send(ctx, body) {
		const message = body.message;
		if (typeof message !== 'object' || message === null || !Array.isArray(message.msg)) return this.error(ctx, CODE.badRecipient);
		const defaults = typeof message.default === 'object' && message.default !== null ? message.default : {};
		const messages = message.msg.map((m) => {
			const item = typeof m === 'object' && m !== null ? m : {};
			return {
				recipient: item.recipient ?? item.recepient,
				text: item.sms_text ?? defaults.sms_text,
				sender: item.sender ?? defaults.sender,
				validityHours: item.validity_period ?? defaults.validity_period,
			};
		});
		const outcome = acceptPackage(ctx, messages, body.date_send, body.webhook_url);
		if (outcome.error) return this.error(ctx, outcome.error);
		ctx.json(200, { message: { msg: outcome.results.map((r) => ({ sms_id: r.id, sms_count: r.parts, error_code: r.code })) } });
	},
	statuses(ctx, body) {
		const list = body.status && Array.isArray(body.status.msg) ? body.status.msg : undefined;
		if (!list || list.length === 0) return this.error(ctx, CODE.badMessageId); // [guess]
		const msg = list.map((item) => {
			const smsId = item && item.sms_id;
			const status = statusOf(ctx, smsId);
			// [guess] A malformed id is refused per item, like a refused message in sms_send.
			if (status.code) return { sms_id: smsId ?? null, sms_count: 0, error_code: status.code };
			return { sms_id: Number(smsId), sms_count: status.parts, sms_status: status.word };
		});
		ctx.json(200, { status: { msg } });
	},
};

// ---------------------------------------------------------------------------------------------
// XML API

const ATTR = '@_';
const TEXT = '#text';
const xmlParser = new XMLParser({
	ignoreAttributes: false,
	// Character references (&#13; &#x27;) are decoded, as every XML parser does (XML 1.0, 4.1).
	// The option also decodes HTML's named entities (&nbsp;), which XML does not define: a document
	// using them is refused before parsing (undefinedEntity).
	htmlEntities: true,
	attributeNamePrefix: ATTR,
	textNodeName: TEXT,
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: false,
	isArray: (name) => name === 'msg',
});
/**
 * An entity reference XML 1.0 does not define without a DTD (section 4.6: only amp, lt, gt, quot,
 * apos, plus character references), or a bare `&`; a conforming parser stops at it ("Entity 'nbsp'
 * not defined"). CDATA sections are left out: `&` is plain text there.
 */
function undefinedEntity(xml) {
	return /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)\S{0,10}/.exec(xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ''))?.[0];
}

const xmlBuilder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: ATTR, textNodeName: TEXT, suppressEmptyNode: true });

function xmlDocument(pkg) {
	return `<?xml version="1.0" encoding="utf-8" ?>\n${xmlBuilder.build({ package: pkg })}`;
}

function xmlText(node) {
	if (typeof node === 'string') return node;
	return node && typeof node[TEXT] === 'string' ? node[TEXT] : undefined;
}

const xmlApi = {
	error(ctx, code) {
		ctx.xml(200, xmlDocument({ error: String(code) }));
	},
	handle(ctx) {
		if (XMLValidator.validate(ctx.rawBody) !== true || undefinedEntity(ctx.rawBody)) return this.error(ctx, CODE.other); // [guess]
		const pkg = xmlParser.parse(ctx.rawBody).package;
		if (typeof pkg !== 'object' || pkg === null) return this.error(ctx, CODE.other);
		const auth = authenticate(ctx, pkg[`${ATTR}login`], pkg[`${ATTR}password`]);
		if (auth) return this.error(ctx, auth);
		if (!pkg.message && !pkg.status) return this.error(ctx, CODE.other); // [guess]
		// One request may carry messages and status queries together.
		const answer = {};
		if (pkg.message) {
			const outcome = this.send(ctx, pkg);
			if (outcome.error) return this.error(ctx, outcome.error);
			answer.message = { msg: outcome.results.map((r) => ({ [`${ATTR}sms_id`]: String(r.id), [`${ATTR}sms_count`]: String(r.parts), ...(r.code ? { [TEXT]: String(r.code) } : {}) })) };
		}
		if (pkg.status) {
			const list = typeof pkg.status === 'object' && Array.isArray(pkg.status.msg) ? pkg.status.msg : [];
			if (list.length === 0) return this.error(ctx, CODE.badMessageId); // [guess]
			answer.status = {
				msg: list.map((item) => {
					const smsId = typeof item === 'object' ? item[`${ATTR}sms_id`] : undefined;
					const status = statusOf(ctx, smsId);
					if (status.code) return { [`${ATTR}sms_id`]: String(smsId ?? ''), [`${ATTR}sms_count`]: '0', [TEXT]: String(status.code) };
					return { [`${ATTR}sms_id`]: String(smsId), [`${ATTR}sms_count`]: String(status.parts), [TEXT]: status.word };
				}),
			};
		}
		ctx.xml(200, xmlDocument(answer));
	},
	send(ctx, pkg) {
		const message = typeof pkg.message === 'object' ? pkg.message : {};
		const defaults = typeof message.default === 'object' && message.default !== null ? message.default : {};
		const list = Array.isArray(message.msg) ? message.msg : [];
		const seconds = (value) => (value === undefined ? undefined : Number(value) / 3600);
		const messages = list.map((m) => {
			const item = typeof m === 'object' && m !== null ? m : { [TEXT]: m };
			const own = xmlText(item);
			return {
				recipient: item[`${ATTR}recipient`] ?? item[`${ATTR}recepient`],
				// The message's own text wins; an empty <msg/> takes the text of <default>.
				text: own !== undefined && own.trim() !== '' ? own : xmlText(defaults),
				sender: item[`${ATTR}sender`] ?? defaults[`${ATTR}sender`],
				validityHours: seconds(item[`${ATTR}validity_period`] ?? defaults[`${ATTR}validity_period`]),
			};
		});
		return acceptPackage(ctx, messages, pkg[`${ATTR}date_send`], pkg[`${ATTR}webhook_url`]);
	},
};

// ---------------------------------------------------------------------------------------------
// PLAIN API: parameters in the query (GET) or a form body (POST); answers are bare values.

function plainParams(ctx) {
	const params = new URLSearchParams(ctx.query);
	if (ctx.method === 'POST') for (const [k, v] of new URLSearchParams(ctx.rawBody)) params.set(k, v);
	return params;
}

function plain(handler) {
	return {
		error(ctx, code) {
			ctx.text(200, String(code));
		},
		handle(ctx) {
			const params = plainParams(ctx);
			const auth = authenticate(ctx, params.get('user'), params.get('password'));
			if (auth) return this.error(ctx, auth);
			return handler(ctx, params, this);
		},
	};
}

const plainApi = {
	'send_sms/plain': plain((ctx, params, api) => {
		const outcome = acceptPackage(
			ctx,
			[{ recipient: params.get('recipient') ?? params.get('recepient') ?? undefined, text: params.get('message') ?? undefined, sender: params.get('sender') ?? undefined, validityHours: params.get('validity_period') ?? undefined }],
			params.get('date_send') ?? undefined,
			params.get('webhook_url') ?? undefined,
		);
		if (outcome.error) return api.error(ctx, outcome.error);
		const [result] = outcome.results;
		ctx.text(200, String(result.code || result.id));
	}),
	'statuses/plain': plain((ctx, params) => {
		const status = statusOf(ctx, params.get('id'));
		ctx.text(200, status.code ? String(status.code) : status.word);
	}),
	'credits/plain': plain((ctx) => {
		ctx.text(200, String(Math.round(ctx.config.balance * 100) / 100));
	}),
};

/** Delivery reports: one form field `<sms_id>=<status word>` per message, posted to the message's webhook_url. */
const reporter = {
	targetOf: (message) => message.webhookUrl,
	wordOf: (status) => STATUS_WORDS[status] ?? 'Unknown',
	bodyOf: (reports) => ({
		contentType: 'application/x-www-form-urlencoded',
		body: new URLSearchParams(reports.map(({ message, status }) => [String(message.id), STATUS_WORDS[status] ?? 'Unknown'])).toString(),
	}),
};

const spec = { name: 'smsAssistent', defaults, handle, reporter };

function start(options) {
	return startEmulator(spec, options);
}

module.exports = { start, DEFAULT_ACCOUNT };

if (require.main === module) runStandalone(start, 'SMS-assistent');
