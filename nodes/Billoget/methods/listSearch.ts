import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { approvalLabel, budgetLabel, customerLabel, productLabel } from './labels';
import { createClient } from '../transport/client';
import { ENDPOINTS } from '../transport/endpoints';

/** Entries per picker page (n8n asks for the next page as the user scrolls). */
const PICKER_PAGE_SIZE = 50;

async function searchList(
	ctx: ILoadOptionsFunctions,
	path: string,
	label: (record: IDataObject) => string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = paginationToken ? Number(paginationToken) : 1;
	const parsed = await createClient(ctx).page({ path, qs: { search: filter || undefined }, page, pageSize: PICKER_PAGE_SIZE });
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
	const items = await createClient(this).plainList({ path: `${ENDPOINTS.approvals}/pending` });
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = items
		.map((record) => ({ name: approvalLabel(record), value: String(record.id) }))
		.filter((result) => wanted === '' || result.name.toLowerCase().includes(wanted));
	return { results };
}

/**
 * The variants of the product chosen in the same node (its Product field as it is now), for the
 * Variant field of Product Variant › Get, Update and Delete. Billoget lists variants only per
 * product and without search, so the filter is applied here, to the labels shown.
 */
export async function searchProductVariants(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const current = this.getCurrentNodeParameter('productId') as unknown;
	// A resource locator ({ mode, value }) or, from older workflows, the plain ID.
	const raw = typeof current === 'object' && current !== null ? (current as IDataObject).value : current;
	const productId = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	if (!/^\d+$/.test(productId) || Number(productId) <= 0) {
		// No product picked yet: nothing to list (the field's description says to pick one first).
		return { results: [] };
	}
	const page = paginationToken ? Number(paginationToken) : 1;
	const parsed = await createClient(this).page({
		path: `${ENDPOINTS.products}/${productId}/variants`,
		page,
		pageSize: PICKER_PAGE_SIZE,
	});
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = parsed.items
		.map((record) => {
			const sku = record.sku ? ` · ${String(record.sku)}` : '';
			const inactive = record.isActive === false ? ' · inactive' : '';
			return { name: `${String(record.name ?? `Variant ${String(record.id)}`)}${sku} · ${String(record.price ?? '')}${inactive}`, value: String(record.id) };
		})
		.filter((result) => wanted === '' || result.name.toLowerCase().includes(wanted));
	return { results, paginationToken: parsed.hasMore ? String(page + 1) : undefined };
}

/** The budget approvers, for Remove Approver: one plain list, filtered here. */
export async function searchApprovers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const items = await createClient(this).plainList({ path: `${ENDPOINTS.approvals}/approvers` });
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = items
		.map((record) => {
			const user = (record.user as IDataObject | undefined) ?? {};
			const who = String(user.displayName ?? user.name ?? user.email ?? `user ${String(record.userId)}`);
			const notes = typeof record.notes === 'string' && record.notes !== '' ? ` · ${record.notes}` : '';
			return { name: `#${String(record.id)} · ${who} (user ${String(record.userId)})${notes}`, value: String(record.id) };
		})
		.filter((result) => wanted === '' || result.name.toLowerCase().includes(wanted));
	return { results };
}
