'use strict';
/**
 * Faults a test asks for, consumed one request at a time.
 * A fault: { kind, path?, method?, times? (default 1), ...kind-specific fields }.
 * Generic kinds handled by the server: 'http' {status, body?, contentType?, retryAfter?},
 * 'html' {status?}, 'echo' {status?} (an error page showing the request's headers and body),
 * 'reset' (dropped before processing), 'resetAfterProcessing' (processed, answer lost),
 * 'delay' {ms} (processed, answer late), 'malformed' (answer cut in half).
 * Any other kind ('gateway' {code}, 'partial' {...}) is for the gateway's handler to interpret.
 */
class FaultQueue {
	constructor() {
		this.clear();
	}

	clear() {
		this.pending = [];
	}

	inject(fault) {
		this.pending.push({ times: 1, ...fault });
	}

	take(method, path) {
		const index = this.pending.findIndex(
			(f) => (!f.path || path === f.path || path.endsWith(f.path)) && (!f.method || f.method === method),
		);
		if (index < 0) return undefined;
		const fault = this.pending[index];
		fault.times -= 1;
		if (fault.times <= 0) this.pending.splice(index, 1);
		return fault;
	}
}

module.exports = { FaultQueue };
