/**
 * The package under n8n's queue mode (`npm run test:queue`): PostgreSQL, Redis, a main and two
 * workers of n8n 2.41.1, executions started by webhook calls to the main and run by the workers.
 *
 * - 10 parallel executions × 1,000 SMSClub recipients and 10 × 1,000 Devino recipients at once:
 *   every recipient sent exactly once, none lost; both workers ran executions; SMSClub never
 *   answered 429 and saw at most 9 requests in any second (its limits live in Redis, shared by the
 *   workers); Devino logged in once for the whole run (its session lives in Redis).
 * - A worker killed mid-batch: n8n does not run its execution again (its queue never retries a
 *   stalled job) and no message is sent twice; the executions on the other worker finish.
 */
import * as fs from 'node:fs';
import { describeWithRuntime, freePort, n8n, sandbox, type Credential } from '../support/harness';
import { gatewayCase } from '../../harness/gatewayCases';
import { startEmulatorProcess, type EmulatorProcess } from '../../harness/emulatorProcess';
import {
	delay,
	executionsStartedBy,
	maxInWindow,
	postJson,
	queryPostgres,
	queueMode,
	queueSetup,
	sendBatchNode,
	services,
	webhookBatchWorkflow,
	type Postgres,
	type QueueInstances,
	type RunningQueue,
	type Service,
} from './support/queueRig';

const EXECUTIONS = 10;
const RECIPIENTS = 1000;
/** SMSClub answers 429 above this many requests in a second (its public clients say about 9). */
const SMSCLUB_RATE = 9;

/** The Send Batch options that put the package's shared state in Redis (n8n's Redis credential). */
const REDIS_OPTIONS = { trackingStore: 'redis' };

interface OutputItem {
	to: string;
	messageId: string | null;
	status: string;
	error?: { code: string } | null;
}

