/**
 * A budget's line items as the user gives them (the Line Items fields or Items (JSON)): checked one by
 * one with a problem that names the line, the field and the fix, shaped for the request body, and
 * fingerprinted to recognise a budget created by a lost attempt. Pure; unit-tested in
 * test/unit/budgetItems.test.ts. The Create operation turns the problems into NodeOperationErrors.
 */

import { locatorValue } from './locator';

/** One line as given, from the Line Items fields or one entry of Items (JSON). */
export interface RawLine {
	itemType?: unknown;
	productId?: unknown;
	packageId?: unknown;
	quantity?: unknown;
	unitPrice?: unknown;
}

/** A checked line: exactly one of productId / packageId; unitPrice undefined means "the product's price". */
export interface Line {
	productId?: number;
	packageId?: number;
	quantity: number;
	unitPrice?: number;
}

/** What is wrong with a line: 1-based line number, the field, and how to fix it. */
export interface LineProblem {
	line: number;
	field: string;
	message: string;
	hint: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: LineProblem };

function problem<T>(line: number, field: string, message: string, hint: string): Checked<T> {
	return { ok: false, problem: { line, field, message: `Line item ${line}: ${message}`, hint } };
}

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function numberOf(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string') return undefined;
	const text = value.trim().replace(',', '.');
	if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return undefined;
	const n = Number(text);
	return Number.isFinite(n) ? n : undefined;
}

function idOf(value: unknown): number | undefined {
	const raw = locatorValue(value);
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	return /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : undefined;
}

/** Validates one line (1-based `line`): its product or package, quantity > 0, unit price >= 0 or empty. */
export function checkLine(raw: RawLine, line: number): Checked<Line> {
	const type = isBlank(raw.itemType)
		? isBlank(locatorValue(raw.productId)) && !isBlank(raw.packageId)
			? 'package'
			: 'product'
		: String(raw.itemType).trim().toLowerCase();
	if (type !== 'product' && type !== 'package') {
		return problem(line, 'Item Type', `Item Type "${String(raw.itemType)}" is not known`, 'Use Product or Package.');
	}
	const result: Partial<Line> = {};
	if (type === 'product') {
		const productId = idOf(raw.productId);
		if (productId === undefined) {
			return problem(
				line,
				'Product',
				isBlank(locatorValue(raw.productId)) ? 'Product is missing' : `Product ${JSON.stringify(locatorValue(raw.productId))} is not a product ID`,
				'Give the Billoget product ID (a positive whole number such as 12), or pick the product from the list.',
			);
		}
		if (!isBlank(raw.packageId)) {
			return problem(line, 'Package ID', 'has both a product and a package', 'Give either a product or a package per line, not both.');
		}
		result.productId = productId;
	} else {
		const packageId = idOf(raw.packageId);
		if (packageId === undefined) {
			return problem(
				line,
				'Package ID',
				isBlank(raw.packageId) ? 'Package ID is missing' : `Package ID ${JSON.stringify(raw.packageId)} is not an ID`,
				'Give the Billoget package ID (a positive whole number such as 3).',
			);
		}
		result.packageId = packageId;
	}

	if (isBlank(raw.quantity)) {
		return problem(line, 'Quantity', 'Quantity is missing', 'Give how many units, e.g. 3 or 1.5.');
	}
	const quantity = numberOf(raw.quantity);
	if (quantity === undefined) {
		return problem(line, 'Quantity', `Quantity ${JSON.stringify(raw.quantity)} is not a number`, 'Use a number such as 3 or 1.5.');
	}
	if (quantity <= 0) {
		return problem(line, 'Quantity', `Quantity must be greater than 0 (got ${quantity})`, 'Remove the line or give a positive quantity.');
	}
	result.quantity = quantity;

	if (!isBlank(raw.unitPrice)) {
		const unitPrice = numberOf(raw.unitPrice);
		if (unitPrice === undefined) {
			return problem(
				line,
				'Unit Price',
				`Unit Price ${JSON.stringify(raw.unitPrice)} is not a number`,
				'Use a price in the budget currency such as 1500.50, or leave it empty to use the product price.',
			);
		}
		if (unitPrice < 0) {
			return problem(line, 'Unit Price', `Unit Price must not be negative (got ${unitPrice})`, 'Use 0 or a positive price.');
		}
		result.unitPrice = unitPrice;
	} else if (type === 'package') {
		return problem(
			line,
			'Unit Price',
			'Unit Price is required for a package',
			'Billoget has no endpoint to read a package price, so give the price of one package.',
		);
	}
	return { ok: true, value: result as Line };
}

