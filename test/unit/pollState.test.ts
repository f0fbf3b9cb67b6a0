import type { IDataObject } from 'n8n-workflow';

import { pagesFor, requestsPerHour, shortestInterval } from '../../nodes/Billoget/poll/cost';
import { comparedFields, POLL_EVENTS } from '../../nodes/Billoget/poll/events';
import { detect, listQuery } from '../../nodes/Billoget/poll/run';
import type { PollSettings } from '../../nodes/Billoget/poll/run';
import {
	diffCreated,
	diffSnapshot,
	encodeValues,
	fieldChanges,
	NewestFirstTracker,
	priceToken,
	readState,
	stateToken,
} from '../../nodes/Billoget/poll/state';
import type { PollState } from '../../nodes/Billoget/poll/state';

const MIN = 60_000;
const T = Date.parse('2026-06-01T12:00:00.000Z');
const at = (ms: number) => new Date(ms).toISOString();

function settingsFor(event: keyof typeof POLL_EVENTS, extra: Partial<PollSettings> = {}): PollSettings {
	const spec = POLL_EVENTS[event];
	return {
		event: spec.name,
		spec,
		fields: comparedFields(spec, []),
		expiringWithinDays: 7,
		onlyOpenBudgets: true,
		marginMs: 10 * MIN,
		maxPages: 50,
		scope: spec.name,
		transport: {},
		...extra,
	};
}

describe('created: cursor and recent ids', () => {
	const records = [
		{ id: 1, createdAt: at(T - 60 * MIN) },
		{ id: 2, createdAt: at(T - 5 * MIN) },
		{ id: 3, createdAt: at(T) },
	];

	it('the first activation records the present and emits nothing', () => {
		const diff = diffCreated(undefined, records, 10 * MIN, true);
		expect(diff.fresh).toEqual([]);
		expect(diff.cursor).toBe(T);
		expect(diff.recent).toEqual(['2', '3']); // within the margin before the cursor
	});

	it('emits records past the cursor, and late records within the margin once', () => {
		const state: PollState = { v: 1, scope: 's', cursor: T, recent: ['2', '3'] };
		const late = { id: 4, createdAt: at(T - 3 * MIN) }; // saved late: older than the cursor
		const tooLate = { id: 5, createdAt: at(T - 30 * MIN) };
		const next = { id: 6, createdAt: at(T + MIN) };
		const diff = diffCreated(state, [...records, late, tooLate, next], 10 * MIN, true);
		expect(diff.fresh.map((r) => r.id)).toEqual([4, 6]);
		expect(diff.cursor).toBe(T + MIN);
		expect(diff.recent.sort()).toEqual(['2', '3', '4', '6']);
		const again = diffCreated({ v: 1, scope: 's', cursor: diff.cursor, recent: diff.recent }, [...records, late, next], 10 * MIN, true);
		expect(again.fresh).toEqual([]);
	});

	it('after an empty account every record is new; duplicates across pages count once', () => {
		const state: PollState = { v: 1, scope: 's', recent: [] };
		const diff = diffCreated(state, [records[0], records[0], records[1]], 10 * MIN, true);
		expect(diff.fresh.map((r) => r.id)).toEqual([1, 2]);
	});

	it('tracks records without createdAt by id', () => {
		const first = diffCreated(undefined, [{ id: 'a' }], 10 * MIN, true);
		expect(first).toMatchObject({ fresh: [], undated: ['a'] });
		const second = diffCreated({ v: 1, scope: 's', recent: [], undated: first.undated }, [{ id: 'a' }, { id: 'b' }], 10 * MIN, true);
		expect(second.fresh).toEqual([{ id: 'b' }]);
		// An early stop keeps ids it did not get to see.
		const partial = diffCreated({ v: 1, scope: 's', recent: [], undated: ['a', 'b'] }, [], 10 * MIN, false);
		expect(partial.undated.sort()).toEqual(['a', 'b']);
	});
});

describe('early stop on pages older than the cursor', () => {
	const page = (...minutes: number[]) => minutes.map((m, i) => ({ id: i, createdAt: at(T + m * MIN) }));

	it('stops once a newest-first list reaches a page entirely older than the floor', () => {
		const tracker = new NewestFirstTracker();
		expect(tracker.pageIsOlderThan(page(5, 4, 3), T)).toBe(false);
		expect(tracker.pageIsOlderThan(page(2, 1, 0), T)).toBe(false); // 0 is not older than T
		expect(tracker.pageIsOlderThan(page(-1, -2), T)).toBe(true);
	});

	it('never stops on an oldest-first list, an unordered one, or without a cursor', () => {
		const ascending = new NewestFirstTracker();
		expect(ascending.pageIsOlderThan(page(-9, -8), T)).toBe(false);
		expect(ascending.pageIsOlderThan(page(-7, -6), T)).toBe(false);
		const mixed = new NewestFirstTracker();
		expect(mixed.pageIsOlderThan(page(-1, -5, -3), T)).toBe(false);
		expect(mixed.pageIsOlderThan(page(-6, -7), T)).toBe(false);
		const undated = new NewestFirstTracker();
		expect(undated.pageIsOlderThan([{ id: 1 }, { id: 2, createdAt: at(T - 9 * MIN) }], T)).toBe(false);
		expect(new NewestFirstTracker().pageIsOlderThan(page(-1, -2), undefined)).toBe(false);
	});
});

