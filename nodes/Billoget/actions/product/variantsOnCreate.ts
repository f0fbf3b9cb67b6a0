import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { shapeVariantList, variantsFromJson } from '../../shared/variants';
import { readCollection } from '../parameters';
import { orThrow, variantField } from '../productVariant/fields';

/** The variants of Product › Create: none, given in fields, or an array mapped from an earlier node. */
export const variantsProperties: INodeProperties[] = [
	{
		displayName: 'Variants',
		name: 'variantsMode',
		type: 'options',
		noDataExpression: true,
		default: 'none',
		options: [
			{ name: 'No Variants', value: 'none', description: 'Create the product alone' },
			{ name: 'Define Below', value: 'fields', description: 'Add each variant with its name and price' },
			{
				name: 'Variants (JSON)',
				value: 'json',
				description: 'Map an array of variants from a previous node',
			},
		],
		description: 'Whether to create the product together with its variants (sizes, colors, presentations) in one call',
	},
	{
		displayName: 'Variant List',
		name: 'variants',
		type: 'fixedCollection',
		placeholder: 'Add Variant',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		displayOptions: { show: { variantsMode: ['fields'] } },
		options: [
			{
				displayName: 'Variant',
				name: 'variant',
				values: [
					{
						displayName: 'Attributes (JSON)',
						name: 'attributes',
						type: 'json',
						default: '{}',
						description: 'What sets this variant apart, e.g. {"size": "L"}',
					},
					variantField('isActive'),
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Talle L', description: 'Name of the variant' },
					variantField('price'),
					variantField('sku'),
					variantField('stock'),
				],
			},
		],
	},
	{
		displayName: 'Variants (JSON)',
		name: 'variantsJson',
		type: 'json',
		default: '[\n  {\n    "name": "Talle L",\n    "price": 1500\n  }\n]',
		displayOptions: { show: { variantsMode: ['json'] } },
		description:
			'An array of variants, each {"name": "Talle L", "price": 1500} with optionally description, stock, sku, barcode, imageUrl, attributes, isActive and sortOrder. Map an array from a previous node with an expression.',
	},
];

/** The variants of item i, checked before any request; an empty list creates the product alone. */
export function readNewProductVariants(ctx: IExecuteFunctions, itemIndex: number): IDataObject[] {
	const mode = ctx.getNodeParameter('variantsMode', itemIndex, 'none') as string;
	if (mode === 'json') {
		return orThrow(ctx, itemIndex, variantsFromJson(ctx.getNodeParameter('variantsJson', itemIndex, '[]') as unknown)) as IDataObject[];
	}
	if (mode === 'fields') {
		const collection = readCollection(ctx, 'variants', itemIndex);
		const entries = Array.isArray(collection.variant) ? (collection.variant as IDataObject[]) : [];
		// An empty Attributes field of the form means none.
		const cleaned = entries.map((entry) => {
			const attributes = typeof entry.attributes === 'string' ? entry.attributes.trim() : entry.attributes;
			return attributes === '{}' || attributes === '' ? { ...entry, attributes: undefined } : entry;
		});
		return orThrow(ctx, itemIndex, shapeVariantList(cleaned)) as IDataObject[];
	}
	return [];
}
