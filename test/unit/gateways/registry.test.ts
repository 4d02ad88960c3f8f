/**
 * A gateway is one folder plus one registry line, one credential and one emulator. This test
 * fails when a registered gateway lacks any of those parts, so a fifth gateway cannot be half added.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ICredentialType } from 'n8n-workflow';
import { SMS_ERROR_CODES } from '../../../nodes/core/errors/SmsError';
import { SMS_STATUSES } from '../../../nodes/core/status/SmsStatus';
import { findGatewayDefinition, GATEWAY_DEFINITIONS } from '../../../nodes/gateways/registry';
import { GATEWAY_CASES } from '../../harness/gatewayCases';
import { GATEWAY_IDS } from '../../harness/emulators';

const ROOT = path.join(__dirname, '../../..');
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { n8n: { credentials: string[] } };

/** The credential types package.json ships, loaded from their sources as n8n would load them. */
function shippedCredentialTypes(): ICredentialType[] {
	return PACKAGE.n8n.credentials.flatMap((built) => {
		const source = path.join(ROOT, built.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = require(source) as Record<string, new () => ICredentialType>;
		return Object.values(exported).map((Type) => new Type());
	});
}

describe('the gateway registry', () => {
	test('ids are unique and lookups never reach the prototype', () => {
		const ids = GATEWAY_DEFINITIONS.map((d) => d.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(findGatewayDefinition('nope')).toBeUndefined();
		expect(findGatewayDefinition('toString')).toBeUndefined();
	});

	describe.each(GATEWAY_DEFINITIONS.map((d) => [d.id, d] as const))('%s has every part', (id, definition) => {
		const folder = path.join(ROOT, 'nodes/gateways', id);

		test('one folder with its definition, limits, adapter, error, status and sender tables', () => {
			const files = fs.readdirSync(folder);
			expect(files).toEqual(expect.arrayContaining(['definition.ts', 'limits.ts', 'errors.ts', 'statuses.ts', 'senderRules.ts']));
			expect(files.filter((file) => file.endsWith('Adapter.ts'))).toHaveLength(1);
		});

		test('its tables map onto our error and status models', () => {
			expect(Object.keys(definition.errors).length).toBeGreaterThan(0);
			for (const entry of Object.values(definition.errors)) expect(SMS_ERROR_CODES).toContain(entry.code);
			expect(Object.keys(definition.statuses).length).toBeGreaterThan(0);
			for (const status of Object.values(definition.statuses)) expect(SMS_STATUSES).toContain(status);
			expect(definition.senderRules.label).not.toBe('');
		});

		test('a credential the package ships', () => {
			expect(shippedCredentialTypes().map((type) => type.name)).toContain(definition.credentialName);
		});

		test('an emulator, and a test case', () => {
			expect(fs.existsSync(path.join(ROOT, 'test/emulators', `${id}.js`))).toBe(true);
			expect(GATEWAY_IDS).toContain(id);
			expect(GATEWAY_CASES.map((c) => c.id)).toContain(id);
		});
	});
});
