import type { INodeProperties } from 'n8n-workflow';
import { redisStageCredential, stageStoreOptions } from '../../../../nodes/Bitrix24/descriptions/stageStore';

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

	it('ask for the Redis credential only when the Stage Store is Redis', () => {
		expect(redisStageCredential.displayOptions).toEqual({ show: { 'options.stageStore': ['redis'] } });
	});
});
