/**
 * Typed access to the queue-mode tooling in test/n8n (services, queueMode, queueSetup), the
 * webhook-started workflows the queue tests run, and what they read back (execution rows in
 * PostgreSQL, request windows in an emulator's ledger).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import { spawnSync } from 'node:child_process';
import * as http from 'node:http';
import type { Credential, Instance, Runtime } from '../../support/harness';
import { SMS_NODE_TYPE, CREDENTIAL_TYPES, type NodeJson, type WorkflowJson } from '../../support/workflows';
import type { GatewayId } from '../../support/harness';

export interface Service {
	host: string;
	port: number;
	stop(): Promise<void>;
}

export interface Postgres extends Service {
	user: string;
	database: string;
}

export interface N8nProcess {
	pid: number;
	name?: string;
	output: string[];
	kill(): Promise<void>;
	stop(): Promise<void>;
}

export interface QueueInstances {
	main: Instance;
	workers: Array<Instance & { name: string; healthPort: number }>;
	root: string;
}

export interface RunningQueue {
	main: N8nProcess;
	workers: Array<N8nProcess & { name: string }>;
	stop(): Promise<void>;
}

interface ServicesModule {
	findPostgresBinDir(): string | null;
	findRedisServer(): string | null;
	startPostgres(options?: { log?: (line: string) => void }): Promise<Postgres>;
	startRedis(options?: { log?: (line: string) => void }): Promise<Service>;
}

interface QueueModeModule {
	createQueueInstances(
		runtime: Runtime,
		options: { postgres: Postgres; redis: Service; port?: number; workers?: number; env?: Record<string, string> },
	): Promise<QueueInstances>;
	startQueueMode(instances: QueueInstances, options?: { concurrency?: number; timeoutMs?: number; onOutput?: (name: string, text: string) => void }): Promise<RunningQueue>;
}

interface QueueSetupModule {
	REDIS_CREDENTIAL: { id: string; name: string };
	redisCredential(redis: Service): Credential;
}

export const services = require('../../../n8n/services') as ServicesModule;
export const queueMode = require('../../../n8n/queueMode') as QueueModeModule;
export const queueSetup = require('../../../n8n/queueSetup') as QueueSetupModule;

let counter = 0;
const nodeId = () => `q0000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

/**
 * Webhook (POST `/webhook/<path>`, answers with every item of the last node) → a Code node making
 * `body.count` recipients numbered from `body.run` (so every run's numbers are distinct) → the
 * given Send Batch node reading them.
 */
export function webhookBatchWorkflow(id: string, path: string, phonePrefix: string, send: NodeJson): WorkflowJson {
	const webhook: NodeJson = {
		id: nodeId(),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: nodeId(),
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
	};
	const recipients: NodeJson = {
		id: nodeId(),
		name: 'Recipients',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [220, 0],
		parameters: {
			jsCode: [
				'const { run, count } = $input.first().json.body;',
				`return Array.from({ length: count }, (_, i) => ({ json: { phone: '${phonePrefix}' + String(run * 1000 + i).padStart(7, '0'), run } }));`,
			].join('\n'),
		},
	};
	const node = { ...send, position: [440, 0] };
	const link = (to: string) => ({ main: [[{ node: to, type: 'main' as const, index: 0 }]] });
	return {
		id,
		name: `queue ${id}`,
		nodes: [webhook, recipients, node],
		connections: { Webhook: link('Recipients'), Recipients: link(node.name) },
		settings: { executionOrder: 'v1' },
		active: false,
		pinData: {},
	};
}

/** A Send Batch node reading recipients from input items (`phone`). */
export function sendBatchNode(gateway: GatewayId, credential: { id: string; name: string }, sender: string, options: Record<string, unknown>, extraCredentials: Record<string, { id: string; name: string }> = {}): NodeJson {
	return {
		id: nodeId(),
		name: 'Send Batch',
		type: SMS_NODE_TYPE,
		typeVersion: 2,
		position: [0, 0],
		parameters: {
			gateway,
			operation: 'sendBatch',
			recipientsSource: 'items',
			phoneField: 'phone',
			textField: '',
			text: '=Queue mode run {{ $json.run }}',
			[`${gateway}Sender`]: { __rl: true, mode: 'name', value: sender },
			options,
		},
		credentials: { [CREDENTIAL_TYPES[gateway]]: credential, ...extraCredentials },
	};
}

