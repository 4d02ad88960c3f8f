/**
 * The four adapters meet the same situation with the same normalized error, never repeat a send
 * whose outcome is unknown, and mask every secret an error page echoes back.
 */
import { SmsGatewayError } from '../../../nodes/core/errors/SmsError';
import type { OutgoingSms, GatewayAdapter } from '../../../nodes/core/adapter/GatewayAdapter';
import type { HttpTransport } from '../../../nodes/core/adapter/http';
import { gatewayCase } from '../../harness/gatewayCases';
import { gatewayUnderTest } from '../../harness/gatewayUnderTest';

const IDS: string[] = ['smsAssistent', 'a1', 'smsClub', 'devino'];
const NOT_OFFERING_SENDER_LISTS: string[] = ['a1', 'devino'];

/** A sender every emulator has registered. */
const SENDERS: Record<string, string> = { smsAssistent: 'MyShop', a1: 'MyShop', smsClub: 'VashZakaz', devino: 'MyShop' };
const sms = (id: string, ref = 0): OutgoingSms => ({ ref, to: '+375291234567', text: 'Order 1234 is ready', sender: SENDERS[id] });

async function errorOf(operation: Promise<unknown>): Promise<SmsGatewayError> {
	const outcome = await operation.then(
		() => undefined,
		(error: unknown) => error,
	);
	if (!(outcome instanceof SmsGatewayError)) throw new Error(`expected an SmsGatewayError, got ${String(outcome)}`);
	return outcome;
}

describe.each(IDS)('%s', (id) => {
	const subject = gatewayUnderTest(id);
	const gateway = (credentials?: Record<string, unknown>, via?: HttpTransport): GatewayAdapter => subject.build(credentials, {}, via);
	const inject = (fault: Record<string, unknown>) => subject.emulator.faults.inject(fault);

	it('does not repeat a send answered by a proxy timeout (504): its outcome is unknown', async () => {
		inject({ kind: 'http', status: 504, path: gatewayCase(id).paths.send, body: 'Gateway Time-out' });
		const [result] = await gateway().send([sms(id)]);
		expect(result.error?.code).toBe('outcome_unknown');
		expect(result.error?.retryable).toBe(false);
		expect(result.status.status).toBe('unknown');
		expect(subject.requestsTo(gatewayCase(id).paths.send)).toBe(1);
	});

	it('does not repeat a send whose 2xx answer is cut short', async () => {
		inject({ kind: 'malformed', path: gatewayCase(id).paths.send });
		const [result] = await gateway().send([sms(id)]);
		expect(result.error?.code).toBe('outcome_unknown');
		expect(result.error?.message).toMatch(/may or may not have been sent, so it was not sent again/);
		expect(subject.requestsTo(gatewayCase(id).paths.send)).toBe(1);
	});

	it('a bug while reading an accepted send (here a transport handing back no text) is outcome_unknown, not a plain failure', async () => {
		const sendPath = gatewayCase(id).paths.send;
		const broken: HttpTransport = async (request) => {
			const answer = await subject.transport(request);
			return new URL(request.url).pathname.endsWith(sendPath) ? { ...answer, body: 42 as unknown as string } : answer;
		};
		const [result] = await gateway(undefined, broken).send([sms(id)]);
		// The gateway did accept it: a "failed" that invites a re-send would send it twice.
		expect(subject.emulator.ledger.messages).toHaveLength(1);
		expect(result.error?.code).toBe('outcome_unknown');
		expect(result.error?.message).toMatch(/may have been sent/);
		expect(subject.requestsTo(sendPath)).toBe(1);
	});

	it('reports a refused send as failed with no gateway status word (the code is in the error)', async () => {
		inject({ kind: 'http', status: 400, path: gatewayCase(id).paths.send, body: 'Bad Request' });
		const [result] = await gateway().send([sms(id)]);
		expect(result.status).toEqual({ status: 'failed', final: true, raw: '' });
		expect(result.error?.gatewayCode).toBeDefined();
		expect(subject.requestsTo(gatewayCase(id).paths.send)).toBe(1);
	});

	it('retries a read refused with 429 without Retry-After after the policy backoff', async () => {
		inject({ kind: 'http', status: 429, path: gatewayCase(id).paths.balance });
		const balance = await gateway().getBalance();
		expect(balance.amount).toBeGreaterThan(0);
		expect(subject.requestsTo(gatewayCase(id).paths.balance)).toBe(2);
		expect(subject.sleeps.filter((ms) => ms >= 500)).toEqual([500]);
	});

	it('reads an HTML 403 page without a gateway code as refused credentials', async () => {
		inject({ kind: 'html', status: 403, path: gatewayCase(id).paths.balance });
		const error = await errorOf(gateway().getBalance());
		expect(error.error.code).toBe('auth_failed');
		expect(error.error.retryable).toBe(false);
	});

	it('masks the secrets an error page echoes from a send', async () => {
		inject({ kind: 'echo', status: 400, path: gatewayCase(id).paths.send });
		const [result] = await gateway().send([sms(id)]);
		expect(result.status.status).toBe('failed');
		const shown = JSON.stringify(result);
		expect(shown).toContain('***');
		for (const secret of subject.secrets()) expect(shown).not.toContain(secret);
	});

	it('masks the secrets an error page echoes from a read', async () => {
		// Devino's password travels only in the login, so that is where its echo is asked for.
		inject({ kind: 'echo', status: 400, path: id === 'devino' ? '/user/sessionid' : gatewayCase(id).paths.balance });
		const error = await errorOf(gateway().getBalance());
		const shown = JSON.stringify({ message: error.message, error: error.error });
		expect(shown).toContain('***');
		for (const secret of subject.secrets()) expect(shown).not.toContain(secret);
	});

	if (NOT_OFFERING_SENDER_LISTS.includes(id)) {
		it('says List Senders is not offered', async () => {
			const error = await errorOf(gateway().listSenders());
			expect(error.error.code).toBe('bad_request');
			expect(error.message).toMatch(/^List Senders is not offered by /);
		});
	}
});

describe('secrets in the other authentication methods', () => {
	describe('SMS-assistent with an API token', () => {
		const subject = gatewayUnderTest('smsAssistent');
		it('masks the requestAuthToken header an error page echoes', async () => {
			subject.emulator.faults.inject({ kind: 'echo', status: 400, path: gatewayCase('smsAssistent').paths.balance });
			const gateway = subject.build({ authMethod: 'token', token: subject.emulator.account.token, password: '' });
			const error = await errorOf(gateway.getBalance());
			expect(error.message).toContain('***');
			expect(JSON.stringify(error.error)).not.toContain(subject.emulator.account.token);
		});
	});

	describe('A1 with Basic authentication', () => {
		const subject = gatewayUnderTest('a1');
		it('masks the Basic header an error page echoes', async () => {
			subject.emulator.faults.inject({ kind: 'echo', status: 400, path: gatewayCase('a1').paths.balance });
			const { username, password } = subject.emulator.account;
			const gateway = subject.build({ authType: 'basic', username, password, token: '' });
			const error = await errorOf(gateway.getBalance());
			const shown = JSON.stringify({ message: error.message, error: error.error });
			expect(shown).toContain('***');
			expect(shown).not.toContain(Buffer.from(`${username}:${password}`).toString('base64'));
		});
	});
});
