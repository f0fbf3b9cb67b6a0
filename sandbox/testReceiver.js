// @ts-check
'use strict';
// A tiny webhook receiver for tests: records every request with its raw body bytes and can be told
// to fail the first N requests. JavaScript on purpose: TypeScript tests may not import `http`.

const http = require('http');

/**
 * @typedef {object} ReceivedRequest
 * @property {string} method
 * @property {string} path
 * @property {http.IncomingHttpHeaders} headers lower-case names
 * @property {string} rawBody exactly the bytes received (utf8)
 * @property {unknown} body parsed JSON, or null when not JSON
 * @property {number} status what the receiver answered
 */
/**
 * @typedef {object} Receiver
 * @property {string} url e.g. http://127.0.0.1:PORT/hook (any path is accepted)
 * @property {number} port
 * @property {ReceivedRequest[]} requests
 * @property {(n: number, status?: number) => void} failFirst answer `status` (default 500) to the next n requests
 * @property {(count: number, timeoutMs?: number) => Promise<ReceivedRequest[]>} waitFor resolves once count requests arrived
 * @property {() => Promise<void>} close
 */

/**
 * @param {{failFirst?: number, failStatus?: number, okStatus?: number}} [options]
 * @returns {Promise<Receiver>}
 */
async function startReceiver(options = {}) {
	let failLeft = options.failFirst ?? 0;
	let failStatus = options.failStatus ?? 500;
	const okStatus = options.okStatus ?? 200;
	/** @type {ReceivedRequest[]} */
	const requests = [];
	/** @type {Set<() => void>} */
	const waiters = new Set();
	/** @type {Set<import('net').Socket>} */
	const sockets = new Set();

	const server = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const rawBody = Buffer.concat(chunks).toString('utf8');
			let body = null;
			try {
				body = rawBody ? JSON.parse(rawBody) : null;
			} catch {
				body = null;
			}
			const status = failLeft > 0 ? failStatus : okStatus;
			if (failLeft > 0) failLeft--;
			requests.push({
				method: req.method ?? '',
				path: req.url ?? '',
				headers: req.headers,
				rawBody,
				body,
				status,
			});
			res.writeHead(status, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ received: status < 300 }));
			for (const w of [...waiters]) w();
		});
	});
	server.on('connection', (s) => {
		sockets.add(s);
		s.on('close', () => sockets.delete(s));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const port = /** @type {import('net').AddressInfo} */ (server.address()).port;

	return {
		url: `http://127.0.0.1:${port}/hook`,
		port,
		requests,
		failFirst(n, status = 500) {
			failLeft = n;
			failStatus = status;
		},
		waitFor(count, timeoutMs = 5000) {
			return new Promise((resolve, reject) => {
				if (requests.length >= count) return resolve(requests);
				const check = () => {
					if (requests.length >= count) {
						clearTimeout(timer);
						waiters.delete(check);
						resolve(requests);
					}
				};
				const timer = setTimeout(() => {
					waiters.delete(check);
					reject(
						new Error(`receiver got ${requests.length} of ${count} requests in ${timeoutMs} ms`),
					);
				}, timeoutMs);
				timer.unref();
				waiters.add(check);
			});
		},
		close() {
			return new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
				for (const s of sockets) s.destroy();
			});
		},
	};
}

module.exports = { startReceiver };
