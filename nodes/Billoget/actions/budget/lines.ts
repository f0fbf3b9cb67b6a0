import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { ENDPOINTS } from '../../transport/endpoints';
import { invalid, readCollection } from '../parameters';
import { checkLines, linesFromJson } from '../../shared/budgetLines';
import type { Line, LineProblem, RawLine } from '../../shared/budgetLines';

function lineError(ctx: IExecuteFunctions, itemIndex: number, problem: LineProblem) {
	return invalid(ctx, itemIndex, problem.message, problem.hint);
}

/** The lines of item i, from the fields or from Items (JSON), checked before any request. */
export function readLines(ctx: IExecuteFunctions, itemIndex: number): Line[] {
	const mode = ctx.getNodeParameter('itemsMode', itemIndex, 'fields') as string;
	let raws: RawLine[];
	if (mode === 'json') {
		const parsed = linesFromJson(ctx.getNodeParameter('itemsJson', itemIndex, '[]') as unknown);
		if (!parsed.ok) throw lineError(ctx, itemIndex, parsed.problem);
		raws = parsed.value;
	} else {
		const collection = readCollection(ctx, 'items', itemIndex);
		raws = Array.isArray(collection.item) ? (collection.item as RawLine[]) : [];
	}
	const checked = checkLines(raws);
	if (!checked.ok) throw lineError(ctx, itemIndex, checked.problem);
	return checked.value;
}

/**
 * Unit prices of every line: the given one, or the product's price from the catalogue, read once per
 * product for the whole run (the client's price cache).
 */
export async function unitPrices(
	ctx: IExecuteFunctions,
	client: BillogetClient,
	itemIndex: number,
	lines: Line[],
): Promise<number[]> {
	const cache = client.productPrices;
	const prices: number[] = [];
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index];
		if (line.unitPrice !== undefined) {
			prices.push(line.unitPrice);
			continue;
		}
		const productId = line.productId as number;
		let price = cache.get(productId);
		if (price === undefined) {
			const product = await client.requestRecord({
				method: 'GET',
				path: `${ENDPOINTS.products}/${productId}`,
				itemIndex,
				notFoundMessage: `No product with ID ${productId} exists in Billoget (line item ${index + 1})`,
			});
			const raw = product.price;
			const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN;
			if (!Number.isFinite(value) || value < 0) {
				throw new NodeOperationError(ctx.getNode(), `Product ${productId} has no usable price in Billoget (line item ${index + 1})`, {
					itemIndex,
					description: 'Give the Unit Price of this line explicitly, or set a price on the product in Billoget.',
				});
			}
			price = value;
			cache.set(productId, price);
		}
		prices.push(price);
	}
	return prices;
}
