/** Wall-clock times in IANA time zones, with the platform's Intl data (no library needed). */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** undefined when the zone is not one the platform knows ("Mars/Olympus", ""). */
export function knownTimeZone(timeZone: string): boolean {
	try {
		formatterFor(timeZone);
		return true;
	} catch {
		return false;
	}
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		// A handful of zones, but an expression could name many: keep the cache small.
		if (formatters.size >= 64) formatters.clear();
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/** How far the zone's wall clock is ahead of UTC at that instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
	const fields = formatterFor(timeZone).formatToParts(new Date(instant));
	const get = (type: string) => Number(fields.find((f) => f.type === type)?.value);
	const wallClock = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return wallClock - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall-clock time names in a zone (`wallClockAsUtc` is that wall clock read as if
 * it were UTC). Two rules for the hours a DST change makes odd, the same in every zone (and the
 * same as JavaScript's Temporal "compatible" and Luxon):
 * - a time that does not exist (the clock jumps 02:00 → 03:00) moves forward by the jump: 02:30 → 03:30;
 * - a time that exists twice (the clock goes back 03:00 → 02:00) is the earlier one.
 */
export function zonedWallClockToInstant(wallClockAsUtc: number, timeZone: string): number {
	const DAY = 86_400_000;
	const offsetBefore = offsetAt(wallClockAsUtc - DAY, timeZone);
	const offsetAfter = offsetAt(wallClockAsUtc + DAY, timeZone);
	const candidates = [...new Set([offsetBefore, offsetAfter])]
		.map((offset) => wallClockAsUtc - offset)
		.filter((instant) => instant + offsetAt(instant, timeZone) === wallClockAsUtc)
		.sort((a, b) => a - b);
	if (candidates.length > 0) return candidates[0];
	// In the gap: read the wall clock with the offset from before the jump, which lands after it.
	return wallClockAsUtc - offsetBefore;
}
