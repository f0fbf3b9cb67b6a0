// @ts-check
'use strict';
/**
 * Hostile deliveries for the Billoget Trigger, generated from a seed so every run sends the same
 * sequence: random and mutated bytes, invalid JSON, huge bodies, wrong content types, signatures of
 * the wrong length or with non-hex characters, header case variations and repeated headers, with
 * genuine signed deliveries interleaved.
 *
 * Used by the engine fuzz test (test/engine/trigger-fuzz.test.ts, through n8n-core's WebhookContext)
 * and by the end-to-end suite against real n8n over HTTP (test/e2e/triggerFuzz.js).
 *
 * Each case says what must happen:
 *  - 'run'        a fresh, correctly signed delivery of a selected event: exactly one execution;
 *  - 'duplicate'  the same delivery id again (a replay or a re-signed resend): answered 200, no execution;
 *  - 'ignored'    correctly signed, but an event the trigger does not listen to: 200, no execution;
 *  - 'reject'     anything else: refused (401 from the node; n8n itself may refuse earlier with another
 *                 4xx, e.g. 413 over its payload limit or 422 for JSON it cannot parse), no execution.
 */
const { createHmac } = require('node:crypto');

/** n8n's default N8N_PAYLOAD_SIZE_MAX: 16 MiB. */
const N8N_PAYLOAD_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * @typedef {'run' | 'duplicate' | 'ignored' | 'reject'} Expectation
 * @typedef {{
 *   n: number,
 *   kind: string,
 *   expect: Expectation,
 *   body: Buffer,
 *   headers: Array<[string, string]>,
 *   deliveryId?: string,
 * }} FuzzCase
 */

/** Mulberry32: a small, fast PRNG; the same seed gives the same sequence. @param {number} seed */
function prng(seed) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		/** @param {number} n @returns {number} 0 ≤ value < n */
		int: (n) => Math.floor(next() * n),
		/** @template T @param {readonly T[]} list @returns {T} */
		pick: (list) => list[Math.floor(next() * list.length)],
		/** @param {number} n */
		bytes: (n) => {
			const out = Buffer.alloc(n);
			for (let i = 0; i < n; i++) out[i] = Math.floor(next() * 256);
			return out;
		},
		/** @param {number} n */
		hex: (n) => {
			let out = '';
			for (let i = 0; i < n; i++) out += '0123456789abcdef'[Math.floor(next() * 16)];
			return out;
		},
	};
}

/** @param {string} secret @param {Buffer | string} body */
function sign(secret, body) {
	return createHmac('sha256', secret).update(body).digest('hex');
}

/**
 * The headers object Node's HTTP server (and so n8n's `req.headers`) builds from raw header lines:
 * names lower-cased; a repeated header joined with ", ", except the few Node keeps only once
 * (content-type, authorization, user-agent, …), set-cookie (a list) and cookie (joined with "; ").
 * @param {Array<[string, string]>} raw
 * @returns {Record<string, string>}
 */
function toNodeHeaders(raw) {
	const keepFirst = new Set([
		'age', 'authorization', 'content-length', 'content-type', 'etag', 'expires', 'from', 'host',
		'if-modified-since', 'if-unmodified-since', 'last-modified', 'location', 'max-forwards',
		'proxy-authorization', 'referer', 'retry-after', 'server', 'user-agent',
	]);
	/** @type {Record<string, string>} */
	const headers = {};
	for (const [rawName, value] of raw) {
		const name = rawName.toLowerCase();
		if (!(name in headers)) headers[name] = value;
		else if (keepFirst.has(name)) continue;
		else headers[name] = `${headers[name]}${name === 'cookie' ? '; ' : ', '}${value}`;
	}
	return headers;
}

/**
 * @param {{
 *   seed: number,
 *   count: number,
 *   secret: string,
 *   event?: string,
 *   ignoredEvent?: string,
 *   validEvery?: number,
 *   hugeEvery?: number,
 *   payloadLimitBytes?: number,
 *   now?: () => number,
 * }} options
 *   validEvery: one fresh genuine delivery every that many cases; hugeEvery: one huge body (alternately
 *   just under and just over the payload limit) every that many cases.
 * @returns {Generator<FuzzCase>}
 */
