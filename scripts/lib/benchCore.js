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

const FORMATS = [
	(d) => `+375 ${d.slice(0, 2)} ${d.slice(2, 5)}-${d.slice(5, 7)}-${d.slice(7)}`,
	(d) => `8 (0${d.slice(0, 2)}) ${d.slice(2, 5)}-${d.slice(5, 7)}-${d.slice(7)}`,
	(d) => `375${d}`,
	(d) => `+380 ${d.slice(0, 2)} ${d.slice(2, 5)} ${d.slice(5, 7)} ${d.slice(7)}`.replace('+380 29', '+380 50'),
	(d) => `0${d.slice(0, 2).replace('29', '67')}${d.slice(2)}`,
	(d) => `+7 (9${d.slice(0, 2)}) ${d.slice(2, 5)}-${d.slice(5, 7)}-${d.slice(7)}`,
];
const COUNTRIES = ['BY', 'BY', 'BY', 'UA', 'UA', 'RU'];
const OPERATORS = ['29', '33', '44', '25'];
const WORDS = ['Your', 'order', 'is', 'ready', 'Ваш', 'заказ', 'готов', 'к', 'выдаче', 'code', '4711', 'Дзякуй', 'pickup', '—', 'today'];

function generatePhones(count, seed = 42) {
	const next = random(seed);
	const recipients = new Array(count);
	for (let i = 0; i < count; i++) {
		const format = Math.floor(next() * FORMATS.length);
		const digits = OPERATORS[Math.floor(next() * OPERATORS.length)] + String(Math.floor(next() * 1e7)).padStart(7, '0');
		const words = [];
		const length = 3 + Math.floor(next() * 60);
		const latinOnly = next() < 0.5;
		for (let w = 0; w < length; w++) {
			let word = WORDS[Math.floor(next() * WORDS.length)];
			if (latinOnly && /[^\x20-\x7e]/.test(word)) word = 'ok';
			words.push(word);
		}
		recipients[i] = { phone: FORMATS[format](digits), country: COUNTRIES[format], text: words.join(' ') };
	}
	return recipients;
}

function benchCore(distDir, recipients) {
	const { normalizePhone } = require(path.join(distDir, 'nodes/shared/phone/normalizePhone'));
	const { analyzeText } = require(path.join(distDir, 'nodes/shared/text/analyzeText'));
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
