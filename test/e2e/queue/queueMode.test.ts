/**
 * The package under n8n's queue mode (`npm run test:queue`): PostgreSQL, Redis, a main and two
 * workers of n8n 2.41.1, executions started by webhook calls to the main and run by the workers.
 *
 * - 10 parallel executions × 1,000 SMSClub recipients and 10 × 1,000 Devino recipients at once:
 *   every recipient sent exactly once, none lost; both workers ran executions; SMSClub never
 *   answered 429 and saw at most 9 requests in any second (its limits live in Redis, shared by the
 *   workers); Devino logged in once for the whole run (its session lives in Redis).
 * - The SMS Gateway Trigger, published on the main with the Redis Tracking Store, emits the final
 *   status of each of those 10,000 tracked SMSClub messages exactly once while the workers keep
 *   sending; its status requests take their turns in SMSClub's rate with the sends (no 429).
 * - A worker killed mid-batch: n8n does not run its execution again (its queue never retries a
 *   stalled job) and no message is sent twice; the executions on the other worker finish.
 */
import * as fs from 'node:fs';
import Redis from 'ioredis';
import { describeWithRuntime, freePort, n8n, sandbox, type Credential } from '../support/harness';
import { gatewayCase } from '../../harness/gatewayCases';
import { startEmulatorProcess, type EmulatorProcess } from '../../harness/emulatorProcess';
import { CREDENTIAL_TYPES } from '../support/workflows';
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
	startCollector,
	statusTriggerWorkflow,
	webhookBatchWorkflow,
	type Collector,
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
	tracking?: { outcome: string; store: string };
}

/** Where the tracking store keeps the open messages of one account, by next check (Redis sorted sets). */
const DUE_KEYS = 'n8n-sms-gateways:{tracking}:due:smsClub:*';

