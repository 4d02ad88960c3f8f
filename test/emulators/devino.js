'use strict';
/**
 * Devino Telecom (integrationapi.net) REST API emulator, written from the Devino section of
 * reference/gateways.md ([seen] in public clients) and seed 004 (the 1C module).
 *
 * Documented: base /rest; form-encoded parameters in the query or the body, GET or POST;
 * /user/sessionid (login, password) → a JSON string of 36 characters, valid 120 minutes;
 * /user/balance (sessionId) → a bare number; /sms/send (sessionId, sourceAddress ≤11 Latin or
 * ≤15 digits, destinationAddress, data ≤2000 characters, validity in minutes?, sendDate ISO read
 * as GMT+3?) → a JSON array of segment ids; /sms/sendbulk, the same with destinationAddresses
 * repeated → the ids of every segment of the first recipient, then of the second, …;
 * /sms/state (sessionId, messageId: one segment) → {State, StateDescription, CreationDateUtc,
 * SubmittedDateUtc, ReportedDateUtc, TimeStampUtc, Price}; /sms/in lists incoming messages;
 * errors are {Code, Desc} with codes 1-9 and their HTTP statuses.
 * Everything else is marked [guess] where it is decided.
 *
 * Gateway-specific faults: { kind: 'gateway', code } answers that error code (1-9, or a 1C
 * operation status) before doing anything; { kind: 'partial', reject?: [digits], state? } accepts
 * a send but marks the listed recipients (default: the last one) with a final failure state
 * (default 11, invalid recipient), since the API answers a send with ids only and reports
 * per-recipient failures through /sms/state.
 */
const crypto = require('node:crypto');
const { startEmulator } = require('./lib/server');
const { runStandalone } = require('./lib/cli');
const { progressOf } = require('./lib/progression');
const { partsOf } = require('./lib/parts');

const DEFAULT_ACCOUNT = Object.freeze({
	login: 'demo',
	password: 'demo-pass-devino-K4r9',
});

const ERRORS = {
	1: { http: 400, desc: 'Argument cannot be null' },
	2: { http: 400, desc: 'Invalid argument' },
	3: { http: 400, desc: 'Invalid session' },
	4: { http: 401, desc: 'Unauthorized or session expired' },
	5: { http: 403, desc: 'Not enough credits' },
	6: { http: 400, desc: 'Invalid operation' },
	7: { http: 403, desc: 'Forbidden' },
	8: { http: 500, desc: 'Gateway error' },
	9: { http: 500, desc: 'Internal error' },
};

// Progression (lib/progression.js) → REST State. [guess] A scheduled message is reported as
// queued (-2): the documents list no separate state for it. [guess] 'undelivered' is state 11,
// the documented "invalid recipient" failure.
const STATE_OF_PROGRESS = { scheduled: -2, queued: -2, sent: -1, delivered: 0, undelivered: 11, expired: 46, rejected: 69 };

// [guess] Wording; the documents give only the meanings.
const STATE_DESCRIPTIONS = {
	'-98': 'Stopped',
	'-2': 'Enqueued',
	'-1': 'Sent',
	0: 'Delivered',
	10: 'Invalid source address',
	11: 'Invalid destination address',
	41: 'Destination address not allowed',
	42: 'Rejected by SMSC',
	46: 'Expired',
	47: 'Deleted',
	48: 'Rejected by platform',
	69: 'Rejected',
	99: 'Unknown',
	255: 'Not found',
};

const SESSION_LIFETIME_MS = 120 * 60_000;
const STATE_HORIZON_MS = 48 * 3600_000; // older messages answer 255, as documented
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// [guess] "≤11 Latin": letters, digits and a few separators, with at least one letter.
const ALPHA_SENDER = /^(?=.*[A-Za-z])[A-Za-z0-9 ._-]{1,11}$/;
const NUMERIC_SENDER = /^\d{1,15}$/;
// [guess] International format, digits only (an optional leading + is tolerated).
const DESTINATION = /^\+?\d{10,15}$/;
const ZONE_DESIGNATOR = /(Z|[+-]\d{2}:?\d{2})$/i;
// [guess] Devino's segment ids are ten-digit numbers (e.g. 4259367936).
const ID_BASE = 4259360000;

function defaults() {
	return {
		account: { ...DEFAULT_ACCOUNT },
		balance: 100,
		pricePerPart: 1.5, // [guess] roubles per segment
		// Names registered in the personal account; DTSMS is the default every account gets (seed 004).
		senders: ['DTSMS', 'MyShop'],
		sentAfterMs: 1000,
		finalAfterMs: 3000,
	};
}

