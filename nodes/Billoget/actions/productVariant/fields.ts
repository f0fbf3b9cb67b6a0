import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { shapeVariant } from '../../shared/variants';
import type { VariantResult } from '../../shared/variants';
import { ENDPOINTS } from '../../transport/endpoints';
import { productLocator, recordLocator } from '../common.descriptions';
import { invalid, readId } from '../parameters';
import type { RecordSpec } from '../recordOperations';

/** A variant is read, changed and deleted at /product-variants/{id}; listed per product. */
export const VARIANT: RecordSpec = {
	path: ENDPOINTS.productVariants,
	label: 'variant',
	idParameter: 'variantId',
	simplifiedFields: ['id', 'productId', 'name', 'sku', 'price', 'stock', 'attributes', 'isActive', 'sortOrder'],
};

export const variantsOfProductPath = (productId: number) => `${ENDPOINTS.products}/${productId}/variants`;

/** The product whose variants are listed (Get Many, Create, and the Variant list of the others). */
export const variantProductLocator = (description: string, required = true): INodeProperties => ({
	...productLocator(description),
	required,
});

export const variantLocator = (description: string): INodeProperties =>
	recordLocator({
		name: 'variantId',
		displayName: 'Variant',
		resourceLabel: 'variant',
		searchListMethod: 'searchProductVariants',
		description,
	});

/** Get, Update and Delete: the product only serves the variant list; By ID needs no product. */
export const variantPickers = (verb: string): INodeProperties[] => [
	variantProductLocator(
		`The product whose variants are listed under Variant (From List); not used when the variant is given by ID`,
		false,
	),
	variantLocator(`The variant to ${verb}: pick one of the product's variants, or give the variant ID (a number, not the product ID)`),
];

/** The optional variant fields (Name and Price are top-level fields on Create). */
export const variantFieldOptions: INodeProperties[] = [
	{
		displayName: 'Attributes (JSON)',
		name: 'attributes',
		type: 'json',
		default: '{\n  "size": "L"\n}',
		description: 'What sets this variant apart, as an object such as {"size": "L", "color": "red"}',
	},
	{ displayName: 'Barcode', name: 'barcode', type: 'string', default: '' },
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'Longer text about the variant',
	},
	{ displayName: 'Image URL', name: 'imageUrl', type: 'string', default: '' },
	{
		displayName: 'Is Active',
		name: 'isActive',
		type: 'boolean',
		default: true,
		description: 'Whether the variant can be offered',
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'Name of the variant, e.g. Talle L or 500 g',
	},
	{
		displayName: 'Price',
		name: 'price',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'Unit price of this variant, tax excluded',
	},
	{ displayName: 'SKU', name: 'sku', type: 'string', default: '' },
	{
		displayName: 'Sort Order',
		name: 'sortOrder',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Position of the variant in lists (lower first)',
	},
	{ displayName: 'Stock', name: 'stock', type: 'number', typeOptions: { minValue: 0 }, default: 0 },
];

/** One field of a variant as Create and Update offer it (Product › Create's variant list reuses them). */
export function variantField(name: string): INodeProperties {
	const field = variantFieldOptions.find((option) => option.name === name);
	if (!field) throw new Error(`No variant field "${name}"`);
	return field;
}

export function optionalVariantFields(exclude: string[]): INodeProperties[] {
	return variantFieldOptions.filter((field) => !exclude.includes(field.name));
}

/** Turns a pure check's problem into the node's error for item i. */
export function orThrow<T>(ctx: IExecuteFunctions, itemIndex: number, result: VariantResult<T>): T {
	if (!result.ok) throw invalid(ctx, itemIndex, result.problem.message, result.problem.hint);
	return result.value;
}

export function variantBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	required: boolean,
): IDataObject {
	return orThrow(ctx, itemIndex, shapeVariant(fields, { required })) as IDataObject;
}

export function readVariantId(ctx: IExecuteFunctions, itemIndex: number): number {
	return readId(ctx, 'variantId', itemIndex, 'Variant');
}
