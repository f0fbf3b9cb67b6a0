import {
	apiKeyProblem,
	baseUrlProblem,
	connectionAnswer,
	normaliseBaseUrl,
	unreachableMessage,
} from '../../nodes/Billoget/shared/credential';

describe('credential form (shared/credential.ts)', () => {
	it.each(['bk_live_abc', 'bk_test_abc', '  bk_live_abc  '])('accepts the key %p', (key) => {
		expect(apiKeyProblem(key)).toBeUndefined();
	});

	it.each(['sk_live_abc', '', '   ', 'BK_live_abc', 42, undefined, null])('refuses the key %p and says where keys start', (key) => {
		expect(apiKeyProblem(key)).toEqual({
			message: 'The API key in the Billoget credential is not a Billoget key',
			fix: expect.stringContaining('start with bk_live_ or bk_test_'),
		});
	});

	it.each(['https://api.billoget.com/v1', 'http://127.0.0.1:4010/v1', ' HTTPS://api.billoget.com/v1/ '])('accepts the Base URL %p', (url) => {
		expect(baseUrlProblem(url)).toBeUndefined();
	});

	it.each(['api.billoget.com/v1', 'ftp://api.billoget.com/v1', 'https://api billoget.com', 'https:///v1', '', 7, undefined])(
		'refuses the Base URL %p and names the default',
		(url) => {
			expect(baseUrlProblem(url)).toEqual({
				message: 'The Base URL in the Billoget credential is not a URL',
				fix: expect.stringContaining('https://api.billoget.com/v1'),
			});
		},
	);

	it('joins requests to the Base URL without its trailing slashes or spaces', () => {
		expect(normaliseBaseUrl('  https://api.billoget.com/v1//  ')).toBe('https://api.billoget.com/v1');
	});
});

describe('connection test answers (shared/credential.ts)', () => {
	it.each([
		[{ data: [], pagination: { page: 1, limit: 1, total: 0, hasMore: false } }],
		[{ data: { data: [], meta: { totalItems: 0 } } }],
		[[]],
	])('a 200 with a customer list in either envelope is a working credential', (body) => {
		expect(connectionAnswer(200, body)).toEqual({ ok: true });
	});

	it('a 200 that is not a list (a web page at the Base URL) says the Base URL is not the API', () => {
		const answer = connectionAnswer(200, '<html>Billoget</html>');
		expect(answer).toEqual({ ok: false, message: expect.stringContaining('not as the Billoget API') });
		expect(connectionAnswer(200, undefined).ok).toBe(false);
	});

	it.each([
		[401, /did not accept this API key.*bk_live_ or bk_test_/],
		[403, /READ_CUSTOMERS scope.*Allowed IPs/],
		[404, /No Billoget API at this Base URL\. The Base URL must end in \/v1/],
		[429, /hourly request limit is used up/],
		[503, /HTTP 503.*test again/],
		[400, /HTTP 400/],
	])('HTTP %i says what to change', (status, expected) => {
		const answer = connectionAnswer(status, { error: 'x' });
		expect(answer.ok).toBe(false);
		expect(answer.ok === false && answer.message).toMatch(expected);
	});

	it.each([
		['ENOTFOUND', /cannot find the host api\.billoget\.test \(ENOTFOUND\).*spelling/],
		['EAI_AGAIN', /cannot find the host api\.billoget\.test \(EAI_AGAIN\)/],
		['ECONNREFUSED', /Nothing answers at api\.billoget\.test \(connection refused\).*port/],
		['ETIMEDOUT', /did not answer in time \(ETIMEDOUT\)/],
		['ECONNABORTED', /did not answer in time \(ECONNABORTED\)/],
		['ECONNRESET', /closed the connection.*https:\/\/ or http:\/\//],
		['CERT_HAS_EXPIRED', /TLS certificate of api\.billoget\.test was not accepted \(CERT_HAS_EXPIRED\)/],
		['EHOSTUNREACH', /cannot reach the host api\.billoget\.test \(EHOSTUNREACH\)/],
		[undefined, /cannot reach the host api\.billoget\.test\. Check/],
	])('a connection failure %p names the host and the fix', (code, expected) => {
		expect(unreachableMessage(code, 'https://api.billoget.test/v1')).toMatch(expected);
	});

	it('names a Base URL that is not a URL as written', () => {
		expect(unreachableMessage('ENOTFOUND', 'not a url')).toContain('the host not a url');
	});
});
