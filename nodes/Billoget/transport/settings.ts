/** Transport settings of one run: the node's Request Options over these defaults (see ./client.ts). */
export interface TransportSettings {
	/** Per-request timeout. */
	timeoutMs: number;
	/** Retries of 5xx answers and lost connections (where retrying is safe). */
	maxRetries: number;
	/** How many 429 answers in a row may be waited out. */
	maxRateLimitRetries: number;
	/** The longest single wait for a rate-limit reset; longer waits fail with the reset time instead. */
	maxRateLimitWaitMs: number;
	now: () => number;
}

export const DEFAULT_SETTINGS: TransportSettings = {
	timeoutMs: 30_000,
	maxRetries: 3,
	maxRateLimitRetries: 5,
	maxRateLimitWaitMs: 60_000,
	now: () => Date.now(),
};
