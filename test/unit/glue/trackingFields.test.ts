import { storeChoice, trackingStoreOption } from '../../../nodes/glue/trackingFields';

const BUILT_IN = { name: 'Built-In', value: 'builtIn', description: 'A file in the n8n user folder; needs n8n 2.x (Node.js 22.13 or later)' };
const REDIS = "A Redis reached through n8n's Redis credential; for queue mode, where main and workers are separate processes";

describe('storeChoice', () => {
	it('offers Built-In (the default) and Redis, under the given name and description', () => {
		expect(storeChoice('Some Store', 'someStore', 'Where things are kept')).toEqual({
			displayName: 'Some Store',
			name: 'someStore',
			type: 'options',
			options: [BUILT_IN, { name: 'Redis', value: 'redis', description: REDIS }],
			default: 'builtIn',
			description: 'Where things are kept',
		});
	});

	it('is the Tracking Store as the senders and triggers showed it, with what else its Redis holds', () => {
		expect(trackingStoreOption).toEqual({
			displayName: 'Tracking Store',
			name: 'trackingStore',
			type: 'options',
			options: [BUILT_IN, { name: 'Redis', value: 'redis', description: `${REDIS}: it also holds each gateway account's rate limits and login session for all workers` }],
			default: 'builtIn',
			description: 'Where tracked messages are kept between executions; the sending node and the SMS Gateway Trigger must use the same one',
		});
	});
});
