import { createHmac } from 'crypto';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import {
	AUTOMATIC_SECRET_FIX,
	deliveryIdOf,
	MANUAL_SECRET_FIX,
	REDACTED,
	receiveDelivery,
	redactHeaders,
	toleranceOf,
} from '../../nodes/Billoget/trigger/delivery';
import { MAX_REMEMBERED_DELIVERIES } from '../../nodes/Billoget/trigger/state';

/**
 * receiveDelivery() with a stand-in for n8n's webhook context: what it answers, what it logs, what it
 * remembers and what item it starts the workflow with. The same paths run inside n8n-core's real
 * WebhookContext in test/engine/trigger-webhook.test.ts; here each decision is checked on its own.
 */

const SECRET = 'whsec_unit_delivery_secret';
const NOW = Date.parse('2026-11-25T12:00:00.000Z');

function body(overrides: IDataObject = {}): string {
	return JSON.stringify({
		event: 'budget.approved',
		timestamp: '2026-11-25T11:59:30.000Z',
		data: { id: 7, state: 1 },
		metadata: { source: 'api', version: '1.4.0', delivery_id: 'dlv_1' },
		...overrides,
	});
}

const sign = (raw: string, secret = SECRET) => createHmac('sha256', secret).update(raw).digest('hex');

interface Call {
	status?: number;
	json?: IDataObject;
	warnings: Array<{ message: string; meta: IDataObject }>;
	debugs: string[];
}

interface Setup {
	raw?: string | Buffer | null;
	headers?: Record<string, unknown>;
	registration?: 'automatic' | 'manual';
	options?: IDataObject;
	events?: string[];
	staticData?: IDataObject;
	credentials?: IDataObject | Error;
}

function contextFor(setup: Setup, call: Call): IWebhookFunctions {
	const raw = setup.raw === undefined ? body() : setup.raw;
	const staticData = setup.staticData ?? { secret: SECRET };
	const parameters: IDataObject = {
		registration: setup.registration ?? 'automatic',
		options: setup.options ?? {},
		events: setup.events ?? ['*'],
	};
	const request: IDataObject = {
		headers: setup.headers ?? { 'X-Billoget-Signature': typeof raw === 'string' ? sign(raw) : '' },
	};
	if (raw !== null) request.rawBody = typeof raw === 'string' ? Buffer.from(raw) : raw;
	const response = {
		status(code: number) {
			call.status = code;
			return response;
		},
		json(value: IDataObject) {
			call.json = value;
			return response;
		},
	};
	const ctx = {
		getNodeParameter: (name: string, fallback: unknown) => (name in parameters ? parameters[name] : fallback),
		getRequestObject: () => request,
		getResponseObject: () => response,
		getWorkflowStaticData: () => staticData,
		getCredentials: async () => {
			if (setup.credentials instanceof Error) throw setup.credentials;
			return setup.credentials ?? {};
		},
		getWorkflow: () => ({ id: 'wf_1' }),
		getNode: () => ({ name: 'Billoget Trigger' }),
		logger: {
			warn: (message: string, meta: IDataObject) => call.warnings.push({ message, meta }),
			debug: (message: string) => call.debugs.push(message),
		},
		helpers: { returnJsonArray: (items: IDataObject[]) => items.map((json) => ({ json })) },
	};
	return ctx as unknown as IWebhookFunctions;
}

async function deliver(setup: Setup = {}) {
	const call: Call = { warnings: [], debugs: [] };
	const result = await receiveDelivery(contextFor(setup, call));
	return { call, result };
}

beforeAll(() => {
	jest.spyOn(Date, 'now').mockReturnValue(NOW);
});
afterAll(() => {
	jest.restoreAllMocks();
});

