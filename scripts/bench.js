'use strict';
/**
 * `npm run bench`: prints a table and saves it to docs/benchmark.md. Not a test.
 *
 * 1. Send Batch of N (default 10,000) recipients through a real n8n against each emulator with
 *    20 ms added per request, versus what a user would otherwise build: an HTTP Request node that
 *    sends one request per recipient (same emulator, same latency, same text).
 * 2. The core alone, on the n8n runtime's Node: prepareMessage, normalizePhone and analyzeText per
 *    second over 100,000 generated recipients, next to libphonenumber-js alone on the same numbers.
 * 3. Memory: one execution sending a 100,000-recipient batch and the same workflow with a NoOp node
 *    instead; peak RSS of the n8n process up to the moment the last node finished (before n8n
 *    prints the run data), so the difference is the node's own.
 * 4. The issue-14 targets, each as measured ÷ target; README's benchmark section is regenerated.
 * 5. The status trigger: requests per poll for N tracked messages, against each gateway's floor
 *    (scripts/lib/benchStatusPoll.js).
 *
 * Environment: BENCH_RECIPIENTS (default 10000), BENCH_BIG (default 100000), BENCH_LATENCY_MS
 * (default 20), BENCH_GATEWAYS (comma list, default all four), BENCH_CPU_PROF (a folder: each
 * `n8n execute` writes a V8 CPU profile there, to open in Chrome DevTools).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { REPO_ROOT, locateRuntime, missingRuntimeMessage } = require('../test/n8n/runtimes');
const { createInstance, importCredentials, importWorkflows, parseJsonAfterLogs, assertPackageBuilt, runCli } = require('../test/n8n/process');
const { sandboxCredentials, SANDBOX_CREDENTIALS } = require('../test/n8n/sandboxSetup');
const { startAll, GATEWAYS } = require('../test/emulators/all');
const { httpRequestNode } = require('./lib/benchHttpNodes');
const { TARGET_RECIPIENTS_PER_SECOND } = require('./lib/benchCore');
const { renderStatusPollSection } = require('./lib/benchStatusPoll');

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 10000);
const BIG = Number(process.env.BENCH_BIG ?? 100000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const CPU_PROFILES = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : undefined;
const ONLY = process.env.BENCH_GATEWAYS ? process.env.BENCH_GATEWAYS.split(',') : GATEWAYS.map((g) => g.id);
const TEXT = 'Your order is ready for pickup. Thank you for shopping with us!';
/** A sender each emulator has registered. */
const SENDERS = { smsAssistent: 'MyShop', a1: 'MyShop', smsClub: 'SmsClubTest', devino: 'DTSMS' };
const COUNTRY = { smsAssistent: 'BY', a1: 'BY', smsClub: 'UA', devino: 'RU' };

const log = (line) => process.stderr.write(`${line}\n`);

