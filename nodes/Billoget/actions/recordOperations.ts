import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { BillogetClient } from '../transport/client';
import { readCollection, readId, readLimit } from './parameters';
import { isToolRun } from './toolOutput';

/**
 * Get, Get Many and Delete work the same way for customers, products and budgets; each operation file
 * describes its fields and calls these with its resource's spec.
 */
export interface RecordSpec {
	/** '/api/public/customers' */
	path: string;
	/** 'customer' */
	label: string;
	/** Name of the resource locator parameter, e.g. 'customerId'. */
	idParameter: string;
	/** Fields kept by Simplify, where the resource offers it. */
	simplifiedFields?: string[];
}

export function wrap(json: IDataObject | IDataObject[]): INodeExecutionData[] {
	return (Array.isArray(json) ? json : [json]).map((entry) => ({ json: entry }));
}

export function simplify(record: IDataObject, fields: string[] | undefined): IDataObject {
	if (!fields) return record;
	const result: IDataObject = {};
	for (const field of fields) {
		if (record[field] !== undefined) result[field] = record[field];
	}
	return result;
}

function capitalised(label: string): string {
	return label.charAt(0).toUpperCase() + label.slice(1);
}

export async function getRecord(
	ctx: IExecuteFunctions,
	client: BillogetClient,
	itemIndex: number,
	spec: RecordSpec,
): Promise<IDataObject> {
	const id = readId(ctx, spec.idParameter, itemIndex, capitalised(spec.label));
	return await client.requestRecord({
		method: 'GET',
		path: `${spec.path}/${id}`,
		itemIndex,
		notFoundMessage: `No ${spec.label} with ID ${id} exists in Billoget`,
	});
}

export async function deleteRecord(
	ctx: IExecuteFunctions,
	client: BillogetClient,
	itemIndex: number,
	spec: RecordSpec,
): Promise<INodeExecutionData[]> {
	const id = readId(ctx, spec.idParameter, itemIndex, capitalised(spec.label));
	await client.request({
		method: 'DELETE',
		path: `${spec.path}/${id}`,
		itemIndex,
		notFoundMessage: `No ${spec.label} with ID ${id} exists in Billoget (it may already be deleted)`,
	});
	return wrap({ deleted: true, id });
}

/**
 * Get Many: Return All / Limit over both list envelopes, with the operation's query filters. `keep`
 * checks each record on the node's side (for filters an API may ignore); Limit then counts kept records.
 */
export async function listRecords(
	ctx: IExecuteFunctions,
	client: BillogetClient,
	itemIndex: number,
	path: string,
	qs: IDataObject,
	keep?: (record: IDataObject) => boolean,
): Promise<IDataObject[]> {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : readLimit(ctx, itemIndex);
	const result = await client.list({ path, qs, returnAll, limit, itemIndex, keep });
	return result.items;
}

/** Whether item i asked for the simplified output (top-level Simplify or Options → Simplify); tool runs always do. */
export function wantsSimplify(ctx: IExecuteFunctions, itemIndex: number): boolean {
	if (isToolRun(ctx)) return true;
	if (readCollection(ctx, 'options', itemIndex).simplify === true) return true;
	return ctx.getNodeParameter('simplify', itemIndex, false) === true;
}

/** Simplify applies where the operation has the option (records with many fields). */
export function maybeSimplify(
	ctx: IExecuteFunctions,
	itemIndex: number,
	records: IDataObject[],
	fields: string[] | undefined,
): IDataObject[] {
	if (!wantsSimplify(ctx, itemIndex)) return records;
	return records.map((record) => simplify(record, fields));
}
