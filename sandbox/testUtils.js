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

module.exports = { activeResourceCounts };
