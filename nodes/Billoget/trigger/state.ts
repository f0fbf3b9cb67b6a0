import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

/** How many recent delivery ids the node remembers to drop repeated deliveries. */
export const MAX_REMEMBERED_DELIVERIES = 500;

/**
 * What the trigger keeps in the node's static data (`getWorkflowStaticData('node')`). n8n saves it with
 * the workflow after activation and after each webhook call; a test listen gets its own unsaved copy.
 *
 *  - webhookId: the Billoget subscription id (Automatic mode)
 *  - secret: that subscription's signing secret (never logged, never output)
 *  - webhookUrl / events: what the subscription was registered with
 *  - recentDeliveryIds: the last MAX_REMEMBERED_DELIVERIES accepted `metadata.delivery_id`s
 *  - manualFallback: Automatic mode found no subscription endpoints and works as in Manual mode
 */
export interface TriggerState {
	webhookId?: string | number;
	secret?: string;
	webhookUrl?: string;
	events?: string[];
	registeredAt?: string;
	recentDeliveryIds?: string[];
	manualFallback?: boolean;
}

/** Whether deliveries are verified with the credential's secret (Manual mode, or Automatic fallen back to it). */
export function verifiesLikeManual(state: TriggerState, registration: unknown): boolean {
	return registration === 'manual' || state.manualFallback === true;
}

export function stateOf(ctx: IHookFunctions | IWebhookFunctions): TriggerState & IDataObject {
	return ctx.getWorkflowStaticData('node') as TriggerState & IDataObject;
}

export function hasRegistration(state: TriggerState): boolean {
	return state.webhookId !== undefined && state.webhookId !== null && state.webhookId !== '';
}

export function storedSecret(state: TriggerState): string | undefined {
	return typeof state.secret === 'string' && state.secret !== '' ? state.secret : undefined;
}

/** Forgets the subscription (id, secret, URL, events); the remembered delivery ids stay. */
export function clearRegistration(state: TriggerState & IDataObject): void {
	delete state.webhookId;
	delete state.secret;
	delete state.webhookUrl;
	delete state.events;
	delete state.registeredAt;
}

export function wasDelivered(state: TriggerState, deliveryKey: string): boolean {
	return Array.isArray(state.recentDeliveryIds) && state.recentDeliveryIds.includes(deliveryKey);
}

/** Remembers a delivery id, keeping only the newest MAX_REMEMBERED_DELIVERIES (assigned anew so n8n sees the change). */
export function rememberDelivery(state: TriggerState, deliveryKey: string): void {
	const previous = Array.isArray(state.recentDeliveryIds) ? state.recentDeliveryIds : [];
	state.recentDeliveryIds = [...previous, deliveryKey].slice(-MAX_REMEMBERED_DELIVERIES);
}
