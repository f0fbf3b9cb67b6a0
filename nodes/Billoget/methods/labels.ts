import type { IDataObject } from 'n8n-workflow';

import { budgetStateOf, customerFullName, STATE_LABELS } from '../shared/budget';

/** Billoget amounts are decimal numbers in the budget's currency; an unreadable one is shown as is. */
export function formatAmount(value: unknown, currency?: unknown): string {
	const amount = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	const code = typeof currency === 'string' && currency.trim() !== '' ? ` ${currency.trim()}` : '';
	if (typeof amount !== 'number' || !Number.isFinite(amount)) {
		return value === undefined || value === null ? '' : `${String(value)}${code}`;
	}
	const text = amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
	return `${text}${code}`;
}

export function customerLabel(record: IDataObject): string {
	const name = customerFullName(record) ?? '';
	return record.email ? `${name} (${String(record.email)})` : name || `Customer ${String(record.id)}`;
}

/** "P-001 · Service call · 15,000.00": the price is what an empty Unit Price takes. */
export function productLabel(record: IDataObject): string {
	const code = String(record.productCode ?? record.sku ?? record.id);
	const text = String(record.description ?? record.name ?? '');
	const price = formatAmount(record.price, record.currency);
	return [code, text, price].filter((part) => part !== '').join(' · ');
}

export function budgetLabel(record: IDataObject): string {
	const who = customerFullName(record.customer) ?? `customer ${String(record.customerId)}`;
	const code = budgetStateOf(record);
	const state = code === undefined ? String(record.status ?? '') : STATE_LABELS[code];
	return [`#${String(record.id)}`, who, formatAmount(record.total, record.currency), state]
		.filter((part) => part !== '')
		.join(' · ');
}

/** A pending approval: its budget (with customer and total when Billoget includes the budget), date, notes. */
export function approvalLabel(record: IDataObject): string {
	const budget = typeof record.budget === 'object' && record.budget !== null ? (record.budget as IDataObject) : undefined;
	const parts = [`#${String(record.id)}`, `budget #${String(record.budgetId ?? budget?.id)}`];
	if (budget) {
		const who = customerFullName(budget.customer);
		if (who) parts.push(who);
		const total = formatAmount(budget.total, budget.currency);
		if (total) parts.push(total);
	}
	if (typeof record.createdAt === 'string') parts.push(record.createdAt.slice(0, 10));
	if (typeof record.requestNotes === 'string' && record.requestNotes !== '') parts.push(record.requestNotes);
	return parts.join(' · ');
}
