import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { budgetStateOf, normaliseBudget } from '../shared/budget';
import { createClient } from '../transport/client';
import type { BillogetClient } from '../transport/client';
import type { TransportSettings } from '../transport/settings';
import { comparedFields, isPollEvent, POLL_EVENTS } from './events';
import type { PollEventName, PollEventSpec } from './events';
import { budgetListQuery } from '../shared/filters';
import { walkList } from './fetch';
import {
	diffCreated,
	diffSnapshot,
	encodeValues,
	expirationFromToken,
	expirationOf,
	expirationToken,
	fieldChanges,
	idOf,
	NewestFirstTracker,
	newestFirst,
	oldestFirst,
	priceToken,
	RATE_LIMIT_KEY,
	readState,
	STATE_VERSION,
	stateFromToken,
	stateNameOf,
	stateToken,
	STATIC_KEY,
} from './state';
import type { PollState, SnapshotEntry } from './state';

const DAY_MS = 86_400_000;

export interface PollSettings {
	event: PollEventName;
	spec: PollEventSpec;
	/** Compared fields of 'changed' events. */
	fields: string[];
	expiringWithinDays: number;
	onlyOpenBudgets: boolean;
	marginMs: number;
	maxPages: number;
	/** What the stored state was built for; a different scope starts a fresh baseline. */
	scope: string;
	/** The transport settings the options ask for (Max Rate Limit Wait). */
	transport: Partial<TransportSettings>;
}

function numberOption(value: unknown, fallback: number, min: number): number {
	return typeof value === 'number' && Number.isFinite(value) ? Math.max(min, value) : fallback;
}

export function readSettings(ctx: IPollFunctions): PollSettings {
	const event = ctx.getNodeParameter('event', 'budget.created') as unknown;
	if (!isPollEvent(event)) {
		throw new NodeOperationError(ctx.getNode(), `"${String(event)}" is not an event of the Billoget Poll Trigger`, {
			description: 'Pick the event again in the node; the workflow may come from a newer version of this node.',
		});
	}
	const spec = POLL_EVENTS[event];
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const chosen = spec.resource === 'customer' ? options.customerFields : options.productFields;
	const fields = comparedFields(spec, chosen);
	const expiringWithinDays =
		event === 'budget.expiring' ? numberOption(ctx.getNodeParameter('expiringWithinDays', 7), 7, 0) : 0;
	const onlyOpenBudgets = options.onlyOpenBudgets !== false;
	const scopeParts: string[] = [event];
	if (spec.strategy === 'changed') scopeParts.push(fields.join(','));
	if (spec.strategy === 'expiring') scopeParts.push(String(expiringWithinDays), onlyOpenBudgets ? 'open' : 'all');
	return {
		event,
		spec,
		fields,
		expiringWithinDays,
		onlyOpenBudgets,
		marginMs: numberOption(options.createdMarginMinutes, 10, 0) * 60_000,
		maxPages: Math.floor(numberOption(options.maxPages, 50, 1)),
		scope: scopeParts.join('|'),
		transport:
			typeof options.maxRateLimitWait === 'number'
				? { maxRateLimitWaitMs: Math.max(0, options.maxRateLimitWait) * 1000 }
				: {},
	};
}

/**
 * The list query of a poll: the state filter where one applies (under both names Billoget documents;
 * each record's state is checked again), createdAfter from the cursor.
 */
export function listQuery(settings: PollSettings, state: PollState | undefined): IDataObject {
	const { spec } = settings;
	const qs: IDataObject = {};
	if (spec.strategy === 'inState' && spec.state !== undefined) Object.assign(qs, budgetListQuery({ state: spec.state }));
	if (spec.strategy === 'expiring' && settings.onlyOpenBudgets) Object.assign(qs, budgetListQuery({ state: 0 }));
	if (spec.strategy === 'created' && spec.createdAfterFilter && state?.cursor !== undefined) {
		qs.createdAfter = new Date(state.cursor - settings.marginMs).toISOString();
	}
	return qs;
}

