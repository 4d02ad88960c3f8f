import { GSM_ALPHANUMERIC_MAX, GSM_NUMERIC_MAX, type SenderRuleSet } from '../../core/sender/senderRules';

/** Not documented (A1 publishes its API only with the contract): the GSM industry rule, a guess. */
export const A1_SENDER_RULES: SenderRuleSet = {
	label: 'A1',
	alphanumeric: { maxLength: GSM_ALPHANUMERIC_MAX, punctuation: '', anyPrintableAscii: true },
	numeric: { maxDigits: GSM_NUMERIC_MAX },
};
