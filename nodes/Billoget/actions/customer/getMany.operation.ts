import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { filtersCollection, returnAllAndLimit } from '../common.descriptions';
import { readCollection, toText } from '../parameters';
import { listRecords, wrap } from '../recordOperations';
import { CUSTOMER } from './fields';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	filtersCollection([
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			description: 'Text to look for in name, email or phone (and DNI or CUIT, where your Billoget searches them)',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const search = toText(this, readCollection(this, 'filters', i).search, i, 'Search', false);
	return wrap(await listRecords(this, client, i, CUSTOMER.path, { search }));
}