interface Detected {
	record: IDataObject;
	extra?: IDataObject;
}

function outputItem(settings: PollSettings, now: number, detected: Detected): IDataObject {
	const data = settings.spec.resource === 'budget' ? normaliseBudget(detected.record) : { ...detected.record };
	return { event: settings.event, detectedAt: new Date(now).toISOString(), data, ...detected.extra };
}

function isExpiring(settings: PollSettings, record: IDataObject, now: number): number | undefined {
	if (settings.onlyOpenBudgets && budgetStateOf(record) !== 0) return undefined;
	const expiresAt = expirationOf(record);
	if (expiresAt === undefined) return undefined;
	return expiresAt >= now && expiresAt <= now + settings.expiringWithinDays * DAY_MS ? expiresAt : undefined;
}

function expiringExtra(expiresAt: number, now: number): IDataObject {
	return {
		expiresAt: new Date(expiresAt).toISOString(),
		daysLeft: Math.round(((expiresAt - now) / DAY_MS) * 10) / 10,
	};
}

function snapshotOf(settings: PollSettings, records: IDataObject[], now: number): SnapshotEntry[] {
	const entries: SnapshotEntry[] = [];
	for (const record of records) {
		const id = idOf(record);
		if (id === undefined) continue;
		const { spec } = settings;
		let token: string | undefined;
		if (spec.strategy === 'inState') {
			token = budgetStateOf(record) === spec.state ? '' : undefined;
		} else if (spec.strategy === 'expiring') {
			const expiresAt = isExpiring(settings, record, now);
			token = expiresAt === undefined ? undefined : expirationToken(expiresAt);
		} else if (settings.event === 'budget.stateChanged') {
			token = stateToken(record);
		} else if (settings.event === 'product.priceChanged') {
			token = priceToken(record.price);
		} else {
			token = encodeValues(record, settings.fields);
		}
		if (token !== undefined) entries.push({ id, token, record });
	}
	return entries;
}

/** The compared values of a change: previous state for budgets, previous field values otherwise. */
function changeExtra(settings: PollSettings, before: string | undefined, after: string): IDataObject {
	if (settings.event === 'budget.stateChanged') {
		const state = before === undefined ? null : stateFromToken(before);
		return { changedFields: ['state'], previous: { state, stateName: stateNameOf(state) } };
	}
	if (before === undefined) return {};
	return { ...fieldChanges(settings.fields, before, after) };
}

interface PollOutcome {
	detected: Detected[];
	next: PollState;
}

/** Decides the events of one poll from the records read and the stored state (pure apart from `now`). */
export function detect(
	settings: PollSettings,
	previous: PollState | undefined,
	records: IDataObject[],
	complete: boolean,
	now: number,
): PollOutcome {
	const { spec } = settings;
	const base = { v: STATE_VERSION, scope: settings.scope };
	if (spec.strategy === 'created') {
		const diff = diffCreated(previous, records, settings.marginMs, complete);
		const next: PollState = { ...base, recent: diff.recent };
		if (diff.cursor !== undefined) next.cursor = diff.cursor;
		if (diff.undated.length > 0) next.undated = diff.undated;
		const fresh = [...diff.fresh].sort(oldestFirst('createdAt'));
		return { detected: fresh.map((record) => ({ record })), next };
	}
	const entries = snapshotOf(settings, records, now);
	const keepMissing =
		spec.strategy === 'expiring'
			? (_id: string, token: string) => (expirationFromToken(token) ?? 0) >= now
			: undefined;
	const diff = diffSnapshot(previous?.seen, entries, { keepMissing });
	const next: PollState = { ...base, seen: diff.seen };
	if (!previous) return { detected: [], next };
	const detected: Detected[] = [];
	for (const change of diff.changes) {
		if (spec.strategy === 'inState') {
			if (change.before === undefined) detected.push({ record: change.record });
		} else if (spec.strategy === 'expiring') {
			const expiresAt = expirationOf(change.record) ?? expirationFromToken(change.after) ?? now;
			detected.push({ record: change.record, extra: expiringExtra(expiresAt, now) });
		} else if (change.before !== undefined) {
			detected.push({ record: change.record, extra: changeExtra(settings, change.before, change.after) });
		} else if (settings.event === 'budget.stateChanged' && (budgetStateOf(change.record) ?? 0) !== 0) {
			// Created after the previous poll and already decided: its state changed from unknown.
			detected.push({ record: change.record, extra: changeExtra(settings, undefined, change.after) });
		}
	}
	const order = spec.strategy === 'expiring' ? 'expirationDate' : 'updatedAt';
	detected.sort((a, b) => oldestFirst(order)(a.record, b.record));
	return { detected, next };
}

