/**
 * What a Billoget credential must look like before anything is sent, and what its connection test's
 * answers mean. One home for both: the nodes check a credential with the same rules as the Test button.
 */

export interface CredentialProblem {
	message: string;
	/** What to change. */
	fix: string;
}

/** Billoget keys start with bk_live_ or bk_test_; anything else is refused before a request. */
export const API_KEY_PREFIX = 'bk_';

export const DEFAULT_BASE_URL = 'https://api.billoget.com/v1';

export function apiKeyProblem(apiKey: unknown): CredentialProblem | undefined {
	const key = typeof apiKey === 'string' ? apiKey.trim() : '';
	if (key.startsWith(API_KEY_PREFIX)) return undefined;
	return {
		message: 'The API key in the Billoget credential is not a Billoget key',
		fix: 'Billoget API keys start with bk_live_ or bk_test_. Copy the key from Billoget → Settings → API Keys into the credential.',
	};
}

export function baseUrlProblem(baseUrl: unknown): CredentialProblem | undefined {
	const url = typeof baseUrl === 'string' ? baseUrl.trim() : '';
	if (/^https?:\/\/[^\s/]+[^\s]*$/i.test(url)) return undefined;
	return {
		message: 'The Base URL in the Billoget credential is not a URL',
		fix: `Set it to ${DEFAULT_BASE_URL} (or your Billoget sandbox URL, ending in /v1).`,
	};
}

/** The Base URL as requests are joined to it: trimmed, without trailing slashes. */
export function normaliseBaseUrl(baseUrl: string): string {
	return baseUrl.trim().replace(/\/+$/, '');
}

/** The one request the Test sends: one customer (needs only READ_CUSTOMERS). */
export const CONNECTION_TEST_PATH = '/api/public/customers';

export type ConnectionTestResult = { ok: true } | { ok: false; message: string };

/** Turns the Test request's HTTP answer into what to change. */
export function connectionAnswer(status: number, body: unknown): ConnectionTestResult {
	if (status >= 200 && status < 300) {
		const looksLikeList =
			Array.isArray(body) || (typeof body === 'object' && body !== null && 'data' in body);
		if (looksLikeList) return { ok: true };
		return {
			ok: false,
			message: `The Base URL answered, but not as the Billoget API (no customer list came back). The Base URL must be the Billoget API root ending in /v1, e.g. ${DEFAULT_BASE_URL}.`,
		};
	}
	switch (status) {
		case 401:
			return {
				ok: false,
				message:
					'Billoget did not accept this API key. Copy a current key (it starts with bk_live_ or bk_test_) from Billoget → Settings → API Keys, and check that the Base URL is the Billoget environment the key belongs to.',
			};
		case 403:
			return {
				ok: false,
				message:
					"Billoget refused the key: it lacks the READ_CUSTOMERS scope (the Test lists one customer), or this n8n's IP is not in the key's Allowed IPs. Edit the key in Billoget → Settings → API Keys.",
			};
		case 404:
			return {
				ok: false,
				message: `No Billoget API at this Base URL. The Base URL must end in /v1, e.g. ${DEFAULT_BASE_URL}.`,
			};
		case 429:
			return {
				ok: false,
				message: "The key's hourly request limit is used up. The key itself was accepted; test again after the reset.",
			};
		default:
			return {
				ok: false,
				message:
					status >= 500
						? `Billoget answered with an error (HTTP ${status}). The credential may be right; test again in a minute, and check Billoget's status if it persists.`
						: `Billoget answered HTTP ${status} to the connection test. Check the Base URL (the Billoget API root ending in /v1) and the key.`,
			};
	}
}

/** Turns a connection failure (no HTTP answer) into what to change, naming the host. */
export function unreachableMessage(code: string | undefined, baseUrl: string): string {
	let host = baseUrl;
	try {
		host = new URL(baseUrl).host;
	} catch {
		// Not a URL: name it as written.
	}
	switch (code) {
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return `n8n cannot find the host ${host} (${code}). Check the spelling of the Base URL, and n8n's DNS, network or proxy.`;
		case 'ECONNREFUSED':
			return `Nothing answers at ${host} (connection refused). Check the Base URL's host and port, and that the Billoget API (or sandbox) is running there.`;
		case 'ETIMEDOUT':
		case 'ECONNABORTED':
		case 'ESOCKETTIMEDOUT':
			return `The host ${host} did not answer in time (${code}). Check the Base URL, and n8n's network, firewall or proxy.`;
		case 'ECONNRESET':
			return `The host ${host} closed the connection (ECONNRESET). Check that the Base URL uses the right scheme (https:// or http://) and port.`;
		default:
			if (code && /CERT|SSL|TLS/i.test(code)) {
				return `The TLS certificate of ${host} was not accepted (${code}). Check the Base URL, or the certificate n8n trusts for that host.`;
			}
			return `n8n cannot reach the host ${host}${code ? ` (${code})` : ''}. Check the Base URL, and n8n's network or proxy.`;
	}
}
