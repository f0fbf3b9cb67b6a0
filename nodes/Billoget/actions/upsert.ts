import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';

import { changedFields, changes, groupByKey, holdsFields, indexByKey, isSearchableKey, normaliseKey } from '../shared/matching';
import type { MatchKey, UpsertGroup } from '../shared/matching';
import type { BillogetClient } from '../transport/client';
import { asNodeError } from '../transport/errors';
import { findLostCreate } from '../transport/recovery';
import { optionsCollection } from './common.descriptions';
import { invalid, readCollection } from './parameters';
import type { ItemOutcome } from './types';

/**
 * Create or Update for customers and products, spending as few requests as the API allows:
 *  - "Load All Once": one list walk (100 per page) indexes every existing record by the match key, then
 *    each new record costs one POST, each changed one a PUT with only the changed fields, and an
 *    unchanged one nothing. Items of one execution with the same key are merged into one write.
 *  - "Per Item Search": one search per distinct key, then the same write rule (cheaper for a few items).
 *    Only for keys every reading of the API searches (email, SKU; see SEARCHABLE_KEYS): a search that
 *    misses an existing record would create a duplicate, so the other keys always use Load All Once.
 *  - "Auto": Load All Once above a threshold of items.
 */
export interface UpsertSpec {
	path: string;
	label: string;
	/** Fields Billoget requires to create the record (checked only when a create is needed). */
	requiredForCreate: Array<{ field: string; label: string }>;
	/** Reads and validates item i: the match key and the fields to write (including the key field). */
	readItem: (ctx: IExecuteFunctions, itemIndex: number) => { matchOn: MatchKey; fields: IDataObject };
}

/** Match On of item i: one of the operation's keys (value → label). */
export function readMatchOn(ctx: IExecuteFunctions, itemIndex: number, keys: Partial<Record<MatchKey, string>>): MatchKey {
	const matchOn = ctx.getNodeParameter('matchOn', itemIndex) as unknown;
	if (typeof matchOn !== 'string' || !Object.prototype.hasOwnProperty.call(keys, matchOn)) {
		throw invalid(
			ctx,
			itemIndex,
			`Match On "${String(matchOn)}" is not supported`,
			`Choose ${Object.values(keys).join(', ')}.`,
		);
	}
	return matchOn as MatchKey;
}

/** `searchableLabel`: the operation's keys that Per Item Search can use, e.g. 'Email'. */
export function upsertOptions(matchLabel: string, searchableLabel: string): INodeProperties {
	return optionsCollection([
		{
			displayName: 'Load All Threshold',
			name: 'loadAllThreshold',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 20,
			description: `With Matching set to Auto: above this many input items, all existing ${matchLabel} are listed once instead of searching per item (matching on ${searchableLabel}; other keys always list them all)`,
		},
		{
			displayName: 'Matching',
			name: 'matching',
			type: 'options',
			default: 'auto',
			options: [
				{
					name: 'Auto',
					value: 'auto',
					description: `Per Item Search for small inputs matching on ${searchableLabel}, Load All Once otherwise`,
				},
				{
					name: 'Load All Once',
					value: 'loadAll',
					description: `List every existing ${matchLabel} once (one request per 100), then write only what changed`,
				},
				{
					name: 'Per Item Search',
					value: 'perItem',
					description: `One search request per input item before writing. Only when matching on ${searchableLabel}, the key every Billoget version searches; other keys use Load All Once.`,
				},
			],
		},
		{
			displayName: 'Multiple Matches',
			name: 'multipleMatches',
			type: 'options',
			default: 'error',
			options: [
				{ name: 'Fail the Item', value: 'error', description: 'Stop with an error that lists the matching IDs' },
				{ name: 'Update the First (Lowest ID)', value: 'updateFirst' },
			],
			description: `What to do when several existing ${matchLabel} share the match value`,
		},
	]);
}

interface ValidItem {
	itemIndex: number;
	matchOn: MatchKey;
	key: string;
	fields: IDataObject;
}

function isRateLimitError(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '429';
}

function byLowestId(records: IDataObject[]): IDataObject[] {
	return [...records].sort((a, b) => Number(a.id) - Number(b.id));
}

/**
 * One outcome per input item, in input order; the router turns them into output items or errors. Items
 * not attempted after a stop (a rate limit, a failed Load All) come out as not processed, with the reason.
 */
