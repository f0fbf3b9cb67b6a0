/** Small HTTP helpers for the sandbox tests (global fetch; tests may not import `http`). */
import { DEMO_KEYS, startSandbox } from '../../sandbox/server';

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
export { DEMO_KEYS, startSandbox };

export interface CallResult {
	status: number;
	headers: Headers;
	/** Parsed JSON body ({} when the answer had no body). */
	json: Record<string, unknown>;
	text: string;
}

export interface CallOptions {
	/** API key; null sends no Authorization header. Default: the full-access demo key. */
	key?: string | null;
	body?: unknown;
	headers?: Record<string, string>;
	signal?: AbortSignal;
}

/** Calls the API (`path` relative to sb.baseUrl, or an absolute URL) and reads the JSON answer. */
export async function call(
	sb: Sandbox,
	method: string,
	path: string,
	options: CallOptions = {},
): Promise<CallResult> {
	const headers: Record<string, string> = { ...options.headers };
	const apiKey = options.key === undefined ? DEMO_KEYS.full : options.key;
	if (apiKey !== null) headers.authorization = `Bearer ${apiKey}`;
	let payload: string | undefined;
	if (options.body !== undefined) {
		headers['content-type'] = 'application/json';
		payload = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
	}
	const url = path.startsWith('http') ? path : `${sb.baseUrl}${path}`;
	const res = await fetch(url, { method, headers, body: payload, signal: options.signal });
	const text = await res.text();
	const json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
	return { status: res.status, headers: res.headers, json, text };
}

/** The `data` member of an answer, typed by the caller. */
export function dataOf<T>(r: CallResult): T {
	return r.json.data as T;
}

/** A controllable clock for startSandbox({ now }). */
export function fakeClock(startIso: string) {
	let ms = Date.parse(startIso);
	return {
		now: () => ms,
		advance(seconds: number) {
			ms += seconds * 1000;
		},
		set(iso: string) {
			ms = Date.parse(iso);
		},
	};
}

export const validBudget = (overrides: Record<string, unknown> = {}) => ({
	currency: 'ARS',
	issueDate: '2026-03-01',
	expirationDate: '2026-03-31',
	customerId: 1,
	sellerId: 1,
	minimumPaymentToConfirm: 3630,
	subtotal: 10000,
	iva: 2100,
	total: 12100,
	comments: 'Test budget',
	items: [
		{ productId: 4, quantity: 2, unitPrice: 3000 },
		{ productId: 11, quantity: 1, unitPrice: 4000 },
	],
	...overrides,
});