async function handle(ctx) {
	const params = readParams(ctx);
	if (ctx.method !== 'GET' && ctx.method !== 'POST') return ctx.text(405, 'Method Not Allowed'); // [guess]
	// [guess] Routes are case-insensitive, as in ASP.NET Web API.
	const route = ctx.path.toLowerCase().replace(/\/+$/, '');
	const handler = ROUTES[route];
	if (!handler) return ctx.text(404, 'Not Found');
	if (ctx.fault && ctx.fault.kind === 'gateway') return fail(ctx, ctx.fault.code);
	return handler(ctx, params);
}

const ROUTES = {
	'/rest/user/sessionid': createSession,
	'/rest/user/balance': withSession(balance),
	'/rest/sms/send': withSession((ctx, params) => send(ctx, params, [params.one('destinationAddress')], 'destinationAddress')),
	'/rest/sms/sendbulk': withSession((ctx, params) => send(ctx, params, params.all('destinationAddresses'), 'destinationAddresses')),
	'/rest/sms/state': withSession(state),
	'/rest/sms/in': withSession(incoming),
};

function createSession(ctx, params) {
	const login = params.one('login');
	const password = params.one('password');
	if (!login) return fail(ctx, 1, 'Argument cannot be null: login');
	if (!password) return fail(ctx, 1, 'Argument cannot be null: password');
	const account = ctx.config.account;
	if (login !== account.login || password !== account.password) return fail(ctx, 4, 'Invalid user login or password');
	const sessionId = crypto.randomUUID();
	sessions(ctx).set(sessionId, { login, createdAt: ctx.now() });
	return ctx.json(200, sessionId);
}

function withSession(handler) {
	return (ctx, params) => {
		const sessionId = params.one('sessionId');
		if (!sessionId) return fail(ctx, 1, 'Argument cannot be null: sessionId');
		// [guess] A value that is not a session id at all is code 3; an unknown or expired one is 4.
		if (!GUID.test(sessionId)) return fail(ctx, 3, 'Invalid session');
		const session = sessions(ctx).get(sessionId);
		if (!session || ctx.now() - session.createdAt >= SESSION_LIFETIME_MS) {
			sessions(ctx).delete(sessionId);
			return fail(ctx, 4, 'Session expired or unauthorized');
		}
		return handler(ctx, params);
	};
}

function balance(ctx) {
	return ctx.json(200, round(ctx.config.balance));
}

function send(ctx, params, destinations, destinationName) {
	const sender = params.one('sourceAddress');
	const data = params.one('data');
	if (!sender) return fail(ctx, 1, 'Argument cannot be null: sourceAddress');
	if (!ALPHA_SENDER.test(sender) && !NUMERIC_SENDER.test(sender)) return fail(ctx, 2, 'Invalid argument: sourceAddress');
	if (destinations.length === 0 || destinations.some((d) => !d)) return fail(ctx, 1, `Argument cannot be null: ${destinationName}`);
	if (destinations.some((d) => !DESTINATION.test(d))) return fail(ctx, 2, `Invalid argument: ${destinationName}`);
	if (!data) return fail(ctx, 1, 'Argument cannot be null: data');
	if ([...data].length > 2000) return fail(ctx, 2, 'Invalid argument: data is longer than 2000 characters');

	let validityMinutes;
	const validity = params.one('validity');
	if (validity !== undefined && validity !== '') {
		if (!/^\d+$/.test(validity)) return fail(ctx, 2, 'Invalid argument: validity');
		validityMinutes = Number(validity);
	}
	let sendAt;
	const sendDate = params.one('sendDate');
	if (sendDate !== undefined && sendDate !== '') {
		// Read as Moscow time (GMT+3) unless it names its own zone ([guess] for the latter).
		sendAt = Date.parse(ZONE_DESIGNATOR.test(sendDate) ? sendDate : `${sendDate}+03:00`);
		if (Number.isNaN(sendAt)) return fail(ctx, 2, 'Invalid argument: sendDate');
	}

	const parts = partsOf(data);
	const rejected = rejectedByFault(ctx.fault, destinations);
	// [guess] A name that is well formed but not registered is accepted and fails as state 10.
	const senderState = ctx.config.senders.includes(sender) ? undefined : 10;
	const charged = destinations.filter((d, i) => rejected[i] === undefined && senderState === undefined).length;
	const cost = charged * parts * ctx.config.pricePerPart;
	if (cost > ctx.config.balance + 1e-9) return fail(ctx, 5, 'Not enough credits');
	ctx.config.balance = round(ctx.config.balance - cost);

	const ids = [];
	destinations.forEach((destination, index) => {
		const to = destination.replace(/\D/g, '');
		const partIds = Array.from({ length: parts }, () => String(ID_BASE + ctx.ledger.newId()));
		ids.push(...partIds);
		ctx.ledger.recordMessage({
			id: partIds[0],
			partIds,
			to,
			text: data,
			sender,
			parts,
			acceptedAt: ctx.now(),
			sendAt,
			validityMinutes,
			outcome: ctx.outcomeFor(to),
			forcedState: rejected[index] ?? senderState,
		});
	});
	return ctx.json(200, ids);
}

