'use strict';
/**
 * The core alone: how fast phone normalization and part counting run, on recipients generated
 * the way people type them. Uses the built core (dist/), the code n8n runs.
 */
const path = require('node:path');

/** Deterministic (seeded) so runs compare. */
function random(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

/** Per country: mobile operator codes and the ways people type such numbers. */
const COUNTRIES = {
	BY: {
		operators: ['29', '33', '44'],
		formats: [
			(op, n) => `+375 ${op} ${n.slice(0, 3)}-${n.slice(3, 5)}-${n.slice(5)}`,
			(op, n) => `8 (0${op}) ${n.slice(0, 3)}-${n.slice(3, 5)}-${n.slice(5)}`,
			(op, n) => `375${op}${n}`,
		],
	},
	UA: {
		operators: ['50', '67', '93', '63', '97'],
		formats: [(op, n) => `+380 ${op} ${n.slice(0, 3)} ${n.slice(3, 5)} ${n.slice(5)}`, (op, n) => `0${op}${n}`],
	},
	RU: {
		operators: ['912', '926', '903', '999'],
		formats: [(op, n) => `+7 (${op}) ${n.slice(0, 3)}-${n.slice(3, 5)}-${n.slice(5)}`, (op, n) => `8${op}${n}`],
	},
};
const COUNTRY_MIX = ['BY', 'BY', 'BY', 'UA', 'UA', 'RU'];
const WORDS = ['Your', 'order', 'is', 'ready', 'Ваш', 'заказ', 'готов', 'к', 'выдаче', 'code', '4711', 'Дзякуй', 'pickup', '—', 'today'];

const pick = (next, list) => list[Math.floor(next() * list.length)];

function generatePhones(count, seed = 42) {
	const next = random(seed);
	const recipients = new Array(count);
	for (let i = 0; i < count; i++) {
		const country = pick(next, COUNTRY_MIX);
		const { operators, formats } = COUNTRIES[country];
		const subscriber = String(2000000 + Math.floor(next() * 7999999));
		const latinOnly = next() < 0.5;
		const words = [];
		const length = 3 + Math.floor(next() * 60);
		for (let w = 0; w < length; w++) {
			const word = pick(next, WORDS);
			words.push(latinOnly && /[^\x20-\x7e]/.test(word) ? 'ok' : word);
		}
		recipients[i] = { phone: pick(next, formats)(pick(next, operators), subscriber), country, text: words.join(' ') };
	}
	return recipients;
}

function benchCore(distDir, recipients) {
	const { normalizePhone } = require(path.join(distDir, 'nodes/core/phone/normalizePhone'));
	const { analyzeText } = require(path.join(distDir, 'nodes/core/text/analyzeText'));
	const steps = [];
	const time = (name, fn) => {
		const started = process.hrtime.bigint();
		const result = fn();
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		steps.push({ name, ms, perSecond: recipients.length / (ms / 1000), result });
	};
	time('normalizePhone (libphonenumber-js, mobile check)', () => {
		let valid = 0;
		for (const r of recipients) if (normalizePhone(r.phone, { defaultCountry: r.country, requireMobile: true }).ok) valid += 1;
		return valid;
	});
	time('analyzeText (encoding, characters, parts)', () => {
		let parts = 0;
		for (const r of recipients) parts += analyzeText(r.text).parts;
		return parts;
	});
	return { count: recipients.length, steps };
}

module.exports = { generatePhones, benchCore };
