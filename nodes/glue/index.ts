/**
 * The n8n side every node of this package shares: the transport on n8n's request helper, the
 * gateway chosen by the node's parameters, n8n errors, output items and option loaders. Nodes
 * import from here, never from another node's folder; the core and the adapters never import it.
 */
export { createGateway, type GatewayHandle } from './createGateway';
export { gatewayCredentials, gatewayNotices, gatewayProperty } from './gatewayFields';
export { getSenders, searchSenders } from './loadSenderOptions';
export { chosenOperation, operationFields, type NodeOperation } from './operations';
export { createN8nTransport, toTransportError } from './n8nTransport';
export { accountFailure, errorJson, gatewayApiError, invalidInputError } from './nodeErrors';
export { outputItem, recipientJson, statusJson } from './outputItems';
export {
	booleanFrom,
	choiceFrom,
	collectionFrom,
	matchingFrom,
	numberFrom,
	ownEntry,
	ParameterError,
	parameterNodeError,
	readParameter,
	shown,
	stopOnParameterError,
	stringFrom,
} from './readParameters';
export { redisTrackingCredential, storeChoice, trackingNodeCredentials, trackingStoreOption } from './trackingFields';
export { closeIdleTrackingStores, REDIS_CREDENTIAL, TRACKING_STORES, type TrackingStoreKind, withRedisConnection, withTrackingStore } from './trackingStore';
export { reachableRedisState, redisSharedState, type SharedState, withSharedState } from './sharedState';
export { trackingScope } from './trackingScope';
export { nodeParameter, runNode } from './runParameters';
export { checkLastValueStore, LAST_VALUE_STORES, type LastValueStoreKind, withLastValueStore } from './lastValueStore';
