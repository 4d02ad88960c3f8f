import './n8nEnvironment';
import { ExecuteContext, LoadOptionsContext, PollContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IExecuteData,
	type INode,
	type INodeExecutionData,
	type INodeListSearchResult,
	type INodeParameters,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypes,
	type IRunExecutionData,
	type IWorkflowExecuteAdditionalData,
	type NodeExecutionHint,
} from 'n8n-workflow';
import { SmsGateway } from '../../nodes/SmsGateway/SmsGateway.node';
import { IntegrationApiNetApi } from '../../credentials/IntegrationApiNetApi.credentials';
import { SmsAssistentApi } from '../../credentials/SmsAssistentApi.credentials';
import { A1Api } from '../../credentials/A1Api.credentials';
import { SmsClubApi } from '../../credentials/SmsClubApi.credentials';
import { Bitrix24OAuth2Api } from '../../credentials/Bitrix24OAuth2Api.credentials';

/** n8n's own Redis credential (n8n-nodes-base), with the fields the tracking store reads. */
const REDIS_CREDENTIAL_TYPE: ICredentialType = {
	name: 'redis',
	displayName: 'Redis',
	properties: ['password', 'user', 'host', 'port', 'database', 'ssl'].map((name) => ({ displayName: name, name, type: 'string' as const, default: '' })),
};

/** Credential types the package ships, and n8n's Redis, as n8n would load them. */
const CREDENTIAL_TYPES: Record<string, ICredentialType> = Object.fromEntries(
	[new SmsAssistentApi(), new A1Api(), new SmsClubApi(), new IntegrationApiNetApi(), new Bitrix24OAuth2Api(), REDIS_CREDENTIAL_TYPE].map((type) => [type.name, type]),
);

const NODE_TYPE = 'n8n-nodes-sms-gateways.smsGateway';

export interface RunNodeOptions {
	parameters: INodeParameters;
	/** Decrypted credential data by credential type name (what n8n's credentials helper returns). */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	items?: Array<INodeExecutionData | IDataObject>;
	continueOnFail?: boolean;
	/** The node's "Retry On Fail" setting, which makes n8n run the whole node again after an error. */
	retryOnFail?: boolean;
	timezone?: string;
	/** Another node of the package than SMS Gateway (default), with its type name. */
	node?: { type: INodeType; name: string; typeName: string };
	/** The node's version (default 1, the 0.1.0 fields most tests use; 2 has a Sender field per gateway). */
	typeVersion?: number;
	/** The credentials the saved node names, when they differ from `credentials` (e.g. a 0.1.0 workflow). */
	nodeCredentials?: INode['credentials'];
	/** Counts the reads of a credential from "n8n's database" (each a decryption in n8n). */
	credentialReads?: { count: number };
	/** Counts the node's getNodeParameter calls. */
	parameterReads?: { count: number };
	/**
	 * Failures inside n8n's credentials helper, as a loaded n8n worker meets them (its database
	 * pool timing out): `read` for the n-th credential read (1-based), `preAuthentication` for the
	 * n-th call n8n makes before each authenticated request. Undefined = no failure.
	 */
	helperFailures?: { read?: (call: number) => Error | undefined; preAuthentication?: (call: number) => Error | undefined };
	/**
	 * n8n's helpers without the egress filter nodes may build their own connections under (as in
	 * n8n 1.x): the node sends through n8n's request helper, as it also does when a proxy is set.
	 */
	withoutEgressFilter?: boolean;
}

export interface NodeRun {
	output: INodeExecutionData[];
	/** Execution hints the node added (addExecutionHints), as n8n shows them in the output pane. */
	hints: NodeExecutionHint[];
}

/**
 * Runs the SMS Gateway node's `execute` inside n8n-core's real ExecuteContext: real parameter and
 * expression resolution, real continueOnFail, and the real httpRequestWithAuthentication talking
 * HTTP to wherever the credential's base URL points (the emulators). Only the credentials
 * helper is ours, standing in for n8n's database of encrypted credentials.
 */
export async function runNode(options: RunNodeOptions): Promise<INodeExecutionData[]> {
	return (await runNodeWithHints(options)).output;
}

/** runNode, plus the execution hints the node left for the user. */
export async function runNodeWithHints(options: RunNodeOptions): Promise<NodeRun> {
	const { workflow, node, additionalData } = setUp(options);
	const items = (options.items ?? [{ json: {} }]).map(toItem);
	const runExecutionData = emptyRunData();
	const executeData: IExecuteData = { node, data: { main: [items] }, source: { main: [{ previousNode: 'Trigger' }] } };
	const context = new ExecuteContext(workflow, node, additionalData, 'manual', runExecutionData, 0, items, { main: [items] }, executeData, []);
	if (options.withoutEgressFilter) delete (context.helpers as { getSecureEgressFilter?: unknown }).getSecureEgressFilter;
	const reads = options.parameterReads;
	if (reads) {
		const read = context.getNodeParameter.bind(context) as (...args: unknown[]) => unknown;
		Object.defineProperty(context, 'getNodeParameter', {
			value: (...args: unknown[]) => {
				reads.count++;
				return read(...args);
			},
		});
	}
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const output = await nodeType.execute!.call(context);
	return { output: (output as INodeExecutionData[][])[0], hints: [...context.hints] };
}

