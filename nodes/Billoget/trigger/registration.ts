/**
 * Webhook registration (docs/design.md, "Webhook registration"): the trigger's checkExists / create / delete.
 *
 * Automatic mode keeps exactly one Billoget subscription per webhook URL. n8n gives the test listen
 * (`/webhook-test/…`) and the active workflow (`/webhook/…`) different URLs, so each has its own
 * subscription and neither ever adopts the other's. checkExists looks at Billoget's list, not only at
 * static data, so activating twice, restarting n8n, re-saving, importing the workflow elsewhere or
 * changing n8n's public URL never leaves a second subscription behind.
 *
 * Manual mode registers nothing: the user pastes the production URL into the API key's webhook URL.
 * Automatic mode on an account without subscription endpoints falls back to Manual when the credential
 * holds a Webhook Signing Secret (see fallBackToManual).
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IHookFunctions, JsonObject } from 'n8n-workflow';

import { ENDPOINTS } from '../transport/endpoints';
import { createClient } from '../transport/client';
import type { BillogetClient } from '../transport/client';
import { CREDENTIAL_TYPE, unwrapData } from '../transport/request';
import { normalizeEvents, sameEvents } from './events';
import { clearRegistration, hasRegistration, stateOf, storedSecret } from './state';
import type { TriggerState } from './state';

export const SUBSCRIPTIONS_PATH = ENDPOINTS.webhooks;

export type RegistrationMode = 'automatic' | 'manual';

export function registrationModeOf(ctx: IHookFunctions): RegistrationMode {
	return ctx.getNodeParameter('registration', 'automatic') === 'manual' ? 'manual' : 'automatic';
}

interface RemoteSubscription {
	id: string | number;
	url: string;
	events: string[];
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Runs a request and hands back its result or its error, so callers can branch on the HTTP status. */
async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
	return await promise.then(
		(value): Settled<T> => ({ ok: true, value }),
		(error: unknown): Settled<T> => ({ ok: false, error }),
	);
}

function httpCodeOf(error: unknown): string | undefined {
	if (typeof error !== 'object' || error === null) return undefined;
	const code = (error as { httpCode?: unknown }).httpCode;
	return code === undefined || code === null ? undefined : String(code);
}

/** The error for an account whose API has no subscription endpoints (404/405 on them). */
function unsupportedError(ctx: IHookFunctions, status: string, method: string, path: string): NodeApiError {
	const error = new NodeApiError(
		ctx.getNode(),
		{ httpCode: status, message: `Billoget answered HTTP ${status} to ${method} ${path}` } as JsonObject,
		{
			httpCode: status,
			message: 'This Billoget account does not offer webhook subscriptions through the API',
			description: `Billoget answered HTTP ${status} to ${method} ${path}, so the trigger cannot register itself. Set the trigger's "Registration" to "Manual", copy its Production URL into the webhook URL of your API key in Billoget, and put the key's webhook signing secret into the Billoget credential's "Webhook Signing Secret" field.`,
		},
	);
	error.context.subscriptionsUnsupported = { status, method, path };
	return error;
}

function unsupportedRequest(error: unknown): { status: string; method: string; path: string } | undefined {
	if (!(error instanceof NodeApiError)) return undefined;
	return error.context.subscriptionsUnsupported as { status: string; method: string; path: string } | undefined;
}

/** The credential's Webhook Signing Secret, when it holds one. */
async function credentialSecret(ctx: IHookFunctions): Promise<string | undefined> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const value = credentials.webhookSigningSecret;
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Automatic mode on an account without subscription endpoints (the API as Billoget's SDK reads it has
 * none): with a Webhook Signing Secret in the credential the trigger works as in Manual mode, and says
 * so in one warning; without one it fails with the error that names Manual mode.
 */
async function fallBackToManual(ctx: IHookFunctions, state: TriggerState & IDataObject, error: unknown): Promise<true> {
	const request = unsupportedRequest(error);
	if (request === undefined || (await credentialSecret(ctx)) === undefined) throw error;
	clearRegistration(state);
	state.manualFallback = true;
	ctx.logger.warn(
		`Billoget Trigger: Billoget answered HTTP ${request.status} to ${request.method} ${request.path}, so this account has no webhook subscriptions through the API. Working as in Manual mode: deliveries are verified with the credential's Webhook Signing Secret, and the webhook URL of the API key in Billoget must be ${webhookUrlOf(ctx)}. Set "Registration" to "Manual" to silence this warning.`,
		{ workflowId: ctx.getWorkflow().id, node: ctx.getNode().name },
	);
	return true;
}