export async function executeUpsert(
	ctx: IExecuteFunctions,
	client: BillogetClient,
	spec: UpsertSpec,
): Promise<ItemOutcome[]> {
	const items = ctx.getInputData();
	const outcomes = new Map<number, ItemOutcome>();
	const valid: ValidItem[] = [];

	// 1. Validate every item before any request.
	for (let i = 0; i < items.length; i++) {
		try {
			const { matchOn, fields } = spec.readItem(ctx, i);
			const key = normaliseKey(matchOn, fields[matchOn]);
			if (key === undefined) {
				throw new NodeOperationError(ctx.getNode(), 'Value to Match is empty', {
					itemIndex: i,
					description: `Map the ${matchOn} to match on, or check that the expression resolves to a value for this item.`,
				});
			}
			valid.push({ itemIndex: i, matchOn, key, fields });
		} catch (error) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx.getNode(), error, i);
			outcomes.set(i, { item: i, error: error as Error });
		}
	}

	if (valid.length > 0) {
		const options = readCollection(ctx, 'options', 0);
		const matching = (options.matching as string | undefined) ?? 'auto';
		const threshold = (options.loadAllThreshold as number | undefined) ?? 20;
		const updateFirst = options.multipleMatches === 'updateFirst';
		const matchOn = valid[0].matchOn;
		const loadAll =
			matching === 'loadAll' || !isSearchableKey(matchOn) || (matching === 'auto' && items.length > threshold);
		const groups = groupByKey(valid.map((v) => ({ itemIndex: v.itemIndex, key: v.key, fields: v.fields })));

		let index: Map<string, IDataObject[]> | undefined;
		let stopped: Error | undefined;
		if (loadAll) {
			try {
				const { items: existing } = await client.list({
					path: spec.path,
					returnAll: true,
					itemIndex: valid[0].itemIndex,
				});
				index = indexByKey(existing, matchOn);
			} catch (error) {
				// Nothing was written: every item comes out as not processed, with the reason (or, without
				// Continue On Fail, the run fails below saying no item was done).
				stopped = error as Error;
			}
		}

		for (const group of groups) {
			if (stopped) {
				for (const i of group.itemIndexes) outcomes.set(i, { item: i, error: stopped, notProcessed: true });
				continue;
			}
			try {
				const json = await upsertGroup(ctx, client, spec, group, matchOn, updateFirst, index);
				for (const i of group.itemIndexes) {
					outcomes.set(i, {
						item: i,
						output: [{ json: group.itemIndexes.length > 1 ? { ...json, mergedItems: group.itemIndexes } : json }],
					});
				}
			} catch (error) {
				if (isRateLimitError(error)) {
					// Stop before the limit: nothing more is sent; what is done stays done, the rest is listed.
					stopped = error as Error;
					for (const i of group.itemIndexes) outcomes.set(i, { item: i, error: stopped, notProcessed: true });
					continue;
				}
				if (!ctx.continueOnFail()) throw withProgress(ctx, client, error as Error, outcomes, group.itemIndexes[0]);
				for (const i of group.itemIndexes) outcomes.set(i, { item: i, error: error as Error });
			}
		}
		if (stopped && !ctx.continueOnFail()) {
			throw withProgress(ctx, client, stopped, outcomes, undefined);
		}
	}

	// Every item was validated, then grouped or failed: each has its outcome.
	return items.map((_, i) => outcomes.get(i) as ItemOutcome);
}

