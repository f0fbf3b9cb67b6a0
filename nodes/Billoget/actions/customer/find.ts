import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { billogetList } from '../../transport/pagination';
import { CUSTOMER } from './fields';

const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * After a lost answer to a create: the customer this item would have created, if Billoget made it.
 * Looks for a record with exactly the sent fields, created since just before the attempt.
 */
export async function findCreatedCustomer(
	ctx: IExecuteFunctions,
	body: IDataObject,
	startedAt: number,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const search = (body.email ?? body.cuit ?? body.dni ?? body.lastName) as string | number;
	const { items } = await billogetList.call(ctx, {
		path: CUSTOMER.path,
		qs: { search: String(search) },
		returnAll: true,
		itemIndex,
	});
	return items.find((record) => {
		const created = Date.parse(String(record.createdAt ?? ''));
		if (!Number.isNaN(created) && created < startedAt - CLOCK_SKEW_MS) return false;
		return Object.entries(body).every(([key, value]) => String(record[key] ?? '').toLowerCase() === String(value).toLowerCase());
	});
}
