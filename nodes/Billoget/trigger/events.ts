import type { INodePropertyOptions } from 'n8n-workflow';

/** Every event Billoget's docs list (docs/api.md, "Webhooks"). '*' subscribes to all of them. */
export const BILLOGET_EVENTS = [
	'budget.created',
	'budget.updated',
	'budget.approved',
	'budget.rejected',
	'budget.expired',
	'budget.deleted',
	'customer.created',
	'customer.updated',
	'customer.deleted',
	'product.created',
	'product.updated',
	'product.deleted',
] as const;

export const ALL_EVENTS = '*';

const RESOURCE_LABEL: Record<string, string> = { budget: 'Budget', customer: 'Customer', product: 'Product' };

const ACTION_TEXT: Record<string, string> = {
	created: 'is created',
	updated: 'is updated',
	approved: 'is approved',
	rejected: 'is rejected',
	expired: 'expires',
	deleted: 'is deleted',
};

function titleCase(word: string): string {
	return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Options of the Events parameter, sorted by name ('All Events' first). */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'All Events', value: ALL_EVENTS, description: 'Any event Billoget sends, including future ones' },
	...BILLOGET_EVENTS.map((event) => {
		const [resource, action] = event.split('.');
		return {
			name: `${RESOURCE_LABEL[resource]} ${titleCase(action)}`,
			value: event,
			description: `Triggers when a ${resource} ${ACTION_TEXT[action]}`,
		};
	}).sort((a, b) => a.name.localeCompare(b.name)),
];

/**
 * The event list as registered and compared: unique, sorted, and just ['*'] when '*' is among them
 * (Billoget then sends everything, so the other names add nothing).
 */
export function normalizeEvents(events: unknown): string[] {
	if (!Array.isArray(events)) return [];
	const names = events.filter((e): e is string => typeof e === 'string' && e.trim() !== '').map((e) => e.trim());
	if (names.includes(ALL_EVENTS)) return [ALL_EVENTS];
	return [...new Set(names)].sort();
}

export function sameEvents(a: unknown, b: unknown): boolean {
	const left = normalizeEvents(a);
	const right = normalizeEvents(b);
	return left.length === right.length && left.every((event, i) => event === right[i]);
}

/** Whether a delivered event is one of the selected ones. */
export function isSelected(event: unknown, selected: string[]): boolean {
	if (typeof event !== 'string' || event === '') return false;
	const normalized = normalizeEvents(selected);
	return normalized.includes(ALL_EVENTS) || normalized.includes(event);
}
