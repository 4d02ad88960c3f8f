import fc from 'fast-check';
import { checkDisplayable, describeValue, textFromValue } from '../../../../nodes/core/text/textRule';

describe('textFromValue', () => {
	test.each([
		['a string', 'Hi', 'Hi'],
		['a number', 42, '42'],
		['a fraction', 1.5, '1.5'],
		['nothing', undefined, ''],
		['null', null, ''],
	])('%s is a text', (_, value, text) => {
		expect(textFromValue(value, 'Text')).toEqual({ ok: true, text });
	});

	test.each([
		['an object', { a: 1 }, 'Text must be text, not an object'],
		['a list', ['a'], 'Text must be text, not a list (1 entries)'],
		['NaN', NaN, 'Text must be text, not NaN (not a number)'],
		['Infinity', Infinity, 'Text must be text, not the number Infinity'],
		['a boolean', true, 'Text must be text, not the boolean true'],
		['a date', new Date(0), 'Text must be text, not a date'],
	])('%s is refused by name, never as its String()', (_, value, message) => {
		expect(textFromValue(value, 'Text')).toEqual({ ok: false, message });
	});
});

describe('checkDisplayable', () => {
	test.each([
		['NUL only', '\u0000', /control character U\+0000 at position 1/],
		['controls only', '\u0001\u0002\u0007', /control character U\+0001/],
		['DEL', 'Hi\u007f', /control character U\+007F at position 3/],
		['a C1 control', 'Hi\u0085there', /U\+0085/],
		['direction marks only', '\u200e\u200f', /nothing a phone can show/],
		['zero-width spaces only', '\u200b\u200b', /nothing a phone can show/],
		['joiners only', '\u200d\u200c', /nothing a phone can show/],
		['a BOM and spaces', '\ufeff  ', /The text is empty/],
		['a lone high surrogate', 'Hi \ud800 there', /lone UTF-16 surrogate\) at position 4/],
		['a lone low surrogate', '\udc00', /lone UTF-16 surrogate/],
		['a surrogate pair cut short at the end', 'Hi \ud83d', /lone UTF-16 surrogate/],
		['U+FFFD', 'Caf\ufffd', /replacement character .* at position 4/],
		['spaces only', '   ', /The text is empty/],
		['nothing', '', /The text is empty/],
	])('refuses %s', (_, text, message) => {
		const check = checkDisplayable(text);
		expect(check.ok).toBe(false);
		expect(!check.ok && check.message).toMatch(message);
	});

	test.each([
		['an emoji sequence with ZWJ', '👨\u200d👩\u200d👧'],
		['Persian with ZWNJ', 'می\u200cخواهم'],
		['Hebrew with a direction mark', 'שלום \u200fworld'],
		['line breaks CR, LF, CRLF and a tab', 'a\rb\nc\r\nd\te'],
		['a form feed (GSM extension table)', 'page\fbreak'],
		['an astral emoji', '🥒'],
	])('keeps %s', (_, text) => {
		expect(checkDisplayable(text)).toEqual({ ok: true, text });
	});

	test('never throws, and whatever it accepts has a visible character and no lone surrogate', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
				const check = checkDisplayable(text);
				if (check.ok) {
					expect(check.text.replace(/[\s\p{Cf}\p{Cc}]/gu, '')).not.toBe('');
					expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(check.text)).toBe(false);
				}
			}),
		);
	});
});

test('describeValue never says [object Object]', () => {
	fc.assert(fc.property(fc.anything(), (value) => expect(describeValue(value)).not.toMatch(/object Object/)));
});
