import { createHmac, randomBytes } from 'crypto';

import {
	DEFAULT_TOLERANCE_SECONDS,
	REJECTION_MESSAGES,
	SIGNATURE_HEADER,
	checkTimestamp,
	computeSignature,
	parseSignatureHeader,
	parseTimestamp,
	verifyDelivery,
	verifySignature,
} from '../../nodes/Billoget/shared/signature';

const SECRET = `whsec_${randomBytes(24).toString('hex')}`;
const NOW = Date.parse('2026-11-25T12:00:00.000Z');

function payload(overrides: Record<string, unknown> = {}): string {
	return JSON.stringify({
		event: 'budget.approved',
		timestamp: '2026-11-25T11:59:30.000Z',
		data: { id: 7, state: 1 },
		metadata: { source: 'api', version: '1.4.0', delivery_id: 'dlv_1' },
		...overrides,
	});
}

function hmac(body: string | Buffer, secret = SECRET): string {
	return createHmac('sha256', secret).update(body).digest('hex');
}

describe('computeSignature', () => {
	it('is the lowercase hex HMAC-SHA256 of the bytes', () => {
		const body = payload();
		expect(computeSignature(SECRET, body)).toBe(hmac(body));
		expect(computeSignature(SECRET, Buffer.from(body))).toMatch(/^[0-9a-f]{64}$/);
	});
});

/**
 * Known answers, computed once outside this code with OpenSSL, e.g.
 *   printf '%s' '<body>' | openssl dgst -sha256 -hmac 'whsec_known_answer_vectors' -r
 * (printf '' for the empty body). The last vector is RFC 4231's test case 2.
 */
describe('known-answer vectors', () => {
	const VECTOR_KEY = 'whsec_known_answer_vectors';
	const DELIVERY =
		'{"event":"budget.approved","timestamp":"2026-11-25T11:59:30.000Z","data":{"id":7,"state":1},"metadata":{"source":"api","version":"1.4.0","delivery_id":"dlv_kat_1"}}';
	const UTF8 = '{"data":{"name":"María Núñez","total":1.50}}';
	const vectors: Array<[string, string, string]> = [
		[VECTOR_KEY, DELIVERY, 'f28db5708605484518f6e414b252758b58676531e50543303a433eaf93fa04c4'],
		[VECTOR_KEY, UTF8, '2c2e7b70fd3c1b969ed8e57a4391a90bbb78ab4ba003881d71db5058fca32d63'],
		[VECTOR_KEY, '', 'b706a3793fe7c3601e6f3a4a73aca0fbbcbba807223547c732b91053227b6a66'],
		['Jefe', 'what do ya want for nothing?', '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'],
	];

	it.each(vectors)('computes the digest of a body with secret %p', (secret, body, digest) => {
		expect(computeSignature(secret, body)).toBe(digest);
		expect(computeSignature(secret, Buffer.from(body, 'utf8'))).toBe(digest);
	});

	it.each(vectors)('verifies the known digest in every accepted spelling (secret %p)', (secret, body, digest) => {
		const forms = [digest, digest.toUpperCase(), `sha256=${digest}`, `SHA256=${digest}`, `Sha256=${digest.toUpperCase()}`, ` ${digest}\t`];
		for (const header of forms) {
			expect(verifySignature(secret, Buffer.from(body, 'utf8'), header)).toEqual({ valid: true });
		}
		const flipped = `${digest.slice(0, 63)}${digest[63] === '0' ? '1' : '0'}`;
		expect(verifySignature(secret, body, flipped)).toEqual({ valid: false, reason: 'mismatch' });
	});

	it('accepts the known delivery within the window and returns its payload', () => {
		const result = verifyDelivery({
			secret: VECTOR_KEY,
			rawBody: Buffer.from(DELIVERY),
			signature: 'sha256=f28db5708605484518f6e414b252758b58676531e50543303a433eaf93fa04c4',
			nowMs: NOW,
			toleranceSeconds: 300,
		});
		expect(result).toEqual({ valid: true, payload: JSON.parse(DELIVERY) });
	});

	it('signs the UTF-8 bytes: the Latin-1 bytes of the same text do not verify', () => {
		expect(verifySignature(VECTOR_KEY, Buffer.from(UTF8, 'latin1'), vectors[1][2])).toEqual({ valid: false, reason: 'mismatch' });
	});
});

