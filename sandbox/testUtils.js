// @ts-check
'use strict';
// Helpers for TypeScript tests that may not touch `process` themselves (n8n lint rules).

/**
 * Counts of the process's active resources by type (TCPServerWrap, TCPSocketWrap, Timeout, ...),
 * so a test can check that stop() left nothing behind.
 * @returns {Record<string, number>}
 */
function activeResourceCounts() {
	/** @type {Record<string, number>} */
	const counts = {};
	for (const name of process.getActiveResourcesInfo()) counts[name] = (counts[name] ?? 0) + 1;
	return counts;
}

/**
 * Runs `node sandbox/cli.js <args>` on a free port, stops it (SIGTERM) once it has printed its banner,
 * and resolves with its exit code and output. For the CLI's own tests.
 * @param {string[]} args
 * @param {number} [timeoutMs]
 * @returns {Promise<{code: number | null, signal: NodeJS.Signals | null, out: string, err: string}>}
 */
function runCli(args, timeoutMs = 25000) {
	const { spawn } = require('child_process');
	const path = require('path');
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [path.join(__dirname, 'cli.js'), '--port', '0', ...args], {
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let out = '';
		let err = '';
		let stopping = false;
		// A generous bound for a loaded machine, restarted once the banner is out (for the stop).
		let timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.stdout.on('data', (chunk) => {
			out += chunk.toString();
			if (!stopping && out.includes('Press Ctrl+C')) {
				stopping = true;
				clearTimeout(timer);
				timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
				child.kill('SIGTERM');
			}
		});
		child.stderr.on('data', (chunk) => (err += chunk.toString()));
		// 'close', not 'exit': every byte of the output has been read by then.
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({ code, signal, out, err });
		});
	});
}

module.exports = { activeResourceCounts, runCli };