/** Manual runs: the newest record that matches the event, shaped like a real event, as sample data. */
export function sample(settings: PollSettings, records: IDataObject[], now: number): Detected | undefined {
	const { spec } = settings;
	if (spec.strategy === 'created') {
		const [newest] = [...records].sort(newestFirst('createdAt'));
		return newest ? { record: newest } : undefined;
	}
	if (spec.strategy === 'expiring') {
		const soonest = records
			.map((record) => ({ record, expiresAt: isExpiring(settings, record, now) }))
			.filter((c): c is { record: IDataObject; expiresAt: number } => c.expiresAt !== undefined)
			.sort((a, b) => a.expiresAt - b.expiresAt)[0];
		return soonest ? { record: soonest.record, extra: expiringExtra(soonest.expiresAt, now) } : undefined;
	}
	let candidates = records;
	if (spec.strategy === 'inState') candidates = records.filter((r) => budgetStateOf(r) === spec.state);
	if (settings.event === 'budget.stateChanged') candidates = records.filter((r) => budgetStateOf(r) !== 0);
	const [newest] = [...candidates].sort(newestFirst('updatedAt'));
	if (!newest) return undefined;
	if (spec.strategy === 'inState') return { record: newest };
	if (settings.event === 'budget.stateChanged') {
		return { record: newest, extra: { changedFields: ['state'], previous: { state: null, stateName: null } } };
	}
	const previous: IDataObject = {};
	for (const field of settings.fields) previous[field] = null;
	return { record: newest, extra: { changedFields: [], previous } };
}

/** Where the README explains the Poll Trigger's events (linked from notices and errors). */
export const POLL_DOCS_URL = 'https://github.com/billoget/n8n-nodes-billoget#billoget-poll-trigger';

/** What to do in Billoget so that Fetch Test Event finds a record for the event. */
const MAKE_ONE: Record<PollEventName, string> = {
	'budget.created': 'Create a budget in Billoget',
	'budget.approved': 'Approve a budget in Billoget',
	'budget.rejected': 'Reject a budget in Billoget',
	'budget.stateChanged': 'Approve or reject a budget in Billoget',
	'budget.expiring': 'Give an open budget an expiration date within Within Days, or raise Within Days',
	'customer.created': 'Create a customer in Billoget',
	'customer.updated': 'Create or edit a customer in Billoget',
	'product.created': 'Create a product in Billoget',
	'product.updated': 'Create or edit a product in Billoget',
	'product.priceChanged': 'Create a product in Billoget or change a price',
};

/**
 * Fetch Test Event found nothing: say so as n8n's own poll triggers do, with what to change. A manual
 * run that returned nothing would only show "No trigger output".
 */
export function noSampleError(ctx: IPollFunctions, settings: PollSettings, listed: number): NodeOperationError {
	const read = listed === 1 ? '1 record' : `${listed} records`;
	return new NodeOperationError(ctx.getNode(), 'No data with the current filter could be found', {
		description: `None of the ${read} listed matches "${settings.spec.label}". ${MAKE_ONE[settings.event]} and fetch again, or pick another Event. The active workflow reports only changes after its activation (${POLL_DOCS_URL}).`,
	});
}

