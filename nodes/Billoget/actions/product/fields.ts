import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalid, toNumber, toText } from '../parameters';
import { ENDPOINTS } from '../../transport/endpoints';
import type { RecordSpec } from '../recordOperations';

export const PRODUCT: RecordSpec = {
	path: ENDPOINTS.products,
	label: 'product',
	idParameter: 'productId',
	simplifiedFields: ['id', 'productCode', 'sku', 'description', 'category', 'type', 'price', 'stock', 'isActive'],
};

/** Billoget's product types (SDK casing). */
const PRODUCT_TYPES = [
	{ name: 'Product', value: 'product' },
	{ name: 'Service', value: 'service' },
];

/** The optional product fields, shared by Create, Update and Create or Update. */
export const productFieldOptions: INodeProperties[] = [
	{ displayName: 'Barcode', name: 'barcode', type: 'string', default: '' },
	{
		displayName: 'Category',
		name: 'category',
		type: 'string',
		default: '',
		description: 'Category name, e.g. Hardware',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'Product name or description shown on budgets',
	},
	{ displayName: 'Image URL', name: 'imageUrl', type: 'string', default: '' },
	{
		displayName: 'Is Active',
		name: 'isActive',
		type: 'boolean',
		default: true,
		description: 'Whether the product can be added to new budgets',
	},
	{
		displayName: 'Net Content',
		name: 'netContent',
		type: 'number',
		default: 0,
		description: 'Amount per unit, e.g. 500 for 500 g',
	},
	{ displayName: 'Net Content Unit', name: 'netContentUnit', type: 'string', default: '', placeholder: 'e.g. g' },
	{
		displayName: 'Price',
		name: 'price',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'Unit price, tax excluded, in the currency of the budgets it is used in',
	},
	{
		displayName: 'Product Code',
		name: 'productCode',
		type: 'string',
		default: '',
		description: 'Your code for the product (unique per business)',
	},
	{ displayName: 'SKU', name: 'sku', type: 'string', default: '' },
	{ displayName: 'Stock', name: 'stock', type: 'number', typeOptions: { minValue: 0 }, default: 0 },
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: PRODUCT_TYPES,
		default: 'product',
		description: 'Whether this is a physical product or a service',
	},
];

export function optionalProductFields(exclude: string[]): INodeProperties[] {
	return productFieldOptions.filter((field) => !exclude.includes(field.name));
}

const TEXT_FIELDS: Array<[string, string]> = [
	['productCode', 'Product Code'],
	['description', 'Description'],
	['category', 'Category'],
	['sku', 'SKU'],
	['barcode', 'Barcode'],
	['imageUrl', 'Image URL'],
	['netContentUnit', 'Net Content Unit'],
];

/** Validates and shapes product fields into Billoget's body (only the fields given). */
export function productBody(ctx: IExecuteFunctions, fields: IDataObject, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	for (const [name, label] of TEXT_FIELDS) {
		const value = toText(ctx, fields[name], itemIndex, label, false);
		if (value !== undefined) body[name] = value;
	}
	const price = toNumber(ctx, fields.price, itemIndex, 'Price', { min: 0 });
	const stock = toNumber(ctx, fields.stock, itemIndex, 'Stock', { min: 0 });
	const netContent = toNumber(ctx, fields.netContent, itemIndex, 'Net Content', { min: 0 });
	if (price !== undefined) body.price = price;
	if (stock !== undefined) body.stock = stock;
	if (netContent !== undefined) body.netContent = netContent;
	if (fields.isActive !== undefined && fields.isActive !== '') body.isActive = toIsActive(ctx, fields.isActive, itemIndex);
	if (fields.type !== undefined && fields.type !== '') body.type = toProductType(ctx, fields.type, itemIndex);
	return body;
}

function toIsActive(ctx: IExecuteFunctions, raw: unknown, itemIndex: number): boolean {
	if (typeof raw !== 'boolean' && !['true', 'false'].includes(String(raw))) {
		throw invalid(ctx, itemIndex, 'Is Active must be true or false', `Got ${JSON.stringify(raw)}.`);
	}
	return String(raw) === 'true';
}

function toProductType(ctx: IExecuteFunctions, raw: unknown, itemIndex: number): string {
	const type = String(raw).toLowerCase();
	if (!PRODUCT_TYPES.some((option) => option.value === type)) {
		throw invalid(ctx, itemIndex, `Type "${String(raw)}" is not valid`, 'Use product or service.');
	}
	return type;
}

export const REQUIRED_FOR_CREATE = [
	{ field: 'productCode', label: 'Product Code' },
	{ field: 'description', label: 'Description' },
	{ field: 'category', label: 'Category' },
	{ field: 'price', label: 'Price' },
];

export interface ProductFilter {
	category?: string;
	type?: string;
	isActive?: boolean;
}

/** The catalogue filters of item i (Get Many and the Product Catalog report), checked before any request. */
export function readProductFilter(ctx: IExecuteFunctions, filters: IDataObject, itemIndex: number): ProductFilter {
	const filter: ProductFilter = {};
	const category = toText(ctx, filters.category, itemIndex, 'Category', false);
	if (category !== undefined) filter.category = category;
	const type = toText(ctx, filters.type, itemIndex, 'Type', false);
	if (type !== undefined) filter.type = toProductType(ctx, type, itemIndex);
	if (filters.isActive !== undefined && filters.isActive !== null && filters.isActive !== '') {
		filter.isActive = toIsActive(ctx, filters.isActive, itemIndex);
	}
	return filter;
}

/** Catalogue filters shared by Get Many and the Product Catalog report. */
export const productFilterOptions: INodeProperties[] = [
	{
		displayName: 'Category',
		name: 'category',
		type: 'string',
		default: '',
		description: 'Only products of this category (exact name)',
	},
	{
		displayName: 'Is Active',
		name: 'isActive',
		type: 'options',
		options: [
			{ name: 'Active Only', value: 'true' },
			{ name: 'Inactive Only', value: 'false' },
		],
		default: 'true',
		description: 'Whether to include only active or only inactive products',
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: PRODUCT_TYPES,
		default: 'product',
		description: 'Only products of this type',
	},
];
