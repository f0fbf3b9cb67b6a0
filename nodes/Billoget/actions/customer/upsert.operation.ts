import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { readCollection, readString } from '../parameters';
import type { ItemOutcome } from '../types';
import { executeUpsert, readMatchOn, upsertOptions } from '../upsert';
import type { UpsertSpec } from '../upsert';
import { CUSTOMER, customerBody, optionalCustomerFields } from './fields';

const MATCH_KEYS = ['email', 'dni', 'cuit'];

const properties: INodeProperties[] = [
	{
		displayName: 'Match On',
		name: 'matchOn',
		type: 'options',
		default: 'email',
		options: [
			{ name: 'CUIT', value: 'cuit', description: 'Compared by digits only (dashes ignored)' },
			{ name: 'DNI', value: 'dni', description: 'Compared by digits only' },
			{ name: 'Email', value: 'email', description: 'Compared trimmed and case-insensitively' },
		],
		description: 'Which field identifies an existing customer',
	},
	{
		displayName: 'Value to Match',
		name: 'matchValue',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. ana@example.com',
		description:
			'The email, DNI or CUIT of the customer. A customer with this value is updated; when none exists, one is created with it.',
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		description: 'Required when the customer does not exist yet; updated when it differs',
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		description: 'Required when the customer does not exist yet; updated when it differs',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		// The matched field is set through Value to Match, so it is not offered here too.
		options: optionalCustomerFields(['firstName', 'lastName']).map((field) =>
			MATCH_KEYS.includes(field.name) ? { ...field, displayOptions: { hide: { '/matchOn': [field.name] } } } : field,
		),
	},
	upsertOptions('customers', 'Email'),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['upsert'] } },
	properties,
);

const spec: UpsertSpec = {
	path: CUSTOMER.path,
	label: 'customer',
	requiredForCreate: [
		{ field: 'firstName', label: 'First Name' },
		{ field: 'lastName', label: 'Last Name' },
	],
	readItem(ctx, i) {
		const matchOn = readMatchOn(ctx, i, { email: 'Email', dni: 'DNI', cuit: 'CUIT' });
		const matchValue = readString(ctx, 'matchValue', i, 'Value to Match', { required: true });
		const additional = readCollection(ctx, 'additionalFields', i);
		const fields = customerBody(
			ctx,
			{
				...additional,
				firstName: readString(ctx, 'firstName', i, 'First Name'),
				lastName: readString(ctx, 'lastName', i, 'Last Name'),
				[matchOn]: matchValue,
			},
			i,
		);
		return { matchOn, fields };
	},
};

/** Runs once for all input items (see ../upsert.ts). */
export async function executeBatch(this: IExecuteFunctions, client: BillogetClient): Promise<ItemOutcome[]> {
	return await executeUpsert(this, client, spec);
}
