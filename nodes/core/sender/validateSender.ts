import { latinLookalike } from './latinLookalike';
import { listCharacters, quoteCharacter } from '../text/quoteCharacter';
import type { SenderRuleSet } from './senderRules';

export type SenderValidation = { ok: true; sender: string } | { ok: false; message: string };

/** Checks a sender name against one gateway's rules. Trims surrounding whitespace, keeps case, never throws. */
export function validateSender(sender: string, ruleSet: SenderRuleSet): SenderValidation {
	const trimmed = typeof sender === 'string' ? sender.trim() : '';
	if (trimmed === '') return { ok: false, message: `Sender name is empty; ${ruleSet.label} needs a sender name` };

	const problems = /^\d+$/.test(trimmed) ? numericProblems(trimmed, ruleSet) : alphanumericProblems(trimmed, ruleSet);
	if (problems.length === 0) return { ok: true, sender: trimmed };
	return { ok: false, message: `Sender "${trimmed}" is not valid for ${ruleSet.label}: ${problems.join('; ')}` };
}

function numericProblems(sender: string, { numeric }: SenderRuleSet): string[] {
	if ('forbidden' in numeric) return [`it is numeric, and ${numeric.forbidden}`];
	if (sender.length > numeric.maxDigits) {
		return [`too long: ${sender.length} digits, max ${numeric.maxDigits} for a numeric sender`];
	}
	return [];
}

function alphanumericProblems(sender: string, { alphanumeric: rules, label }: SenderRuleSet): string[] {
	const characters = [...sender];
	const disallowed = [...new Set(characters.filter((character) => !isAllowed(character, rules)))];
	const cyrillic = disallowed.filter((character) => /\p{Script=Cyrillic}/u.test(character));
	const other = disallowed.filter((character) => !cyrillic.includes(character));
	const problems: string[] = [];

	if (cyrillic.length > 0) {
		const suggestion = latinLookalike(sender);
		const hint = suggestion !== undefined && suggestion !== sender ? ` (did you mean "${suggestion}" in Latin letters?)` : '';
		problems.push(`${listCharacters(cyrillic)} ${cyrillic.length === 1 ? 'is a Cyrillic letter' : 'are Cyrillic letters'}; sender names must use Latin letters${hint}`);
	}
	if (other.length > 0) {
		problems.push(`${other.length === 1 ? 'character' : 'characters'} ${listCharacters(other)} not allowed (allowed: ${describeAllowed(rules)})`);
	}
	if (characters.length > rules.maxLength) {
		problems.push(`too long: ${characters.length} characters, max ${rules.maxLength}`);
	}
	if (rules.requiresLetter && cyrillic.length === 0 && !/[A-Za-z]/.test(sender)) {
		problems.push(`it has no Latin letter, and ${label} allows only text sender names`);
	}
	return problems;
}

function isAllowed(character: string, rules: SenderRuleSet['alphanumeric']): boolean {
	if (rules.anyPrintableAscii) return /^[\x20-\x7e]$/.test(character);
	return /^[A-Za-z0-9]$/.test(character) || rules.punctuation.includes(character);
}

function describeAllowed(rules: SenderRuleSet['alphanumeric']): string {
	if (rules.anyPrintableAscii) return 'printable ASCII characters';
	const punctuation = [...rules.punctuation].map(quoteCharacter).join(' ');
	return punctuation === '' ? 'Latin letters a-z A-Z and digits 0-9' : `Latin letters a-z A-Z, digits 0-9 and ${punctuation}`;
}
