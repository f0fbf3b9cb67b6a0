import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { billogetApiRequest } from '../../transport/request';
import { readCollection, readString } from '../parameters';
import { wrap } from '../records';
import { findCreatedCustomer } from './find';
import { CUSTOMER, customerBody, optionalCustomerFields } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		required: true,
		default: '',
		description: "The customer's first name",
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		required: true,
		default: '',
		description: "The customer's last name",
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: optionalCustomerFields(['firstName', 'lastName']),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const body = customerBody(
		this,
		{
			...readCollection(this, 'additionalFields', i),
			firstName: readString(this, 'firstName', i, 'First Name', { required: true }),
			lastName: readString(this, 'lastName', i, 'Last Name', { required: true }),
		},
		i,
	);
	const startedAt = Date.now();
	const customer = await billogetApiRequest.call(this, {
		method: 'POST',
		path: CUSTOMER.path,
		body,
		itemIndex: i,
		findCreated: async () => await findCreatedCustomer(this, body, startedAt, i),
	});
	return wrap(customer);
}
