import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, del as delete, get, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['productVariant'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a product variant', description: 'Add a variant (size, color, presentation) to a product' },
			{ name: 'Delete', value: 'delete', action: 'Delete a product variant', description: 'Delete a variant of a product' },
			{ name: 'Get', value: 'get', action: 'Get a product variant', description: 'Retrieve a variant by ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many product variants', description: 'List the variants of a product' },
			{ name: 'Update', value: 'update', action: 'Update a product variant', description: 'Change fields of a variant' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...del.description,
];