describe('snapshots: id → compared values', () => {
	it('reports new and changed ids and keeps missing ids for one more poll', () => {
		const first = diffSnapshot(undefined, [
			{ id: '1', token: 'a', record: { id: 1 } },
			{ id: '2', token: 'b', record: { id: 2 } },
		]);
		expect(first.changes.map((c) => [c.record.id, c.before])).toEqual([
			[1, undefined],
			[2, undefined],
		]);
		const second = diffSnapshot(first.seen, [{ id: '1', token: 'a2', record: { id: 1 } }]);
		expect(second.changes).toEqual([{ record: { id: 1 }, before: 'a', after: 'a2' }]);
		expect(second.seen).toEqual({ '1': 'a2', '2': '~b' });
		// Id 2 comes back unchanged (it had only slipped between pages): no event.
		const back = diffSnapshot(second.seen, [
			{ id: '1', token: 'a2', record: { id: 1 } },
			{ id: '2', token: 'b', record: { id: 2 } },
		]);
		expect(back.changes).toEqual([]);
		expect(back.seen).toEqual({ '1': 'a2', '2': 'b' });
		// Missing twice: forgotten.
		const gone = diffSnapshot(second.seen, [{ id: '1', token: 'a2', record: { id: 1 } }]);
		expect(gone.seen).toEqual({ '1': 'a2' });
	});

	it('can drop missing ids at once', () => {
		const diff = diffSnapshot({ '1': 'x', '2': 'y' }, [], { keepMissing: (id) => id === '1' });
		expect(diff.seen).toEqual({ '1': '~x' });
	});
});

describe('compared values', () => {
	const fields = ['firstName', 'email', 'dni', 'notes'];

	it('stores values compactly and names the changed fields with their previous values', () => {
		const before = encodeValues({ firstName: 'Ana', email: 'a@x.com', dni: 123 }, fields);
		expect(before).toBe('["Ana","a@x.com",123,null]');
		const after = encodeValues({ firstName: 'Ana', email: 'b@x.com', dni: 123 }, fields);
		expect(fieldChanges(fields, before, after)).toEqual({ changedFields: ['email'], previous: { email: 'a@x.com' } });
		expect(fieldChanges(fields, before, before)).toEqual({ changedFields: [], previous: {} });
	});

	it('keeps long texts and objects as a short hash: the change is seen, the old text is not', () => {
		const long = 'x'.repeat(500);
		const before = encodeValues({ notes: long }, fields);
		expect(before.length).toBeLessThan(60);
		const after = encodeValues({ notes: `${long}!` }, fields);
		expect(fieldChanges(fields, before, after)).toEqual({ changedFields: ['notes'], previous: { notes: null } });
		expect(encodeValues({ notes: { a: 1 } }, fields)).toBe(encodeValues({ notes: { a: 1 } }, fields));
	});

	it('compares prices as numbers', () => {
		expect(priceToken(100)).toBe(priceToken('100.00'));
		expect(fieldChanges(['price'], priceToken(100), priceToken(120.5))).toEqual({ changedFields: ['price'], previous: { price: 100 } });
	});

	it('reads numeric states and legacy string statuses', () => {
		expect(stateToken({ state: 1 })).toBe('1');
		expect(stateToken({ status: 'APPROVED' })).toBe('1');
		expect(stateToken({ status: 'PENDING' })).toBe('0');
		// EXPIRED is an undecided budget past its date: state 0, as in the outputs and the reports.
		expect(stateToken({ status: 'EXPIRED' })).toBe('0');
		expect(stateToken({ status: 'CONFIRMED' })).toBe('1');
		expect(stateToken({ status: 'CANCELLED' })).toBe('"CANCELLED"');
	});

	it('narrows watched fields only for events that allow it', () => {
		expect(comparedFields(POLL_EVENTS['customer.updated'], ['email', 'bogus'])).toEqual(['email']);
		expect(comparedFields(POLL_EVENTS['customer.updated'], [])).toHaveLength(6);
		expect(comparedFields(POLL_EVENTS['product.priceChanged'], ['sku'])).toEqual(['price']);
	});
});