describeWithRuntime('v2', 'SMS Gateway package in n8n queue mode (main + 2 workers, PostgreSQL, Redis)', (getRuntime) => {
	let postgres: Postgres;
	let redis: Service;
	// In processes of their own: an emulator on the test's event loop would see arrivals bunched by its pauses.
	const emulators: Partial<Record<'smsClub' | 'devino', EmulatorProcess>> = {};
	let instances: QueueInstances;
	let queue: RunningQueue | undefined;
	const workerLog: Record<string, string[]> = {};

	const ledger = (id: 'smsClub' | 'devino') => emulators[id]!.ledger();
	const webhook = (path: string) => `${instances.main.url}/webhook/${path}`;
	const credential = (id: 'smsClub' | 'devino') => sandbox.SANDBOX_CREDENTIALS[id];

	/** The last lines each n8n process printed, for a failure's report. */
	const lastLines = () =>
		Object.entries(workerLog)
			.map(([name, chunks]) => `--- ${name}\n${chunks.join('').split('\n').slice(-25).join('\n')}`)
			.join('\n');

	beforeAll(async () => {
		if (!services.findPostgresBinDir() || !services.findRedisServer()) {
			throw new Error('queue mode needs PostgreSQL and redis-server: `npm run test:queue` installs them (apt-get install -y postgresql redis-server)');
		}
		n8n.assertPackageBuilt();
		[postgres, redis, emulators.smsClub, emulators.devino] = await Promise.all([
			services.startPostgres(),
			services.startRedis(),
			startEmulatorProcess('smsClub'),
			startEmulatorProcess('devino'),
		]);
		instances = await queueMode.createQueueInstances(getRuntime(), { postgres, redis, port: await freePort(), workers: 2 });
		const redisCredential = queueSetup.redisCredential(redis);
		// Enough money for every run (the default accounts hold a few hundred messages' worth).
		await Promise.all([emulators.smsClub!.setConfig({ balance: 1e9 }), emulators.devino!.setConfig({ balance: 1e9 })]);
		const gatewayCredentials = (['smsClub', 'devino'] as const).map((id): Credential => {
			const [[type, data]] = Object.entries(emulators[id]!.credentials);
			return { ...credential(id), type, data: data as Record<string, unknown> };
		});
		await n8n.importCredentials(instances.main, [...gatewayCredentials, redisCredential]);
		const viaRedis = { redis: queueSetup.REDIS_CREDENTIAL };
		await n8n.importWorkflows(instances.main, [
			webhookBatchWorkflow('queueSmsClub', 'queue-smsclub', '+38050', sendBatchNode('smsClub', credential('smsClub'), gatewayCase('smsClub').sender, { defaultCountry: 'UA', ...REDIS_OPTIONS }, viaRedis)),
			webhookBatchWorkflow('queueDevino', 'queue-devino', '+7912', sendBatchNode('devino', credential('devino'), gatewayCase('devino').sender, { defaultCountry: 'RU', ...REDIS_OPTIONS }, viaRedis)),
		]);
		for (const id of ['queueSmsClub', 'queueDevino']) {
			const published = await n8n.runCli(instances.main, ['publish:workflow', `--id=${id}`]);
			if (published.code !== 0) throw new Error(`could not publish ${id}:\n${published.stdout}\n${published.stderr}`);
		}
		queue = await queueMode.startQueueMode(instances, {
			concurrency: 10,
			onOutput: (name, text) => (workerLog[name] ??= []).push(text),
		});
	}, 600_000);

	afterAll(async () => {
		await queue?.stop();
		await Promise.all(Object.values(emulators).map((e) => e.close()));
		await redis?.stop();
		await postgres?.stop();
		if (instances && !process.env.KEEP_E2E_FOLDER) fs.rmSync(instances.root, { recursive: true, force: true });
	}, 120_000);

	it(`${EXECUTIONS} parallel executions × ${RECIPIENTS} recipients on SMSClub and on Devino: each sent once, within SMSClub's rate, one Devino login`, async () => {
		const started = Date.now();
		const runs = Array.from({ length: EXECUTIONS }, (_, run) => run);
		const [clubAnswers, devinoAnswers] = await Promise.all([
			Promise.all(runs.map((run) => postJson(webhook('queue-smsclub'), { run, count: RECIPIENTS }))),
			Promise.all(runs.map((run) => postJson(webhook('queue-devino'), { run, count: RECIPIENTS }))),
		]);
		const seconds = (Date.now() - started) / 1000;

		const refused = [...clubAnswers, ...devinoAnswers].filter((answer) => answer.status !== 200);
		if (refused.length) {
			const [[reason = '']] = queryPostgres(postgres, `select substring(data from position('description' in data) - 400 for 1200) from execution_data d join execution_entity e on e.id = d."executionId" where e.status = 'error' limit 1`);
			report(`${refused.length} answers were not 200, e.g. ${refused[0].status}: ${refused[0].text.slice(0, 300)}; the error: ${reason}`);
		}
		const ledgers = { smsClub: await ledger('smsClub'), devino: await ledger('devino') };
		const clubTimes = ledgers.smsClub.requests.map((r) => r.at);
		const busiestSecond = maxInWindow(clubTimes);
		const spanSeconds = (Math.max(...clubTimes) - Math.min(...clubTimes)) / 1000;
		const logins = ledgers.devino.requests.filter((r) => r.path.endsWith('/user/sessionid')).length;
		const perWorker = Object.fromEntries(queue!.workers.map((w) => [w.name, executionsStartedBy(workerLog[w.name] ?? []).length]));
		report(
			`queue mode: ${2 * EXECUTIONS} executions in ${seconds.toFixed(1)} s (${JSON.stringify(perWorker)}); SMSClub ${clubTimes.length} requests over ${spanSeconds.toFixed(1)} s ` +
				`= ${(clubTimes.length / spanSeconds).toFixed(2)}/s on average, busiest second ${busiestSecond}, answered ${JSON.stringify(countBy(ledgers.smsClub.requests.map((r) => r.status)))}; Devino logins ${logins}`,
		);
		for (const [gateway, answers, at] of [
			['SMSClub', clubAnswers, ledgers.smsClub],
			['Devino', devinoAnswers, ledgers.devino],
		] as const) {
			const items = answers.flatMap((answer) => {
				expect(answer.status).toBe(200);
				return answer.json as OutputItem[];
			});
			expect(items).toHaveLength(EXECUTIONS * RECIPIENTS);
			const failed = items.filter((item) => item.error);
			expect(failed.map((item) => `${item.to}: ${item.error?.code}`)).toEqual([]);
			// Every recipient once in the output, once at the gateway, and the ids match.
			expect(new Set(items.map((item) => item.to)).size).toBe(EXECUTIONS * RECIPIENTS);
			expect(at.messages).toHaveLength(EXECUTIONS * RECIPIENTS);
			expect(new Set(at.messages.map((m) => m.to)).size).toBe(EXECUTIONS * RECIPIENTS);
			const ids = messageIds(at.messages);
			expect(items.filter((item) => !item.messageId || !item.messageId.split('+').every((id) => ids.has(id)))).toEqual([]);
			// No refusal of any kind (429 included): a retried request would also show here.
			expect(at.requests.filter((r) => r.status !== 200).map((r) => `${r.path} ${r.status}`)).toEqual([]);
			report(`${gateway}: ${items.length} recipients sent in ${at.requests.length} requests`);
		}

		if (logins !== 1) report(`Devino logins ${logins}:\n${lastLines()}`);
		expect(busiestSecond).toBeLessThanOrEqual(SMSCLUB_RATE);
		expect(logins).toBe(1);
		for (const count of Object.values(perWorker)) expect(count).toBeGreaterThan(0);
	}, 900_000);

	it('a worker killed mid-batch: its execution is not run again and nothing is sent twice; the other worker finishes its executions', async () => {
		const before = (await ledger('smsClub')).messages.length;
		const sentSoFar = async () => (await ledger('smsClub')).messages.length - before;
		const seenBefore = Object.fromEntries(queue!.workers.map((w) => [w.name, executionsStartedBy(workerLog[w.name] ?? []).length]));
		const runs = [20, 21, 22, 23, 24, 25];
		const answers = runs.map((run) =>
			postJson(webhook('queue-smsclub'), { run, count: RECIPIENTS }).then(
				(answer) => ({ run, answer }),
				(error: Error) => ({ run, answer: { status: 0, json: undefined, text: error.message } }),
			),
		);
		// Wait until both workers are sending, then kill the one that has taken more of these runs.
		const deadline = Date.now() + 120_000;
		let victim: RunningQueue['workers'][number] | undefined;
		while (Date.now() < deadline) {
			const running = queue!.workers.map((w) => ({ worker: w, taken: executionsStartedBy(workerLog[w.name] ?? []).length - seenBefore[w.name] }));
			const taken = running.reduce((sum, r) => sum + r.taken, 0);
			if (taken === runs.length && (await sentSoFar()) >= 300) {
				// Both must be running some of them, or there is no survivor to watch.
				expect(running.map((r) => r.taken)).not.toContain(0);
				victim = running.sort((a, b) => b.taken - a.taken)[0].worker;
				break;
			}
			await delay(250);
		}
		if (!victim) report(`no worker to kill: ${JSON.stringify(seenBefore)}\n${lastLines()}`);
		expect(victim).toBeDefined();
		const victimRuns = executionsStartedBy(workerLog[victim!.name] ?? []).length - seenBefore[victim!.name];
		const sentAtKill = await sentSoFar();
		await victim!.kill();
		report(`killed ${victim!.name} (pid ${victim!.pid}, running ${victimRuns} of the ${runs.length} executions) with ${sentAtKill} of ${runs.length * RECIPIENTS} messages at the gateway`);

		// The survivor's executions answer; the killed worker's may answer with an error, or not at all.
		const settledRuns: Array<Awaited<(typeof answers)[number]>> = [];
		for (const answer of answers) void answer.then((s) => settledRuns.push(s));
		const quiet = { count: -1, since: Date.now() };
		const waitUntil = Date.now() + 240_000;
		while (Date.now() < waitUntil) {
			await delay(1000);
			const count = await sentSoFar();
			if (count !== quiet.count) Object.assign(quiet, { count, since: Date.now() });
			// Nothing new for 15 s and every execution the survivor ran has answered.
			if (Date.now() - quiet.since >= 15_000 && settledRuns.length >= runs.length - victimRuns) break;
		}
		const settled = settledRuns;
		const all = await ledger('smsClub');
		const sent = all.messages.slice(before);
		expect(new Set(all.messages.map((m) => m.to)).size).toBe(all.messages.length);
		const ids = messageIds(sent);

		const finished = settled.filter((s) => s.answer.status === 200 && Array.isArray(s.answer.json));
		for (const { answer } of finished) {
			const items = answer.json as OutputItem[];
			expect(items).toHaveLength(RECIPIENTS);
			for (const item of items) {
				expect(item.error ?? null).toBeNull();
				expect(ids.has(String(item.messageId))).toBe(true);
			}
		}
		expect(finished.length).toBe(runs.length - victimRuns);

		const rows = queryPostgres(postgres, `select id, status from execution_entity where "workflowId" = 'queueSmsClub' order by id desc limit ${runs.length}`);
		report(
			`after the kill: ${sent.length} messages at the gateway, all distinct; ${finished.length} executions finished on the survivor; ` +
				`execution statuses ${rows.map(([id, status]) => `${id}=${status}`).join(', ')}; answers ${settled.map((s) => `${s.run}:${s.answer.status}`).join(', ')}, ${runs.length - settled.length} still open`,
		);
	}, 600_000);
});

function countBy(values: unknown[]): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const value of values) counts[String(value)] = (counts[String(value)] ?? 0) + 1;
	return counts;
}

/** Every id the gateway gave out (a Devino message has one per part). */
function messageIds(messages: Array<Record<string, unknown>>): Set<string> {
	return new Set(messages.flatMap((m) => [String(m.id), ...((m.partIds as unknown[] | undefined) ?? []).map(String)]));
}

function report(line: string): void {
	process.stdout.write(`[queue] ${line}\n`);
}
