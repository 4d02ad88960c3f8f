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
