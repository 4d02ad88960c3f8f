import { GSM_ALPHANUMERIC_MAX, GSM_NUMERIC_MAX, type SenderRuleSet } from '../../core/sender/senderRules';

/** Not documented (https://smsclub.mobi/en/api says only "alphanumeric sender name"): the GSM industry rule, a guess. */
export const SMSCLUB_SENDER_RULES: SenderRuleSet = {
	label: 'SMSClub',
	alphanumeric: { maxLength: GSM_ALPHANUMERIC_MAX, punctuation: '', anyPrintableAscii: true },
	numeric: { maxDigits: GSM_NUMERIC_MAX },
};