/**
 * A polling trigger of the package as n8n runs it: each poll() goes through n8n-core's real
 * PollContext on one long-lived Workflow, so the node's static data carries over from poll to
 * poll as in an active workflow. `manual` is Fetch Test Event in the editor.
 */
export function createPoller(options: RunNodeOptions): { poll(mode?: 'trigger' | 'manual'): Promise<INodeExecutionData[][] | null>; staticData(): IDataObject } {
	const { workflow, node, additionalData } = setUp(options);
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	return {
		poll: async (mode = 'trigger') => {
			const context = new PollContext(workflow, node, additionalData, mode, mode === 'manual' ? 'manual' : 'activate');
			return await nodeType.poll!.call(context);
		},
		staticData: () => workflow.getStaticData('node', node),
	};
}

/** Calls a load-options method (e.g. getSenders) through n8n-core's LoadOptionsContext. */
export async function loadOptions(method: string, options: RunNodeOptions): Promise<INodePropertyOptions[]> {
	const { workflow, node, additionalData } = setUp(options);
	// The editor sends the parameters as they are on screen with every load-options request.
	additionalData.currentNodeParameters = options.parameters;
	const context = new LoadOptionsContext(workflow, node, additionalData, 'sender');
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	return await nodeType.methods!.loadOptions![method].call(context);
}

/** Calls a resource locator's list-search method (e.g. searchSenders), as the editor does when the list opens. */
export async function listSearch(method: string, options: RunNodeOptions & { path: string; filter?: string }): Promise<INodeListSearchResult> {
	const { workflow, node, additionalData } = setUp(options);
	additionalData.currentNodeParameters = options.parameters;
	const context = new LoadOptionsContext(workflow, node, additionalData, options.path);
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	return await nodeType.methods!.listSearch![method].call(context, options.filter);
}

function setUp(options: RunNodeOptions) {
	const nodeType = options.node?.type ?? new SmsGateway();
	const credentials = options.credentials ?? {};
	const node: INode = {
		id: 'sms-gateway-node',
		name: options.node?.name ?? 'SMS Gateway',
		type: options.node?.typeName ?? NODE_TYPE,
		typeVersion: options.typeVersion ?? 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: options.nodeCredentials ?? Object.fromEntries(Object.keys(credentials).map((type) => [type, { id: type, name: `${type} (test)` }])),
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...(options.retryOnFail ? { retryOnFail: true } : {}),
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType as INodeType,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'SMS Gateway test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: options.timezone ? { timezone: options.timezone } : {},
	});
	const additionalData = { credentialsHelper: credentialsHelper(credentials, options.credentialReads, options.helperFailures), executionId: 'test-execution', variables: {} } as unknown as IWorkflowExecuteAdditionalData;
	return { workflow, node, additionalData };
}

/**
 * What n8n's CredentialsHelper does for these credential types: hand out the decrypted data, and
 * apply `authenticate` — which our credentials deliberately lack (the adapters place secrets), so
 * the request passes through untouched. A type n8n would not know fails loudly.
 */
function credentialsHelper(credentials: Record<string, ICredentialDataDecryptedObject>, reads?: { count: number }, failures: RunNodeOptions['helperFailures'] = {}) {
	const calls = { read: 0, preAuthentication: 0 };
	const failIf = (what: keyof typeof calls) => {
		const failure = failures[what]?.(++calls[what]);
		if (failure) throw failure;
	};
	const known = (type: string) => {
		const credentialType = CREDENTIAL_TYPES[type];
		if (!credentialType) throw new Error(`harness: unknown credential type "${type}"`);
		return credentialType;
	};
	return {
		getParentTypes: (type: string) => known(type).extends ?? [],
		getDecrypted: async (_additionalData: unknown, nodeCredentials: { id: string | null }, type: string) => {
			known(type);
			if (reads) reads.count++;
			failIf('read');
			const data = credentials[type];
			if (!data || nodeCredentials?.id !== type) throw new Error(`harness: no "${type}" credential given to the node`);
			return structuredClone(data);
		},
		preAuthentication: async () => failIf('preAuthentication'),
		runPreAuthentication: async () => undefined,
		/** n8n stores a renewed OAuth2 token pair; here the test's credential object receives it. */
		updateCredentialsOauthTokenData: async (_nodeCredentials: unknown, type: string, data: ICredentialDataDecryptedObject) => {
			credentials[type] = { ...credentials[type], oauthTokenData: structuredClone(data.oauthTokenData) };
		},
		authenticate: async (_data: unknown, type: string, requestOptions: unknown) => {
			if (known(type).authenticate) throw new Error(`harness: ${type} is expected to have no authenticate property`);
			return requestOptions;
		},
		getCredentialsProperties: (type: string) => known(type).properties,
		isCredentialUsableByNode: () => true,
	};
}

function toItem(item: INodeExecutionData | IDataObject): INodeExecutionData {
	return 'json' in item && typeof item.json === 'object' ? (item as INodeExecutionData) : { json: item as IDataObject };
}

function emptyRunData(): IRunExecutionData {
	return {
		version: 1,
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			nodeExecutionStack: [],
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as unknown as IRunExecutionData;
}