async function main() {
	// `npm run bench` runs `node scripts/setup.js start` first: dependencies, build and runtime in place.
	const runtime = locateRuntime('v2');
	if (!runtime) throw new Error(missingRuntimeMessage('v2'));
	assertPackageBuilt();

	const all = await startAll({ latencyMs: LATENCY_MS, only: ONLY });
	const instance = createInstance(runtime, { port: 18780, brokerPort: 18781 });
	try {
		await importCredentials(instance, sandboxCredentials(all.emulators));
		const bigGateway = ONLY.includes('smsAssistent') ? 'smsAssistent' : ONLY[0];
		await importWorkflows(instance, [...ONLY.map((id) => nodeWorkflow(`bNode${id}`, id, RECIPIENTS)), nodeWorkflow('bBig', bigGateway, BIG), noOpWorkflow('bNoOp', bigGateway, BIG)]);

		const rows = [];
		for (const id of ONLY) {
			const emulator = all.emulators[id];
			log(`[bench] ${emulator.gateway.label}: SMS Gateway · Send Batch, ${RECIPIENTS} recipients…`);
			prepare(emulator);
			const nodeRun = await executeMeasured(instance, `bNode${id}`);
			rows.push({ gateway: emulator.gateway.label, gatewayId: id, approach: 'SMS Gateway · Send Batch', ...summarize(nodeRun, 'Send Batch', emulator, RECIPIENTS) });

			log(`[bench] ${emulator.gateway.label}: HTTP Request per recipient, ${RECIPIENTS} recipients…`);
			prepare(emulator);
			// Imported after the reset: Devino's baseline holds a session id, as a user's workflow would.
			const session = id === 'devino' ? await devinoSession(emulator) : undefined;
			await importWorkflows(instance, [httpWorkflow(`bHttp${id}`, id, RECIPIENTS, emulator, session)]);
			const httpRun = await executeMeasured(instance, `bHttp${id}`);
			rows.push({ gateway: emulator.gateway.label, gatewayId: id, approach: 'HTTP Request per recipient', ...summarize(httpRun, 'HTTP Request', emulator, RECIPIENTS) });
		}

		log(`[bench] memory: ${BIG} items through a NoOp node (the baseline)…`);
		const noOp = await executeMeasured(instance, 'bNoOp');
		const baseline = { peakRssMb: peakBeforeOutput(noOp, 'NoOp'), peakRssTotalMb: noOp.peakRssMb, wallSeconds: noOp.wallMs / 1000 };
		log(`[bench] memory: ${BIG} recipients in one execution (${bigGateway})…`);
		prepare(all.emulators[bigGateway]);
		const big = await executeMeasured(instance, 'bBig');
		const bigRow = {
			gateway: all.emulators[bigGateway].gateway.label,
			approach: 'SMS Gateway · Send Batch',
			...summarize(big, 'Send Batch', all.emulators[bigGateway], BIG),
			peakBeforeOutputMb: peakBeforeOutput(big, 'Send Batch'),
		};

		log(`[bench] core: ${BIG} generated recipients on the runtime's Node…`);
		const core = JSON.parse(
			execFileSync(runtime.nodeBin, [path.join(__dirname, 'lib', 'benchCore.js'), path.join(REPO_ROOT, 'dist'), String(BIG)], { encoding: 'utf8', maxBuffer: 1 << 24 }),
		);

		log(`[bench] status trigger: polls of ${RECIPIENTS} tracked messages per gateway…`);
		const statusPoll = JSON.parse(
			execFileSync(runtime.nodeBin, [path.join(__dirname, 'lib', 'benchStatusPoll.js'), String(RECIPIENTS), ONLY.join(',')], { encoding: 'utf8', maxBuffer: 1 << 24 }),
		);

		const report = renderReport({ rows, bigRow, baseline, core, runtime, statusPoll });
		process.stdout.write(report);
		fs.mkdirSync(path.join(REPO_ROOT, 'docs'), { recursive: true });
		fs.writeFileSync(path.join(REPO_ROOT, 'docs', 'benchmark.md'), report);
		updateReadme(report);
		log('[bench] saved docs/benchmark.md and the README section');
	} finally {
		await all.close();
		fs.rmSync(instance.userFolder, { recursive: true, force: true });
	}
}

/**
 * A fresh emulator (ledger, duplicate window, rate window) whose account can pay for the whole
 * run (the demo balances are small). Rate and duplicate rules stay on: each approach meets them.
 */
function prepare(emulator) {
	emulator.reset();
	emulator.state.config.balance = 1e9;
	emulator.state.latencyMs = LATENCY_MS;
}

/** Start → Code node making N recipients (the same campaign text) → the node under test. */
function recipientsCode(gatewayId, count) {
	const prefix = { BY: '+37529', UA: '+38050', RU: '+7912' }[COUNTRY[gatewayId]];
	// Seven subscriber digits after the operator code in all three countries.
	return `const text = ${JSON.stringify(TEXT)};
return Array.from({ length: ${count} }, (_, i) => ({ json: { phone: ${JSON.stringify(prefix)} + String(1000000 + i), text } }));`;
}

