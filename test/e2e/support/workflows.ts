/**
 * Workflows the e2e tests build: a manual trigger, then chains of nodes (several branches run one
 * after the other in one execution, so one n8n start-up covers four gateways). Node type and
 * parameters follow the node's public contract.
 */
import type { GatewayId } from './harness';

export const SMS_NODE_TYPE = 'n8n-nodes-sms-gateways.smsGateway';
export const START = 'Start';

export const CREDENTIAL_TYPES: Record<GatewayId, string> = {
	smsAssistent: 'smsAssistentApi',
	a1: 'a1Api',
	smsClub: 'smsClubApi',
	devino: 'integrationApiNetApi',
};

export type NodeJson = Record<string, unknown> & { name: string };

export interface WorkflowJson {
	id: string;
	name: string;
	nodes: NodeJson[];
	connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }>;
	settings: Record<string, unknown>;
	active: boolean;
	pinData: Record<string, unknown>;
}

let nodeCounter = 0;
function nodeId(): string {
	nodeCounter += 1;
	return `e2e00000-0000-4000-8000-${String(nodeCounter).padStart(12, '0')}`;
}

export function smsNode(
	name: string,
	gateway: GatewayId,
	credential: { id: string; name: string },
	parameters: Record<string, unknown>,
	{ continueOnFail = false } = {},
): NodeJson {
	return {
		id: nodeId(),
		name,
		type: SMS_NODE_TYPE,
		typeVersion: 2,
		position: [0, 0],
		parameters: { gateway, ...asVersion2(gateway, parameters) },
		credentials: { [CREDENTIAL_TYPES[gateway]]: credential },
		...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
	};
}

/**
 * Node version 2 keeps the sender in the gateway's own resource locator (`smsClubSender`: by name,
 * as a workflow written by hand or by an AI agent would); the tests say just `sender`.
 */
function asVersion2(gateway: GatewayId, parameters: Record<string, unknown>): Record<string, unknown> {
	const { sender, ...rest } = parameters;
	return sender === undefined ? rest : { ...rest, [`${gateway}Sender`]: { __rl: true, mode: 'name', value: sender } };
}

/** A Code node emitting one item per row, as a spreadsheet node would. */
export function rowsNode(name: string, rows: Array<Record<string, unknown>>): NodeJson {
	return {
		id: nodeId(),
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [0, 0],
		parameters: { jsCode: `return ${JSON.stringify(rows)}.map((json) => ({ json }));` },
	};
}

/** Start → chain[0] → chain[1] …, for every chain; nodes are laid out on a grid. */
export function workflow(id: string, chains: NodeJson[][]): WorkflowJson {
	const start: NodeJson = { id: nodeId(), name: START, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	const nodes: NodeJson[] = [start];
	const connections: WorkflowJson['connections'] = {};
	const link = (from: string, to: string) => {
		connections[from] ??= { main: [[]] };
		connections[from].main[0].push({ node: to, type: 'main', index: 0 });
	};
	chains.forEach((chain, row) => {
		let previous = START;
		chain.forEach((node, column) => {
			nodes.push({ ...node, position: [220 * (column + 1), 160 * row] });
			link(previous, node.name);
			previous = node.name;
		});
	});
	return { id, name: `e2e ${id}`, nodes, connections, settings: { executionOrder: 'v1' }, active: false, pinData: {} };
}
