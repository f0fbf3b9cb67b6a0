import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { customerLocator } from '../common.descriptions';
import { invalid, readCollection, readId } from '../parameters';
import { wrap } from '../recordOperations';
import { CUSTOMER, customerBody, customerFieldOptions } from './fields';

const properties: INodeProperties[] = [
	customerLocator('The customer to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: customerFieldOptions,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const id = readId(this, 'customerId', i, 'Customer');
	const body = customerBody(this, readCollection(this, 'updateFields', i), i);
	if (Object.keys(body).length === 0) {
		throw invalid(this, i, 'No fields to update', 'Add at least one field under Update Fields.');
	}
	const customer = await client.requestRecord({
		method: 'PUT',
		path: `${CUSTOMER.path}/${id}`,
		body,
		itemIndex: i,
		notFoundMessage: `No customer with ID ${id} exists in Billoget`,
	});
	return wrap(customer);
}
