import { SmsGateway } from '../../../nodes/SmsGateway/SmsGateway.node';
import { GATEWAY_DEFINITIONS } from '../../../nodes/gateways/registry';

const description = new SmsGateway().description;

describe('node description', () => {
	test('the public contract: name, version, tool use, icons', () => {
		expect(description).toMatchObject({ name: 'smsGateway', displayName: 'SMS Gateway', version: [1, 2], defaultVersion: 2, usableAsTool: true });
		expect(description.icon).toEqual({ light: 'file:../../icons/smsGateway.svg', dark: 'file:../../icons/smsGateway.dark.svg' });
	});

	test('the gateway dropdown and the credentials come from the registry', () => {
		const gateway = description.properties.find((p) => p.name === 'gateway');
		expect(gateway?.options).toEqual(GATEWAY_DEFINITIONS.map((d) => ({ name: d.label, value: d.id })));
		expect(GATEWAY_DEFINITIONS.map((d) => d.id)).toContain(gateway?.default);
		const gatewayCredentials = description.credentials?.filter((c) => c.displayOptions?.show?.gateway) ?? [];
		for (const definition of GATEWAY_DEFINITIONS) {
			const shown = gatewayCredentials.filter((c) => (c.displayOptions?.show?.gateway as string[]).includes(definition.id));
			expect(shown.map((c) => c.name)).toEqual([definition.credentialName]);
		}
		// One type per gateway: the editor sets the (hidden) gateway from the credential's type.
		// n8n's Redis credential follows, shown only when the Tracking Store option is Redis; it names
		// the option inside Options, so the editor does not take that option for an authentication field.
		expect(description.credentials?.map((c) => c.name)).toEqual(['smsAssistentApi', 'a1Api', 'smsClubApi', 'integrationApiNetApi', 'redis']);
		expect(description.credentials?.map((c) => c.displayOptions?.show)).toEqual([
			...GATEWAY_DEFINITIONS.map((d) => ({ gateway: [d.id] })),
			{ 'options.trackingStore': ['redis'] },
		]);
		expect(description.properties.map((p) => p.name)).not.toContain('trackingStore');
		const notices = description.properties.filter((p) => p.name === 'gatewayNotice');
		expect(notices.map((n) => [n.displayOptions?.show?.gateway, n.displayName])).toEqual(
			GATEWAY_DEFINITIONS.map((d) => [[d.id], expect.stringContaining(`Gateway: ${d.label}.`)]),
		);
	});

	test('texts about gateways name every registered gateway and its own limits', () => {
		const option = (name: string) =>
			description.properties
				.flatMap((p) => (p.options ?? []) as Array<{ name?: string; description?: string }>)
				.find((o) => o.name === name);
		const schedule = option('scheduleAt')?.description ?? '';
		for (const definition of GATEWAY_DEFINITIONS) {
			expect(description.description).toContain(definition.label);
			expect(schedule).toContain(definition.label);
			const lead = definition.limits.minScheduleLeadMinutes;
			if (lead !== undefined) expect(schedule).toContain(`${definition.label} at least ${lead} minute`);
		}
		expect(schedule).toMatch(/A1 and SMSClub cannot schedule/);
		expect(option('validityHours')?.description).toContain('SMS-assistent up to 48 hours');
	});

	test('the operations and their parameters', () => {
		const operation = description.properties.find((p) => p.name === 'operation');
		expect(operation?.options?.map((o) => (o as { value: string }).value).sort()).toEqual(['getBalance', 'getStatus', 'listSenders', 'send', 'sendBatch']);
		const names = (op: string) =>
			description.properties.filter((p) => (p.displayOptions?.show?.operation as string[] | undefined)?.includes(op)).map((p) => p.name);
		const senders = GATEWAY_DEFINITIONS.map((d) => `${d.id}Sender`);
		expect(names('send')).toEqual(['to', 'text', 'sender', ...senders, 'options']);
		expect(names('sendBatch')).toEqual(['recipientsSource', 'phoneField', 'textField', 'recipientList', 'text', 'sender', ...senders, 'options']);
		expect(names('getStatus')).toEqual(['messageIds', 'options']);
		expect(names('getBalance')).toEqual([]);
		const optionNames = (op: string) =>
			(description.properties.find((p) => p.name === 'options' && (p.displayOptions?.show?.operation as string[]).includes(op))?.options ?? []).map((o) => (o as { name: string }).name).sort();
		expect(optionNames('send')).toEqual(['defaultCountry', 'deliveryReportUrl', 'dryRun', 'includeInputFields', 'maxRetryWaitSeconds', 'pricePerPart', 'reference', 'sanitize', 'scheduleAt', 'trackDelivery', 'trackingStore', 'transliterate', 'validityHours']);
		expect(optionNames('sendBatch')).toEqual([...optionNames('send'), 'checkBalanceFirst', 'deduplicate'].sort());
	});

	test('version 1 keeps the 0.1.0 Sender dropdown; version 2 has a resource locator per gateway', () => {
		const sendFields = description.properties.filter((p) => (p.displayOptions?.show?.operation as string[] | undefined)?.includes('send'));
		expect(sendFields.find((p) => p.name === 'sender')).toMatchObject({ type: 'options', displayOptions: { show: { '@version': [1] } } });
		for (const definition of GATEWAY_DEFINITIONS) {
			const field = sendFields.find((p) => p.name === `${definition.id}Sender`);
			const { supportsSenderList, requiresSender } = definition.limits;
			expect(field).toMatchObject({
				type: 'resourceLocator',
				required: requiresSender === true,
				default: { mode: supportsSenderList ? 'list' : 'name', value: '' },
				displayOptions: { show: { '@version': [2], gateway: [definition.id], operation: ['send'] } },
			});
			// A list only where the gateway has one; never an empty "account default" entry to pick.
			expect(field?.modes?.map((m) => m.name)).toEqual(supportsSenderList ? ['list', 'name'] : ['name']);
			if (supportsSenderList) expect(field?.modes?.[0].typeOptions?.searchListMethod).toBe('searchSenders');
		}
		expect(new SmsGateway().methods.listSearch.searchSenders).toEqual(expect.any(Function));
	});

	test('the subtitle names gateway and operation from the registry', () => {
		expect(description.subtitle).toContain('"smsClub":"SMSClub"');
		expect(description.subtitle).toContain('"sendBatch":"Send Batch"');
	});

	test('every option collection is sorted by display name, as the n8n lint rules want', () => {
		for (const collection of description.properties.filter((p) => p.type === 'collection')) {
			const names = (collection.options as Array<{ displayName: string }>).map((o) => o.displayName);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
	});

	test('every parameter and option tells people and AI agents what to put', () => {
		const all = description.properties.flatMap((p) => [p, ...((p.type === 'collection' ? p.options : []) as typeof description.properties)]);
		for (const parameter of all.filter((p) => !['collection', 'notice'].includes(p.type) && !['gateway', 'operation'].includes(p.name))) {
			expect({ name: parameter.name, description: parameter.description ?? '' }).toEqual({ name: parameter.name, description: expect.stringMatching(/^[A-Z].{20,}[.)a-z>]$/) });
		}
		const to = description.properties.find((p) => p.name === 'to');
		expect(to?.placeholder).toMatch(/\+375 29 123-45-67 or 80291234567/);
	});
});

describe('codex file', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const codex = require('../../../nodes/SmsGateway/SmsGateway.node.json') as {
		node: string;
		categories: string[];
		resources: { primaryDocumentation: Array<{ url: string }> };
		alias: string[];
	};

	test('names the node, its category, its documentation and the words people search for', () => {
		expect(codex.node).toBe('n8n-nodes-sms-gateways.smsGateway');
		expect(codex.categories).toEqual(['Communication']);
		expect(codex.resources.primaryDocumentation.map((d) => d.url)).toEqual(
			expect.arrayContaining([expect.stringMatching(/^https:\/\/(github\.com|www\.npmjs\.com)\/.*n8n-nodes-sms-gateways/)]),
		);
		expect(codex.alias).toEqual(expect.arrayContaining(['sms', 'text message', 'bitrix24', 'belarus']));
	});
});