function* fuzzDeliveries(options) {
	const {
		seed,
		count,
		secret,
		event = 'budget.approved',
		ignoredEvent = 'customer.deleted',
		validEvery = 100,
		hugeEvery = 2500,
		payloadLimitBytes = N8N_PAYLOAD_LIMIT_BYTES,
		now = () => Date.now(),
	} = options;
	const rnd = prng(seed);
	const otherSecret = `whsec_${prng(seed ^ 0x5eed).hex(48)}`;
	/** @type {Array<{body: Buffer, signature: string, deliveryId: string}>} */
	const genuine = [];
	let serial = 0;
	let huge = 0;

	/** @param {Partial<Record<string, unknown>>} [overrides] */
	const payload = (overrides = {}) => {
		serial += 1;
		const deliveryId = `dlv_fuzz_${seed}_${serial}`;
		return {
			event,
			timestamp: new Date(now()).toISOString(),
			data: { id: 1000 + serial, budgetNumber: `P-${serial}`, state: 1, total: rnd.int(10_000_00) / 100, customerName: 'Fuzz Ltd' },
			metadata: { source: 'api', version: '1.4.0', delivery_id: deliveryId },
			...overrides,
		};
	};
	/** @param {unknown} value */
	const bytesOf = (value) => Buffer.from(JSON.stringify(value), 'utf8');
	/** @param {string} signature @param {string} [contentType] @returns {Array<[string, string]>} */
	const headersWith = (signature, contentType = 'application/json') => [
		['Content-Type', contentType],
		['User-Agent', 'Billoget-Webhooks/1.0'],
		['X-Billoget-Event', event],
		['X-Billoget-Signature', signature],
	];
	/** A correctly signed delivery of the selected event. */
	const signed = () => {
		const value = payload();
		const body = bytesOf(value);
		return { body, signature: sign(secret, body), deliveryId: value.metadata.delivery_id };
	};
	/** A genuine delivery that is sent as is, remembered for replays and mutations. */
	const fresh = () => {
		const record = signed();
		genuine.push(record);
		return record;
	};
	/** A genuine delivery to mutate (one already delivered, or a new one never sent as is). */
	const template = () => (genuine.length > 0 && rnd.next() < 0.5 ? rnd.pick(genuine) : signed());
	/**
	 * Genuine deliveries a replay may copy: the ten before the newest. Never the newest, so that a
	 * concurrent sender has had it answered (and its id saved) long before; never old ones, so that
	 * the replay is still inside the timestamp tolerance and is refused as a repeat, not as stale.
	 */
	const replayable = () => genuine.slice(-11, -1);
	/** A 64-digit hex string that is not `right`, whatever the case. @param {string} right */
	const wrongHex = (right) => {
		let value = rnd.hex(64);
		while (value === right.toLowerCase()) value = rnd.hex(64);
		return value;
	};
	/** Replaces 1–3 characters of a signature with non-hex ones. @param {string} sig */
	const nonHex = (sig) => {
		const chars = sig.split('');
		const junk = ['g', 'z', 'G', 'x', '-', '+', ' ', '=', '.', '/', '%', 'ñ', '\u00ff'];
		for (let k = 0, m = 1 + rnd.int(3); k < m; k++) chars[rnd.int(chars.length)] = rnd.pick(junk);
		return chars.join('');
	};
	/** @param {Buffer} body */
	const flipBytes = (body) => {
		const out = Buffer.from(body);
		for (let k = 0, m = 1 + rnd.int(3); k < m; k++) {
			const at = rnd.int(out.length);
			out[at] = out[at] ^ (1 + rnd.int(255));
		}
		return out;
	};
	/** A random JSON value, a few levels deep. @param {number} depth @returns {unknown} */
	const randomJson = (depth) => {
		const kind = rnd.int(depth > 2 ? 4 : 6);
		if (kind === 0) return rnd.int(1e9) - 5e8;
		if (kind === 1) return rnd.hex(rnd.int(20));
		if (kind === 2) return rnd.pick([true, false, null]);
		if (kind === 3) return rnd.next() * 1e6;
		if (kind === 4) return Array.from({ length: rnd.int(4) }, () => randomJson(depth + 1));
		/** @type {Record<string, unknown>} */
		const obj = {};
		for (let k = 0, m = rnd.int(5); k < m; k++) obj[rnd.pick(['event', 'timestamp', 'data', 'metadata', '__proto__', 'constructor', rnd.hex(4)])] = randomJson(depth + 1);
		return obj;
	};

	/** @type {Record<string, () => Omit<FuzzCase, 'n' | 'kind'>>} */
	const hostile = {
		'random bytes': () => ({
			expect: 'reject',
			body: rnd.bytes(rnd.int(4096)),
			headers: headersWith(rnd.pick([rnd.hex(64), `sha256=${rnd.hex(64)}`, rnd.hex(rnd.int(100))])),
		}),
		'random JSON, forged signature': () => {
			const body = bytesOf(randomJson(0));
			return { expect: 'reject', body, headers: headersWith(sign(otherSecret, body)) };
		},
		'invalid JSON, forged signature': () => {
			const t = template();
			const text = t.body.toString('utf8');
			const cut = text.slice(0, 1 + rnd.int(text.length - 2));
			const body = Buffer.from(rnd.pick([cut, `${text},`, text.replace(/"/g, "'"), `{${text}`, `NaN${text}`]), 'utf8');
			return { expect: 'reject', body, headers: headersWith(rnd.hex(64)) };
		},
		'invalid JSON, correctly signed': () => {
			const body = Buffer.from(rnd.pick(['{', '{"event":', '{"event":"budget.approved",}', "{'a':1}", '\u0000\u0001', `{"event":"${event}"`]), 'utf8');
			return { expect: 'reject', body, headers: headersWith(sign(secret, body)) };
		},
		'not an object, correctly signed': () => {
			const body = Buffer.from(rnd.pick(['[]', '[{"event":"budget.approved"}]', '"budget.approved"', '42', 'null', 'true', '']), 'utf8');
			return { expect: 'reject', body, headers: headersWith(sign(secret, body)) };
		},
		'stale or missing timestamp, correctly signed': () => {
			const skew = rnd.pick([-1, 1]) * (301 + rnd.int(86_400)) * 1000;
			const timestamp = rnd.pick([new Date(now() + skew).toISOString(), undefined, 'yesterday', '', 0, '2026-13-45T99:99:99Z']);
			const body = bytesOf(payload({ timestamp }));
			return { expect: 'reject', body, headers: headersWith(sign(secret, body)) };
		},
		'body bytes flipped, genuine signature': () => {
			const t = template();
			return { expect: 'reject', body: flipBytes(t.body), headers: headersWith(t.signature) };
		},
		'body re-serialised or extended, genuine signature': () => {
			const t = template();
			const value = JSON.parse(t.body.toString('utf8'));
			const text = rnd.pick([JSON.stringify(value, null, 2), `${t.body.toString('utf8')}\n`, ` ${t.body.toString('utf8')}`, JSON.stringify({ ...value, data: { ...value.data, total: 0 } })]);
			return { expect: 'reject', body: Buffer.from(text, 'utf8'), headers: headersWith(t.signature) };
		},
		'signature of the wrong length': () => {
			const t = template();
			const sig = rnd.next() < 0.5 ? t.signature.slice(0, rnd.int(64)) : `${t.signature}${rnd.hex(1 + rnd.int(64))}`;
			return { expect: 'reject', body: t.body, headers: headersWith(rnd.next() < 0.5 ? sig : `sha256=${sig}`) };
		},
		'signature with non-hex characters': () => {
			const t = template();
			return { expect: 'reject', body: t.body, headers: headersWith(nonHex(t.signature)) };
		},
		'signature with another secret': () => {
			const t = template();
			return { expect: 'reject', body: t.body, headers: headersWith(sign(otherSecret, t.body)) };
		},
		'signature in another format': () => {
			const t = template();
			const sig = rnd.pick([
				'',
				'sha256=',
				`sha1=${rnd.hex(40)}`,
				`sha512=${rnd.hex(128)}`,
				`sha256 = ${wrongHex(t.signature)}`,
				`sha256=${wrongHex(t.signature)},sha256=${wrongHex(t.signature)}`,
				Buffer.from(t.signature, 'hex').toString('base64'),
				`v1=${t.signature}`,
				rnd.hex(2048),
			]);
			return { expect: 'reject', body: t.body, headers: headersWith(sig) };
		},
		'no signature header': () => {
			const t = template();
			return { expect: 'reject', body: t.body, headers: headersWith('').filter(([name]) => name !== 'X-Billoget-Signature') };
		},
		'repeated signature header': () => {
			const t = signed(); // never delivered as a single, valid request
			const forged = wrongHex(t.signature);
			const pair = rnd.pick([[t.signature, forged], [forged, t.signature], [t.signature, t.signature]]);
			/** @type {Array<[string, string]>} */
			const headers = [...headersWith(pair[0]), [rnd.pick(['X-Billoget-Signature', 'x-billoget-signature']), pair[1]]];
			return { expect: 'reject', body: t.body, headers };
		},
		'header name case, forged signature': () => {
			const t = template();
			const name = rnd.pick(['x-billoget-signature', 'X-BILLOGET-SIGNATURE', 'x-Billoget-Signature', 'X-billoget-SIGNATURE']);
			/** @type {Array<[string, string]>} */
			const headers = [['content-type', 'application/json'], [name, wrongHex(t.signature)]];
			return { expect: 'reject', body: t.body, headers };
		},
		'wrong content type, forged signature': () => {
			const t = template();
			const type = rnd.pick(['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'text/html', 'application/octet-stream', 'application/json; charset=utf-16', 'multipart/form-data; boundary=fuzz']);
			return { expect: 'reject', body: t.body, headers: headersWith(wrongHex(t.signature), type) };
		},
		'signature for another delivery': () => {
			const a = template();
			const b = signed();
			return { expect: 'reject', body: a.body, headers: headersWith(b.signature) };
		},
		'genuine delivery sent again': () => {
			const recent = replayable();
			if (recent.length === 0) return hostile['random bytes']();
			const t = rnd.pick(recent);
			return { expect: 'duplicate', body: t.body, headers: headersWith(t.signature), deliveryId: t.deliveryId };
		},
		'same delivery id, signed again': () => {
			const recent = replayable();
			if (recent.length === 0) return hostile['random bytes']();
			const t = rnd.pick(recent);
			const value = JSON.parse(t.body.toString('utf8'));
			const body = bytesOf({ ...value, timestamp: new Date(now()).toISOString(), data: { ...value.data, resent: true } });
			return { expect: 'duplicate', body, headers: headersWith(sign(secret, body)), deliveryId: t.deliveryId };
		},
		'event not selected, correctly signed': () => {
			const body = bytesOf(payload({ event: ignoredEvent }));
			return { expect: 'ignored', body, headers: headersWith(sign(secret, body)) };
		},
	};
	const hostileKinds = Object.keys(hostile);

	for (let n = 1; n <= count; n++) {
		if (n % validEvery === 0) {
			const t = fresh();
			// Every other genuine delivery spells the signature header in another case: still valid.
			const name = (n / validEvery) % 2 === 0 ? 'X-Billoget-Signature' : rnd.pick(['x-billoget-signature', 'X-BILLOGET-SIGNATURE', 'x-Billoget-signature']);
			/** @type {Array<[string, string]>} */
			const headers = headersWith(t.signature).map(([k, v]) => (k === 'X-Billoget-Signature' ? [name, v] : [k, v]));
			yield { n, kind: 'genuine delivery', expect: 'run', body: t.body, headers, deliveryId: t.deliveryId };
		} else if (n % hugeEvery === Math.floor(hugeEvery / 2)) {
			huge += 1;
			const over = huge % 2 === 0;
			const size = over ? payloadLimitBytes + 1 + rnd.int(1024) : payloadLimitBytes - 1 - rnd.int(1024);
			// A JSON object padded to the size: parseable by n8n, forged signature.
			const head = Buffer.from('{"event":"budget.approved","data":{"pad":"', 'utf8');
			const tail = Buffer.from('"}}', 'utf8');
			const body = Buffer.alloc(size, 0x61);
			head.copy(body, 0);
			tail.copy(body, size - tail.length);
			yield { n, kind: over ? 'huge body over the payload limit' : 'huge body just under the payload limit', expect: 'reject', body, headers: headersWith(rnd.hex(64)) };
		} else {
			const kind = rnd.pick(hostileKinds);
			yield { n, kind, ...hostile[kind]() };
		}
	}
}

module.exports = { fuzzDeliveries, toNodeHeaders, sign, prng, N8N_PAYLOAD_LIMIT_BYTES };
