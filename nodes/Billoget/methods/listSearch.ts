import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { parseListPage } from '../shared/pagination';
import { approvalLabel, budgetLabel, customerLabel, productLabel } from './labels';
import { ENDPOINTS } from '../transport/endpoints';
import { billogetRequest } from '../transport/request';

const PAGE_SIZE = 50;

async function searchList(
	ctx: ILoadOptionsFunctions,
	path: string,
	label: (record: IDataObject) => string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = paginationToken ? Number(paginationToken) : 1;
	const response = await billogetRequest.call(ctx, {
		method: 'GET',
		path,
		qs: { page, limit: PAGE_SIZE, search: filter || undefined },
	});
	const parsed = parseListPage<IDataObject>(response.body, page, PAGE_SIZE);
	return {
		results: parsed.items.map((record) => ({ name: label(record), value: String(record.id) })),
		paginationToken: parsed.hasMore ? String(page + 1) : undefined,
	};
}

export async function searchCustomers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(this, ENDPOINTS.customers, customerLabel, filter, paginationToken);
}

export async function searchProducts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(this, ENDPOINTS.products, productLabel, filter, paginationToken);
}

export async function searchBudgets(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList(this, ENDPOINTS.budgets, budgetLabel, filter, paginationToken);
}

/**
 * Pending approvals, for Approve and Reject. Billoget answers them as one plain list without search,
 * so the filter is applied here, to the labels shown.
 */
export async function searchPendingApprovals(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const response = await billogetRequest.call(this, { method: 'GET', path: `${ENDPOINTS.approvals}/pending` });
	const { items } = parseListPage<IDataObject>(response.body, 1, Number.MAX_SAFE_INTEGER);
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = items
		.map((record) => ({ name: approvalLabel(record), value: String(record.id) }))
		.filter((result) => wanted === '' || result.name.toLowerCase().includes(wanted));
	return { results };
}
