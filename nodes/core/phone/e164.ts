/** The digits of an E.164 number, as most gateways want it: '+375291234567' → '375291234567'. */
export function e164Digits(e164: string): string {
	return e164.startsWith('+') ? e164.slice(1) : e164;
}
