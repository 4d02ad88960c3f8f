/** Belarus has kept UTC+3 all year since 2011, so a fixed offset is exact (no DST tables needed). */
const MINSK_OFFSET_MS = 3 * 60 * 60_000;
const MINUTE_MS = 60_000;

/**
 * `date_send` as the API wants it: YYYYMMDDHHMM on Minsk's wall clock. Seconds are rounded UP to
 * the next minute, so the gateway never sees a time earlier than the one that passed our lead check.
 */
export function formatDateSend(date: Date): string {
	const minute = Math.ceil(date.getTime() / MINUTE_MS) * MINUTE_MS;
	const minsk = new Date(minute + MINSK_OFFSET_MS);
	const pad = (n: number) => String(n).padStart(2, '0');
	return (
		String(minsk.getUTCFullYear()) +
		pad(minsk.getUTCMonth() + 1) +
		pad(minsk.getUTCDate()) +
		pad(minsk.getUTCHours()) +
		pad(minsk.getUTCMinutes())
	);
}

/** The instant a `date_send` value stands for; undefined when it is not a real YYYYMMDDHHMM. */
export function parseDateSend(value: string): Date | undefined {
	const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
	if (!match) return undefined;
	const [y, mo, d, h, mi] = match.slice(1).map(Number);
	const wallClock = Date.UTC(y, mo - 1, d, h, mi);
	const check = new Date(wallClock);
	if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || check.getUTCHours() !== h || check.getUTCMinutes() !== mi) {
		return undefined;
	}
	return new Date(wallClock - MINSK_OFFSET_MS);
}
