import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { holdsFields } from '../../shared/matching';
import { findLostCreate } from '../../transport/recovery';
import { readCollection, readString } from '../parameters';
import { wrap } from '../recordOperations';
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

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
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
	const customer = await client.requestRecord({
		method: 'POST',
		path: CUSTOMER.path,
		body,
		itemIndex: i,
		// A customer with every field sent, created since the attempt: found by email search where there
		// is an email (every Billoget version searches it), in the full list otherwise.
		findCreated: async () =>
			await findLostCreate(client, {
				kind: CUSTOMER.path,
				startedAt,
				itemIndex: i,
				list: { path: CUSTOMER.path, qs: typeof body.email === 'string' ? { search: body.email } : undefined },
				matches: (record) => holdsFields(record, body),
			}),
	});
	client.claimed.claim(CUSTOMER.path, customer.id);
	return wrap(customer);
}