async function upsertGroup(
	ctx: IExecuteFunctions,
	client: BillogetClient,
	spec: UpsertSpec,
	group: UpsertGroup<IDataObject>,
	matchOn: MatchKey,
	updateFirst: boolean,
	index: ReadonlyMap<string, IDataObject[]> | undefined,
): Promise<IDataObject> {
	// Items are grouped by key, so each key is looked up (in the index or by a search) exactly once.
	const itemIndex = group.itemIndexes[0];
	const matches = index ? (index.get(group.key) ?? []) : await searchByKey(client, spec, matchOn, group, itemIndex);

	if (matches.length > 1 && !updateFirst) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${matches.length} ${spec.label}s match ${matchOn} "${String(group.desired[matchOn])}"`,
			{
				itemIndex,
				description: `Matching IDs: ${matches.map((m) => m.id).join(', ')}. Merge them in Billoget, match on another field, or set Options → Multiple Matches to "Update the First".`,
			},
		);
	}

	if (matches.length === 0) {
		for (const required of spec.requiredForCreate) {
			const value = group.desired[required.field];
			if (value === undefined || value === null || value === '') {
				throw new NodeOperationError(ctx.getNode(), `${required.label} is required to create a new ${spec.label}`, {
					itemIndex,
					description: `No ${spec.label} matches ${matchOn} "${String(group.desired[matchOn])}", so one will be created, and Billoget needs ${required.label} for that.`,
				});
			}
		}
		const startedAt = Date.now();
		const created = await client.requestRecord({
			method: 'POST',
			path: spec.path,
			body: group.desired,
			itemIndex,
			// The record a lost answer may have created has this key and every field sent: look before posting again.
			findCreated: async () =>
				await findLostCreate(client, {
					kind: spec.path,
					startedAt,
					itemIndex,
					list: { path: spec.path, qs: keyLookupQuery(matchOn, group) },
					matches: (record) =>
						normaliseKey(matchOn, record[matchOn]) === group.key && holdsFields(record, group.desired),
				}),
		});
		client.claimed.claim(spec.path, created.id);
		return { action: 'created', changedFields: Object.keys(group.desired), ...created };
	}

	const current = byLowestId(matches)[0];
	const diff = changes(current, group.desired);
	if (Object.keys(diff).length === 0) {
		return { action: 'unchanged', changedFields: [], ...current };
	}
	const updated = await client.requestRecord({
		method: 'PUT',
		path: `${spec.path}/${String(current.id)}`,
		body: diff as IDataObject,
		itemIndex,
		notFoundMessage: `The ${spec.label} with ID ${String(current.id)} was deleted while this run was updating it`,
	});
	const record = { ...current, ...updated };
	return { action: 'updated', changedFields: changedFields(current, group.desired), ...record };
}

/** The list query that finds records with the group's key: a search for searchable keys, else the full list. */
function keyLookupQuery(matchOn: MatchKey, group: UpsertGroup<IDataObject>): IDataObject | undefined {
	return isSearchableKey(matchOn) ? { search: String(group.desired[matchOn]) } : undefined;
}

/** Per Item Search (searchable keys only): every record the search returns is checked exactly. */
async function searchByKey(
	client: BillogetClient,
	spec: UpsertSpec,
	matchOn: MatchKey,
	group: UpsertGroup<IDataObject>,
	itemIndex: number,
): Promise<IDataObject[]> {
	const { items } = await client.list({
		path: spec.path,
		qs: keyLookupQuery(matchOn, group),
		returnAll: true,
		itemIndex,
	});
	// Search matches substrings in several fields: keep exact key matches only.
	return items.filter((record) => normaliseKey(matchOn, record[matchOn]) === group.key);
}

function withProgress(
	ctx: IExecuteFunctions,
	client: BillogetClient,
	error: Error,
	outcomes: Map<number, ItemOutcome>,
	failedItem: number | undefined,
): Error {
	const done = [...outcomes.entries()].filter(([, o]) => 'output' in o).map(([i]) => i);
	const notDone = ctx
		.getInputData()
		.map((_, i) => i)
		.filter((i) => !done.includes(i));
	const progress = `Written or checked: ${done.length} item(s)${done.length ? ` (${ranges(done)})` : ''}. Not done: ${notDone.length} item(s)${notDone.length ? ` (${ranges(notDone)})` : ''}. Running the workflow again is safe: items already written come out as "unchanged" and the rest are completed.`;
	const description = [error instanceof NodeApiError || error instanceof NodeOperationError ? error.description : '', progress]
		.filter(Boolean)
		.join(' ');
	if (error instanceof NodeApiError) {
		return new NodeApiError(ctx.getNode(), { message: error.message, requestsSent: client.rate.requests } as JsonObject, {
			message: error.message,
			description,
			httpCode: error.httpCode ?? undefined,
			itemIndex: failedItem,
		});
	}
	return new NodeOperationError(ctx.getNode(), error.message, { description, itemIndex: failedItem });
}

/** 0,1,2,5,7,8 → "0–2, 5, 7–8" */
export function ranges(indexes: number[]): string {
	const sorted = [...indexes].sort((a, b) => a - b);
	const parts: string[] = [];
	for (let k = 0; k < sorted.length; k++) {
		const start = sorted[k];
		while (k + 1 < sorted.length && sorted[k + 1] === sorted[k] + 1) k++;
		parts.push(start === sorted[k] ? `${start}` : `${start}–${sorted[k]}`);
	}
	return parts.join(', ');
}
