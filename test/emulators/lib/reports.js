'use strict';
/**
 * Delivery reports pushed by an emulator, as a gateway pushes them: every `tickMs` the reporter
 * looks at each message that has somewhere to report to, and when the message's status (computed
 * by ./progression.js from the emulator's clock, so advance() works too) has moved on since the
 * last report — in the gateway's own words, `wordOf(status)` — it POSTs the new status. The gateway file supplies `targetOf(message, config)`
 * (where to post, or nothing) and `bodyOf(reports)` → { contentType, body } for a list of
 * { message, status } going to one target.
 *
 * Fault: `config.lostReports` (recipients' digits) are never reported, as when a gateway's
 * report is lost on the way; a poller must then find their statuses itself.
 *
 * Delivery [guess: neither gateway documents retries]: a post answered with anything but 2xx, or
 * not answered within 5 s, is tried again on later ticks, at most `maxAttempts` times; every
 * attempt is kept in `log` ({ url, statuses, status, error, at }) so tests see what was posted.
 */
const { progressOf } = require('./progression');

const FINAL = new Set(['delivered', 'undelivered', 'expired', 'rejected', 'failed']);

function createReporter(state, { targetOf, bodyOf, wordOf = (status) => status, tickMs = 200, maxPerPost = 100, maxAttempts = 5 }) {
	const log = [];
	/** Messages that may still have a report to post; a gateway file adds each message it accepts with somewhere to report to. */
	const watched = new Set();
	/** message id → the status last reported successfully (or given up on). */
	const reported = new Map();
	const failures = new Map();
	let busy = false;
	const timer = setInterval(() => {
		if (busy) return;
		busy = true;
		tick().finally(() => {
			busy = false;
		});
	}, tickMs);
	timer.unref();

	async function tick() {
		const byTarget = new Map();
		const now = state.now();
		for (const message of watched) {
			const target = targetOf(message, state.config);
			// A report the gateway never sends (fault): config.lostReports lists recipients (digits).
			if (!target || (state.config.lostReports ?? []).includes(String(message.to).replace(/\D/g, ''))) continue;
			const status = progressOf(message, now, state.config);
			if (FINAL.has(status) && reported.get(message.id) === wordOf(status)) {
				watched.delete(message);
				continue;
			}
			// A change only the emulator sees (scheduled → queued are one word to SMS-assistent) is no report.
			if (wordOf(status) === (reported.get(message.id) ?? wordOf(initialStatus(message)))) continue;
			const list = byTarget.get(target) ?? [];
			list.push({ message, status });
			byTarget.set(target, list);
		}
		const perPost = typeof maxPerPost === 'function' ? maxPerPost(state.config) : maxPerPost;
		for (const [url, reports] of byTarget) {
			for (let i = 0; i < reports.length; i += perPost) await post(url, reports.slice(i, i + perPost));
		}
	}

	async function post(url, reports) {
		const { contentType, body } = bodyOf(reports, state.config);
		const entry = { url, statuses: reports.map((r) => ({ id: r.message.id, status: r.status })), at: state.now() };
		log.push(entry);
		try {
			const response = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body, signal: AbortSignal.timeout(5000) });
			entry.status = response.status;
			await response.arrayBuffer();
			if (response.ok) {
				for (const r of reports) reported.set(r.message.id, wordOf(r.status));
				return;
			}
		} catch (error) {
			entry.error = String(error && error.message);
		}
		for (const r of reports) {
			const attempts = (failures.get(r.message.id) ?? 0) + 1;
			failures.set(r.message.id, attempts);
			if (attempts >= maxAttempts) reported.set(r.message.id, wordOf(r.status));
		}
	}

	return {
		log,
		watch(message) {
			watched.add(message);
		},
		/** Resolves once every message with a target has been reported in its current status. */
		async settled(timeoutMs = 30000) {
			const until = Date.now() + timeoutMs;
			for (;;) {
				const now = state.now();
				const lost = new Set((state.config.lostReports ?? []).map(String));
				const open = [...watched].filter((m) => targetOf(m, state.config) && !lost.has(String(m.to).replace(/\D/g, '')) && wordOf(progressOf(m, now, state.config)) !== (reported.get(m.id) ?? wordOf(initialStatus(m))));
				if (open.length === 0 && !busy) return;
				if (Date.now() > until) throw new Error(`${open.length} reports still open`);
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
		},
		clear() {
			log.length = 0;
			watched.clear();
			reported.clear();
			failures.clear();
		},
		stop() {
			clearInterval(timer);
		},
	};
}

/** The status a message had when it was accepted: not reported (the send's answer said it). */
function initialStatus(message) {
	return message.sendAt && message.sendAt > message.acceptedAt ? 'scheduled' : 'queued';
}

module.exports = { createReporter };
