import type { ICredentialDataDecryptedObject, IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions, NodeEgressFilter } from 'n8n-workflow';
import type { HttpTransport } from '../core/adapter/http';
import { createKeepAliveTransport, type ConnectionRules } from '../core/adapter/keepAliveTransport';
import { createN8nTransport } from './n8nTransport';

type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** The variables n8n's request helper reads to send through a proxy (any spelling it honours). */
const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'all_proxy'];

/**
 * How a gateway's requests leave n8n. Where n8n hands nodes its egress filter (n8n 2.x:
 * `helpers.getSecureEgressFilter`, "for clients that build their own HTTP transport") and no proxy
 * is configured, on persistent connections under that filter: the instance's SSRF rules apply to
 * every connection as in n8n's own agents, and a 10,000-recipient A1 batch no longer opens 10,000
 * connections (n8n's helper builds a new agent, so a new connection, per request).
 * Otherwise (n8n 1.x, or a proxy to honour) through n8n's request helper.
 */
export function createGatewayTransport(context: RequestContext, credentialName: string, credentials: ICredentialDataDecryptedObject): HttpTransport {
	const egress = egressFilterOf(context);
	if (!egress || proxyConfigured()) return createN8nTransport(context, credentialName, credentials);
	return createKeepAliveTransport({ rules: rulesOf(egress), signal: cancelSignalOf(context) });
}

/** n8n's egress filter, or undefined where n8n offers none (or cannot give it here): then n8n's helper sends. */
function egressFilterOf(context: RequestContext): NodeEgressFilter | undefined {
	const helpers = context.helpers as { getSecureEgressFilter?: unknown };
	if (typeof helpers.getSecureEgressFilter !== 'function') return undefined;
	try {
		return (helpers.getSecureEgressFilter as () => NodeEgressFilter)();
	} catch {
		return undefined;
	}
}

function proxyConfigured(): boolean {
	return PROXY_VARIABLES.some((name) => (process.env[name] ?? '').trim() !== '');
}

/** One set of rules per egress filter object, so that the connections built under it are shared. */
const rulesByFilter = new WeakMap<NodeEgressFilter, ConnectionRules>();

function rulesOf(egress: NodeEgressFilter): ConnectionRules {
	let rules = rulesByFilter.get(egress);
	if (!rules) {
		rules = {
			lookup: egress.createSecureLookup(),
			refuseHost: (host) => {
				const verdict = egress.validateConnectionHost(host);
				return verdict.ok ? undefined : verdict.error;
			},
		};
		rulesByFilter.set(egress, rules);
	}
	return rules;
}

function cancelSignalOf(context: RequestContext): AbortSignal | undefined {
	const withSignal = context as { getExecutionCancelSignal?: () => AbortSignal | undefined };
	return typeof withSignal.getExecutionCancelSignal === 'function' ? withSignal.getExecutionCancelSignal() : undefined;
}
