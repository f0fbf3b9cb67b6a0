#!/usr/bin/env node
// @ts-check
'use strict';
// `node sandbox/cli.js [--port 4010] [--host 127.0.0.1] [--seed demo|empty] [--dialect docs|sdk]
//  [--envelope docs|sdk] [--error-format docs|sdk] [--signature-prefix sha256=]`: runs the sandbox until
//  SIGINT/SIGTERM.

const { startSandbox, DEMO_KEYS } = require('./server');

/**
 * @param {string[]} argv
 * @returns {Record<string, string>}
 */
function parseArgs(argv) {
	/** @type {Record<string, string>} */
	const out = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = /** @type {string} */ (argv[i]);
		if (arg === '--help' || arg === '-h') {
			out.help = 'true';
			continue;
		}
		if (!arg.startsWith('--')) throw new Error(`unexpected argument: ${arg}`);
		const eq = arg.indexOf('=');
		if (eq > 0) out[arg.slice(2, eq)] = arg.slice(eq + 1);
		else {
			const value = argv[i + 1];
			if (value === undefined) throw new Error(`${arg} needs a value`);
			out[arg.slice(2)] = value;
			i++;
		}
	}
	return out;
}

const USAGE = `Usage: node sandbox/cli.js [--port 4010] [--host 127.0.0.1] [--seed demo|empty]
       [--dialect docs|sdk] [--envelope docs|sdk] [--error-format docs|sdk] [--signature-prefix sha256=]
Port also from BILLOGET_SANDBOX_PORT. Stops on Ctrl+C (SIGINT) or SIGTERM.`;

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if (args.help) {
		process.stdout.write(`${USAGE}\n`);
		return;
	}
	const portText = args.port ?? process.env.BILLOGET_SANDBOX_PORT ?? '4010';
	const port = Number(portText);
	if (!Number.isInteger(port) || port < 0 || port > 65535)
		throw new Error(`invalid port: ${portText}`);
	const seed = args.seed ?? 'demo';
	if (seed !== 'demo' && seed !== 'empty') throw new Error("--seed must be 'demo' or 'empty'");

	const dialect = args.dialect ?? 'docs';
	if (dialect !== 'docs' && dialect !== 'sdk') throw new Error("--dialect must be 'docs' or 'sdk'");

	const sb = await startSandbox({
		port,
		host: args.host ?? '127.0.0.1',
		seed,
		dialect,
		envelope: /** @type {'docs' | 'sdk' | undefined} */ (args.envelope),
		errorFormat: /** @type {'docs' | 'sdk' | undefined} */ (args['error-format']),
		signaturePrefix: /** @type {'' | 'sha256=' | undefined} */ (args['signature-prefix']),
	});

	let stopping = false;
	/** @param {NodeJS.Signals} signal */
	const shutdown = (signal) => {
		if (stopping) return;
		stopping = true;
		process.stdout.write(`\n${signal} received, stopping the sandbox...\n`);
		sb.stop().then(
			() => process.exit(0),
			(err) => {
				process.stderr.write(`error while stopping: ${err}\n`);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
	// The banner comes last: whoever waits for it may signal at once, and the handlers must be in place.
	process.stdout.write(
		[
			`Billoget sandbox listening (seed: ${seed}, dialect: ${dialect})`,
			`  Base URL:        ${sb.baseUrl}`,
			`  Admin:           ${sb.url}/__sandbox/health`,
			`  Full-access key: ${DEMO_KEYS.full}`,
			`  Read-only key:   ${DEMO_KEYS.readOnly}`,
			'Press Ctrl+C to stop.',
			'',
		].join('\n'),
	);
}

main().catch((err) => {
	process.stderr.write(`billoget sandbox: ${err instanceof Error ? err.message : err}\n${USAGE}\n`);
	process.exit(1);
});
