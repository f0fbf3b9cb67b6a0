/**
 * The trigger's webhook(): verifies a Billoget delivery (shared/signature.ts), drops repeats and
 * unselected events, and turns an accepted delivery into one item.
 *
 * The node answers every request itself (see answer()):
 *  - 401, no execution: anything that does not verify (no secret, no raw body, a missing, malformed or
 *    wrong signature, a body that is not a JSON object, a timestamp outside the tolerance);
 *  - 200, no execution: a repeated delivery id, or an event that is not selected;
 *  - 200 and one execution otherwise.
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import {
	DEFAULT_TOLERANCE_SECONDS,
	REJECTION_MESSAGES,
	SIGNATURE_HEADER,
	computeSignature,
	verifyDelivery,
} from '../shared/signature';
import type { DeliveryPayload, RejectionReason } from '../shared/signature';
import { CREDENTIAL_TYPE } from '../transport/request';
import { isSelected } from './events';
import { rememberDelivery, stateOf, storedSecret, verifiesLikeManual, wasDelivered } from './state';

export const REDACTED = '[redacted]';

/** Headers whose values never reach the output. */
const REDACTED_HEADERS = new Set([SIGNATURE_HEADER, 'authorization', 'proxy-authorization', 'cookie']);

export const MANUAL_SECRET_FIX =
	'Open the Billoget credential used by this trigger and fill in "Webhook Signing Secret" with the signing secret of the API key whose webhook URL points at this trigger (Billoget → Settings → API Keys), or set the trigger\'s "Registration" to "Automatic".';

export const AUTOMATIC_SECRET_FIX =
	'This workflow holds no signing secret for its Billoget subscription (this happens after importing or copying a workflow). Deactivate and re-activate the workflow: the trigger then registers a new subscription with Billoget and stores its secret.';

interface SecretLookup {
	secret?: string;
	/** How to fix a missing secret (shown in the 401 answer and the log). */
	fix: string;
}

async function secretOf(ctx: IWebhookFunctions, manual: boolean): Promise<SecretLookup> {
	if (!manual) return { secret: storedSecret(stateOf(ctx)), fix: AUTOMATIC_SECRET_FIX };
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE).then(
		(value) => value,
		(error: unknown) => {
			ctx.logger.warn('Billoget Trigger could not read its credential', {
				error: error instanceof Error ? error.message : String(error),
			});
			return undefined;
		},
	);
	const value = credentials?.webhookSigningSecret;
	const secret = typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
	return { secret, fix: MANUAL_SECRET_FIX };
}

export function toleranceOf(options: IDataObject): number {
	const value = options.timestampTolerance;
	if (value === undefined || value === null || value === '') return DEFAULT_TOLERANCE_SECONDS;
	const seconds = Number(value);
	return Number.isFinite(seconds) && seconds >= 0 ? seconds : DEFAULT_TOLERANCE_SECONDS;
}

function headerValue(headers: Record<string, unknown>, name: string): unknown {
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() === name) return value;
	}
	return undefined;
}

/** The request headers with the signature (and any credentials a proxy may add) redacted. */
export function redactHeaders(headers: Record<string, unknown>): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(headers)) {
		if (value === undefined) continue;
		const name = key.toLowerCase();
		result[name] = REDACTED_HEADERS.has(name) ? REDACTED : (value as IDataObject[keyof IDataObject]);
	}
	return result;
}

function isRecord(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deliveryIdOf(payload: DeliveryPayload): string | undefined {
	const metadata = payload.metadata;
	if (!isRecord(metadata)) return undefined;
	const id = metadata.delivery_id ?? metadata.deliveryId;
	return typeof id === 'string' && id !== '' ? id : typeof id === 'number' ? String(id) : undefined;
}

/**
 * Sends the HTTP answer from the node itself. n8n then starts the execution (when workflowData is
 * returned) without answering again. Answering here, before n8n hands the delivery to the execution,
 * also makes n8n save the static data (the remembered delivery ids) at once: with n8n's own deferred
 * onReceived answer (n8n 2.41), starting the execution resets the "static data changed" flag first
 * and the new delivery id is never saved, so a repeated delivery would run again.
 */
function answer(ctx: IWebhookFunctions, status: number, body: IDataObject): void {
	ctx.getResponseObject().status(status).json(body);
}

function reject(ctx: IWebhookFunctions, reason: RejectionReason, fix?: string): IWebhookResponseData {
	const why = REJECTION_MESSAGES[reason];
	const workflow = ctx.getWorkflow();
	ctx.logger.warn(`Billoget Trigger rejected a webhook delivery: ${why}${fix ? `. ${fix}` : ''}`, {
		workflowId: workflow.id,
		node: ctx.getNode().name,
		reason,
	});
	const message = fix ? `Billoget Trigger has no signing secret. ${fix}` : `The delivery could not be verified: ${why}`;
	answer(ctx, 401, { error: 'unauthorized', message });
	return { noWebhookResponse: true };
}

export async function receiveDelivery(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const manual = verifiesLikeManual(stateOf(ctx), ctx.getNodeParameter('registration', 'automatic'));
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const request = ctx.getRequestObject();
	const headers = (request.headers ?? {}) as Record<string, unknown>;

	const { secret, fix } = await secretOf(ctx, manual);
	if (!secret) return reject(ctx, 'no-secret', fix);

	const check = verifyDelivery({
		secret,
		rawBody: (request as { rawBody?: unknown }).rawBody,
		signature: headerValue(headers, SIGNATURE_HEADER),
		nowMs: Date.now(),
		toleranceSeconds: toleranceOf(options),
	});
	if (!check.valid) return reject(ctx, check.reason);
	const payload = check.payload;

	const events = ctx.getNodeParameter('events', []) as string[];
	if (!isSelected(payload.event, events)) {
		ctx.logger.debug(`Billoget Trigger ignored an unselected event: ${String(payload.event)}`);
		answer(ctx, 200, { received: true, ignored: true });
		return { noWebhookResponse: true };
	}

	const deliveryId = deliveryIdOf(payload);
	// Without a delivery id, the signed bytes identify a delivery (a retry sends the very same bytes).
	const dedupeKey = deliveryId ?? `body:${computeSignature(secret, (request as { rawBody: Buffer }).rawBody)}`;
	const state = stateOf(ctx);
	if (wasDelivered(state, dedupeKey)) {
		ctx.logger.debug(`Billoget Trigger dropped a repeated delivery: ${deliveryId ?? '(no delivery id)'}`);
		answer(ctx, 200, { received: true, duplicate: true });
		return { noWebhookResponse: true };
	}
	rememberDelivery(state, dedupeKey);

	const json: IDataObject = options.onlyData
		? isRecord(payload.data)
			? payload.data
			: { data: (payload.data ?? null) as IDataObject }
		: {
				event: payload.event as string,
				deliveryId: deliveryId ?? null,
				timestamp: (payload.timestamp ?? null) as string | null,
				data: (payload.data ?? null) as IDataObject | null,
				metadata: (payload.metadata ?? null) as IDataObject | null,
				headers: redactHeaders(headers),
			};
	answer(ctx, 200, { received: true, deliveryId: deliveryId ?? null });
	return { noWebhookResponse: true, workflowData: [ctx.helpers.returnJsonArray([json])] };
}
