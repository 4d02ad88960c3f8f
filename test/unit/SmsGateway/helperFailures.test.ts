/**
 * What a loaded n8n queue-mode worker does to a batch, through n8n-core's real request helper and
 * the Devino emulator. In `npm run test:queue`, one run in five ended a Devino send with
 * `outcome_unknown` "the request failed without an answer": an error with no network code. Such
 * an error came from n8n's helper failing *before* it sent anything — it read the credential from
 * its database for every request, and a worker's database pool (2 connections by default) times
 * out under load with pg-pool's code-less "timeout exceeded when trying to connect". The request
 * was never made, yet the send was reported as possibly sent.
 *
 * - The node hands n8n the credential it read once per run, so n8n reads nothing per request.
 * - Should n8n's helper still fail before sending, that is not an unknown outcome: the request
 *   is made again and every recipient reaches the gateway exactly once.
 * - Every request goes out on a connection of its own (n8n builds an agent without keep-alive for
 *   each), so no request can be written onto a connection the gateway is closing as idle.
 */
import * as net from 'node:net';
import type { IDataObject } from 'n8n-workflow';
import { clearDevinoSessions } from '../../../nodes/gateways/devino/devinoSessions';
import { credentialsFor, startEmulators, type Emulator } from '../../harness/emulators';
import { phones } from '../../harness/gatewayCases';
import { runNode, type RunNodeOptions } from '../../harness/runNode';

let env: { emulators: Record<string, Emulator>; close(): Promise<void> };
const devino = () => env.emulators.devino;

beforeAll(async () => {
	env = await startEmulators(['devino']);
});
afterAll(async () => {
	await env.close();
});
beforeEach(() => {
	devino().reset();
	Object.assign(devino().config, { balance: 1_000_000 });
	clearDevinoSessions();
});

/** What pg-pool throws when no database connection frees up in time: a plain Error, no code. */
const poolTimeout = () => new Error('timeout exceeded when trying to connect');

function sendBatch(recipients: string[], extra: Partial<RunNodeOptions> = {}) {
	return runNode({
		parameters: { gateway: 'devino', operation: 'sendBatch', recipientsSource: 'list', recipientList: recipients.join(','), text: 'Your order has shipped', sender: 'DTSMS' },
		credentials: credentialsFor(devino()),
		continueOnFail: true,
		...extra,
	});
}

function sends(): Array<{ path: string }> {
	return devino().ledger.requests.filter((r: { path: string }) => /\/sms\/send(bulk)?$/.test(r.path));
}

const errorsOf = (items: Array<{ json: IDataObject }>) => items.map((item) => (item.json.error as IDataObject | undefined)?.code).filter((code) => code !== undefined);

test('a batch of 1,000 in a worker whose credential reads time out after the first: n8n reads nothing per request, every recipient is sent once', async () => {
	const recipients = phones(1000);
	const reads = { count: 0 };
	const items = await sendBatch(recipients, { credentialReads: reads, helperFailures: { read: (call) => (call > 1 ? poolTimeout() : undefined) } });
	expect(errorsOf(items)).toEqual([]);
	expect(reads.count).toBe(1);
	expect(sends()).toHaveLength(10);
	expect(devino().ledger.messages.map((m) => String(m.to)).sort()).toEqual(recipients.map((p) => p.slice(1)).sort());
});

test("n8n's helper failing before it sends (a code-less error on the third request) is not an unknown outcome: the request is made again, each recipient sent once", async () => {
	const recipients = phones(300);
	const failed: number[] = [];
	const items = await sendBatch(recipients, {
		helperFailures: {
			preAuthentication: (call) => {
				if (call !== 3) return undefined;
				failed.push(call);
				return poolTimeout();
			},
		},
	});
	expect(failed).toEqual([3]);
	expect(errorsOf(items)).toEqual([]);
	expect(items.every((item) => typeof item.json.messageId === 'string')).toBe(true);
	// One login and three sends reached the gateway: the failed attempt never did.
	expect(devino().ledger.requests.map((r: { path: string }) => r.path.replace(/^\/rest/, ''))).toEqual(['/user/sessionid', '/sms/sendbulk', '/sms/sendbulk', '/sms/sendbulk']);
	expect(new Set(devino().ledger.messages.map((m) => String(m.to))).size).toBe(300);
	expect(devino().ledger.messages).toHaveLength(300);
});

test('every request of a batch goes out on a connection of its own and asks the gateway to close it', async () => {
	// A counting proxy in front of the emulator: one TCP connection per request means no socket is
	// ever reused, so none can meet the gateway's idle-connection close half-way.
	const target = new URL(devino().url);
	let connections = 0;
	const proxy = net.createServer((client) => {
		connections++;
		const upstream = net.connect(Number(target.port), target.hostname);
		client.pipe(upstream).pipe(client);
		const end = () => {
			client.destroy();
			upstream.destroy();
		};
		client.on('error', end);
		upstream.on('error', end);
	});
	await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
	try {
		const port = (proxy.address() as net.AddressInfo).port;
		const credentials = credentialsFor(devino());
		const [[type, data]] = Object.entries(credentials);
		const viaProxy = { [type]: { ...data, baseUrl: String(data.baseUrl).replace(`:${target.port}`, `:${port}`) } };
		const items = await sendBatch(phones(500), { credentials: viaProxy });
		expect(errorsOf(items)).toEqual([]);
		const requests = devino().ledger.requests as Array<{ headers: Record<string, string> }>;
		expect(requests).toHaveLength(6);
		expect(connections).toBe(requests.length);
		expect(requests.map((r) => r.headers.connection)).toEqual(requests.map(() => 'close'));
	} finally {
		await new Promise((resolve) => proxy.close(resolve));
	}
});