describeWithRuntime('v2', 'SMS Gateway package in n8n queue mode (main + 2 workers, PostgreSQL, Redis)', (getRuntime) => {
	let postgres: Postgres;
	let redis: Service;
	// In processes of their own: an emulator on the test's event loop would see arrivals bunched by its pauses.
	const emulators: Partial<Record<'smsClub' | 'devino', EmulatorProcess>> = {};
	let instances: QueueInstances;
	let queue: RunningQueue | undefined;
	let collector: Collector;
	const workerLog: Record<string, string[]> = {};
	/** The SMSClub items of the first test: the messages the status trigger must report. */
	let trackedClubItems: OutputItem[] = [];

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
		// Each is assigned as soon as it runs, so afterAll stops what started even when another failed.
		const started = await Promise.allSettled([
			services.startPostgres().then((service) => (postgres = service)),
			services.startRedis().then((service) => (redis = service)),
			startEmulatorProcess('smsClub').then((emulator) => (emulators.smsClub = emulator)),
			startEmulatorProcess('devino').then((emulator) => (emulators.devino = emulator)),
			startCollector().then((server) => (collector = server)),
		]);
		const failed = started.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
		if (failed) throw failed.reason;
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
		const clubSend = (options: Record<string, unknown>) => sendBatchNode('smsClub', credential('smsClub'), gatewayCase('smsClub').sender, { defaultCountry: 'UA', ...REDIS_OPTIONS, ...options }, viaRedis);
		const workflows = [
			webhookBatchWorkflow('queueSmsClub', 'queue-smsclub', '+38050', clubSend({})),
			// The same without Track Delivery (the limits still in Redis): what the workers send while the trigger polls, and the killed batch.
			webhookBatchWorkflow('queueSmsClubUntracked', 'queue-smsclub-untracked', '+38050', clubSend({ trackDelivery: false })),
			webhookBatchWorkflow('queueDevino', 'queue-devino', '+7912', sendBatchNode('devino', credential('devino'), gatewayCase('devino').sender, { defaultCountry: 'RU', ...REDIS_OPTIONS }, viaRedis)),
			// Published from the start: it polls on the main while the workers send.
			statusTriggerWorkflow('queueClubFinals', 'smsClub', { [CREDENTIAL_TYPES.smsClub]: credential('smsClub'), ...viaRedis }, REDIS_OPTIONS, collector.url),
		];
		await n8n.importWorkflows(instances.main, workflows);
		// What `n8n publish:workflow --id=…` does for each (WorkflowRepository.publishVersion in n8n's
		// @n8n/db: active, and the current version published), in one statement instead of one n8n
		// start-up per workflow (each 10 s or more on a loaded machine).
		const ids = workflows.map(({ id }) => `'${id}'`).join(', ');
		queryPostgres(postgres, `update workflow_entity set active = true, "activeVersionId" = "versionId" where id in (${ids}) and "versionId" in (select "versionId" from workflow_history)`);
		const published = queryPostgres(postgres, `select id from workflow_entity where "activeVersionId" is not null`).map(([id]) => id).sort();
		expect(published).toEqual(workflows.map(({ id }) => id).sort());
		queue = await queueMode.startQueueMode(instances, {
			concurrency: 10,
			onOutput: (name, text) => (workerLog[name] ??= []).push(text),
		});
	}, 600_000);

	afterAll(async () => {
		await queue?.stop();
		await Promise.all(Object.values(emulators).map((e) => e.close()));
		await collector?.close();
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
			// Every message went into the Redis tracking store.
			expect(items.filter((item) => item.tracking?.outcome !== 'tracked' || item.tracking.store !== 'redis')).toEqual([]);
			if (gateway === 'SMSClub') trackedClubItems = items;
			report(`${gateway}: ${items.length} recipients sent in ${at.requests.filter((r) => r.path.endsWith('/send') || r.path.endsWith('/sendbulk')).length} send requests`);
		}

		if (logins !== 1) report(`Devino logins ${logins}:\n${lastLines()}`);
		expect(busiestSecond).toBeLessThanOrEqual(SMSCLUB_RATE);
		expect(logins).toBe(1);
		for (const count of Object.values(perWorker)) expect(count).toBeGreaterThan(0);
	}, 900_000);

	it('the status trigger on the main (Tracking Store Redis) emits each final status of the 10,000 tracked SMSClub messages exactly once while the workers send', async () => {
		expect(trackedClubItems).toHaveLength(EXECUTIONS * RECIPIENTS);
		const from = (await ledger('smsClub')).requests.length;
		// The workers keep sending untracked batches on the same account until every event is in, so the
		// trigger's status requests (on the main) and the sends (on the workers) share SMSClub's rate.
		let sending = true;
		let nextRun = 30;
		const extraRuns: Array<{ status: number; text: string }> = [];
		const keepSending = async () => {
			while (sending) {
				extraRuns.push(await postJson(webhook('queue-smsclub-untracked'), { run: nextRun++, count: 200 }));
				await delay(1_000);
			}
		};
		const senders = [keepSending(), keepSending()];
		const until = Date.now() + 240_000;
		while (collector.events.length < trackedClubItems.length && Date.now() < until) await delay(500);
		sending = false;
		await Promise.all(senders);
		// Anything a second poller or a repeated poll would add comes within seconds of the others.
		await delay(3_000);

		const events = collector.events;
		const all = await ledger('smsClub');
		const window = all.requests.slice(from);
		const statusRequests = window.filter((r) => r.path === '/sms/status');
		const triggerRuns = queryPostgres(postgres, `select status, count(*) from execution_entity where "workflowId" = 'queueClubFinals' group by status`);
		report(
			`status trigger: ${events.length} events in ${collector.posts} executions (${triggerRuns.map(([status, n]) => `${n} ${status}`).join(', ')}); meanwhile ${extraRuns.length} untracked batches of 200 sent; ` +
				`SMSClub saw ${statusRequests.length} status and ${window.length - statusRequests.length} send requests, busiest second ${maxInWindow(window.map((r) => r.at))}, answered ${JSON.stringify(countBy(window.map((r) => r.status)))}`,
		);
		expect(extraRuns.filter((run) => run.status !== 200).map((run) => run.text.slice(0, 300))).toEqual([]);
		expect(extraRuns.length).toBeGreaterThan(0);

		// Exactly once: one event per tracked message, no event twice, none for anything else.
		expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
		expect(events).toHaveLength(trackedClubItems.length);
		const byMessage = new Map(events.map((e) => [String(e.messageId), e]));
		const missing = trackedClubItems.filter((item) => !byMessage.has(String(item.messageId)));
		expect(missing.map((item) => item.to).slice(0, 10)).toEqual([]);
		for (const item of trackedClubItems) {
			expect(byMessage.get(String(item.messageId))).toMatchObject({ gateway: 'smsClub', status: 'delivered', final: true, to: item.to, eventId: `smsClub:${item.messageId}:delivered` });
		}
		// Nothing is left open in the store, so no later poll has anything to emit.
		const client = new Redis({ host: redis.host, port: redis.port, lazyConnect: true });
		try {
			await client.connect();
			const keys = await client.keys(DUE_KEYS);
			const open = (await Promise.all(keys.map((key) => client.zcard(key)))).reduce((sum, n) => sum + n, 0);
			expect(open).toBe(0);
		} finally {
			client.disconnect();
		}
		// The polls asked in bulk (100 ids a request) and took their turns in the shared schedule.
		expect(statusRequests.length).toBeGreaterThanOrEqual(trackedClubItems.length / 100);
		expect(window.filter((r) => r.status !== 200).map((r) => `${r.path} ${r.status}`)).toEqual([]);
		expect(maxInWindow(window.map((r) => r.at))).toBeLessThanOrEqual(SMSCLUB_RATE);
		// The trigger's executions ran on the workers and all finished.
		expect(triggerRuns.filter(([status]) => status !== 'success')).toEqual([]);
	}, 300_000);

	it('a worker killed mid-batch: its execution is not run again and nothing is sent twice; the other worker finishes its executions', async () => {
		const before = (await ledger('smsClub')).messages.length;
		const sentSoFar = async () => (await ledger('smsClub')).messages.length - before;
		const seenBefore = Object.fromEntries(queue!.workers.map((w) => [w.name, executionsStartedBy(workerLog[w.name] ?? []).length]));
		const runs = [20, 21, 22, 23, 24, 25];
		const answers = runs.map((run) =>
			postJson(webhook('queue-smsclub-untracked'), { run, count: RECIPIENTS }).then(
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

		const rows = queryPostgres(postgres, `select id, status from execution_entity where "workflowId" = 'queueSmsClubUntracked' order by id desc limit ${runs.length}`);
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
