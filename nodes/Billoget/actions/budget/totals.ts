import type { IExecuteFunctions } from 'n8n-workflow';

import { computeBudgetTotals, fromCents, percentOfCents, toCents } from '../../shared/money';
import { readCollection, toNumber } from '../parameters';

export interface Totals {
	subtotal: number;
	iva: number;
	total: number;
}

/** Amounts the user gives instead of the computed ones (Options → … Override). */
export type Overrides = Partial<Totals>;

export function readOverrides(ctx: IExecuteFunctions, itemIndex: number): Overrides {
	const options = readCollection(ctx, 'options', itemIndex);
	const read = (name: string, label: string) => toNumber(ctx, options[name], itemIndex, label, { min: 0 });
	return {
		subtotal: read('subtotalOverride', 'Subtotal Override'),
		iva: read('ivaOverride', 'IVA Override'),
		total: read('totalOverride', 'Total Override'),
	};
}

/** Subtotal, IVA and total in exact cents (half-up), with the user's overrides. */
export function totalsFor(
	lines: Array<{ quantity: number; unitPrice: number }>,
	taxRate: number,
	overrides: Overrides,
): Totals {
	const computed = computeBudgetTotals(lines, taxRate);
	const subtotalCents = overrides.subtotal !== undefined ? toCents(overrides.subtotal) : computed.subtotalCents;
	const ivaCents = overrides.iva !== undefined ? toCents(overrides.iva) : percentOfCents(subtotalCents, taxRate);
	const totalCents = overrides.total !== undefined ? toCents(overrides.total) : subtotalCents + ivaCents;
	return { subtotal: fromCents(subtotalCents), iva: fromCents(ivaCents), total: fromCents(totalCents) };
}
