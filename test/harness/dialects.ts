/**
 * The two readings of Billoget's API the sandbox serves: `docs` (the developer docs' envelopes and
 * errors) and `sdk` (what the official SDK expects). Suites run once per dialect.
 */
export const SANDBOX_DIALECTS = ['docs', 'sdk'] as const;

export type SandboxDialect = (typeof SANDBOX_DIALECTS)[number];

/** Sandbox options for one dialect. */
export function dialectOptions(dialect: SandboxDialect) {
	return { envelope: dialect, errorFormat: dialect };
}