describe('receiveDelivery: an accepted delivery', () => {
	it('answers 200 and starts the workflow with one item (redacted headers)', async () => {
		const raw = body();
		const { call, result } = await deliver({
			raw,
			headers: { 'X-Billoget-Signature': sign(raw), 'Content-Type': 'application/json', Authorization: 'Bearer x' },
		});
		expect(call).toMatchObject({ status: 200, json: { received: true, deliveryId: 'dlv_1' }, warnings: [] });
		expect(result.noWebhookResponse).toBe(true);
		expect(result.workflowData).toEqual([
			[
				{
					json: {
						event: 'budget.approved',
						deliveryId: 'dlv_1',
						timestamp: '2026-11-25T11:59:30.000Z',
						data: { id: 7, state: 1 },
						metadata: { source: 'api', version: '1.4.0', delivery_id: 'dlv_1' },
						headers: { 'x-billoget-signature': REDACTED, 'content-type': 'application/json', authorization: REDACTED },
					},
				},
			],
		]);
	});

	it('outputs only the data with Only Data, wrapping data that is not an object', async () => {
		const object = await deliver({ options: { onlyData: true } });
		expect(object.result.workflowData).toEqual([[{ json: { id: 7, state: 1 } }]]);
		const raw = body({ data: [1, 2] });
		const list = await deliver({ raw, options: { onlyData: true } });
		expect(list.result.workflowData).toEqual([[{ json: { data: [1, 2] } }]]);
		const none = body({ data: undefined });
		const missing = await deliver({ raw: none, options: { onlyData: true } });
		expect(missing.result.workflowData).toEqual([[{ json: { data: null } }]]);
	});

	it('fills absent fields with null in the full item', async () => {
		const raw = JSON.stringify({ event: 'customer.created', timestamp: '2026-11-25T11:59:30Z' });
		const { call, result } = await deliver({ raw });
		expect(call.json).toEqual({ received: true, deliveryId: null });
		expect(result.workflowData?.[0][0].json).toMatchObject({ deliveryId: null, data: null, metadata: null });
	});

	it('reads the signature header in any case', async () => {
		const raw = body();
		const { call } = await deliver({ raw, headers: { 'x-BILLOGET-signature': sign(raw).toUpperCase() } });
		expect(call.status).toBe(200);
	});

	it('reads the signature from its own header, wherever it comes among the others', async () => {
		const raw = body();
		const headers = { 'Content-Type': 'application/json', 'X-Request-Id': sign(raw, 'other'), 'X-Billoget-Signature': sign(raw) };
		expect((await deliver({ raw, headers })).call.status).toBe(200);
		const wrong = { 'X-Request-Id': sign(raw), 'X-Billoget-Signature': sign(raw, 'other') };
		expect((await deliver({ raw, headers: wrong })).call.status).toBe(401);
	});
});

