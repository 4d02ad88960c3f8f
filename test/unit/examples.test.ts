/**
 * Every workflow in examples/ is importable as it stands: an id n8n 1.x and 2.x both accept as a
 * workflow id (n8n 1.x saves static data, where triggers keep their state, only for ids of at most
 * 16 characters), nodes of this package's published types or n8n's own, credentials the sandbox
 * creates, and connections between nodes that exist.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sandbox = require('../n8n/sandboxSetup') as {
	SANDBOX_CREDENTIALS: Record<string, { id: string }>;
	SANDBOX_BITRIX24: { id: string };
	BITRIX24_EXAMPLES: string[];
	loadExamples(): Record<string, { id: string; nodes: Array<Record<string, unknown>>; connections: Record<string, { main: Array<Array<{ node: string }>> }> }>;
};
const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { name: string; n8n: { nodes: string[] } };

const OUR_TYPES = new Set(
	pkg.n8n.nodes.map((file) => {
		const source = fs.readFileSync(path.join(__dirname, '../..', file.replace(/^dist\//, '').replace(/\.js$/, '.ts')), 'utf8');
		return `${pkg.name}.${/\bname: '([A-Za-z0-9]+)'/.exec(source)?.[1]}`;
	}),
);
const SANDBOX_IDS = new Set([...Object.values(sandbox.SANDBOX_CREDENTIALS).map((c) => c.id), sandbox.SANDBOX_BITRIX24.id]);
const examples = Object.entries(sandbox.loadExamples());

describe('examples/', () => {
	it('holds the Bitrix24 examples the sandbox publishes', () => {
		for (const file of sandbox.BITRIX24_EXAMPLES) expect(examples.map(([name]) => name)).toContain(file);
	});

	it.each(examples)('%s is importable into n8n 1.x and 2.x and runs with the sandbox credentials', (_file, workflow) => {
		expect(workflow.id).toMatch(/^[A-Za-z0-9]{1,16}$/);
		const names = new Set(workflow.nodes.map((node) => node.name as string));
		expect(names.size).toBe(workflow.nodes.length);
		for (const node of workflow.nodes) {
			const type = String(node.type);
			if (!type.startsWith('n8n-nodes-base.')) expect(OUR_TYPES).toContain(type);
			for (const credential of Object.values((node.credentials ?? {}) as Record<string, { id: string }>)) expect(SANDBOX_IDS).toContain(credential.id);
			if (String(node.type).endsWith('Trigger') && type.startsWith(pkg.name)) expect(node.webhookId).toMatch(/^[0-9a-f-]{36}$/);
		}
		for (const [from, { main }] of Object.entries(workflow.connections)) {
			expect(names).toContain(from);
			for (const target of main.flat()) expect(names).toContain(target.node);
		}
	});
});