/** The SMS Gateway Trigger's node type. */
const STATUS_TRIGGER_TYPE = 'n8n-nodes-sms-gateways.smsGatewayTrigger';

/**
 * SMS Gateway Trigger (Final Status, polled at second 0 of every minute, the given options) →
 * Aggregate (every event of the poll in one item) → HTTP Request posting them to `reportUrl` as
 * `{ events: [...] }`: one request per poll however many events it brings.
 */
export function statusTriggerWorkflow(id: string, gateway: GatewayId, credentials: Record<string, { id: string; name: string }>, options: Record<string, unknown>, reportUrl: string): WorkflowJson {
	const nodes: NodeJson[] = [
		{
			id: nodeId(),
			name: 'SMS Gateway Trigger',
			type: STATUS_TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: { gateway, event: 'finalStatus', pollTimes: { item: [{ mode: 'custom', cronExpression: '0 * * * * *' }] }, options },
			credentials,
		},
		{ id: nodeId(), name: 'Aggregate', type: 'n8n-nodes-base.aggregate', typeVersion: 1, position: [220, 0], parameters: { aggregate: 'aggregateAllItemData', destinationFieldName: 'events', options: {} } },
		{
			id: nodeId(),
			name: 'Report',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [440, 0],
			parameters: { method: 'POST', url: reportUrl, sendBody: true, specifyBody: 'json', jsonBody: '={{ JSON.stringify($json) }}', options: {} },
		},
	];
	const link = (to: string) => ({ main: [[{ node: to, type: 'main' as const, index: 0 }]] });
	return {
		id,
		name: `queue ${id}`,
		nodes,
		connections: { 'SMS Gateway Trigger': link('Aggregate'), Aggregate: link('Report') },
		settings: { executionOrder: 'v1' },
		active: false,
		pinData: {},
	};
}

/** Where a trigger workflow reports: every event posted to it, in arrival order, and how many posts. */
export interface Collector {
	url: string;
	events: Array<Record<string, unknown>>;
	posts: number;
	close(): Promise<void>;
}

export async function startCollector(): Promise<Collector> {
	const collector = { url: '', events: [] as Array<Record<string, unknown>>, posts: 0, close: async () => undefined };
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { events: Array<Record<string, unknown>> };
			collector.posts += 1;
			collector.events.push(...body.events);
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address() as { port: number };
	collector.url = `http://127.0.0.1:${address.port}/events`;
	collector.close = () => new Promise<undefined>((resolve) => server.close(() => resolve(undefined)));
	return collector;
}

/** POSTs JSON and resolves with the status and parsed body; no client-side timeout (a batch runs for minutes). */
export function postJson(url: string, body: unknown): Promise<{ status: number; json: unknown; text: string }> {
	return new Promise((resolve, reject) => {
		const payload = JSON.stringify(body);
		const request = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (c: Buffer) => chunks.push(c));
			response.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				let json: unknown;
				try {
					json = JSON.parse(text);
				} catch {
					json = undefined;
				}
				resolve({ status: response.statusCode ?? 0, json, text });
			});
			response.on('error', reject);
		});
		request.on('error', reject);
		request.end(payload);
	});
}

/** Rows of a query in n8n's PostgreSQL database (psql, tab-separated, no header). */
export function queryPostgres(postgres: Postgres, sql: string): string[][] {
	const binDir = services.findPostgresBinDir();
	const psql = binDir ? `${binDir}/psql` : 'psql';
	const result = spawnSync(psql, ['-h', postgres.host, '-p', String(postgres.port), '-U', postgres.user, '-d', postgres.database, '-At', '-F', '\t', '-c', sql], { encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
	return result.stdout
		.split('\n')
		.filter((line) => line !== '')
		.map((line) => line.split('\t'));
}

/** The most requests that started within any `windowMs` (a sliding window over the start times). */
export function maxInWindow(times: number[], windowMs = 1000): number {
	const sorted = [...times].sort((a, b) => a - b);
	let best = 0;
	let first = 0;
	for (let last = 0; last < sorted.length; last++) {
		while (sorted[last] - sorted[first] >= windowMs) first++;
		best = Math.max(best, last - first + 1);
	}
	return best;
}

/** Executions each worker started, from its log ("Worker started execution <id>"). */
export function executionsStartedBy(output: string[]): string[] {
	return [...output.join('').matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]);
}

export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
