/** Starting the Billoget sandbox for a test suite, and reading what it received. */
import { DEMO_KEYS, startSandbox } from '../../sandbox/server';

export const DEMO_KEY = DEMO_KEYS.full;
export const READ_ONLY_KEY = DEMO_KEYS.readOnly;

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
export type SandboxOptions = Parameters<typeof startSandbox>[0];

export { startSandbox };

export interface LoggedRequest {
	method: string;
	path: string;
	query: Record<string, unknown>;
	body: unknown;
	status: number;
	fault?: string;
}

/** Requests the sandbox received after `mark` (a previous `sb.requests.length`). */
export function requestsSince(sb: Sandbox, mark: number): LoggedRequest[] {
	return (sb.requests as unknown as LoggedRequest[]).slice(mark);
}

/** "GET /v1/api/public/customers" lines, for compact assertions on what was sent. */
export function requestLines(requests: LoggedRequest[]): string[] {
	return requests.map((r) => `${r.method} ${r.path}`);
}

export function credentialsFor(sb: Sandbox, apiKey: string = DEMO_KEY) {
	return { apiKey, baseUrl: sb.baseUrl };
}

/**
 * The readings of the Billoget API the sandbox serves (see sandbox/README.md, "Dialects"). Engine
 * suites run once per dialect with `describe.each(DIALECTS)`, so the node is checked against both.
 */
export { DIALECTS } from '../../sandbox/server';
export type Dialect = 'docs' | 'sdk';
