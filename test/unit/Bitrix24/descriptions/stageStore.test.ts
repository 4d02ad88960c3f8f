import { NodeHelpers, type INodeProperties } from 'n8n-workflow';
import { redisStageCredential, stageStoreOptions } from '../../../../nodes/Bitrix24/descriptions/stageStore';
import { Bitrix24Trigger } from '../../../../nodes/Bitrix24/Bitrix24Trigger.node';

describe('Bitrix24 Trigger Options', () => {
	it('hold the Stage Store only: Built-In (the default) or Redis', () => {
		expect(stageStoreOptions).toMatchObject({ name: 'options', type: 'collection', default: {} });
		expect(stageStoreOptions.options as INodeProperties[]).toEqual([
			{
				displayName: 'Stage Store',
				name: 'stageStore',
				type: 'options',
				options: [
					{ name: 'Built-In', value: 'builtIn', description: 'A file in the n8n user folder; needs n8n 2.x (Node.js 22.13 or later)' },
					{ name: 'Redis', value: 'redis', description: "A Redis reached through n8n's Redis credential; for queue mode, where main and workers are separate processes" },
				],
				default: 'builtIn',
				description: "Where each deal's last seen stage is kept, to tell a stage change from any other edit of the deal",
			},
		]);
	});

	it('show for Deal Stage Changed, alone or with other events, and for no other event', () => {
		const trigger = new Bitrix24Trigger().description;
		const shownFor = (events: string[]) => NodeHelpers.displayParameter({ events, options: {} }, stageStoreOptions, { typeVersion: 1 }, trigger);
		expect([['dealStageChanged'], ['leadAdded', 'dealStageChanged'], ['dealUpdated'], []].map(shownFor)).toEqual([true, true, false, false]);
		// Named from the root, so the editor keeps a Redis Stage Store when another event is added (it drops a collection whose condition names the changed field).
		expect(stageStoreOptions.displayOptions).toEqual({ show: { '/events': ['dealStageChanged'] } });
		expect(trigger.properties.map((p) => p.name)).toEqual(['events', 'applicationToken', 'options']);
	});

	it('ask for the Redis credential only when the Stage Store is Redis', () => {
		expect(redisStageCredential.displayOptions).toEqual({ show: { 'options.stageStore': ['redis'] } });
	});
});
