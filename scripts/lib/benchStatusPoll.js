'use strict';
/**
 * The benchmark's status-trigger section: how many status requests one poll of the SMS Gateway
 * Trigger makes for N (default 10,000) tracked messages that are all due, against the floor each
 * gateway allows, ceil(status ids asked / ids per request). For each gateway, against its emulator:
 * send N messages through the adapter (the ids are real ones the emulator knows), put them in a
 * built-in tracking store (a throw-away SQLite file) as Track Delivery does, then poll as the
 * trigger does (pollStatuses, the code the trigger's poll() calls) and count the requests the
 * emulator received during each poll, until every message has been asked about once.
 *
 * Runs on the n8n runtime's Node (the built-in store needs node:sqlite, Node 22.13+), from the
 * TypeScript sources (the same code as dist/), with the tests' Node HTTP transport instead of
 * n8n's request helpers: the requests made are the adapters' and the poll's, not the transport's.
 *
 * Usage: <node ≥ 22.13> scripts/lib/benchStatusPoll.js [count] [gateway,gateway…]  → JSON on stdout.
 * bench.js runs it and renders the result with renderStatusPollSection().
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const TEXT = 'Your order is ready for pickup. Thank you for shopping with us!';
const SENDERS = { smsAssistent: 'MyShop', a1: 'MyShop', smsClub: 'SmsClubTest', devino: 'DTSMS' };
const PREFIX = { smsAssistent: '+37529', a1: '+37529', smsClub: '+38050', devino: '+7912' };

async function measure(count, only) {
	require(path.join(ROOT, 'test', 'harness', 'registerTypeScript.js'));
	const { startAll, credentialFor } = require(path.join(ROOT, 'test', 'emulators', 'all.js'));
	const { createKeepAliveTransport } = require(path.join(ROOT, 'nodes', 'core', 'adapter', 'keepAliveTransport.ts'));
	const { findGatewayDefinition } = require(path.join(ROOT, 'nodes', 'gateways', 'registry.ts'));
	const { openBuiltInTrackingStore } = require(path.join(ROOT, 'nodes', 'core', 'tracking', 'sqlite', 'openBuiltInTrackingStore.ts'));
	const { messagesToTrack } = require(path.join(ROOT, 'nodes', 'core', 'tracking', 'messagesToTrack.ts'));
	const { pollStatuses, DEFAULT_MAX_REQUESTS_PER_POLL } = require(path.join(ROOT, 'nodes', 'core', 'tracking', 'poll', 'pollStatuses.ts'));

	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-status-poll-'));
	const all = await startAll({ latencyMs: 0, only });
	const transport = createKeepAliveTransport({ defaultTimeoutMs: 30_000 });
	const rows = [];
	try {
		for (const [id, emulator] of Object.entries(all.emulators).filter(([id]) => !only || only.includes(id))) {
			emulator.reset();
			emulator.state.config.balance = 1e9;
			const definition = findGatewayDefinition(id);
			const gateway = definition.create(credentialFor(emulator, { id: 'bench', name: 'bench' }).data, transport);
			const outgoing = Array.from({ length: count }, (_, ref) => ({ ref, to: `${PREFIX[id]}${1000000 + ref}`, text: TEXT, sender: SENDERS[id], parts: 1 }));
			const sentAt = new Date();
			const results = await gateway.send(outgoing);
			const scope = { gateway: id, credentialId: 'bench' };
			const store = openBuiltInTrackingStore({ file: path.join(folder, `${id}.sqlite`) });
			const tracked = (await store.track(messagesToTrack(scope, outgoing, results, sentAt), sentAt)).filter((outcome) => outcome === 'tracked').length;

			// Every message is past its first check (one minute after the send): all are due at once.
			const now = new Date(sentAt.getTime() + 5 * 60_000);
			const polls = [];
			for (;;) {
				const before = emulator.ledger.requests.length;
				const result = await pollStatuses({ store, gateway, scope, filter: { kind: 'statusChanged', statuses: [] }, now });
				if (result.checked === 0) break;
				polls.push({ checked: result.checked, planned: result.requests, requests: emulator.ledger.requests.length - before, failures: result.failures.length });
			}
			await store.close();
			const idsPerRequest = definition.limits.maxStatusIdsPerRequest;
			const floor = (asked) => Math.ceil(asked / idsPerRequest);
			const first = polls[0] ?? { checked: 0, planned: 0, requests: 0, failures: 0 };
			const sum = (key) => polls.reduce((total, poll) => total + poll[key], 0);
			rows.push({
				gateway: definition.label,
				idsPerRequest,
				tracked,
				firstPoll: { checked: first.checked, requests: first.requests, floor: floor(first.checked) },
				polls: polls.length,
				allPolls: { checked: sum('checked'), requests: sum('requests'), floor: polls.reduce((total, poll) => total + floor(poll.checked), 0) },
				failures: sum('failures'),
			});
		}
	} finally {
		await all.close();
		fs.rmSync(folder, { recursive: true, force: true });
	}
	return { count, measuredAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), node: process.version, maxRequestsPerPoll: DEFAULT_MAX_REQUESTS_PER_POLL, rows };
}

const int = (value) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '—');
const ratio = (measured, floor) => (floor > 0 ? `${(measured / floor).toFixed(2)}×` : '—');

/** The report's section, as markdown lines. */
function renderStatusPollSection(result) {
	const lines = [`## Status trigger: requests per poll for ${int(result.count)} tracked messages`, ''];
	lines.push('| gateway | status ids per request | tracked, all due | asked in the first poll | requests (emulator) | floor | requests ÷ floor | polls to ask about all | requests for all | floor for all | requests ÷ floor |');
	lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
	for (const r of result.rows) {
		const first = r.firstPoll;
		const all = r.allPolls;
		lines.push(`| ${r.gateway} | ${int(r.idsPerRequest)} | ${int(r.tracked)} | ${int(first.checked)} | ${int(first.requests)} | ${int(first.floor)} | ${ratio(first.requests, first.floor)} | ${int(r.polls)} | ${int(all.requests)} | ${int(all.floor)} | ${ratio(all.requests, all.floor)} |`);
	}
	lines.push('');
	lines.push('*floor* = ceil(messages asked ÷ status ids the gateway takes per request), the fewest requests its API allows;');
	lines.push('*requests* = status requests the emulator received during the poll. One poll makes at most');
	lines.push(`${int(result.maxRequestsPerPoll)} requests, so where the gateway takes one id per request (A1, Devino) a poll asks about ${int(result.maxRequestsPerPoll)}`);
	lines.push('messages and the rest stay due for the next polls (once a minute). Measured with the trigger\'s own poll');
	lines.push(`(pollStatuses) on a built-in store, Node ${result.node}, emulators without added latency, ${result.measuredAt}.`);
	if (result.rows.some((r) => r.failures > 0)) lines.push('', 'Some status checks failed (see failures in the JSON); their messages stay tracked.');
	lines.push('');
	return lines;
}

module.exports = { renderStatusPollSection };

if (require.main === module) {
	measure(Number(process.argv[2] ?? 10000), process.argv[3]?.split(','))
		.then((result) => process.stdout.write(`${JSON.stringify(result)}\n`))
		.catch((error) => {
			process.stderr.write(`${error.stack}\n`);
			process.exit(1);
		});
}
