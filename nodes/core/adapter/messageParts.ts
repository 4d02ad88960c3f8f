import { analyzeText } from '../text/analyzeText';
import type { OutgoingSms } from './GatewayAdapter';

/**
 * The parts one outgoing message is billed as: what prepareMessage already counted (the node
 * always says), or, for a caller that did not, counted here.
 */
export function partsOf(message: Pick<OutgoingSms, 'text' | 'parts'>): number {
	return message.parts ?? analyzeText(message.text).parts;
}