describe('parseSignatureHeader', () => {
	const hex = hmac('x');

	it('accepts lowercase, uppercase and sha256= prefixed digests', () => {
		expect(parseSignatureHeader(hex)?.toString('hex')).toBe(hex);
		expect(parseSignatureHeader(hex.toUpperCase())?.toString('hex')).toBe(hex);
		expect(parseSignatureHeader(`sha256=${hex}`)?.toString('hex')).toBe(hex);
		expect(parseSignatureHeader(`SHA256=${hex.toUpperCase()}`)?.toString('hex')).toBe(hex);
		expect(parseSignatureHeader(`  ${hex}  `)?.toString('hex')).toBe(hex);
	});

	it('refuses anything that is not one 64-digit hex digest', () => {
		for (const bad of [
			'',
			hex.slice(0, 63),
			hex.slice(0, 32),
			`${hex}0`,
			`sha1=${hex}`,
			`sha256:${hex}`,
			`${hex}, ${hex}`,
			`t=1,v1=${hex}`,
			Buffer.from(hex, 'hex').toString('base64'),
			'z'.repeat(64),
		]) {
			expect(parseSignatureHeader(bad)).toBeUndefined();
		}
		expect(parseSignatureHeader(undefined)).toBeUndefined();
		expect(parseSignatureHeader([hex])).toBeUndefined();
		expect(parseSignatureHeader(42)).toBeUndefined();
	});
});

describe('verifySignature', () => {
	const body = payload();

	it('accepts the right signature in every accepted spelling', () => {
		expect(verifySignature(SECRET, body, hmac(body))).toEqual({ valid: true });
		expect(verifySignature(SECRET, body, hmac(body).toUpperCase())).toEqual({ valid: true });
		expect(verifySignature(SECRET, body, `sha256=${hmac(body)}`)).toEqual({ valid: true });
		expect(verifySignature(SECRET, Buffer.from(body), hmac(body))).toEqual({ valid: true });
	});

	it('names why a signature is refused', () => {
		expect(verifySignature(undefined, body, hmac(body))).toEqual({ valid: false, reason: 'no-secret' });
		expect(verifySignature('', body, hmac(body))).toEqual({ valid: false, reason: 'no-secret' });
		expect(verifySignature(SECRET, body, undefined)).toEqual({ valid: false, reason: 'missing' });
		expect(verifySignature(SECRET, body, '')).toEqual({ valid: false, reason: 'missing' });
		expect(verifySignature(SECRET, body, hmac(body).slice(0, 40))).toEqual({ valid: false, reason: 'malformed' });
		expect(verifySignature(SECRET, body, hmac(body, `${SECRET}x`))).toEqual({ valid: false, reason: 'mismatch' });
		expect(verifySignature(SECRET, `${body} `, hmac(body))).toEqual({ valid: false, reason: 'mismatch' });
	});

	it('verifies the raw bytes, not a re-serialisation of the JSON', () => {
		const raw = '{ "event" : "budget.approved",\n  "data": {"total": 1.50, "name": "Ma\\u00eda"} }';
		expect(JSON.stringify(JSON.parse(raw))).not.toBe(raw);
		expect(verifySignature(SECRET, Buffer.from(raw), hmac(raw))).toEqual({ valid: true });
		expect(verifySignature(SECRET, JSON.stringify(JSON.parse(raw)), hmac(raw))).toEqual({
			valid: false,
			reason: 'mismatch',
		});
	});
});

describe('parseTimestamp / checkTimestamp', () => {
	it('reads ISO 8601 and Unix seconds or milliseconds', () => {
		expect(parseTimestamp('2026-11-25T12:00:00.000Z')).toBe(NOW);
		expect(parseTimestamp('2026-11-25T09:00:00-03:00')).toBe(NOW);
		expect(parseTimestamp(NOW / 1000)).toBe(NOW);
		expect(parseTimestamp(NOW)).toBe(NOW);
		expect(parseTimestamp(String(NOW / 1000))).toBe(NOW);
		expect(parseTimestamp('yesterday')).toBeUndefined();
		expect(parseTimestamp('2026-11-25')).toBeUndefined();
		expect(parseTimestamp(null)).toBeUndefined();
		expect(parseTimestamp({})).toBeUndefined();
	});

	it('accepts timestamps within the tolerance on either side and refuses others', () => {
		const iso = (offsetSeconds: number) => new Date(NOW + offsetSeconds * 1000).toISOString();
		expect(checkTimestamp(iso(-300), NOW, 300)).toEqual({ valid: true });
		expect(checkTimestamp(iso(300), NOW, 300)).toEqual({ valid: true });
		expect(checkTimestamp(iso(-301), NOW, 300)).toEqual({ valid: false, reason: 'stale' });
		expect(checkTimestamp(iso(301), NOW, 300)).toEqual({ valid: false, reason: 'stale' });
		expect(checkTimestamp(undefined, NOW, 300)).toEqual({ valid: false, reason: 'no-timestamp' });
		expect(checkTimestamp('not a date', NOW, 300)).toEqual({ valid: false, reason: 'no-timestamp' });
	});

	it('does not check at all with a tolerance of 0', () => {
		expect(checkTimestamp('2001-01-01T00:00:00Z', NOW, 0)).toEqual({ valid: true });
		expect(checkTimestamp(undefined, NOW, 0)).toEqual({ valid: true });
	});

	it('defaults to 300 seconds', () => {
		expect(DEFAULT_TOLERANCE_SECONDS).toBe(300);
	});
});

