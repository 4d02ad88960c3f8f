'use strict';
/**
 * What reached the "gateway": every request (so tests can count them) and every accepted message
 * (so tests can prove what was sent, and that nothing was sent twice).
 */
class Ledger {
	constructor() {
		this.clear();
	}

	clear() {
		this.requests = [];
		this.messages = [];
		this.nextId = 1000;
	}

	recordRequest(entry) {
		this.requests.push(entry);
		return entry;
	}

	newId() {
		return this.nextId++;
	}

	/**
	 * @param {{ id: string, to: string, text: string, sender?: string, parts: number, partIds?: string[],
	 *   acceptedAt: number, sendAt?: number, validityMinutes?: number, outcome: string, [k: string]: any }} message
	 */
	recordMessage(message) {
		this.messages.push(message);
		return message;
	}

	findMessage(id) {
		const key = String(id);
		return this.messages.find((m) => String(m.id) === key || (m.partIds && m.partIds.map(String).includes(key)));
	}

	/** Requests to gateway paths, ignoring any the test filters out. */
	countRequests(predicate = () => true) {
		return this.requests.filter(predicate).length;
	}

	toJSON() {
		return {
			requests: this.requests.map(({ method, path, at, fault, status }) => ({ method, path, at, fault, status })),
			messages: this.messages,
		};
	}
}

module.exports = { Ledger };