/** Rethrows n8n errors as they are and wraps anything else, so the editor shows the HTTP context. */
function rethrow(ctx: IHookFunctions, error: unknown): never {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) throw error;
	throw new NodeApiError(ctx.getNode(), error as JsonObject);
}

function isUnsupported(error: unknown, allowNotFound: boolean): string | undefined {
	const code = httpCodeOf(error);
	if (code === '405' || (code === '404' && allowNotFound)) return code;
	return undefined;
}

function webhookUrlOf(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url) {
		throw new NodeOperationError(ctx.getNode(), 'n8n did not provide a webhook URL for the Billoget Trigger', {
			description: 'Check that n8n has a public webhook URL (WEBHOOK_URL) configured.',
		});
	}
	return url;
}

function selectedEvents(ctx: IHookFunctions): string[] {
	const events = normalizeEvents(ctx.getNodeParameter('events', []));
	if (events.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Select at least one event in the Billoget Trigger', {
			description: 'Choose the Billoget events that should start this workflow, or "All Events".',
		});
	}
	return events;
}

function descriptionOf(ctx: IHookFunctions): string {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	if (typeof options.description === 'string' && options.description.trim() !== '') {
		return options.description.trim();
	}
	const workflow = ctx.getWorkflow();
	const label = workflow.name ? `"${workflow.name}"` : `ID ${workflow.id ?? 'unknown'}`;
	return `n8n workflow ${label} (Billoget Trigger)`;
}

function toRemote(item: IDataObject): RemoteSubscription | undefined {
	const id = item.id;
	if ((typeof id !== 'string' && typeof id !== 'number') || typeof item.url !== 'string') return undefined;
	return { id, url: item.url, events: normalizeEvents(item.events) };
}

/** Every subscription of the key (all pages). */
export async function listSubscriptions(ctx: IHookFunctions, client: BillogetClient): Promise<RemoteSubscription[]> {
	const listed = await settle(client.list({ path: SUBSCRIPTIONS_PATH, returnAll: true }));
	if (!listed.ok) {
		const status = isUnsupported(listed.error, true);
		if (status) throw unsupportedError(ctx, status, 'GET', SUBSCRIPTIONS_PATH);
		rethrow(ctx, listed.error);
	}
	return listed.value.items.map(toRemote).filter((s): s is RemoteSubscription => s !== undefined);
}

/** Deletes one subscription; a 404 means it is already gone (returns false then). */
export async function deleteSubscription(ctx: IHookFunctions, client: BillogetClient, id: string | number): Promise<boolean> {
	const path = `${SUBSCRIPTIONS_PATH}/${encodeURIComponent(String(id))}`;
	const deleted = await settle(client.request({ method: 'DELETE', path }));
	if (deleted.ok) return true;
	if (httpCodeOf(deleted.error) === '404') {
		ctx.logger.debug(`Billoget webhook subscription ${String(id)} was already gone`);
		return false;
	}
	const status = isUnsupported(deleted.error, false);
	if (status) throw unsupportedError(ctx, status, 'DELETE', path);
	rethrow(ctx, deleted.error);
}

/** Deletes every subscription registered for `url` except `keepId`; returns how many went. */
async function removeAt(ctx: IHookFunctions, client: BillogetClient, url: string, keepId?: string | number): Promise<number> {
	let removed = 0;
	for (const subscription of await listSubscriptions(ctx, client)) {
		if (subscription.url !== url) continue;
		if (keepId !== undefined && String(subscription.id) === String(keepId)) continue;
		await deleteSubscription(ctx, client, subscription.id);
		removed++;
	}
	return removed;
}

async function forgetStoredRegistration(ctx: IHookFunctions, client: BillogetClient, state: TriggerState & IDataObject): Promise<void> {
	if (hasRegistration(state)) {
		await deleteSubscription(ctx, client, state.webhookId as string | number);
	}
	clearRegistration(state);
}

/**
 * Automatic: true when Billoget has our subscription (same URL and events) and we hold its secret.
 * Everything else at our URL (orphans without a stored secret, copies, an old event set) is deleted, and
 * a stored subscription for an earlier n8n URL is deleted too; then false, so n8n calls create().
 * Manual: always true (nothing to register); a subscription left from Automatic mode is removed.
 */
