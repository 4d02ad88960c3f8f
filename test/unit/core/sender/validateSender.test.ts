import fc from 'fast-check';
import { validateSender as validateWithRules, type SenderValidation } from '../../../../nodes/core/sender/validateSender';
import { findGatewayDefinition } from '../../../../nodes/gateways/registry';

/** Checks against the rules the gateway's definition declares. */
function validateSender(sender: string, gatewayId: string): SenderValidation {
	const definition = findGatewayDefinition(gatewayId);
	if (!definition) throw new Error(`no gateway "${gatewayId}" in the registry`);
	return validateWithRules(sender, definition.senderRules);
}

function messageOf(sender: string, rules: string): string {
	const result = validateSender(sender, rules);
	if (result.ok) throw new Error(`expected ${JSON.stringify(sender)} to be rejected for ${rules}`);
	return result.message;
}

// SMS-assistent's API description, section 1.1, in the order it lists them.
const SMS_ASSISTENT_SPECIAL = [...`_%#@!*()-.;?'&<>+=:`];

describe('validateSender: SMS-assistent', () => {
	it.each(['CMC', 'SMS-assist', 'notdefault', 'MyShop', 'myshop', 'Shop_2024ab', 'A', 'x1'])('accepts %j as it is', (sender) => {
		expect(validateSender(sender, 'smsAssistent')).toEqual({ ok: true, sender });
	});

	it.each(SMS_ASSISTENT_SPECIAL)('accepts the special character %j', (character) => {
		expect(validateSender(`Ab${character}c`, 'smsAssistent')).toEqual({ ok: true, sender: `Ab${character}c` });
	});

	it('accepts every allowed special character in one name of 11', () => {
		expect(validateSender('A_%#@!*()-.', 'smsAssistent')).toMatchObject({ ok: true });
		expect(validateSender("B;?'&<>+=:", 'smsAssistent')).toMatchObject({ ok: true });
	});

	it('trims surrounding whitespace and keeps case', () => {
		expect(validateSender('  MyShop\t', 'smsAssistent')).toEqual({ ok: true, sender: 'MyShop' });
	});

	it.each([' ', '$', '/', ',', '"', '[', ']', '{', '~', '^', '\\', '|', '`', '€', 'é'])('rejects the character %j', (character) => {
		expect(messageOf(`Ab${character}c`, 'smsAssistent')).toMatch(/not allowed \(allowed: Latin letters a-z A-Z, digits 0-9 and /);
	});

	it('names the forbidden character', () => {
		expect(messageOf('My$hop', 'smsAssistent')).toBe(
			`Sender "My$hop" is not valid for SMS-assistent: character '$' not allowed ` +
				`(allowed: Latin letters a-z A-Z, digits 0-9 and '_' '%' '#' '@' '!' '*' '(' ')' '-' '.' ';' '?' "'" '&' '<' '>' '+' '=' ':')`,
		);
		expect(messageOf('My Shop', 'smsAssistent')).toContain('character U+0020 (space) not allowed');
	});

	it('says when a name is typed in Cyrillic, and suggests the Latin look-alike', () => {
		const message = messageOf('СМС', 'smsAssistent');
		expect(message).toContain("'С', 'М' are Cyrillic letters; sender names must use Latin letters");
		expect(message).toContain('did you mean "CMC" in Latin letters?');
		expect(validateSender('CMC', 'smsAssistent')).toMatchObject({ ok: true });
	});

	it('does not suggest a look-alike when some Cyrillic letter has none', () => {
		const message = messageOf('Магазин', 'smsAssistent');
		expect(message).toContain('Cyrillic');
		expect(message).not.toContain('did you mean');
	});

	it('rejects names longer than 11 characters, saying how long they are', () => {
		expect(validateSender('ABCDEFGHIJK', 'smsAssistent')).toMatchObject({ ok: true });
		expect(messageOf('ABCDEFGHIJKL', 'smsAssistent')).toBe(
			'Sender "ABCDEFGHIJKL" is not valid for SMS-assistent: too long: 12 characters, max 11',
		);
	});

	it('rejects numeric senders, which the API withdrew', () => {
		expect(messageOf('375291234567', 'smsAssistent')).toContain('it is numeric');
		expect(messageOf('123456789', 'smsAssistent')).toContain('allows only text sender names');
		expect(messageOf('12-34', 'smsAssistent')).toContain('it has no Latin letter');
	});

	it('reports every problem at once', () => {
		const message = messageOf('Магазин$ 2024 года', 'smsAssistent');
		expect(message).toContain('Cyrillic');
		expect(message).toContain("'$'");
		expect(message).toContain('too long: 18 characters, max 11');
	});

	it.each(['', '   ', '\t\n'])('rejects the empty sender %j', (sender) => {
		expect(messageOf(sender, 'smsAssistent')).toBe('Sender name is empty; SMS-assistent needs a sender name');
	});
});

describe('validateSender: Devino', () => {
	it.each(['Devino', 'My-Shop_1.', 'My Shop', 'ABCDEFGHIJK', '79214563763', '123456789012345'])('accepts %j', (sender) => {
		expect(validateSender(sender, 'devino')).toEqual({ ok: true, sender });
	});

	it('rejects a numeric sender of more than 15 digits', () => {
		expect(messageOf('1234567890123456', 'devino')).toBe(
			'Sender "1234567890123456" is not valid for Devino: too long: 16 digits, max 15 for a numeric sender',
		);
	});

	it('rejects an alphanumeric sender of more than 11 characters', () => {
		expect(messageOf('ABCDEFGHIJ12', 'devino')).toContain('too long: 12 characters, max 11');
		expect(messageOf('+79214563763', 'devino')).toContain("character '+' not allowed");
	});

	it.each(['@', '!', '#', '&', 'é'])('rejects the character %j', (character) => {
		expect(messageOf(`Shop${character}`, 'devino')).toContain('not allowed');
	});

	it('says when a name is typed in Cyrillic', () => {
		expect(messageOf('СМС', 'devino')).toContain('Cyrillic');
	});
});

describe.each(['smsClub', 'a1'] as const)('validateSender: %s (GSM rule)', (rules) => {
	it.each(['SMSClub', 'A1', 'Shop!$', 'My Shop #1', '~[x]{y}|^', '380989361131', '123456789012345'])('accepts %j', (sender) => {
		expect(validateSender(sender, rules)).toEqual({ ok: true, sender });
	});

	it('rejects names longer than 11 characters and numbers longer than 15 digits', () => {
		expect(messageOf('ABCDEFGHIJKL', rules)).toContain('too long: 12 characters, max 11');
		expect(messageOf('1234567890123456', rules)).toContain('too long: 16 digits, max 15 for a numeric sender');
	});

	it.each(['é', 'Ñ', '€', '\u00a0', '\u0007'])('rejects the non-ASCII or control character %j', (character) => {
		expect(messageOf(`Shop${character}x`, rules)).toContain('not allowed (allowed: printable ASCII characters)');
	});

	it('says when a name is typed in Cyrillic', () => {
		expect(messageOf('Клуб', rules)).toContain('Cyrillic');
	});

	it('rejects an empty sender', () => {
		expect(validateSender(' ', rules)).toMatchObject({ ok: false });
	});
});

describe('validateSender properties', () => {
	const rules = fc.constantFrom('smsAssistent', 'devino', 'smsClub', 'a1');

	it('never throws; an accepted sender is the trimmed input, at most 15 characters of printable ASCII', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.stringMatching(/^[ -~]{0,16}$/)), rules, (sender, ruleSet) => {
				const result = validateSender(sender, ruleSet);
				if (!result.ok) {
					expect(result.message.length).toBeGreaterThan(0);
					return;
				}
				expect(result.sender).toBe(sender.trim());
				expect(result.sender).toMatch(/^[ -~]{1,15}$/);
			}),
			{ numRuns: 500 },
		);
	});
});
