'use strict';
/**
 * How many SMS parts a text takes, counted by the emulator itself (sms-segments-calculator), never
 * taken from the client. A bulk package repeats one text many times; counting it once keeps big
 * packages fast.
 */
const { SegmentedMessage } = require('sms-segments-calculator');

const cache = new Map();

function partsOf(text) {
	let parts = cache.get(text);
	if (parts === undefined) {
		parts = new SegmentedMessage(text).segmentsCount;
		if (cache.size > 1000) cache.clear();
		cache.set(text, parts);
	}
	return parts;
}

module.exports = { partsOf };
