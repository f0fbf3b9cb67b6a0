/**
 * The product catalogue: counts per category and type, active vs inactive, prices, and the products
 * without stock.
 */

import { productIsActiveOf } from '../filters';
import { centsOf, fromCents } from '../money';
import { median, moneyOrNull, numberOf } from './numbers';
import { compareText, describeId, idOf, isRepeat } from './recordReaders';
import type { JsonRecord } from './recordReaders';

export interface CategoryRow {
	category: string;
	count: number;
	active: number;
	inactive: number;
	products: number;
	services: number;
	priceMin: number | null;
	priceMedian: number | null;
	priceMax: number | null;
	withoutStock: number;
}

export interface TypeRow {
	type: string;
	count: number;
	active: number;
	inactive: number;
}

export interface StocklessRow {
	productId: number | string | null;
	productCode: string | null;
	description: string | null;
	category: string;
	stock: number;
}

export interface CatalogSummary {
	productCount: number;
	active: number;
	inactive: number;
	categoryCount: number;
	byCategory: CategoryRow[];
	byType: TypeRow[];
	withoutStockCount: number;
	withoutStock: StocklessRow[];
	warnings: string[];
}

/** Name used for products without a category. */
export const NO_CATEGORY = '(no category)';

export function productType(product: JsonRecord): string {
	return typeof product.type === 'string' && product.type.trim() !== '' ? product.type.trim().toLowerCase() : 'unknown';
}

/** Active or not, by the rule of the product filters; an unreadable value counts as active (Billoget's default). */
export function productIsActive(product: JsonRecord): boolean {
	return productIsActiveOf(product) ?? true;
}

export function productCategory(product: JsonRecord): string {
	return typeof product.category === 'string' && product.category.trim() !== '' ? product.category.trim() : NO_CATEGORY;
}

/**
 * The catalogue report: counts per category and type, active vs inactive, price min/median/max per
 * category (every product of the category, in cents), and products without stock: active physical
 * products (type 'product', not services) whose stock is a number of 0 or less.
 */
export function summariseCatalog(products: JsonRecord[]): CatalogSummary {
	const warnings: string[] = [];
	const unique: JsonRecord[] = [];
	const seen = new Set<string>();
	for (const product of products) {
		if (!isRepeat(seen, idOf(product.id))) unique.push(product);
	}

	const categories = new Map<string, { row: CategoryRow; prices: number[] }>();
	const types = new Map<string, TypeRow>();
	const withoutStock: StocklessRow[] = [];
	let active = 0;
	for (const product of unique) {
		const category = productCategory(product);
		const type = productType(product);
		const isActive = productIsActive(product);
		if (isActive) active++;

		let entry = categories.get(category);
		if (!entry) {
			entry = {
				row: {
					category,
					count: 0,
					active: 0,
					inactive: 0,
					products: 0,
					services: 0,
					priceMin: null,
					priceMedian: null,
					priceMax: null,
					withoutStock: 0,
				},
				prices: [],
			};
			categories.set(category, entry);
		}
		entry.row.count++;
		if (isActive) entry.row.active++;
		else entry.row.inactive++;
		if (type === 'product') entry.row.products++;
		if (type === 'service') entry.row.services++;
		const price = centsOf(product.price);
		if (price === undefined) warnings.push(`Product ${describeId(product)} has no numeric price and is left out of the price figures`);
		else entry.prices.push(price);

		let typeRow = types.get(type);
		if (!typeRow) {
			typeRow = { type, count: 0, active: 0, inactive: 0 };
			types.set(type, typeRow);
		}
		typeRow.count++;
		if (isActive) typeRow.active++;
		else typeRow.inactive++;

		const stock = numberOf(product.stock);
		if (isActive && type === 'product' && stock !== undefined && stock <= 0) {
			entry.row.withoutStock++;
			withoutStock.push({
				productId: idOf(product.id) ?? null,
				productCode: typeof product.productCode === 'string' ? product.productCode : null,
				description: typeof product.description === 'string' ? product.description : null,
				category,
				stock,
			});
		}
	}

	const byCategory = [...categories.values()]
		.map(({ row, prices }) => ({
			...row,
			priceMin: prices.length ? fromCents(Math.min(...prices)) : null,
			priceMedian: moneyOrNull(median(prices)),
			priceMax: prices.length ? fromCents(Math.max(...prices)) : null,
		}))
		.sort((a, b) => compareText(a.category, b.category));
	const byType = [...types.values()].sort((a, b) => compareText(a.type, b.type));
	withoutStock.sort(
		(a, b) => compareText(a.category, b.category) || compareText(a.productCode ?? '', b.productCode ?? '') || compareText(String(a.productId ?? ''), String(b.productId ?? '')),
	);

	return {
		productCount: unique.length,
		active,
		inactive: unique.length - active,
		categoryCount: byCategory.length,
		byCategory,
		byType,
		withoutStockCount: withoutStock.length,
		withoutStock,
		warnings,
	};
}
