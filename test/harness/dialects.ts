/**
 * The two readings of Billoget's API the sandbox serves: `docs` (the developer docs) and `sdk` (what
 * the official SDK expects: its list envelope, wrapped create answers, its query parameters only, its
 * errors). Suites that must give the right result under both run once per dialect.
 */
import { DIALECTS } from '../../sandbox/server';

export const SANDBOX_DIALECTS = DIALECTS;

export type SandboxDialect = (typeof DIALECTS)[number];

/** Sandbox options (start, configure, reset) for one dialect. */
export function dialectOptions(dialect: SandboxDialect) {
	return { dialect };
}
