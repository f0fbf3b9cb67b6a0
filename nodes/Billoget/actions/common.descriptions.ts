import type { INodeProperties } from 'n8n-workflow';

/** "a budget", "an approval": the article for a resource label in placeholders and messages. */
export function withArticle(label: string): string {
	return `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`;
}

/** A resource locator for Billoget records with numeric IDs: From List (searchable) or By ID. */
export function recordLocator(options: {
	name: string;
	displayName: string;
	resourceLabel: string;
	searchListMethod: string;
	description: string;
	required?: boolean;
}): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? true,
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select ${withArticle(options.resourceLabel)}...`,
				typeOptions: {
					searchListMethod: options.searchListMethod,
					searchable: true,
				},
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 42',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*\\d+\\s*$',
							errorMessage: `${withArticle(options.resourceLabel).replace(/^a/, 'A')} ID is a whole number, e.g. 42`,
						},
					},
				],
			},
		],
	};
}

/** `required: false` for a locator that is a filter, which may stay empty. */
interface LocatorOptions {
	required?: boolean;
}

export const customerLocator = (description: string, options: LocatorOptions = {}): INodeProperties =>
	recordLocator({
		name: 'customerId',
		displayName: 'Customer',
		resourceLabel: 'customer',
		searchListMethod: 'searchCustomers',
		description,
		required: options.required,
	});

export const productLocator = (description: string, options: LocatorOptions = {}): INodeProperties =>
	recordLocator({
		name: 'productId',
		displayName: 'Product',
		resourceLabel: 'product',
		searchListMethod: 'searchProducts',
		description,
		required: options.required,
	});

export const budgetLocator = (description: string, options: LocatorOptions = {}): INodeProperties =>
	recordLocator({
		name: 'budgetId',
		displayName: 'Budget',
		resourceLabel: 'budget',
		searchListMethod: 'searchBudgets',
		description,
		required: options.required,
	});

export function returnAllAndLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}

/** Simplify, off by default, for outputs that are full records unless asked (Options → Simplify). */
export function simplifyOutput(description: string): INodeProperties {
	return { displayName: 'Simplify', name: 'simplify', type: 'boolean', default: false, description };
}

export function simplifyOption(): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return a simplified version of the response instead of the raw data (fewer fields, easier to map and cheaper for AI agents)',
	};
}

/** The Filters collection of a list or report operation. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options,
	};
}

/** An operation's Options collection. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}
