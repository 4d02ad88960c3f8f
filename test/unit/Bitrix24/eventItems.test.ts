/**
 * The items of one verified Bitrix24 event call (the trigger's webhook after its checks), with the
 * deal read from a stand-in for Bitrix24's REST answer and the stages kept in a real Redis.
 */
import type { IWebhookFunctions } from 'n8n-workflow';
import { eventItems } from '../../../nodes/Bitrix24/events/eventItems';
import type { EventCall } from '../../../nodes/Bitrix24/events/readEventCall';
import { closeIdleTrackingStores } from '../../../nodes/glue/trackingStore';
import { redisServerForTests } from '../../harness/redisServer';

const redisServer = redisServerForTests();
afterAll(async () => closeIdleTrackingStores());

let calls = 0;
const memberId = () => `member-${process.pid}-${calls}`;

/** A webhook context whose Bitrix24 answers crm.deal.get with `deal` (or `failure`), and whose Stage Store is Redis. */
function context(answer: { deal?: Record<string, unknown>; failure?: string }, warnings: string[], redisPort: number): IWebhookFunctions {
	return {
		getNode: () => ({ name: 'Bitrix24 Trigger', type: 'n8n-nodes-sms-gateways.bitrix24Trigger', parameters: {} }),
		getNodeParameter: (name: string, fallback?: unknown) => (name === 'options' ? { stageStore: 'redis' } : fallback),
		getCredentials: async (type: string) =>
			type === 'redis' ? { host: '127.0.0.1', port: redisPort } : { portalUrl: 'https://portal.bitrix24.test', oauthTokenData: { access_token: 'token' } },
		logger: { warn: (message: string) => warnings.push(message) },
		helpers: {
			httpRequest: async () =>
				answer.failure
					? { statusCode: 400, body: JSON.stringify({ error: '', error_description: answer.failure }) }
					: { statusCode: 200, body: JSON.stringify({ result: { ID: '5', ...answer.deal } }) },
		},
	} as unknown as IWebhookFunctions;
}

const call = (event: string): EventCall => ({ event, handlerId: '3', entityId: '5', firedAt: '2026-12-02T10:00:00.000Z', portal: 'portal.bitrix24.test', memberId: memberId(), applicationToken: 't' });

(redisServer.available ? describe : describe.skip)('Bitrix24 event items', () => {
	beforeEach(() => calls++);

	test('a deal update gives Deal Updated at once and Deal Stage Changed only once its stage before is known and differs', async () => {
		const warnings: string[] = [];
		const at = (stage: string) => context({ deal: { STAGE_ID: stage, CATEGORY_ID: '0' } }, warnings, redisServer.port);
		const keys = ['dealUpdated', 'dealStageChanged'] as const;
		// The add call stores the first stage; Deal Updated does not take additions.
		expect((await eventItems(at('NEW'), call('ONCRMDEALADD'), ['dealStageChanged'])).items).toEqual([]);
		const edited = await eventItems(at('NEW'), call('ONCRMDEALUPDATE'), keys);
		expect(edited.items.map((item) => item.event)).toEqual(['dealUpdated']);
		const moved = await eventItems(at('WON'), call('ONCRMDEALUPDATE'), keys);
		expect(moved.items).toEqual([
			{ event: 'dealUpdated', entityType: 'deal', entityId: '5', bitrix24Event: 'ONCRMDEALUPDATE', handlerId: '3', portal: 'portal.bitrix24.test', memberId: memberId(), firedAt: '2026-12-02T10:00:00.000Z' },
			{ event: 'dealStageChanged', entityType: 'deal', entityId: '5', stageId: 'WON', categoryId: '0', previousStageId: 'NEW', bitrix24Event: 'ONCRMDEALUPDATE', handlerId: '3', portal: 'portal.bitrix24.test', memberId: memberId(), firedAt: '2026-12-02T10:00:00.000Z' },
		]);
		expect(warnings).toEqual([]);
	});

	test('a deal that cannot be read: Deal Updated still goes out, the stage is reported unknown and logged', async () => {
		const warnings: string[] = [];
		const failing = context({ failure: 'Not found' }, warnings, redisServer.port);
		const result = await eventItems(failing, call('ONCRMDEALUPDATE'), ['dealUpdated', 'dealStageChanged']);
		expect(result.items.map((item) => item.event)).toEqual(['dealUpdated']);
		expect(result.stageUnknown).toBe(true);
		expect(warnings).toEqual([expect.stringMatching(/stage of deal 5 could not be read or stored: Bitrix24 refused crm\.deal\.get: Not found/)]);
		// A deal answer without a stage is refused the same way, never stored.
		const noStage = await eventItems(context({ deal: { TITLE: 'x' } }, warnings, redisServer.port), call('ONCRMDEALUPDATE'), ['dealStageChanged']);
		expect(noStage).toEqual({ items: [], stageUnknown: true });
	});

	test('a Redis that cannot be reached: the stage is reported unknown, nothing is emitted for it', async () => {
		const warnings: string[] = [];
		const result = await eventItems(context({ deal: { STAGE_ID: 'WON' } }, warnings, 1), call('ONCRMDEALUPDATE'), ['dealStageChanged']);
		expect(result).toEqual({ items: [], stageUnknown: true });
		expect(warnings).toHaveLength(1);
	}, 30_000);
});
