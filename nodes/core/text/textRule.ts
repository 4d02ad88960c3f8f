/**
 * The one rule for what may be sent as an SMS text, applied to every message on every gateway.
 * It refuses, never repairs: a text that would arrive blank, damaged or with invisible control
 * bytes is the user's to fix, and silently changing it would send something nobody wrote.
 */

export type TextCheck = { ok: true; text: string } | { ok: false; message: string };

/**
 * The value a text parameter or field gave. Strings are texts; a finite number is written as
 * people write it (42, 1.5). Anything else (an object, an array, NaN, a boolean, a date) is
 * almost always a mapping mistake, and its String() ("[object Object]", "NaN") is not a message.
 */
export function textFromValue(value: unknown, label: string): TextCheck {
	if (value === undefined || value === null) return { ok: true, text: '' };
	if (typeof value === 'string') return { ok: true, text: value };
	if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, text: String(value) };
	if (typeof value === 'bigint') return { ok: true, text: value.toString() };
	return { ok: false, message: `${label} must be text, not ${describeValue(value)}` };
}

// C0 controls except TAB, LF, CR and FF (FF is in the GSM 03.38 extension table), DEL, and C1
// controls: no handset shows them, and a NUL can cut a message short at the operator's SMSC.
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/u;
// Anything but what leaves nothing on screen: white space, format characters (direction marks,
// zero-width space/joiners, BOM, soft hyphen…) and controls. Joiners are fine inside a text (emoji
// sequences, Persian), but a text of nothing else shows nothing. Looking for one visible character
// stops at the first (a text's first letter) instead of building the text without the others.
const VISIBLE = /[^\s\p{Cf}\p{Cc}]/u;
const REPLACEMENT_CHARACTER = '\ufffd';

/** Why no handset could show this text as written, or ok. Checked after Sanitize/Transliterate. */
export function checkDisplayable(text: string): TextCheck {
	if (text.trim() === '') return { ok: false, message: 'The text is empty' };
	const broken = loneSurrogateAt(text);
	if (broken !== undefined) {
		return { ok: false, message: `The text has a broken character (a lone UTF-16 surrogate) at position ${broken + 1}; it was damaged before it reached this node` };
	}
	const replaced = text.indexOf(REPLACEMENT_CHARACTER);
	if (replaced >= 0) {
		return {
			ok: false,
			message: `The text contains the replacement character "\ufffd" (U+FFFD) at position ${replaced + 1}: it was damaged (read in the wrong encoding) before it reached this node`,
		};
	}
	const control = CONTROL.exec(text);
	if (control) {
		return { ok: false, message: `The text contains the control character ${codePoint(control[0])} at position ${control.index + 1}, which no phone can show` };
	}
	if (!VISIBLE.test(text)) {
		return { ok: false, message: 'The text has nothing a phone can show: only spaces, direction marks or zero-width characters' };
	}
	return { ok: true, text };
}

function loneSurrogateAt(text: string): number | undefined {
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		if (unit >= 0xd800 && unit <= 0xdbff) {
			const next = text.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				i++;
				continue;
			}
			return i;
		}
		if (unit >= 0xdc00 && unit <= 0xdfff) return i;
	}
	return undefined;
}

function codePoint(character: string): string {
	return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A short description of a value of the wrong type, for messages; never "[object Object]". */
export function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return `a list (${value.length} entries)`;
	if (value instanceof Date) return 'a date';
	if (typeof value === 'number') return Number.isNaN(value) ? 'NaN (not a number)' : `the number ${value}`;
	if (typeof value === 'boolean') return `the boolean ${value}`;
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'function') return 'a function';
	return `a ${typeof value}`;
}
