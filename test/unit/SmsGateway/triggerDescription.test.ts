import { NodeHelpers, type INodeProperties } from 'n8n-workflow';
import { SmsGateway } from '../../../nodes/SmsGateway/SmsGateway.node';
import { SmsGatewayTrigger } from '../../../nodes/SmsGateway/SmsGatewayTrigger.node';
import packageJson from '../../../package.json';

const trigger = new SmsGatewayTrigger().description;
const action = new SmsGateway().description;

describe('SMS Gateway Trigger description', () => {
	test('a polling trigger beside the action node, registered in the package, with its icons', () => {
		expect(trigger).toMatchObject({ name: 'smsGatewayTrigger', displayName: 'SMS Gateway Trigger', polling: true, group: ['trigger'], inputs: [], outputs: ['main'] });
		expect(trigger.icon).toEqual(action.icon);
		expect(packageJson.n8n.nodes).toContain('dist/nodes/SmsGateway/SmsGatewayTrigger.node.js');
	});

	test('the gateway, its credentials and the Tracking Store are the action node\'s own', () => {
		expect(trigger.credentials).toEqual(action.credentials);
		const gateway = (description: typeof trigger) => description.properties.find((p) => p.name === 'gateway');
		expect(gateway(trigger)).toBe(gateway(action));
		const storeOf = (description: typeof trigger) =>
			description.properties.flatMap((p) => (p.name === 'options' ? ((p.options ?? []) as Array<{ name: string }>) : [])).find((o) => o.name === 'trackingStore');
		expect(storeOf(trigger)).toBe(storeOf(action));
	});

	test('the canvas subtitle names gateway and event (the trigger has no operation)', () => {
		expect(trigger.subtitle).toContain('"smsClub":"SMSClub"');
		expect(trigger.subtitle).toContain('"finalStatus":"Final Status"');
		expect(trigger.subtitle).toContain('$parameter["event"]');
		expect(trigger.subtitle).not.toContain('operation');
	});

	test('three events; Threshold only for Balance Below; filters only for status events', () => {
		const event = trigger.properties.find((p) => p.name === 'event');
		expect(event?.options?.map((o) => (o as { value: string }).value).sort()).toEqual(['balanceBelow', 'finalStatus', 'statusChanged']);
		expect(event?.default).toBe('finalStatus');
		expect(trigger.properties.find((p) => p.name === 'threshold')?.displayOptions).toEqual({ show: { event: ['balanceBelow'] } });
		const options = trigger.properties.find((p) => p.name === 'options') as INodeProperties;
		const shownFor = (event: string) => NodeHelpers.displayParameter({ event, options: {} }, options, { typeVersion: 1 }, trigger);
		expect(['statusChanged', 'finalStatus', 'balanceBelow'].map(shownFor)).toEqual([true, true, false]);
		// Named from the root, so the editor keeps the filters when Event changes (it drops a collection whose condition names the changed field).
		expect(Object.keys(options.displayOptions?.show ?? {})).toEqual(['/event']);
		expect((options?.options as Array<{ name: string }>).map((o) => o.name)).toEqual(['reference', 'statuses', 'trackingStore']);
	});
});
