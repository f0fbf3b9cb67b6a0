import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export { create, del as delete, get, getMany, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['product'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a product', description: 'Create a new product' },
			{
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update a product',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
			},
			{ name: 'Delete', value: 'delete', action: 'Delete a product', description: 'Delete a product' },
			{ name: 'Get', value: 'get', action: 'Get a product', description: 'Retrieve a product by ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many products', description: 'List, filter or search products' },
			{ name: 'Update', value: 'update', action: 'Update a product', description: 'Change fields of a product' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...del.description,
	...upsert.description,
];