describe('detect: events from one listing', () => {
	it('budget state changes from legacy statuses, with the previous state', () => {
		const settings = settingsFor('budget.stateChanged');
		const first = detect(settings, undefined, [{ id: 'budget_1', status: 'PENDING' }, { id: 'budget_2', status: 'PENDING' }], true, T);
		expect(first.detected).toEqual([]);
		const second = detect(
			settings,
			first.next,
			[{ id: 'budget_1', status: 'APPROVED' }, { id: 'budget_2', status: 'CANCELLED' }, { id: 'budget_3', status: 'EXPIRED' }],
			true,
			T,
		);
		expect(second.detected.map((d) => [d.record.id, d.extra?.previous])).toEqual([
			['budget_1', { state: 0, stateName: 'generated' }],
			['budget_2', { state: 0, stateName: 'generated' }],
		]);
		const third = detect(settings, second.next, [{ id: 'budget_2', status: 'PENDING' }, { id: 'budget_3', status: 'PENDING' }], true, T);
		expect(third.detected.map((d) => d.record.id)).toEqual(['budget_2']);
		expect(third.detected[0].extra).toEqual({ changedFields: ['state'], previous: { state: 'CANCELLED', stateName: 'cancelled' } });
	});

	it('approved: legacy APPROVED counts, a new already-approved budget counts, nothing twice', () => {
		const settings = settingsFor('budget.approved');
		const base = detect(settings, undefined, [{ id: 1, state: 1 }], true, T);
		const next = detect(settings, base.next, [{ id: 1, state: 1 }, { id: 2, status: 'APPROVED' }, { id: 3, state: 0 }], true, T);
		expect(next.detected.map((d) => d.record.id)).toEqual([2]);
		expect(detect(settings, next.next, [{ id: 1, state: 1 }, { id: 2, state: 1 }], true, T).detected).toEqual([]);
	});

	it('expiring: once per budget and expiration date, not for decided or past budgets', () => {
		const DAY = 86_400_000;
		const settings = settingsFor('budget.expiring');
		const list = (exp2: number) => [
			{ id: 1, state: 0, expirationDate: at(T + 3 * DAY) },
			{ id: 2, state: 0, expirationDate: at(exp2) },
			{ id: 3, state: 1, expirationDate: at(T + DAY) },
			{ id: 4, state: 0, expirationDate: at(T - DAY) },
		];
		const base = detect(settings, undefined, list(T + 30 * DAY), true, T);
		expect(base.next.seen).toEqual({ '1': expect.any(String) });
		const moved = detect(settings, base.next, list(T + 6 * DAY), true, T);
		expect(moved.detected.map((d) => [d.record.id, d.extra?.daysLeft])).toEqual([[2, 6]]);
		expect(detect(settings, moved.next, list(T + 6 * DAY), true, T + 60_000).detected).toEqual([]);
		// Once its date has passed, the stored entry is dropped at the first poll that misses it.
		const later = detect(settings, moved.next, [], true, T + 10 * DAY);
		expect(later.next.seen).toEqual({});
	});

	it('a stored state of another scope or version is a fresh baseline', () => {
		expect(readState({ v: 1, scope: 'customer.created' }, 'customer.created')).toBeDefined();
		expect(readState({ v: 1, scope: 'customer.updated|email' }, 'customer.updated|email,phoneNumber')).toBeUndefined();
		expect(readState({ v: 0, scope: 'customer.created' }, 'customer.created')).toBeUndefined();
		expect(readState('junk', 'customer.created')).toBeUndefined();
	});

	it('queries: state filters, createdAfter from the cursor minus the margin', () => {
		// The state under both names Billoget documents (state in the docs, status in the SDK).
		expect(listQuery(settingsFor('budget.approved'), undefined)).toEqual({ state: 1, status: 1 });
		expect(listQuery(settingsFor('budget.expiring'), undefined)).toEqual({ state: 0, status: 0 });
		expect(listQuery(settingsFor('budget.expiring', { onlyOpenBudgets: false }), undefined)).toEqual({});
		expect(listQuery(settingsFor('budget.created'), undefined)).toEqual({});
		const state: PollState = { v: 1, scope: 'budget.created', cursor: T, recent: [] };
		expect(listQuery(settingsFor('budget.created'), state)).toEqual({ createdAfter: at(T - 10 * MIN) });
		expect(listQuery(settingsFor('customer.created'), state)).toEqual({});
	});
});

describe('request cost', () => {
	it('one request per 100 records, at least one', () => {
		expect([pagesFor(0), pagesFor(1), pagesFor(100), pagesFor(101), pagesFor(2500)]).toEqual([1, 1, 1, 2, 25]);
	});

	it('requests per hour against the 1,000 default', () => {
		expect(requestsPerHour(1, 1)).toBe(60);
		expect(requestsPerHour(5, 3)).toBe(36);
		expect(requestsPerHour(1, 20)).toBe(1200); // over the default limit on its own
		expect(shortestInterval(20)).toBe(3); // 400 requests an hour, under half the limit
		expect(shortestInterval(1)).toBe(1);
		expect(() => requestsPerHour(0, 1)).toThrow('positive');
	});

	it('records and ids are typed loosely', () => {
		const record: IDataObject = { id: 7, createdAt: 1_780_000_000 };
		expect(diffCreated(undefined, [record], 0, true).cursor).toBe(1_780_000_000_000);
	});
});
