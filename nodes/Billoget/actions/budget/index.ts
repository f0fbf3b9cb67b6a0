import type { INodeProperties } from 'n8n-workflow';

import * as confirm from './confirm.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getByToken from './getByToken.operation';
import * as getMany from './getMany.operation';
import * as getPublicView from './getPublicView.operation';
import * as reject from './reject.operation';
import * as update from './update.operation';

export { confirm, create, del as delete, get, getByToken, getMany, getPublicView, reject, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['budget'] } },
		options: [
			{
				name: 'Confirm',
				value: 'confirm',
				action: 'Confirm a budget',
				description: 'Confirm a budget on behalf of the customer through its public token (state becomes approved)',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a budget',
				description: 'Create a budget with line items; subtotal, IVA and total are computed in exact cents',
			},
			{ name: 'Delete', value: 'delete', action: 'Delete a budget', description: 'Delete a budget' },
			{ name: 'Get', value: 'get', action: 'Get a budget', description: 'Retrieve a budget by ID' },
			{
				name: 'Get by Token',
				value: 'getByToken',
				action: 'Get a budget by public token',
				description: "Retrieve a budget's public view by its public token or link",
			},
			{ name: 'Get Many', value: 'getMany', action: 'Get many budgets', description: 'List or filter budgets' },
			{
				name: 'Get Public View',
				value: 'getPublicView',
				action: 'Get the public view of a budget',
				description: "Retrieve a budget's public view (as the customer sees it) by its ID",
			},
			{
				name: 'Reject',
				value: 'reject',
				action: 'Reject a budget',
				description: 'Reject a budget on behalf of the customer through its public token (state becomes rejected)',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a budget',
				description: 'Change comments, expiration, minimum payment or currency of a budget',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getByToken.description,
	...getMany.description,
	...getPublicView.description,
	...update.description,
	...del.description,
	...confirm.description,
	...reject.description,
];