function rememberRateLimit(staticData: IDataObject, client: BillogetClient): void {
	const kept = client.rate.snapshot();
	if (JSON.stringify(staticData[RATE_LIMIT_KEY] ?? {}) !== JSON.stringify(kept)) {
		staticData[RATE_LIMIT_KEY] = kept as IDataObject;
	}
}

/**
 * One poll. Reads the list the event needs, compares it with the node's static data and returns the
 * events, oldest first, or null when there is none. The stored state changes only after every request
 * of the poll succeeded: a failed poll (a 429 the transport gave up on, a network error) throws, n8n
 * shows the error, and the next poll sees the same changes again. Each poll builds its own client and
 * takes the key's rate-limit window from the previous poll's static data; `transport` overrides the
 * client's settings (the test harness gives it a clock).
 */
export async function pollBilloget(
	ctx: IPollFunctions,
	transport: Partial<TransportSettings> = {},
): Promise<INodeExecutionData[][] | null> {
	const settings = readSettings(ctx);
	const client = createClient(ctx, { ...settings.transport, ...transport });
	if (ctx.getMode() === 'manual') return await fetchTestEvent(ctx, settings, client);

	const staticData = ctx.getWorkflowStaticData('node');
	client.rate.restore(staticData[RATE_LIMIT_KEY]);
	try {
		return await pollChanges(ctx, settings, client, staticData);
	} finally {
		rememberRateLimit(staticData, client);
	}
}

/** Fetch Test Event: the newest matching record, or an error that says what to change. */
async function fetchTestEvent(
	ctx: IPollFunctions,
	settings: PollSettings,
	client: BillogetClient,
): Promise<INodeExecutionData[][]> {
	const now = client.settings.now();
	const what = `${settings.spec.resource}s`;
	const { items } = await walkList(client, {
		path: settings.spec.path,
		qs: listQuery(settings, undefined),
		maxPages: settings.maxPages,
		what,
	});
	const found = sample(settings, items, now);
	if (!found) throw noSampleError(ctx, settings, items.length);
	return [ctx.helpers.returnJsonArray([outputItem(settings, now, found)])];
}

/** A scheduled poll: the changes since the stored state, which is updated only when every request succeeded. */
async function pollChanges(
	ctx: IPollFunctions,
	settings: PollSettings,
	client: BillogetClient,
	staticData: IDataObject,
): Promise<INodeExecutionData[][] | null> {
	const now = client.settings.now();
	const what = `${settings.spec.resource}s`;
	const previous = readState(staticData[STATIC_KEY], settings.scope);
	const tracker = new NewestFirstTracker();
	const floor =
		previous?.cursor !== undefined && settings.spec.strategy === 'created'
			? previous.cursor - settings.marginMs
			: undefined;
	const qs = listQuery(settings, previous);
	const walk = await walkList(client, {
		path: settings.spec.path,
		qs,
		maxPages: settings.maxPages,
		what,
		stopAfter: floor === undefined ? undefined : (page) => tracker.pageIsOlderThan(page, floor),
	});
	// Complete: every record of the resource was listed (no early stop, no date filter).
	const complete = !walk.stoppedEarly && qs.createdAfter === undefined;
	const outcome = detect(settings, previous, walk.items, complete, now);

	if (JSON.stringify(staticData[STATIC_KEY] ?? null) !== JSON.stringify(outcome.next)) {
		staticData[STATIC_KEY] = outcome.next as unknown as IDataObject;
	}
	ctx.logger.debug('Billoget Poll Trigger polled', {
		event: settings.event,
		pages: walk.pages,
		records: walk.items.length,
		events: outcome.detected.length,
		baseline: previous === undefined,
	});
	if (outcome.detected.length === 0) return null;
	return [ctx.helpers.returnJsonArray(outcome.detected.map((d) => outputItem(settings, now, d)))];
}
