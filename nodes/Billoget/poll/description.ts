import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { CREATED_EVENTS, CUSTOMER_FIELDS, POLL_EVENT_NAMES, POLL_EVENTS, PRODUCT_FIELDS } from './events';

const FIELD_LABELS: Record<string, string> = {
	barcode: 'Barcode',
	category: 'Category',
	cuit: 'CUIT',
	description: 'Description',
	dni: 'DNI',
	email: 'Email',
	firstName: 'First Name',
	imageUrl: 'Image URL',
	isActive: 'Active',
	lastName: 'Last Name',
	netContent: 'Net Content',
	netContentUnit: 'Net Content Unit',
	phoneNumber: 'Phone Number',
	price: 'Price',
	productCode: 'Product Code',
	sku: 'SKU',
	stock: 'Stock',
	type: 'Type',
};

function fieldOptions(fields: readonly string[]): INodePropertyOptions[] {
	return fields
		.map((field) => ({ name: FIELD_LABELS[field] ?? field, value: field }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export const EVENT_OPTIONS: INodePropertyOptions[] = POLL_EVENT_NAMES.map((name) => ({
	name: POLL_EVENTS[name].label,
	value: name,
	description: POLL_EVENTS[name].description,
})).sort((a, b) => a.name.localeCompare(b.name));

export const pollTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'Each poll reads Billoget’s list pages (100 records per request). Events that look for changes read every page of the resource on every poll, so requests per hour = polls per hour × pages. Billoget allows 1,000 requests per hour per API key by default. Cost of each event: <a href="https://github.com/billoget/n8n-nodes-billoget#billoget-poll-trigger" target="_blank">Billoget Poll Trigger docs</a>.',
		name: 'costNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		required: true,
		options: EVENT_OPTIONS,
		default: 'budget.created',
		description:
			'The change in Billoget that starts the workflow. Each change is reported once; the first activation only records what already exists.',
	},
	{
		displayName: 'Within Days',
		name: 'expiringWithinDays',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 365 },
		default: 7,
		displayOptions: { show: { event: ['budget.expiring'] } },
		description: 'Trigger once per budget when its expiration date is at most this many days away',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Customer Fields to Watch',
				name: 'customerFields',
				type: 'multiOptions',
				options: fieldOptions(CUSTOMER_FIELDS),
				default: [],
				displayOptions: { show: { '/event': ['customer.updated'] } },
				description: 'Only changes of these fields trigger the workflow. None selected: all of them.',
			},
			{
				displayName: 'Late Arrival Margin (Minutes)',
				name: 'createdMarginMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 10,
				displayOptions: { show: { '/event': CREATED_EVENTS } },
				description:
					'A record whose creation date is up to this much older than the newest one already seen is still reported (once). Covers records that are saved late and clocks that disagree.',
			},
			{
				displayName: 'Max Pages per Poll',
				name: 'maxPages',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 50,
				description:
					'Upper bound on the list requests of one poll (100 records each). A longer list stops the poll with an error and stores nothing, so no event is lost.',
			},
			{
				displayName: 'Max Rate Limit Wait (Seconds)',
				name: 'maxRateLimitWait',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 60,
				description:
					'When Billoget’s hourly request limit is used up during a poll, wait up to this long for it to reset; a longer wait fails the poll, and the next poll reports what this one missed',
			},
			{
				displayName: 'Only Open Budgets',
				name: 'onlyOpenBudgets',
				type: 'boolean',
				default: true,
				displayOptions: { show: { '/event': ['budget.expiring'] } },
				description: 'Whether to ignore budgets that are already approved or rejected',
			},
			{
				displayName: 'Product Fields to Watch',
				name: 'productFields',
				type: 'multiOptions',
				options: fieldOptions(PRODUCT_FIELDS),
				default: [],
				displayOptions: { show: { '/event': ['product.updated'] } },
				description: 'Only changes of these fields trigger the workflow. None selected: all of them.',
			},
		],
	},
];