function rejectedByFault(fault, destinations) {
	const rejected = destinations.map(() => undefined);
	if (!fault || fault.kind !== 'partial') return rejected;
	const digits = fault.reject ? fault.reject.map((d) => String(d).replace(/\D/g, '')) : [destinations[destinations.length - 1].replace(/\D/g, '')];
	destinations.forEach((d, i) => {
		if (digits.includes(d.replace(/\D/g, ''))) rejected[i] = fault.state ?? 11;
	});
	return rejected;
}

function state(ctx, params) {
	const messageId = params.one('messageId');
	if (!messageId) return fail(ctx, 1, 'Argument cannot be null: messageId');
	if (!/^\d+$/.test(messageId)) return fail(ctx, 2, 'Invalid argument: messageId');
	const now = ctx.now();
	const message = ctx.ledger.findMessage(messageId);
	if (!message || now - message.acceptedAt > STATE_HORIZON_MS) return ctx.json(200, stateAnswer(255, now));

	const start = message.sendAt && message.sendAt > message.acceptedAt ? message.sendAt : message.acceptedAt;
	const progress = progressOf(message, now, ctx.config);
	const code = message.forcedState ?? STATE_OF_PROGRESS[progress];
	const submitted = message.forcedState === undefined && !['scheduled', 'queued'].includes(progress);
	const final = message.forcedState !== undefined || !['scheduled', 'queued', 'sent'].includes(progress);
	return ctx.json(
		200,
		stateAnswer(code, now, {
			CreationDateUtc: utc(message.acceptedAt),
			SubmittedDateUtc: submitted ? utc(start + (ctx.config.sentAfterMs ?? 1000)) : null,
			ReportedDateUtc: final ? utc(message.forcedState !== undefined ? message.acceptedAt : start + (ctx.config.finalAfterMs ?? 3000)) : null,
			Price: message.forcedState !== undefined ? 0 : ctx.config.pricePerPart,
		}),
	);
}

function stateAnswer(code, now, fields = {}) {
	return {
		State: code,
		StateDescription: STATE_DESCRIPTIONS[code],
		CreationDateUtc: null,
		SubmittedDateUtc: null,
		ReportedDateUtc: null,
		TimeStampUtc: utc(now),
		Price: 0,
		...fields,
	};
}

// [guess] Incoming messages are not emulated: the list is always empty.
function incoming(ctx, params) {
	if (!params.one('minDateUTC')) return fail(ctx, 1, 'Argument cannot be null: minDateUTC');
	if (!params.one('maxDateUTC')) return fail(ctx, 1, 'Argument cannot be null: maxDateUTC');
	return ctx.json(200, []);
}

function fail(ctx, code, desc) {
	const known = ERRORS[code];
	// A 1C operation status (a word) as an injected fault: [guess] sent as a gateway error.
	return ctx.json(known ? known.http : 500, { Code: code, Desc: desc ?? (known ? known.desc : String(code)) });
}

/**
 * Query and form body together, names matched case-insensitively ([guess]: ASP.NET model
 * binding). A body in another content type is ignored, as the API reads only forms.
 */
function readParams(ctx) {
	const values = new Map();
	const add = (searchParams) => {
		for (const [name, value] of searchParams) {
			const key = name.toLowerCase();
			if (!values.has(key)) values.set(key, []);
			values.get(key).push(value);
		}
	};
	add(ctx.query);
	const contentType = String(ctx.headers['content-type'] ?? '');
	if (ctx.rawBody && contentType.includes('application/x-www-form-urlencoded')) add(new URLSearchParams(ctx.rawBody));
	return {
		one: (name) => (values.get(name.toLowerCase()) ?? [])[0],
		all: (name) => values.get(name.toLowerCase()) ?? [],
	};
}

function sessions(ctx) {
	if (!ctx.state.store.sessions) ctx.state.store.sessions = new Map();
	return ctx.state.store.sessions;
}

// [guess] .NET-style UTC timestamps without a zone designator.
const utc = (ms) => new Date(ms).toISOString().slice(0, 19);
const round = (n) => Math.round(n * 100) / 100;

const spec = { name: 'devino', defaults, handle };
const start = (options) => startEmulator(spec, options);

module.exports = { start, DEFAULT_ACCOUNT };

if (require.main === module) runStandalone(start, 'Devino (integrationapi.net)');
