/**
 * Verification of signed Billoget webhook deliveries (docs/design.md, "Webhook signatures"). Pure: no
 * n8n imports, only 'crypto'.
 *
 * - Header `X-Billoget-Signature`: HMAC-SHA256 of the raw body bytes with the subscription's secret, as
 *   hex (lowercase or uppercase), optionally prefixed with `sha256=`.
 * - The signed bytes are the request body exactly as received, never a re-serialised JSON object.
 * - Comparison in constant time (`timingSafeEqual` on two 32-byte digests).
 * - Replay window: the payload's `timestamp` (ISO 8601, inside the signed body) must be within the
 *   tolerance of now; a tolerance of 0 disables the check. A time without a zone is UTC.
 */
import { createHmac, timingSafeEqual } from 'crypto';

import { parseInstant } from './dates';

export const SIGNATURE_HEADER = 'x-billoget-signature';

export const DEFAULT_TOLERANCE_SECONDS = 300;

const SIGNATURE_PATTERN = /^(?:sha256=)?([0-9a-f]{64})$/i;

/** Lowercase hex HMAC-SHA256 of the body bytes. */
export function computeSignature(secret: string, rawBody: Buffer | string): string {
	return createHmac('sha256', secret).update(rawBody).digest('hex');
}

/**
 * The 32 digest bytes of a header value, or undefined when the value is not a (prefixed) 64-digit hex
 * string. Surrounding whitespace is ignored; several values (a repeated header) are refused.
 */
export function parseSignatureHeader(value: unknown): Buffer | undefined {
	if (typeof value !== 'string') return undefined;
	const match = SIGNATURE_PATTERN.exec(value.trim());
	return match ? Buffer.from(match[1], 'hex') : undefined;
}

export type SignatureCheck =
	| { valid: true }
	| { valid: false; reason: Extract<RejectionReason, 'no-secret' | 'missing' | 'malformed' | 'mismatch'> };

/** Checks one signature header value against the body bytes in constant time. */
export function verifySignature(
	secret: string | undefined,
	rawBody: Buffer | string,
	headerValue: unknown,
): SignatureCheck {
	if (typeof secret !== 'string' || secret === '') return { valid: false, reason: 'no-secret' };
	if (headerValue === undefined || headerValue === null || headerValue === '') {
		return { valid: false, reason: 'missing' };
	}
	const actual = parseSignatureHeader(headerValue);
	if (!actual) return { valid: false, reason: 'malformed' };
	const expected = createHmac('sha256', secret).update(rawBody).digest();
	if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
		return { valid: false, reason: 'mismatch' };
	}
	return { valid: true };
}

/**
 * Milliseconds since the epoch of the payload's timestamp: ISO 8601 with a time of day, or a Unix time
 * in seconds or milliseconds, read by shared/dates.ts. A bare day is refused: it is no instant.
 */
export function parseTimestamp(value: unknown): number | undefined {
	return parseInstant(value, { requireTime: true });
}

export type TimestampCheck =
	| { valid: true }
	| { valid: false; reason: Extract<RejectionReason, 'no-timestamp' | 'stale'> };

/** Whether `timestamp` lies within `toleranceSeconds` of `nowMs` (either side). 0 disables the check. */
export function checkTimestamp(timestamp: unknown, nowMs: number, toleranceSeconds: number): TimestampCheck {
	if (!(toleranceSeconds > 0)) return { valid: true };
	const ms = parseTimestamp(timestamp);
	if (ms === undefined) return { valid: false, reason: 'no-timestamp' };
	if (Math.abs(nowMs - ms) > toleranceSeconds * 1000) return { valid: false, reason: 'stale' };
	return { valid: true };
}

export interface DeliveryPayload {
	event?: unknown;
	timestamp?: unknown;
	data?: unknown;
	metadata?: unknown;
	[key: string]: unknown;
}

export type RejectionReason =
	| 'no-secret'
	| 'no-raw-body'
	| 'missing'
	| 'malformed'
	| 'mismatch'
	| 'not-an-object'
	| 'no-timestamp'
	| 'stale';

export type DeliveryCheck =
	| { valid: true; payload: DeliveryPayload }
	| { valid: false; reason: RejectionReason };

export interface VerifyDeliveryInput {
	secret: string | undefined;
	/** The request body exactly as received. Anything else than a Buffer or a string is refused. */
	rawBody: unknown;
	signature: unknown;
	nowMs: number;
	toleranceSeconds: number;
}

/**
 * Verifies a whole delivery, in this order: a secret exists, the raw body exists, the signature is
 * present, well-formed and right, the (signed) body is a JSON object, its timestamp is within the
 * tolerance. The payload is parsed from the verified bytes, so what is returned is what was signed.
 */
export function verifyDelivery(input: VerifyDeliveryInput): DeliveryCheck {
	if (typeof input.secret !== 'string' || input.secret === '') return { valid: false, reason: 'no-secret' };
	const raw = input.rawBody;
	if (!Buffer.isBuffer(raw) && typeof raw !== 'string') return { valid: false, reason: 'no-raw-body' };
	if (raw.length === 0) return { valid: false, reason: 'no-raw-body' };
	const signature = verifySignature(input.secret, raw, input.signature);
	if (!signature.valid) return { valid: false, reason: signature.reason };
	let payload: unknown;
	try {
		payload = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : raw);
	} catch {
		return { valid: false, reason: 'not-an-object' };
	}
	if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
		return { valid: false, reason: 'not-an-object' };
	}
	const record = payload as DeliveryPayload;
	const timestamp = checkTimestamp(record.timestamp, input.nowMs, input.toleranceSeconds);
	if (!timestamp.valid) return { valid: false, reason: timestamp.reason };
	return { valid: true, payload: record };
}

/** Human-readable reasons for logs; they never contain the secret or the signature. */
export const REJECTION_MESSAGES: Record<RejectionReason, string> = {
	'no-secret': 'no signing secret is available',
	'no-raw-body': 'the request has no raw body to verify',
	missing: 'the X-Billoget-Signature header is missing',
	malformed: 'the X-Billoget-Signature header is not a hex HMAC-SHA256 digest',
	mismatch: 'the signature does not match the body',
	'not-an-object': 'the body is not a JSON object',
	'no-timestamp': 'the payload has no valid timestamp',
	stale: 'the payload timestamp is outside the allowed tolerance',
};
