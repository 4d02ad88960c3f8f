/**
 * The Bitrix24 Trigger in a running n8n (`n8n start`, the workflow published): on activation it
 * binds the chosen CRM events in the portal emulator to its secret URL; every event the portal
 * raises starts the workflow once (its Bitrix24 node then reads the record's phone numbers);
 * forged calls get 403 and start nothing; after a restart the bindings are the same, once each;
 * unpublished, it unbinds every event and its old URL starts nothing; published again, it binds
 * them to a new secret. Deal Stage Changed (a second portal and workflow in the same n8n): a deal
 * moved through three stages gives exactly three items with the stage before and after, edits that
 * keep the stage give none, two calls at once for one change give one, and after a restart the next
 * change is still told apart (the built-in store in the n8n user folder survived).
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import { describeWithRuntime, freePort, n8n, type Instance, type Server } from './support/harness';
import { ACCOUNT, bitrix24, connectedCredential, toPhpForm } from './support/bitrix24Rig';
import { publishWorkflow, unpublishWorkflow } from './support/publishing';
import { explain } from './support/runData';
import type { NodeJson, WorkflowJson } from './support/workflows';
import { waitFor } from './support/waitFor';

const CREDENTIAL = { id: 'e2eBitrix24Cred03', name: 'Bitrix24 (emulator)' };
const WORKFLOW_ID = 'e2eBitrix24Events';
const STAGE_CREDENTIAL = { id: 'e2eB24StageCred1', name: 'Bitrix24 (stage portal)' };
const STAGE_WORKFLOW_ID = 'e2eBitrix24Stages';

interface Binding {
	event: string;
	handler: string;
}
interface Request {
	path: string;
	body: string;
}

function node(id: string, name: string, type: string, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}): NodeJson {
	return { id, name, type, typeVersion: 1, position: [0, 0], parameters, credentials: { bitrix24OAuth2Api: CREDENTIAL }, ...extra };
}

/** Deal Updated and Deal Stage Changed on the stage portal; every item is POSTed to the recorder. */
function stageFlow(recorderUrl: string): WorkflowJson {
	const credentials = { bitrix24OAuth2Api: STAGE_CREDENTIAL };
	return {
		id: STAGE_WORKFLOW_ID,
		name: 'Bitrix24 deal stages',
		nodes: [
			{ ...node('b24e0000-0000-4000-8000-000000000011', 'Deal Event', 'n8n-nodes-sms-gateways.bitrix24Trigger', { events: ['dealUpdated', 'dealStageChanged'], applicationToken: ACCOUNT.applicationToken }, { webhookId: 'b24e0000-0000-4000-8000-0000000000bb' }), credentials },
			{
				id: 'b24e0000-0000-4000-8000-000000000012',
				name: 'Record',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [200, 0],
				parameters: { method: 'POST', url: recorderUrl, sendBody: true, specifyBody: 'json', jsonBody: '={{ JSON.stringify($json) }}', options: {} },
			},
		],
		connections: { 'Deal Event': { main: [[{ node: 'Record', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		active: false,
		pinData: {},
	};
}

interface Recorder {
	url: string;
	items: Array<Record<string, unknown>>;
	close(): Promise<void>;
}

/** Collects the JSON bodies the workflow POSTs: one per trigger item. */
async function startRecorder(): Promise<Recorder> {
	const items: Array<Record<string, unknown>> = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			items.push(JSON.parse(body) as Record<string, unknown>);
			res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address() as { port: number };
	return { url: `http://127.0.0.1:${address.port}/item`, items, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describeWithRuntime('v2', 'Bitrix24 Trigger under n8n start', (getRuntime) => {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let emulator: any;
	let instance: Instance;
	let server: Server | undefined;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	let stagePortal: any;
	let recorder: Recorder;

	/** The record ids the workflow read, from the portal's request log: one per run. */
	const reads = (entity: string): string[] =>
		(emulator.ledger.requests as Request[]).filter((r) => r.path === `/rest/crm.${entity}.get.json`).map((r) => String(JSON.parse(r.body).id));
	const bindings = (): Binding[] => emulator.portalState().bindings;

	// Deal Stage Changed runs on a portal of its own, so its deal events never reach the workflow above.
	const stageBindings = (): Binding[] => stagePortal.portalState().bindings;

	/**
	 * n8n makes the URL live and the trigger binds its events before n8n saves the trigger's
	 * secret, so a call in between gets 403. Ready = a genuine call for an event no workflow here
	 * chose (company added) is answered 200, which starts nothing.
	 */
	const untilAccepting = async (binding: () => Binding | undefined) => {
		const form = toPhpForm({ event: 'ONCRMCOMPANYADD', event_handler_id: '1', data: { FIELDS: { ID: '1' } }, ts: 1736405807, auth: { domain: ACCOUNT.domain, member_id: ACCOUNT.memberId, application_token: ACCOUNT.applicationToken } });
		const deadline = Date.now() + 60000;
		for (;;) {
			const handler = binding()?.handler;
			if (handler && (await fetch(handler, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form })).status === 200) return;
			if (Date.now() > deadline) throw new Error('the trigger never accepted a genuine call');
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	};
	const stageChanges = () => recorder.items.filter((item) => item.event === 'dealStageChanged');
	const dealUpdates = () => recorder.items.filter((item) => item.event === 'dealUpdated');
	const moves = () => stageChanges().map((item) => `${item.entityId}:${item.previousStageId}>${item.stageId}`);
	const change = async (id: string | undefined, fields: Record<string, unknown>) => {
		const changed = await stagePortal.changeRecord({ entity: 'deal', ...(id ? { id } : {}), fields });
		expect(changed.calls).toEqual([expect.objectContaining({ status: 200 })]);
		return changed.id as string;
	};

	beforeAll(async () => {
		n8n.assertPackageBuilt();
		emulator = await bitrix24.start();
		stagePortal = await bitrix24.start();
		recorder = await startRecorder();
		const port = await freePort();
		// Bitrix24 refuses a handler on "localhost": n8n must announce its URL with an address.
		instance = n8n.createInstance(getRuntime(), { port, brokerPort: await freePort(), env: { WEBHOOK_URL: `http://127.0.0.1:${port}/` } });
		await n8n.importCredentials(instance, [
			connectedCredential(CREDENTIAL, emulator),
			connectedCredential(STAGE_CREDENTIAL, stagePortal),
		]);
		const flow: WorkflowJson = {
			id: WORKFLOW_ID,
			name: 'Bitrix24 events',
			nodes: [
				node('b24e0000-0000-4000-8000-000000000001', 'CRM Event', 'n8n-nodes-sms-gateways.bitrix24Trigger', { events: ['leadAdded', 'dealUpdated', 'contactAdded'], applicationToken: ACCOUNT.applicationToken }, { webhookId: 'b24e0000-0000-4000-8000-0000000000aa' }),
				node('b24e0000-0000-4000-8000-000000000002', 'Phone Numbers', 'n8n-nodes-sms-gateways.bitrix24', { operation: 'getPhoneNumbers', entityType: '={{ $json.entityType }}', entityId: '={{ $json.entityId }}', defaultCountry: 'BY' }),
			],
			connections: { 'CRM Event': { main: [[{ node: 'Phone Numbers', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
			active: false,
			pinData: {},
		};
		await n8n.importWorkflows(instance, [flow, stageFlow(recorder.url)]);
		const published = await n8n.runCli(instance, ['publish:workflow', `--id=${WORKFLOW_ID}`]);
		if (published.code !== 0) throw new Error(`could not publish\n${explain(published)}`);
		server = await n8n.startServer(instance);
	});

	afterAll(async () => {
		await server?.stop();
		await emulator?.close();
		await stagePortal?.close();
		await recorder?.close();
		if (instance && !process.env.KEEP_E2E_FOLDER) fs.rmSync(instance.userFolder, { recursive: true, force: true });
	});

	it('binds the chosen events to a secret URL and runs once per event', async () => {
		await waitFor(() => bindings().length === 3, 60000, 'three bindings');
		await untilAccepting(() => bindings()[0]);
		expect(bindings().map((b) => b.event).sort()).toEqual(['ONCRMCONTACTADD', 'ONCRMDEALUPDATE', 'ONCRMLEADADD']);
		const handler = bindings()[0].handler;
		expect(handler).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook\/.+\/bitrix24-event\?secret=[0-9a-f]{48}$/);
		expect(new Set(bindings().map((b) => b.handler)).size).toBe(1);

		const leads: string[] = [];
		for (let i = 0; i < 10; i++) {
			const added = await emulator.changeRecord({ entity: 'lead', fields: { TITLE: `Lead ${i}`, HAS_PHONE: 'Y', PHONE: [{ VALUE: `+37529123450${i}`, VALUE_TYPE: 'MOBILE' }] } });
			expect(added.calls).toEqual([expect.objectContaining({ status: 200 })]);
			leads.push(added.id);
		}
		expect((await emulator.changeRecord({ entity: 'deal', id: '5', fields: { STAGE_ID: 'WON' } })).calls[0].status).toBe(200);
		// Not chosen, so not bound: Bitrix24 calls nobody.
		expect((await emulator.changeRecord({ entity: 'lead', id: leads[0], fields: { TITLE: 'edited' } })).calls).toEqual([]);
		await waitFor(() => reads('lead').length >= 10 && reads('deal').length >= 1, 60000);
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect(reads('lead').sort()).toEqual([...leads].sort());
		// The deal's own record, then its contact's and company's numbers.
		expect(reads('deal')).toEqual(['5']);
	});

	it('refuses forged event calls with 403 and starts nothing', async () => {
		const handler = bindings()[0].handler;
		const base = handler.split('?')[0];
		const before = emulator.ledger.requests.length;
		const form = (auth: Record<string, string>) => toPhpForm({ event: 'ONCRMLEADADD', event_handler_id: '1', data: { FIELDS: { ID: '98' } }, ts: 1736405807, auth });
		const goodAuth = { domain: ACCOUNT.domain, member_id: ACCOUNT.memberId, application_token: ACCOUNT.applicationToken };
		const forged: Array<[string, string]> = [
			[base, form(goodAuth)],
			[`${base}?secret=${'0'.repeat(48)}`, form(goodAuth)],
			[`${handler}&secret=${'0'.repeat(48)}`, form(goodAuth)],
			[handler, form({ ...goodAuth, member_id: 'a'.repeat(32) })],
			[handler, form({ ...goodAuth, application_token: 'b'.repeat(32) })],
			[handler, form({ domain: ACCOUNT.domain, member_id: ACCOUNT.memberId })],
		];
		for (const [url, body] of forged) {
			const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
			expect(response.status).toBe(403);
		}
		// The portal itself, with another portal's member_id.
		expect((await emulator.changeRecord({ entity: 'lead', fields: { TITLE: 'x' }, auth: { ...goodAuth, member_id: 'c'.repeat(32) } })).calls[0].status).toBe(403);
		// Larger than any event call Bitrix24 makes: refused before it is read.
		const padded = `${form(goodAuth)}&data[FIELDS][NOTE]=${'x'.repeat(40 * 1024)}`;
		expect((await fetch(handler, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: padded })).status).toBe(413);
		// A genuine call for an event that is not chosen: acknowledged, starts nothing.
		const unchosen = await fetch(handler, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form(goodAuth).replace('ONCRMLEADADD', 'ONCRMCOMPANYADD') });
		expect(unchosen.status).toBe(200);
		await new Promise((resolve) => setTimeout(resolve, 3000));
		expect((emulator.ledger.requests as Request[]).slice(before).filter((r) => r.path.startsWith('/rest/crm.'))).toEqual([]);
	});

	it('Deal Stage Changed: binds each deal event once; a deal moved through three stages gives three items, edits that keep the stage none', async () => {
		await publishWorkflow(server!, STAGE_WORKFLOW_ID);
		await waitFor(() => stageBindings().length === 2, 60000, 'two stage bindings');
		await untilAccepting(() => stageBindings()[0]);
		expect(stageBindings().map((b) => b.event).sort()).toEqual(['ONCRMDEALADD', 'ONCRMDEALUPDATE']);
		expect(new Set(stageBindings().map((b) => b.handler)).size).toBe(1);

		// A new deal: its first stage is stored; Deal Updated is not chosen for additions.
		const deal = await change(undefined, { TITLE: 'Order 7' });
		// Deal 5 is older than the publish: its first update is stored, not told as a change.
		await change('5', { STAGE_ID: 'PREPARATION' });
		await change(deal, { STAGE_ID: 'PREPARATION' });
		await change(deal, { TITLE: 'Order 7 (edited)' });
		await change(deal, { STAGE_ID: 'PREPAYMENT_INVOICE' });
		await change(deal, { OPPORTUNITY: '1500.00' });
		await change(deal, { STAGE_ID: 'WON' });
		await change('5', { TITLE: 'Order 5 (edited)' });
		await waitFor(() => dealUpdates().length >= 7 && stageChanges().length >= 3, 60000);
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect(moves()).toEqual([`${deal}:NEW>PREPARATION`, `${deal}:PREPARATION>PREPAYMENT_INVOICE`, `${deal}:PREPAYMENT_INVOICE>WON`]);
		expect(dealUpdates()).toHaveLength(7);
		expect(stageChanges()[2]).toEqual({
			event: 'dealStageChanged',
			entityType: 'deal',
			entityId: deal,
			stageId: 'WON',
			previousStageId: 'PREPAYMENT_INVOICE',
			categoryId: '0',
			bitrix24Event: 'ONCRMDEALUPDATE',
			handlerId: expect.any(String),
			portal: ACCOUNT.domain,
			memberId: ACCOUNT.memberId,
			firedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
		});

		// Bitrix24 calls twice at once for one change: one item.
		stagePortal.state.config.crm.deal[deal].STAGE_ID = 'LOSE';
		const both = await Promise.all([0, 1].map(() => stagePortal.fireEvent({ event: 'ONCRMDEALUPDATE', fields: { ID: deal } })));
		expect(both.map((fired: { calls: Array<{ status: number }> }) => fired.calls[0].status)).toEqual([200, 200]);
		await waitFor(() => dealUpdates().length >= 9, 60000);
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect(moves().slice(3)).toEqual([`${deal}:WON>LOSE`]);
	});

	it('after n8n restarts, keeps its one binding per event and takes the next event', async () => {
		const handler = bindings()[0].handler;
		await server?.stop();
		server = await n8n.startServer(instance);
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect(bindings()).toHaveLength(3);
		expect(bindings().every((b) => b.handler === handler)).toBe(true);
		const added = await emulator.changeRecord({ entity: 'contact', fields: { NAME: 'Pavel', PHONE: [{ VALUE: '+375447654321', VALUE_TYPE: 'MOBILE' }] } });
		expect(added.calls).toEqual([expect.objectContaining({ status: 200 })]);
		await waitFor(() => reads('contact').includes(added.id), 60000);
		expect(reads('contact').filter((id) => id === added.id)).toHaveLength(1);
	});

	// Runs after the restart above (one restart for both triggers).
	it('Deal Stage Changed: after n8n restarts, tells the next stage change from the stage stored before the restart', async () => {
		const deal = String(stageChanges()[0].entityId);
		const before = recorder.items.length;
		// The stages live in the n8n user folder, beside n8n's own database.
		expect(fs.existsSync(`${instance.userFolder}/.n8n/sms-gateways/state.sqlite`)).toBe(true);
		// n8n answers 404 until it has activated the workflow again (nothing runs); the portal's call is then repeated.
		let status = 0;
		for (const until = Date.now() + 30000; status !== 200 && Date.now() < until; ) {
			if (status !== 0) await new Promise((resolve) => setTimeout(resolve, 500));
			stagePortal.state.config.crm.deal[deal].STAGE_ID = 'EXECUTING';
			status = (await stagePortal.fireEvent({ event: 'ONCRMDEALUPDATE', fields: { ID: deal } })).calls[0].status;
		}
		expect(status).toBe(200);
		await waitFor(() => recorder.items.length >= before + 2, 60000);
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect(moves().slice(4)).toEqual([`${deal}:LOSE>EXECUTING`]);
		expect(stageBindings()).toHaveLength(2);
	});

	it('unpublished, unbinds every event and its old URL starts nothing; published again, binds to a new secret', async () => {
		const oldHandler = bindings()[0].handler;
		await unpublishWorkflow(server!, WORKFLOW_ID);
		await waitFor(() => bindings().length === 0, 60000, 'the bindings to be removed');
		const before = reads('lead').length;
		const form = toPhpForm({ event: 'ONCRMLEADADD', event_handler_id: '1', data: { FIELDS: { ID: '7' } }, ts: 1736405807, auth: { domain: ACCOUNT.domain, member_id: ACCOUNT.memberId, application_token: ACCOUNT.applicationToken } });
		const stale = await fetch(oldHandler, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
		// 404 once n8n has dropped the URL; 403 if a call slips in between the unbinding and that.
		expect([403, 404]).toContain(stale.status);
		// No binding, so the portal calls nobody.
		expect((await emulator.changeRecord({ entity: 'lead', fields: { TITLE: 'while unpublished' } })).calls).toEqual([]);

		await publishWorkflow(server!, WORKFLOW_ID);
		await waitFor(() => bindings().length === 3, 60000, 'three bindings');
		await untilAccepting(() => bindings()[0]);
		const handler = bindings()[0].handler;
		expect(handler).not.toBe(oldHandler);
		expect(handler.split('?')[0]).toBe(oldHandler.split('?')[0]);
		expect(bindings().every((b) => b.handler === handler)).toBe(true);
		const added = await emulator.changeRecord({ entity: 'lead', fields: { TITLE: 'after republish', PHONE: [{ VALUE: '+375291112233', VALUE_TYPE: 'MOBILE' }] } });
		expect(added.calls).toEqual([expect.objectContaining({ status: 200 })]);
		await waitFor(() => reads('lead').includes(added.id), 60000);
		expect(reads('lead').slice(before)).toEqual([added.id]);
	});
});