describe('verifyDelivery', () => {
	const verify = (rawBody: unknown, signature: unknown, extra: { secret?: string; tolerance?: number } = {}) =>
		verifyDelivery({
			secret: 'secret' in extra ? extra.secret : SECRET,
			rawBody,
			signature,
			nowMs: NOW,
			toleranceSeconds: extra.tolerance ?? 300,
		});

	it('returns the payload parsed from the verified bytes', () => {
		const body = payload();
		const result = verify(Buffer.from(body), hmac(body));
		expect(result).toEqual({ valid: true, payload: JSON.parse(body) });
	});

	it('fails closed without a secret or a raw body', () => {
		const body = payload();
		expect(verify(Buffer.from(body), hmac(body), { secret: undefined })).toEqual({ valid: false, reason: 'no-secret' });
		expect(verify(undefined, hmac(body))).toEqual({ valid: false, reason: 'no-raw-body' });
		expect(verify({ event: 'budget.approved' }, hmac(body))).toEqual({ valid: false, reason: 'no-raw-body' });
		expect(verify(Buffer.alloc(0), hmac(''))).toEqual({ valid: false, reason: 'no-raw-body' });
	});

	it('checks the signature before looking inside the body', () => {
		expect(verify(Buffer.from('not json'), hmac('other'))).toEqual({ valid: false, reason: 'mismatch' });
		const stale = payload({ timestamp: '2001-01-01T00:00:00Z' });
		expect(verify(Buffer.from(stale), undefined)).toEqual({ valid: false, reason: 'missing' });
	});

	it('refuses signed bodies that are not JSON objects', () => {
		for (const body of ['not json', '[1,2]', '"text"', 'null', '42']) {
			expect(verify(Buffer.from(body), hmac(body))).toEqual({ valid: false, reason: 'not-an-object' });
		}
	});

	it('refuses a signed body outside the replay window, unless the check is off', () => {
		const stale = payload({ timestamp: new Date(NOW - 3600_000).toISOString() });
		expect(verify(Buffer.from(stale), hmac(stale))).toEqual({ valid: false, reason: 'stale' });
		expect(verify(Buffer.from(stale), hmac(stale), { tolerance: 0 })).toMatchObject({ valid: true });
		const noTime = payload({ timestamp: undefined });
		expect(verify(Buffer.from(noTime), hmac(noTime))).toEqual({ valid: false, reason: 'no-timestamp' });
	});
});

describe('refusal order and messages', () => {
	it('names the missing secret before anything else, and refuses a body that is neither bytes nor text', () => {
		const base = { signature: 'x', nowMs: NOW, toleranceSeconds: 300 };
		expect(verifyDelivery({ ...base, secret: undefined, rawBody: undefined })).toEqual({ valid: false, reason: 'no-secret' });
		expect(verifyDelivery({ ...base, secret: '', rawBody: 42 })).toEqual({ valid: false, reason: 'no-secret' });
		expect(verifyDelivery({ ...base, secret: SECRET, rawBody: 42 })).toEqual({ valid: false, reason: 'no-raw-body' });
		expect(verifyDelivery({ ...base, secret: SECRET, rawBody: { event: 'x' } })).toEqual({ valid: false, reason: 'no-raw-body' });
		expect(verifySignature(SECRET, 'x', null)).toEqual({ valid: false, reason: 'missing' });
	});

	it('refuses signed bytes that are not JSON', () => {
		const raw = '{"event": ';
		expect(verifyDelivery({ secret: SECRET, rawBody: raw, signature: hmac(raw), nowMs: NOW, toleranceSeconds: 300 })).toEqual({
			valid: false,
			reason: 'not-an-object',
		});
	});

	it('reads the header named X-Billoget-Signature and explains each refusal in words', () => {
		expect(SIGNATURE_HEADER).toBe('x-billoget-signature');
		expect(REJECTION_MESSAGES).toEqual({
			'no-secret': 'no signing secret is available',
			'no-raw-body': 'the request has no raw body to verify',
			missing: 'the X-Billoget-Signature header is missing',
			malformed: 'the X-Billoget-Signature header is not a hex HMAC-SHA256 digest',
			mismatch: 'the signature does not match the body',
			'not-an-object': 'the body is not a JSON object',
			'no-timestamp': 'the payload has no valid timestamp',
			stale: 'the payload timestamp is outside the allowed tolerance',
		});
	});
});
