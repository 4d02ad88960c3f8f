'use strict';
/**
 * Status of a message at a moment: queued (or scheduled) until it is due, then sent, then its
 * final outcome. Timings come from the emulator's config so tests can move the clock instead of
 * waiting: config.sentAfterMs (default 1000), config.finalAfterMs (default 3000).
 * Returns one of: scheduled, queued, sent, delivered, undelivered, expired, rejected.
 */
function progressOf(message, now, config) {
	const start = message.sendAt && message.sendAt > message.acceptedAt ? message.sendAt : message.acceptedAt;
	if (now < start) return 'scheduled';
	const elapsed = now - start;
	if (elapsed < (config.sentAfterMs ?? 1000)) return 'queued';
	if (elapsed < (config.finalAfterMs ?? 3000)) return 'sent';
	return message.outcome ?? 'delivered';
}

module.exports = { progressOf };