describe('receiveDelivery: refusals (401, no execution)', () => {
	it.each([
		['a wrong signature', { headers: { 'X-Billoget-Signature': sign(body(), 'other') } }, 'the signature does not match the body'],
		['no signature', { headers: {} }, 'the X-Billoget-Signature header is missing'],
		['a malformed signature', { headers: { 'X-Billoget-Signature': 'abc' } }, 'the X-Billoget-Signature header is not a hex HMAC-SHA256 digest'],
		['no raw body', { raw: null }, 'the request has no raw body to verify'],
		['a stale timestamp', { raw: body({ timestamp: '2026-11-25T11:50:00.000Z' }) }, 'the payload timestamp is outside the allowed tolerance'],
	] as Array<[string, Setup, string]>)('refuses %s', async (_what, setup, why) => {
		const { call, result } = await deliver(setup);
		expect(call.status).toBe(401);
		expect(call.json).toEqual({ error: 'unauthorized', message: `The delivery could not be verified: ${why}` });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(call.warnings).toHaveLength(1);
		expect(call.warnings[0].message).toBe(`Billoget Trigger rejected a webhook delivery: ${why}`);
		expect(call.warnings[0].meta).toMatchObject({ workflowId: 'wf_1', node: 'Billoget Trigger' });
		expect(JSON.stringify(call)).not.toContain(SECRET);
	});

	it('fails closed without a stored secret (Automatic) and says how to fix it', async () => {
		const { call, result } = await deliver({ staticData: {} });
		expect(call.status).toBe(401);
		expect(call.json).toEqual({ error: 'unauthorized', message: `Billoget Trigger has no signing secret. ${AUTOMATIC_SECRET_FIX}` });
		expect(call.warnings[0]).toEqual({
			message: `Billoget Trigger rejected a webhook delivery: no signing secret is available. ${AUTOMATIC_SECRET_FIX}`,
			meta: { workflowId: 'wf_1', node: 'Billoget Trigger', reason: 'no-secret' },
		});
		expect(result).toEqual({ noWebhookResponse: true });
	});

	it('uses the credential secret in Manual mode, trimmed', async () => {
		const manual = await deliver({ registration: 'manual', staticData: {}, credentials: { webhookSigningSecret: `  ${SECRET} ` } });
		expect(manual.call.status).toBe(200);
		// The stored subscription secret is not used in Manual mode.
		const stored = await deliver({ registration: 'manual', staticData: { secret: SECRET }, credentials: {} });
		expect(stored.call.json).toEqual({ error: 'unauthorized', message: `Billoget Trigger has no signing secret. ${MANUAL_SECRET_FIX}` });
	});

	it.each([{ webhookSigningSecret: '   ' }, { webhookSigningSecret: 42 }, {}])('treats %p as no secret in Manual mode', async (credentials) => {
		const { call } = await deliver({ registration: 'manual', credentials });
		expect(call.status).toBe(401);
		expect(call.json?.message).toContain(MANUAL_SECRET_FIX);
	});

	it('logs why the credential could not be read, and fails closed', async () => {
		const { call } = await deliver({ registration: 'manual', credentials: new Error('decryption failed') });
		expect(call.status).toBe(401);
		expect(call.warnings[0]).toEqual({
			message: 'Billoget Trigger could not read its credential',
			meta: { error: 'decryption failed' },
		});
	});
});

describe('receiveDelivery: repeats and unselected events (200, no execution)', () => {
	it('drops a delivery whose id was seen, and remembers each accepted id once', async () => {
		const staticData: IDataObject = { secret: SECRET };
		const first = await deliver({ staticData });
		expect(first.result.workflowData).toHaveLength(1);
		expect(staticData.recentDeliveryIds).toEqual(['dlv_1']);
		const second = await deliver({ staticData });
		expect(second.call).toMatchObject({ status: 200, json: { received: true, duplicate: true } });
		expect(second.result).toEqual({ noWebhookResponse: true });
		expect(second.call.debugs).toEqual(['Billoget Trigger dropped a repeated delivery: dlv_1']);
		expect(staticData.recentDeliveryIds).toEqual(['dlv_1']);
	});

	it('without a delivery id, recognises a retry by its signed bytes', async () => {
		const staticData: IDataObject = { secret: SECRET };
		const raw = body({ metadata: { source: 'api' } });
		expect((await deliver({ raw, staticData })).result.workflowData).toHaveLength(1);
		expect(staticData.recentDeliveryIds).toEqual([`body:${sign(raw)}`]);
		const again = await deliver({ raw, staticData });
		expect(again.call.json).toEqual({ received: true, duplicate: true });
		expect(again.call.debugs).toEqual(['Billoget Trigger dropped a repeated delivery: (no delivery id)']);
		const other = body({ metadata: { source: 'api' }, data: { id: 8 } });
		expect((await deliver({ raw: other, staticData })).result.workflowData).toHaveLength(1);
	});

	it('answers an unselected event with 200 and neither runs nor remembers it', async () => {
		const staticData: IDataObject = { secret: SECRET };
		const { call, result } = await deliver({ events: ['customer.created'], staticData });
		expect(call).toMatchObject({ status: 200, json: { received: true, ignored: true } });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(call.debugs).toEqual(['Billoget Trigger ignored an unselected event: budget.approved']);
		expect(staticData.recentDeliveryIds).toBeUndefined();
	});

	it('keeps at most the newest remembered ids', async () => {
		const previous = Array.from({ length: MAX_REMEMBERED_DELIVERIES }, (_, i) => `old_${i}`);
		const staticData: IDataObject = { secret: SECRET, recentDeliveryIds: previous };
		await deliver({ staticData });
		const kept = staticData.recentDeliveryIds as string[];
		expect(kept).toHaveLength(MAX_REMEMBERED_DELIVERIES);
		expect(kept[kept.length - 1]).toBe('dlv_1');
		expect(kept[0]).toBe('old_1');
	});
});