function baseWorkflow(id, gatewayId, count, last) {
	return {
		id,
		name: `bench ${id}`,
		nodes: [
			{ id: `${id}-1`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: `${id}-2`, name: 'Recipients', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode: recipientsCode(gatewayId, count) } },
			{ id: `${id}-3`, position: [400, 0], ...last },
		],
		connections: {
			Start: { main: [[{ node: 'Recipients', type: 'main', index: 0 }]] },
			Recipients: { main: [[{ node: last.name, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'none', saveManualExecutions: false },
		active: false,
		pinData: {},
	};
}

function nodeWorkflow(id, gatewayId, count) {
	const credentialType = GATEWAYS.find((g) => g.id === gatewayId).credentialType;
	return baseWorkflow(id, gatewayId, count, {
		name: 'Send Batch',
		type: 'n8n-nodes-sms-gateways.smsGateway',
		typeVersion: 1,
		parameters: {
			gateway: gatewayId,
			operation: 'sendBatch',
			recipientsSource: 'items',
			phoneField: 'phone',
			textField: 'text',
			text: TEXT,
			sender: SENDERS[gatewayId],
			options: { defaultCountry: COUNTRY[gatewayId], deduplicate: true },
		},
		credentials: { [credentialType]: SANDBOX_CREDENTIALS[gatewayId] },
		onError: 'continueRegularOutput',
	});
}

/** The same items into a NoOp node: what n8n itself holds for the run, the baseline of the memory row. */
function noOpWorkflow(id, gatewayId, count) {
	return baseWorkflow(id, gatewayId, count, { name: 'NoOp', type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} });
}

function httpWorkflow(id, gatewayId, count, emulator, session) {
	return baseWorkflow(id, gatewayId, count, {
		name: 'HTTP Request',
		onError: 'continueRegularOutput',
		...httpRequestNode(gatewayId, emulator, { sender: SENDERS[gatewayId], session }),
	});
}

async function devinoSession(emulator) {
	const body = new URLSearchParams({ login: emulator.account.login, password: emulator.account.password });
	const response = await fetch(`${emulator.baseUrl}/user/sessionid`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body,
	});
	return JSON.parse(await response.text());
}

/** The n8n run in progress, so Ctrl-C does not leave it behind (n8n waits for its execution on SIGTERM). */
let running;
process.on('SIGINT', () => {
	if (running) running.kill('SIGKILL');
	process.exit(130);
});

/**
 * `n8n execute` with the main process's peak RSS (VmHWM) and its RSS over time (VmRSS every
 * 50 ms, with the time) sampled from /proc while it runs.
 */
async function executeMeasured(instance, workflowId) {
	const started = Date.now();
	let peakKb = 0;
	const samples = [];
	let timer;
	const result = await runCli(instance, ['execute', `--id=${workflowId}`, '--rawOutput'], {
		timeoutMs: 30 * 60 * 1000,
		nodeOptions: ['--max-old-space-size=4096', ...(CPU_PROFILES ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROFILES}`, `--cpu-prof-name=${workflowId}.cpuprofile`] : [])],
		onSpawn: (child) => {
			running = child;
			timer = setInterval(() => {
				try {
					const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
					const hwm = /VmHWM:\s+(\d+)/.exec(status);
					const rss = /VmRSS:\s+(\d+)/.exec(status);
					if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
					if (rss) samples.push({ at: Date.now(), kb: Number(rss[1]) });
				} catch {
					// the process has just exited
				}
			}, 50);
		},
	});
	clearInterval(timer);
	running = undefined;
	return { ...result, wallMs: Date.now() - started, peakRssMb: peakKb / 1024, samples, data: parseJsonAfterLogs(result.stdout) };
}

/**
 * The highest RSS sampled until the node finished (its start time plus execution time in the run
 * data), i.e. before n8n turns the run data into the printed JSON, which costs the same with any
 * last node. NaN when the run data did not come back.
 */
function peakBeforeOutput(run, nodeName) {
	const runs = run.data?.data?.resultData?.runData?.[nodeName];
	const nodeRun = runs?.[runs.length - 1];
	if (!nodeRun) return NaN;
	const finished = nodeRun.startTime + nodeRun.executionTime;
	const kb = run.samples.filter((s) => s.at <= finished + 50).reduce((max, s) => Math.max(max, s.kb), 0);
	return kb > 0 ? kb / 1024 : NaN;
}

function summarize(run, nodeName, emulator, count) {
	const runs = run.data?.data?.resultData?.runData?.[nodeName];
	const nodeRun = runs?.[runs.length - 1];
	const accepted = emulator.ledger.messages.length;
	const requests = emulator.ledger.requests;
	const base = { recipients: count, requests: requests.length, accepted, wallSeconds: run.wallMs / 1000, peakRssMb: run.peakRssMb };
	if (!nodeRun) {
		// n8n exits before a pipe takes a run of 100,000 items in full, so the JSON is cut short.
		// Then the time is the span the gateway saw: first request to last answer.
		log(`[bench] ${nodeName}: no complete run data (exit ${run.code}, ${run.stdout.length} characters); timing from the ledger`);
		const span = requests.length ? (requests[requests.length - 1].at - requests[0].at + LATENCY_MS) / 1000 : NaN;
		return { ...base, failedItems: count - accepted, nodeSeconds: span, approximate: true, messagesPerSecond: accepted / span };
	}
	const items = nodeRun.data?.main?.[0] ?? [];
	const failed = items.filter((i) => i.json?.error);
	if (failed.length) log(`[bench]   ${failed.length} failed; first: ${JSON.stringify(failed[0].json.error).slice(0, 300)}`);
	const nodeSeconds = nodeRun.executionTime / 1000;
	return { ...base, failedItems: failed.length, nodeSeconds, messagesPerSecond: accepted / nodeSeconds };
}

function machine(runtime) {
	const cpu = /model name\s*:\s*(.+)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
	let runtimeNode = '?';
	try {
		runtimeNode = execFileSync(runtime.nodeBin, ['--version'], { encoding: 'utf8' }).trim();
	} catch {
		// reported as unknown
	}
	return {
		date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
		nproc: os.cpus().length,
		memoryGb: (os.totalmem() / 1024 ** 3).toFixed(1),
		load: os.loadavg()[0].toFixed(1),
		cpu: cpu ? cpu[1].trim() : os.cpus()[0]?.model ?? '?',
		nodes: `n8n ${runtime.n8nVersion} on Node ${runtimeNode}; scripts on Node ${process.version}`,
	};
}

const fmt = (value, digits = 1) => (Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—');
const int = (value) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '—');

const ratio = (value) => (Number.isFinite(value) ? `${fmt(value, 2)}×` : '—');
const verdict = (met) => (met === undefined ? '—' : met ? 'met' : '**not met**');

/** The issue-14 targets: each measured figure ÷ its target (≥ 1 meets it; memory: target ÷ measured). */
function targetRows({ rows, bigRow, baseline, core }) {
	const speedup = (id) => {
		const node = rows.find((r) => r.gatewayId === id && r.approach.startsWith('SMS Gateway'));
		const http = rows.find((r) => r.gatewayId === id && r.approach.startsWith('HTTP'));
		return node && http ? node.messagesPerSecond / http.messagesPerSecond : NaN;
	};
	const step = (key) => core.steps.find((s) => s.key === key);
	const nodeMemory = bigRow.peakBeforeOutputMb - baseline.peakRssMb;
	const perRecipientKb = (nodeMemory * 1024) / bigRow.recipients;
	const out = [];
	const add = (figure, measured, target, value) => out.push({ figure, measured, target, ratio: value, met: Number.isFinite(value) ? value >= 1 : undefined });
	for (const key of ['prepareCampaign', 'prepareDistinct']) {
		const s = step(key);
		add(`${s.name}, ${core.node}`, `${int(s.perSecond)}/s (libphonenumber-js alone: ${int(step('libphonenumber').perSecond)}/s)`, `≥ ${int(TARGET_RECIPIENTS_PER_SECOND)}/s`, s.perSecond / TARGET_RECIPIENTS_PER_SECOND);
	}
	for (const id of ['smsAssistent', 'devino']) {
		const value = speedup(id);
		if (Number.isFinite(value)) add(`Send Batch vs HTTP Request per recipient, ${GATEWAYS.find((g) => g.id === id).label}`, `${fmt(value)}×`, '≥ 50×', value / 50);
	}
	const a1 = speedup('a1');
	if (Number.isFinite(a1)) add('A1 Send Batch vs HTTP Request per recipient', `${fmt(a1, 2)}×`, '≥ 2×', a1 / 2);
	add(
		`memory the node adds at ${int(bigRow.recipients)} recipients (peak RSS before output, minus the NoOp workflow's)`,
		`${int(nodeMemory)} MB (${fmt(perRecipientKb, 2)} KB per recipient)`,
		'≤ 100 MB',
		Number.isFinite(nodeMemory) ? 100 / Math.max(nodeMemory, 1) : NaN,
	);
	return out;
}

function renderReport({ rows, bigRow, baseline, core, runtime, statusPoll }) {
	const m = machine(runtime);
	const lines = [];
	lines.push('# Benchmark', '');
	lines.push(`Measured ${m.date} on ${m.nproc} CPU(s) (${m.cpu}), ${m.memoryGb} GB RAM, load average ${m.load} at the start; ${m.nodes}.`);
	lines.push(`Emulators on loopback with ${LATENCY_MS} ms added to every request; \`npm run bench\` reproduces it.`);
	lines.push('The machine may be shared: compare the ratios, which hold better under load than the absolute times.', '');
	lines.push('## Against the targets of issue 14', '');
	lines.push('| figure | measured | target | measured ÷ target | |', '|---|---|---|---:|---|');
	for (const t of targetRows({ rows, bigRow, baseline, core })) lines.push(`| ${t.figure} | ${t.measured} | ${t.target} | ${ratio(t.ratio)} | ${verdict(t.met)} |`);
	lines.push('', '(For memory the column is target ÷ measured, so ≥ 1 meets it too.)', '');
	lines.push(`## ${RECIPIENTS.toLocaleString('en-US')} recipients: Send Batch vs one HTTP Request per recipient`, '');
	lines.push('| gateway | approach | requests | accepted | failed items | node time, s | wall time, s | messages/s | peak RSS, MB |');
	lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|');
	for (const r of rows) {
		lines.push(`| ${r.gateway} | ${r.approach} | ${int(r.requests)} | ${int(r.accepted)} | ${int(r.failedItems)} | ${r.approximate ? '≈ ' : ''}${fmt(r.nodeSeconds)} | ${fmt(r.wallSeconds)} | ${int(r.messagesPerSecond)} | ${int(r.peakRssMb)} |`);
	}
	lines.push('', '| gateway | requests (HTTP ÷ node) | messages/s (node ÷ HTTP) |', '|---|---:|---:|');
	for (let i = 0; i + 1 < rows.length; i += 2) {
		const [node, http] = [rows[i], rows[i + 1]];
		lines.push(`| ${node.gateway} | ${fmt(http.requests / node.requests)}× | ${fmt(node.messagesPerSecond / http.messagesPerSecond)}× |`);
	}
	lines.push('');
	lines.push('*requests* = requests the emulator received (its ledger); *accepted* = messages it accepted; *node time* = the');
	lines.push("node's own execution time in n8n's run data (messages/s = accepted ÷ node time); *wall time* includes n8n's");
	lines.push('start-up (~3-5 s) and the Code node building the items; *peak RSS* = high-water mark of the `n8n execute` process');
	lines.push('(the Code node runs in a separate task-runner process, not counted). The emulators keep their rules on: SMSClub');
	lines.push('answers 429 above ~9 requests/s, so one request per recipient there mostly fails unless a user adds batching and waits.');
	const a1Concurrency = require('../dist/nodes/gateways/a1/limits').DEFAULT_CONCURRENCY;
	lines.push("A1's API takes one recipient per request, so the node makes as many requests as the HTTP Request node; it keeps");
	lines.push(`the credential's Max Concurrent Requests (default ${a1Concurrency}, used here) in flight (A1 publishes no rate limit; its code 3 means`);
	lines.push('"limit exceeded, retry in 60 s") and retries by the documented codes, while the HTTP Request node fires as many as n8n allows at once.');
	lines.push('');
	lines.push(`## Memory: ${BIG.toLocaleString('en-US')} recipients in one execution`, '');
	lines.push('| workflow | recipients | requests | accepted | failed items | node time, s | wall time, s | peak RSS before output, MB | peak RSS, MB |');
	lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
	lines.push(`| Code → NoOp (baseline) | ${int(bigRow.recipients)} | — | — | — | — | ${fmt(baseline.wallSeconds)} | ${int(baseline.peakRssMb)} | ${int(baseline.peakRssTotalMb)} |`);
	lines.push(`| Code → ${bigRow.gateway} Send Batch | ${int(bigRow.recipients)} | ${int(bigRow.requests)} | ${int(bigRow.accepted)} | ${int(bigRow.failedItems)} | ${bigRow.approximate ? '≈ ' : ''}${fmt(bigRow.nodeSeconds)} | ${fmt(bigRow.wallSeconds)} | ${int(bigRow.peakBeforeOutputMb)} | ${int(bigRow.peakRssMb)} |`);
	lines.push('');
	lines.push('*peak RSS before output* = the highest RSS sampled (every 50 ms) until the last node finished, before n8n');
	lines.push('prints the run data; the difference between the two rows is what the node holds beyond the items n8n keeps anyway.');
	lines.push('*peak RSS* = the high-water mark of the whole run, printing included.');
	lines.push('');
	if (bigRow.approximate || rows.some((r) => r.approximate)) {
		lines.push("≈ n8n's run data did not come back complete, so the time is the span the emulator saw (first request to last answer).");
		lines.push('');
	}
	lines.push(`## The core alone (no n8n, no network): ${core.count.toLocaleString('en-US')} generated recipients, Node ${core.node}`, '');
	lines.push('| step | total, ms | per second |', '|---|---:|---:|');
	for (const step of core.steps) lines.push(`| ${step.name} | ${int(step.ms)} | ${int(step.perSecond)} |`);
	lines.push('');
	lines.push('Phone numbers are generated in the formats people type (`8 (029) …`, `+375 29 …`, `0 50 …`, `+7 (912) …`, bare digits)');
	lines.push('for Belarus, Ukraine and Russia; texts mix Latin (GSM-7) and Cyrillic (UCS-2) of 20-400 characters. Each step is');
	lines.push('the best of three rounds over the same recipients.');
	lines.push('');
	lines.push(...renderStatusPollSection(statusPoll));
	return `${lines.join('\n')}\n`;
}

/** README's benchmark section shows the same report: everything after its introduction, up to the next section. */
function updateReadme(report) {
	const file = path.join(REPO_ROOT, 'README.md');
	const readme = fs.readFileSync(file, 'utf8');
	const start = readme.indexOf('\nMeasured ', readme.indexOf('## Benchmark: `npm run bench`'));
	const end = readme.indexOf('\n## How the code is laid out');
	if (start < 0 || end < start) {
		log('[bench] README has no benchmark section to update; left as it is');
		return;
	}
	const body = report.slice(report.indexOf('Measured ')).replace(/^## /gm, '### ');
	fs.writeFileSync(file, `${readme.slice(0, start + 1)}${body}${readme.slice(end)}`);
}

main().catch((error) => {
	log(`[bench] failed: ${error.stack}`);
	process.exit(1);
});
