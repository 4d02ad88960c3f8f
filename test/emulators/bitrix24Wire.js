'use strict';
/**
 * How Bitrix24 puts parameters on the wire: PHP-style bracket keys in form bodies and query strings
 * (`auth[access_token]=…`, `bindings[0][OWNER_ID]=98`), or a JSON body. Both directions: the emulator
 * reads REST calls with `parseParams` and writes handler and event calls with `toPhpForm`.
 * https://apidocs.bitrix24.com/settings/how-to-call-rest-api/data-encoding.html
 */

/** `a[b][0][c]` → ['a', 'b', '0', 'c']; a key without brackets is one segment. */
function keyPath(key) {
	const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
	if (!m) return [key];
	const rest = [...m[2].matchAll(/\[([^[\]]*)\]/g)].map((x) => x[1]);
	return [m[1], ...rest];
}

/** Reads `URLSearchParams` into the nested object PHP would build (`[]` appends). */
function fromSearchParams(params, into = {}) {
	for (const [key, value] of params) {
		const path = keyPath(key);
		let node = into;
		for (let i = 0; i < path.length; i++) {
			const last = i === path.length - 1;
			let segment = path[i];
			if (segment === '') segment = String(Object.keys(node).length);
			if (last) node[segment] = value;
			else {
				if (typeof node[segment] !== 'object' || node[segment] === null) node[segment] = {};
				node = node[segment];
			}
		}
	}
	return into;
}

/**
 * A REST call's parameters: query string, then the body (form or JSON) over it.
 * Returns `{ params }` or `{ error }` when the body cannot be read.
 */
function parseParams(query, headers, rawBody) {
	const params = fromSearchParams(query);
	if (rawBody.trim() === '') return { params };
	const type = String(headers['content-type'] ?? '');
	if (/application\/json/i.test(type)) {
		try {
			const body = JSON.parse(rawBody);
			if (!body || typeof body !== 'object' || Array.isArray(body)) return { error: 'Request body is not a JSON object' };
			return { params: { ...params, ...body } };
		} catch {
			return { error: 'Request body is not valid JSON' };
		}
	}
	return { params: fromSearchParams(new URLSearchParams(rawBody), params) };
}

/** The nested object as `application/x-www-form-urlencoded` with PHP bracket keys, in insertion order. */
function toPhpForm(value) {
	const pairs = [];
	const walk = (prefix, v) => {
		if (v === undefined || v === null) return;
		if (typeof v === 'object') {
			const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x]) : Object.entries(v);
			for (const [k, x] of entries) walk(prefix ? `${prefix}[${k}]` : k, x);
		} else pairs.push([prefix, String(v)]);
	};
	walk('', value);
	return new URLSearchParams(pairs).toString();
}

module.exports = { parseParams, toPhpForm, fromSearchParams };
