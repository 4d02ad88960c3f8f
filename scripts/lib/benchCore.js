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

/** The issue-14 target for prepareMessage (phone + text + sender) per recipient, on Node 24. */
const TARGET_RECIPIENTS_PER_SECOND = 150_000;

/**
 * Each step over the same recipients, best of `rounds` (the machine is shared: the best round is
 * the one least disturbed). Steps: libphonenumber-js alone (parse with the max metadata, isValid,
 * getType: the floor any normalization built on it pays), normalizePhone, analyzeText, and
 * prepareMessage (phone + text + sender + schedule and validity checks) with a text per recipient,
 * and with one campaign text for the batch (as Send Batch prepares it, with the run's memo).
 */
function benchCore(distDir, recipients, rounds = 3) {
	const { parsePhoneNumberFromString } = require(path.join(distDir, '..', 'node_modules/libphonenumber-js/max'));
	const { normalizePhone } = require(path.join(distDir, 'nodes/core/phone/normalizePhone'));
	const { analyzeText } = require(path.join(distDir, 'nodes/core/text/analyzeText'));
	const { prepareMessage, newRunMemo } = require(path.join(distDir, 'nodes/core/message/prepareMessage'));
	const { findGatewayDefinition } = require(path.join(distDir, 'nodes/gateways/registry'));
	const definition = findGatewayDefinition('smsAssistent');
	const now = new Date();
	const settingsOf = (r) => ({ sanitize: true, transliterate: 'off', defaultCountry: r.country });
	const settings = new Map(Object.keys(COUNTRIES).map((country) => [country, settingsOf({ country })]));
	const campaign = 'Your order is ready for pickup. Thank you for shopping with us!';
	const prepareAll = (textOf) => {
		const context = { definition, limits: definition.limits, now, timeZone: 'Europe/Minsk', memo: newRunMemo() };
		let ok = 0;
		recipients.forEach((r, itemIndex) => {
			if (prepareMessage({ itemIndex, to: r.phone, text: textOf(r), sender: 'MyShop', settings: settings.get(r.country) }, context).ok) ok += 1;
		});
		return ok;
	};
	const steps = [];
	const time = (name, fn, extra = {}) => {
		let best = Infinity;
		let result;
		for (let round = 0; round < rounds; round++) {
			const started = process.hrtime.bigint();
			result = fn();
			best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
		}
		steps.push({ name, ms: best, perSecond: recipients.length / (best / 1000), result, ...extra });
	};
	time('libphonenumber-js alone (max metadata: parse, isValid, getType)', () => {
		let mobile = 0;
		for (const r of recipients) {
			const phone = parsePhoneNumberFromString(r.phone, r.country);
			if (phone && phone.isValid() && phone.getType() === 'MOBILE') mobile += 1;
		}
		return mobile;
	}, { key: 'libphonenumber' });
	time('normalizePhone (libphonenumber-js, mobile check)', () => {
		let valid = 0;
		for (const r of recipients) if (normalizePhone(r.phone, { defaultCountry: r.country, requireMobile: true }).ok) valid += 1;
		return valid;
	}, { key: 'normalizePhone' });
	time('analyzeText (encoding, characters, parts)', () => {
		let parts = 0;
		for (const r of recipients) parts += analyzeText(r.text).parts;
		return parts;
	}, { key: 'analyzeText' });
	time('prepareMessage, a text per recipient (phone + text + sender)', () => prepareAll((r) => r.text), { key: 'prepareDistinct', target: TARGET_RECIPIENTS_PER_SECOND });
	time('prepareMessage, one campaign text (as Send Batch runs it)', () => prepareAll(() => campaign), { key: 'prepareCampaign', target: TARGET_RECIPIENTS_PER_SECOND });
	return { count: recipients.length, node: process.version, steps };
}

module.exports = { generatePhones, benchCore, TARGET_RECIPIENTS_PER_SECOND };

// `node benchCore.js <dist> <count>`: run under another Node (the n8n runtime's) and print JSON.
if (require.main === module) {
	const [distDir, count] = process.argv.slice(2);
	process.stdout.write(JSON.stringify(benchCore(path.resolve(distDir), generatePhones(Number(count)))));
}
