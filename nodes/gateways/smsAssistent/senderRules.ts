import type { SenderRuleSet } from '../../core/sender/senderRules';

/**
 * SMS-assistent's API description, section 1.1: up to 11 Latin letters, digits and the listed
 * punctuation; case matters. Its version history (v1_0311/14, v1_3009/15) dropped numeric senders
 * and allows only text names, which we read as "at least one Latin letter".
 */
export const SMS_ASSISTENT_SENDER_RULES: SenderRuleSet = {
	label: 'SMS-assistent',
	alphanumeric: { maxLength: 11, punctuation: "_%#@!*()-.;?'&<>+=:", requiresLetter: true },
	numeric: { forbidden: 'SMS-assistent allows only text sender names (numeric ones were withdrawn in API v1_3009/15)' },
};