/** Checks every line; the first problem wins. No lines at all is a problem too. */
export function checkLines(raws: RawLine[]): Checked<Line[]> {
	if (raws.length === 0) {
		return {
			ok: false,
			problem: {
				line: 0,
				field: 'Line Items',
				message: 'The budget has no line items',
				hint: 'Add at least one line (a product or package with a quantity).',
			},
		};
	}
	const lines: Line[] = [];
	for (let index = 0; index < raws.length; index++) {
		const checked = checkLine(raws[index], index + 1);
		if (!checked.ok) return checked;
		lines.push(checked.value);
	}
	return { ok: true, value: lines };
}

/**
 * Items (JSON): an array (or its JSON text) of { productId | packageId, quantity, unitPrice? }, the
 * form a Code node or a form submission can produce.
 */
export function linesFromJson(raw: unknown): Checked<RawLine[]> {
	let value = raw;
	if (typeof value === 'string') {
		const text = value.trim();
		if (text === '') value = [];
		else {
			try {
				value = JSON.parse(text);
			} catch {
				return {
					ok: false,
					problem: {
						line: 0,
						field: 'Items (JSON)',
						message: 'Items (JSON) is not valid JSON',
						hint: 'Use an array such as [{"productId": 12, "quantity": 3, "unitPrice": 10.5}], or map an array with an expression.',
					},
				};
			}
		}
	}
	if (typeof value === 'object' && value !== null && !Array.isArray(value) && Array.isArray((value as Record<string, unknown>).items)) {
		value = (value as Record<string, unknown>).items;
	}
	if (!Array.isArray(value)) {
		return {
			ok: false,
			problem: {
				line: 0,
				field: 'Items (JSON)',
				message: 'Items (JSON) must be an array of line items',
				hint: 'Use an array such as [{"productId": 12, "quantity": 3}]; each entry has productId or packageId, quantity and optionally unitPrice.',
			},
		};
	}
	const lines: RawLine[] = [];
	for (let index = 0; index < value.length; index++) {
		const entry = value[index] as unknown;
		if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
			return problem(
				index + 1,
				'Items (JSON)',
				'is not an object',
				'Each entry looks like {"productId": 12, "quantity": 3, "unitPrice": 10.5}.',
			);
		}
		const e = entry as Record<string, unknown>;
		lines.push({
			itemType: e.itemType,
			productId: e.productId,
			packageId: e.packageId,
			quantity: e.quantity,
			unitPrice: e.unitPrice,
		});
	}
	return { ok: true, value: lines };
}

/** A line as sent to Billoget: its product or package, quantity and unit price. */
export type LineBody = ({ productId: number } | { packageId: number }) & { quantity: number; unitPrice: number };

/** The line as sent to Billoget (all prices known by now). */
export function lineBody(line: Line, unitPrice: number): LineBody {
	return {
		...(line.productId !== undefined ? { productId: line.productId } : { packageId: line.packageId as number }),
		quantity: line.quantity,
		unitPrice,
	};
}

/** Order-insensitive fingerprint of a budget's lines, to recognise a budget created by a lost attempt. */
export function linesFingerprint(items: unknown): string | undefined {
	if (!Array.isArray(items)) return undefined;
	const keys: string[] = [];
	for (const item of items) {
		if (typeof item !== 'object' || item === null) return undefined;
		const i = item as Record<string, unknown>;
		const quantity = numberOf(i.quantity);
		const unitPrice = numberOf(i.unitPrice);
		if (quantity === undefined || unitPrice === undefined) return undefined;
		const what = i.productId !== undefined && i.productId !== null ? `p${String(i.productId)}` : `k${String(i.packageId)}`;
		keys.push(`${what}x${quantity}@${unitPrice}`);
	}
	return keys.sort().join('|');
}
