/** The gateway cases every test shares, with ids typed as the end-to-end harness knows them. */
import { GATEWAY_CASES as CASES, type GatewayCase as Case } from '../../harness/gatewayCases';
import type { GatewayId } from './harness';

export type GatewayCase = Case<GatewayId>;
export const GATEWAY_CASES = CASES as GatewayCase[];
export { digits } from '../../harness/gatewayCases';