describe('toleranceOf', () => {
	it.each([
		[{}, 300],
		[{ timestampTolerance: undefined }, 300],
		[{ timestampTolerance: null }, 300],
		[{ timestampTolerance: '' }, 300],
		[{ timestampTolerance: 0 }, 0],
		[{ timestampTolerance: '0' }, 0],
		[{ timestampTolerance: 60 }, 60],
		[{ timestampTolerance: '120' }, 120],
		[{ timestampTolerance: -1 }, 300],
		[{ timestampTolerance: 'soon' }, 300],
	] as Array<[IDataObject, number]>)('reads %p as %p seconds', (options, seconds) => {
		expect(toleranceOf(options)).toBe(seconds);
	});

	it('is applied to the payload timestamp', async () => {
		const raw = body({ timestamp: '2026-11-25T11:58:00.000Z' }); // 120 s old
		expect((await deliver({ raw, options: { timestampTolerance: 119 } })).call.status).toBe(401);
		expect((await deliver({ raw, options: { timestampTolerance: 120 } })).call.status).toBe(200);
		expect((await deliver({ raw: body({ timestamp: 'never' }), options: { timestampTolerance: 0 } })).call.status).toBe(200);
	});
});

describe('deliveryIdOf', () => {
	it.each([
		[{ metadata: { delivery_id: 'dlv_9' } }, 'dlv_9'],
		[{ metadata: { deliveryId: 'dlv_8' } }, 'dlv_8'],
		[{ metadata: { delivery_id: 'a', deliveryId: 'b' } }, 'a'],
		[{ metadata: { delivery_id: 17 } }, '17'],
		[{ metadata: { delivery_id: '' } }, undefined],
		[{ metadata: { delivery_id: true } }, undefined],
		[{ metadata: ['dlv'] }, undefined],
		[{ metadata: null }, undefined],
		[{ metadata: 'dlv' }, undefined],
		[{}, undefined],
	] as Array<[IDataObject, string | undefined]>)('reads %p as %p', (payload, id) => {
		expect(deliveryIdOf(payload)).toBe(id);
	});
});

describe('redactHeaders', () => {
	it('lower-cases names, drops undefined values and hides credentials', () => {
		expect(
			redactHeaders({
				'X-Billoget-Signature': 'abc',
				Authorization: 'Bearer k',
				'Proxy-Authorization': 'Basic p',
				Cookie: 'c=1',
				'User-Agent': 'Billoget',
				'X-Empty': undefined,
			}),
		).toEqual({
			'x-billoget-signature': REDACTED,
			authorization: REDACTED,
			'proxy-authorization': REDACTED,
			cookie: REDACTED,
			'user-agent': 'Billoget',
		});
	});

	it('leaves no key for an undefined header and writes the word [redacted] in place of a secret', () => {
		const redacted = redactHeaders({ 'X-Empty': undefined, Cookie: 'session=s3cr3t' });
		expect(Object.keys(redacted)).toEqual(['cookie']);
		expect(redacted.cookie).toBe('[redacted]');
	});
});
