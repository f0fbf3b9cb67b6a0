/** A budget's public token, as the user gives it: the token itself or the budget's public link. */

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * The public token from a token or a public budget URL such as https://app.billoget.com/budget/<token>
 * (query and fragment ignored). Undefined when the result is not a valid token (letters, digits, - and
 * _, at most 100 characters).
 */
export function extractToken(raw: string): string | undefined {
	let text = raw.trim();
	if (/^https?:\/\//i.test(text)) {
		const path = text.replace(/^https?:\/\/[^/]*/i, '').replace(/[?#].*$/, '');
		const segments = path.split('/').filter((segment) => segment !== '');
		const marker = segments.findIndex((segment) => segment === 'budget' || segment === 'token');
		// After a /budget/ or /token/ segment, the next one (none after it: no token); else the last segment.
		const candidate = marker >= 0 ? segments[marker + 1] : segments[segments.length - 1];
		if (candidate === undefined) return undefined;
		try {
			text = decodeURIComponent(candidate);
		} catch {
			return undefined;
		}
	}
	return TOKEN_PATTERN.test(text) ? text : undefined;
}