export async function checkExists(ctx: IHookFunctions): Promise<boolean> {
	const client = createClient(ctx);
	const state = stateOf(ctx);
	if (registrationModeOf(ctx) === 'manual') {
		delete state.manualFallback;
		if (hasRegistration(state)) await forgetStoredRegistration(ctx, client, state);
		return true;
	}
	const url = webhookUrlOf(ctx);
	const events = selectedEvents(ctx);
	try {
		const found = await findOwnSubscription(ctx, client, state, url, events);
		delete state.manualFallback;
		return found;
	} catch (error) {
		return await fallBackToManual(ctx, state, error);
	}
}

async function findOwnSubscription(
	ctx: IHookFunctions,
	client: BillogetClient,
	state: TriggerState & IDataObject,
	url: string,
	events: string[],
): Promise<boolean> {

	if (hasRegistration(state) && (state.webhookUrl !== url || !sameEvents(state.events, events))) {
		// n8n's public URL or the selected events changed since the subscription was made.
		ctx.logger.info('Billoget Trigger: replacing a subscription registered for another URL or event set');
		await forgetStoredRegistration(ctx, client, state);
	}

	const secret = storedSecret(state);
	let found = false;
	for (const subscription of await listSubscriptions(ctx, client)) {
		if (subscription.url !== url) continue;
		const ours =
			!found &&
			secret !== undefined &&
			hasRegistration(state) &&
			String(subscription.id) === String(state.webhookId) &&
			sameEvents(subscription.events, events);
		if (ours) {
			found = true;
			if (state.webhookId !== subscription.id) state.webhookId = subscription.id;
			continue;
		}
		// An orphan: its secret is unknown here, so its deliveries could never be verified.
		ctx.logger.info(`Billoget Trigger: deleting orphaned webhook subscription ${String(subscription.id)}`);
		await deleteSubscription(ctx, client, subscription.id);
	}
	if (!found) clearRegistration(state);
	return found;
}

/** Automatic: registers the subscription and stores its id and secret. Manual: nothing to do. */
export async function create(ctx: IHookFunctions): Promise<boolean> {
	if (registrationModeOf(ctx) === 'manual') return true;
	const state = stateOf(ctx);
	if (state.manualFallback === true) return true;
	const url = webhookUrlOf(ctx);
	const events = selectedEvents(ctx);
	const body: IDataObject = { url, events, description: descriptionOf(ctx) };
	const client = createClient(ctx);

	const created = await settle(
		client.request({
			method: 'POST',
			path: SUBSCRIPTIONS_PATH,
			body,
			// The secret is only in the answer to the POST: a subscription made by an attempt whose answer
			// was lost is useless. Remove it, then let the transport send the POST again.
			findCreated: async () => {
				await removeAt(ctx, client, url);
				return undefined;
			},
		}),
	);
	if (!created.ok) {
		const status = isUnsupported(created.error, true);
		if (status) return await fallBackToManual(ctx, state, unsupportedError(ctx, status, 'POST', SUBSCRIPTIONS_PATH));
		rethrow(ctx, created.error);
	}
	const subscription = unwrapData(created.value.body);
	const id = subscription.id;
	const secret = subscription.secret;
	if (typeof id !== 'string' && typeof id !== 'number') {
		throw new NodeOperationError(ctx.getNode(), 'Billoget did not return an ID for the new webhook subscription', {
			description:
				'The trigger cannot manage a subscription it cannot identify. Set "Registration" to "Manual" and configure the webhook URL in Billoget instead.',
		});
	}
	if (typeof secret !== 'string' || secret === '') {
		await deleteSubscription(ctx, client, id);
		throw new NodeOperationError(ctx.getNode(), 'Billoget did not return a signing secret for the new webhook subscription', {
			description:
				'Without a secret no delivery could be verified, so the subscription was removed again. Set "Registration" to "Manual" and put the signing secret of your API key into the Billoget credential.',
		});
	}
	state.webhookId = id;
	state.secret = secret;
	state.webhookUrl = url;
	state.events = events;
	state.registeredAt = new Date().toISOString();
	return true;
}

/** Removes the stored subscription (404: already gone) and forgets it. */
export async function remove(ctx: IHookFunctions): Promise<boolean> {
	const client = createClient(ctx);
	const state = stateOf(ctx);
	delete state.manualFallback;
	await forgetStoredRegistration(ctx, client, state);
	return true;
}
