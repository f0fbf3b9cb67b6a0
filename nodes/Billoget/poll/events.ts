/**
 * The events of the Billoget Poll Trigger and how each one is detected. Pure data: no n8n context.
 *
 * Strategies:
 *  - created:  a createdAt cursor plus the ids seen near it (budgets ask Billoget for createdAfter).
 *  - inState:  the ids currently in one budget state (approved / rejected), listed with the state filter.
 *  - changed:  per id, the compared fields as they were at the previous poll (full listing).
 *  - expiring: the ids already reported as expiring, with the expiration date they were reported for.
 */
import { ENDPOINTS } from '../transport/endpoints';

export type PollResource = 'budget' | 'customer' | 'product';

export type PollStrategy = 'created' | 'inState' | 'changed' | 'expiring';

export type PollEventName =
	| 'budget.created'
	| 'budget.approved'
	| 'budget.rejected'
	| 'budget.stateChanged'
	| 'budget.expiring'
	| 'customer.created'
	| 'customer.updated'
	| 'product.created'
	| 'product.updated'
	| 'product.priceChanged';

export interface PollEventSpec {
	name: PollEventName;
	resource: PollResource;
	strategy: PollStrategy;
	/** List endpoint below the credential's Base URL. */
	path: string;
	/** Option label and description of the Event parameter. */
	label: string;
	description: string;
	/** Budget state listed (inState) — sent as `state`, checked again on every record. */
	state?: number;
	/** Whether Billoget can filter this list by creation date (`createdAfter`). */
	createdAfterFilter?: boolean;
	/** For 'changed': the fields compared (all of them unless the user narrows the list). */
	fields?: readonly string[];
	/** For 'changed': whether the user may narrow the compared fields. */
	watchable?: boolean;
}

export const PATHS: Record<PollResource, string> = {
	budget: ENDPOINTS.budgets,
	customer: ENDPOINTS.customers,
	product: ENDPOINTS.products,
};

/** Customer fields compared by "Customer Updated" (SDK v1.1+ model). */
export const CUSTOMER_FIELDS = ['firstName', 'lastName', 'email', 'phoneNumber', 'dni', 'cuit'] as const;

/** Product fields compared by "Product Updated" (SDK v1.1+ model). */
export const PRODUCT_FIELDS = [
	'productCode',
	'description',
	'category',
	'price',
	'stock',
	'isActive',
	'sku',
	'barcode',
	'type',
	'netContent',
	'netContentUnit',
	'imageUrl',
] as const;

export const POLL_EVENTS: Record<PollEventName, PollEventSpec> = {
	'budget.created': {
		name: 'budget.created',
		resource: 'budget',
		strategy: 'created',
		path: PATHS.budget,
		label: 'Budget Created',
		description: 'A new budget appears in Billoget',
		createdAfterFilter: true,
	},
	'budget.approved': {
		name: 'budget.approved',
		resource: 'budget',
		strategy: 'inState',
		path: PATHS.budget,
		label: 'Budget Approved',
		description: 'A budget reaches state 1 (approved or confirmed by the customer)',
		state: 1,
	},
	'budget.rejected': {
		name: 'budget.rejected',
		resource: 'budget',
		strategy: 'inState',
		path: PATHS.budget,
		label: 'Budget Rejected',
		description: 'A budget reaches state 2 (rejected)',
		state: 2,
	},
	'budget.stateChanged': {
		name: 'budget.stateChanged',
		resource: 'budget',
		strategy: 'changed',
		path: PATHS.budget,
		label: 'Budget State Changed',
		description: 'The state of a budget changes, whatever the new state (output includes the previous one)',
		fields: ['state'],
	},
	'budget.expiring': {
		name: 'budget.expiring',
		resource: 'budget',
		strategy: 'expiring',
		path: PATHS.budget,
		label: 'Budget Expiring Soon',
		description: 'A budget’s expiration date comes within the chosen number of days (once per budget)',
	},
	'customer.created': {
		name: 'customer.created',
		resource: 'customer',
		strategy: 'created',
		path: PATHS.customer,
		label: 'Customer Created',
		description: 'A new customer appears in Billoget',
	},
	'customer.updated': {
		name: 'customer.updated',
		resource: 'customer',
		strategy: 'changed',
		path: PATHS.customer,
		label: 'Customer Updated',
		description: 'A watched field of a customer changes (output includes the previous values)',
		fields: CUSTOMER_FIELDS,
		watchable: true,
	},
	'product.created': {
		name: 'product.created',
		resource: 'product',
		strategy: 'created',
		path: PATHS.product,
		label: 'Product Created',
		description: 'A new product or service appears in Billoget',
	},
	'product.updated': {
		name: 'product.updated',
		resource: 'product',
		strategy: 'changed',
		path: PATHS.product,
		label: 'Product Updated',
		description: 'A watched field of a product changes (output includes the previous values)',
		fields: PRODUCT_FIELDS,
		watchable: true,
	},
	'product.priceChanged': {
		name: 'product.priceChanged',
		resource: 'product',
		strategy: 'changed',
		path: PATHS.product,
		label: 'Product Price Changed',
		description: 'The price of a product changes (output includes the previous price)',
		fields: ['price'],
	},
};

export const POLL_EVENT_NAMES = Object.keys(POLL_EVENTS) as PollEventName[];

export function isPollEvent(value: unknown): value is PollEventName {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(POLL_EVENTS, value);
}

export const CREATED_EVENTS = POLL_EVENT_NAMES.filter((name) => POLL_EVENTS[name].strategy === 'created');

/**
 * The fields an event compares: the user's choice (kept in the canonical order, unknown names
 * dropped) when the event allows one, else all of the event's fields.
 */
export function comparedFields(spec: PollEventSpec, chosen: unknown): string[] {
	const all = [...(spec.fields ?? [])];
	if (!spec.watchable || !Array.isArray(chosen) || chosen.length === 0) return all;
	const picked = all.filter((field) => chosen.includes(field));
	return picked.length > 0 ? picked : all;
}
