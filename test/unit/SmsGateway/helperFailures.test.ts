/**
 * What a loaded n8n queue-mode worker does to a batch, through n8n-core's real request helper (the
 * node's transport where n8n offers nodes no egress filter, as in 1.x, or a proxy is set) and the
 * Devino emulator. In `npm run test:queue`, one run in five ended a Devino send with
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
import type { IDataObject } from 'n8n-workflow';
import { clearDevinoSessions } from '../../../nodes/gateways/devino/devinoSessions';
import { DEVINO_LIMITS } from '../../../nodes/gateways/devino/limits';
import { credentialsFor, startEmulators, type Emulator } from '../../harness/emulators';
import { startCountingProxy, throughProxy } from '../../harness/countingProxy';
import { phones } from '../../harness/gatewayCases';
import { runNode, type RunNodeOptions } from '../../harness/runNode';

let env: { emulators: Record<string, Emulator>; close(): Promise<void> };
const devino = () => env.emulators.devino;
/** Recipients per sendbulk: a batch of n × this makes n send requests. */
const PER_REQUEST = DEVINO_LIMITS.maxRecipientsPerRequest;

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
		withoutEgressFilter: true,
		...extra,
	});
}

function sends(): Array<{ path: string }> {
	return devino().ledger.requests.filter((r: { path: string }) => /\/sms\/send(bulk)?$/.test(r.path));
}

const errorsOf = (items: Array<{ json: IDataObject }>) => items.map((item) => (item.json.error as IDataObject | undefined)?.code).filter((code) => code !== undefined);

test('a batch of 10 send requests in a worker whose credential reads time out after the first: n8n reads nothing per request, every recipient is sent once', async () => {
	const recipients = phones(10 * PER_REQUEST);
	const reads = { count: 0 };
	const items = await sendBatch(recipients, { credentialReads: reads, helperFailures: { read: (call) => (call > 1 ? poolTimeout() : undefined) } });
	expect(errorsOf(items)).toEqual([]);
	expect(reads.count).toBe(1);
	expect(sends()).toHaveLength(10);
	expect(devino().ledger.messages.map((m) => String(m.to)).sort()).toEqual(recipients.map((p) => p.slice(1)).sort());
});

test("n8n's helper failing before it sends (a code-less error on the third request) is not an unknown outcome: the request is made again, each recipient sent once", async () => {
	const recipients = phones(3 * PER_REQUEST);
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
	expect(new Set(devino().ledger.messages.map((m) => String(m.to))).size).toBe(recipients.length);
	expect(devino().ledger.messages).toHaveLength(recipients.length);
});

test('every request of a batch goes out on a connection of its own and asks the gateway to close it', async () => {
	// A counting relay in front of the emulator: one TCP connection per request means no socket is
	// ever reused, so none can meet the gateway's idle-connection close half-way.
	const target = new URL(devino().url);
	const proxy = await startCountingProxy(target);
	try {
		const items = await sendBatch(phones(5 * PER_REQUEST), { credentials: throughProxy(credentialsFor(devino()), target, proxy.port) });
		expect(errorsOf(items)).toEqual([]);
		const requests = devino().ledger.requests as Array<{ headers: Record<string, string> }>;
		expect(requests).toHaveLength(6);
		expect(proxy.connections()).toBe(requests.length);
		expect(requests.map((r) => r.headers.connection)).toEqual(requests.map(() => 'close'));
	} finally {
		await proxy.close();
	}
});
