import { GSM_ALPHANUMERIC_MAX, GSM_NUMERIC_MAX, type SenderRuleSet } from '../../core/sender/senderRules';

/**
 * integrationapi.net's `sourceAddress`: up to 11 Latin characters or up to 15 digits. Which
 * punctuation is allowed is not documented; these are a guess.
 */
export const DEVINO_SENDER_RULES: SenderRuleSet = {
	label: 'Devino',
	alphanumeric: { maxLength: GSM_ALPHANUMERIC_MAX, punctuation: '-_. ' },
	numeric: { maxDigits: GSM_NUMERIC_MAX },
};
