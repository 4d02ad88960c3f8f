import { normalizePhone } from '../../nodes/core/phone/normalizePhone';
import type { PhoneOptions, PhoneResult } from '../../nodes/core/phone/PhoneResult';

/** A later occurrence of an accepted number carries the index of its first occurrence. */
export type PhoneListEntry = PhoneResult & { duplicateOf?: number };

/** One entry per input, in input order; duplicates are reported, not dropped, so nothing goes missing. */
export function normalizePhoneList(inputs: string[], options?: PhoneOptions): PhoneListEntry[] {
	const firstIndexOf = new Map<string, number>();
	return inputs.map((input, index): PhoneListEntry => {
		const result = normalizePhone(input, options);
		if (!result.ok) return result;
		const first = firstIndexOf.get(result.e164);
		if (first !== undefined) return { ...result, duplicateOf: first };
		firstIndexOf.set(result.e164, index);
		return result;
	});
}
