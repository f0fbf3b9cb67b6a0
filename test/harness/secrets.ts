/**
 * Secrets never leave the node: every workflow run, trigger answer and n8n log line that the harness
 * sees is scanned for the API keys and signing secrets the tests used. A hit fails the test.
 */
import { ErrorReporter } from 'n8n-core';
import { LoggerProxy } from 'n8n-workflow';
import type { Logger } from 'n8n-workflow';

const secrets = new Set<string>();
const logLines: string[] = [];

function record(level: string) {
	return (message: string, meta?: object) => {
		logLines.push(`${level} ${message} ${meta ? safeStringify(meta) : ''}`);
	};
}

LoggerProxy.init({
	error: record('error'),
	warn: record('warn'),
	info: record('info'),
	debug: record('debug'),
	scoped: () => undefined,
} as unknown as Logger);

// n8n-core reports a failed node to its ErrorReporter, which prints it with n8n's own logger (the
// console): those reports go into the scan instead.
ErrorReporter.prototype.error = function reportForScan(error: unknown): void {
	const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : safeStringify(error);
	logLines.push(`error-report ${text}`);
};

export function registerSecret(...values: Array<string | undefined | null>): void {
	for (const value of values) if (value && value.length >= 8) secrets.add(value);
}

export function safeStringify(value: unknown): string {
	const seen = new WeakSet<object>();
	try {
		return JSON.stringify(value, (_key, v: unknown) => {
			if (typeof v === 'object' && v !== null) {
				if (seen.has(v)) return '[circular]';
				seen.add(v);
			}
			if (typeof v === 'bigint') return v.toString();
			return v;
		});
	} catch {
		return String(value);
	}
}

/** Throws when anything given (or any log line since the last check) contains a registered secret. */
export function assertNoSecrets(where: string, ...values: unknown[]): void {
	const texts = [...values.map((v) => (typeof v === 'string' ? v : safeStringify(v))), ...logLines.splice(0)];
	for (const secret of secrets) {
		for (const text of texts) {
			if (text.includes(secret)) {
				throw new Error(`${where} contains a secret (${secret.slice(0, 6)}…): it must never appear in output, errors or logs`);
			}
		}
	}
}

/** Log lines captured since the last check (for tests that assert a warning was logged). */
export function takeLogLines(): string[] {
	return [...logLines];
}
