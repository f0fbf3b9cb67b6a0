import type { IDataObject } from 'n8n-workflow';

import type { BillogetClient } from '../../nodes/Billoget/transport/client';
import type { ListOptions } from '../../nodes/Billoget/transport/pagination';
import {
	ClaimedIds,
	CLOCK_SKEW_MS,
	createdSince,
	findLostCreate,
	pickRecovered,
} from '../../nodes/Billoget/transport/recovery';

const startedAt = Date.parse('2026-03-01T12:00:00.000Z');
const at = (offsetMs: number) => new Date(startedAt + offsetMs).toISOString();

describe('lost-create recovery', () => {
	it('allows five minutes of clock difference, and not a millisecond more', () => {
		expect(CLOCK_SKEW_MS).toBe(5 * 60_000);
		expect(createdSince({ createdAt: at(-CLOCK_SKEW_MS) }, startedAt)).toBe(true);
		expect(createdSince({ createdAt: at(-CLOCK_SKEW_MS - 1) }, startedAt)).toBe(false);
		expect(createdSince({ createdAt: at(1000) }, startedAt)).toBe(true);
		expect(createdSince({ createdAt: at(-10) }, startedAt, 0)).toBe(false);
		// Without a readable createdAt the time cannot exclude a record.
		expect(createdSince({}, startedAt)).toBe(true);
		expect(createdSince({ createdAt: 'yesterday' }, startedAt)).toBe(true);
	});

	const records: IDataObject[] = [
		{ id: 1, email: 'ana@example.com', createdAt: at(-CLOCK_SKEW_MS - 60_000) }, // made before this run
		{ id: 2, email: 'ana@example.com', createdAt: at(2000) }, // another item of this run
		{ id: 3, email: 'bob@example.com', createdAt: at(3000) }, // another record
		{ id: 4, email: 'ana@example.com', createdAt: at(4000) }, // the lost one
		{ id: 5, email: 'ana@example.com', createdAt: at(5000) },
	];
	const isAna = (record: IDataObject) => record.email === 'ana@example.com';

	it('takes the first exact match inside the window that no other item claimed', async () => {
		expect(await pickRecovered(records, { startedAt, claimed: new Set(['2']), matches: isAna })).toEqual(records[3]);
		expect(await pickRecovered(records, { startedAt, claimed: new Set(), matches: isAna })).toEqual(records[1]);
		expect(await pickRecovered(records, { startedAt, claimed: new Set(['2', '4', '5']), matches: isAna })).toBeUndefined();
	});

	it('never takes a record from before the attempt, even when it matches exactly', async () => {
		expect(await pickRecovered(records.slice(0, 1), { startedAt, claimed: new Set(), matches: isAna })).toBeUndefined();
		expect(
			await pickRecovered(records.slice(0, 1), { startedAt: startedAt - 120_000, claimed: new Set(), matches: isAna }),
		).toEqual(records[0]);
	});

	it('never takes a record that does not match, and waits for an asynchronous check', async () => {
		expect(await pickRecovered(records, { startedAt, claimed: new Set(), matches: () => false })).toBeUndefined();
		const seen: unknown[] = [];
		const found = await pickRecovered(records, {
			startedAt,
			claimed: new Set(),
			matches: async (record) => {
				seen.push(record.id);
				return record.id === 5;
			},
		});
		expect(found).toEqual(records[4]);
		// The record from before the run is never even looked at.
		expect(seen).toEqual([2, 3, 4, 5]);
	});

	it('claims ids per run and per kind of record', () => {
		const run = new ClaimedIds();
		const other = new ClaimedIds();
		run.claim('/customers', 4);
		run.claim('/customers', '5');
		run.claim('/products', 4);
		run.claim('/customers', undefined);
		run.claim('/customers', '');
		run.claim('/customers', null);
		expect([...run.of('/customers')].sort()).toEqual(['4', '5']);
		expect([...run.of('/products')]).toEqual(['4']);
		expect([...other.of('/customers')]).toEqual([]);
		// A copy: changing it claims nothing.
		run.of('/products').add('9');
		expect([...run.of('/products')]).toEqual(['4']);
	});

	it('never mistakes a record without an id for a claimed one', async () => {
		const withoutId: IDataObject[] = [{ email: 'ana@example.com', createdAt: at(1000) }, { id: null, email: 'ana@example.com' }];
		const claimed = new Set(['undefined', 'null', '']);
		expect(await pickRecovered(withoutId, { startedAt, claimed, matches: isAna })).toBe(withoutId[0]);
		expect(await pickRecovered(withoutId.slice(1), { startedAt, claimed, matches: isAna })).toBe(withoutId[1]);
	});

	it('compares claimed ids as text, whatever type the list gives them', async () => {
		const listed: IDataObject[] = [{ id: 7, email: 'ana@example.com' }, { id: '8', email: 'ana@example.com' }];
		expect(await pickRecovered(listed, { startedAt, claimed: new Set(['7']), matches: isAna })).toBe(listed[1]);
	});

	/** A client that answers every list with `records` and notes what it was asked for. */
	const clientListing = (listed: IDataObject[]) => {
		const asked: ListOptions[] = [];
		const client = {
			claimed: new ClaimedIds(),
			list: async (options: ListOptions) => {
				asked.push(options);
				return { items: listed };
			},
		};
		return { client: client as unknown as BillogetClient, asked, claimed: client.claimed };
	};

	it('reads every page of the list, claims what it finds, and finds it only once', async () => {
		const { client, asked, claimed } = clientListing(records);
		const lookup = { kind: '/customers', startedAt, matches: isAna, itemIndex: 2 };
		expect(await findLostCreate(client, lookup)).toBe(records[1]);
		expect(asked).toEqual([{ path: '/customers', qs: undefined, returnAll: true, itemIndex: 2 }]);
		expect([...claimed.of('/customers')]).toEqual(['2']);
		expect(await findLostCreate(client, lookup)).toBe(records[3]);
		expect(await findLostCreate(client, lookup)).toBe(records[4]);
		expect(await findLostCreate(client, lookup)).toBeUndefined();
		expect([...claimed.of('/customers')]).toEqual(['2', '4', '5']);
	});

	it('lists the path and query it is given, or reads the candidates its own way', async () => {
		const { client, asked, claimed } = clientListing(records);
		const list = { path: '/budgets', qs: { customerId: 3 } };
		expect(await findLostCreate(client, { kind: '/budgets', startedAt, matches: isAna, list })).toBe(records[1]);
		expect(asked).toEqual([{ path: '/budgets', qs: { customerId: 3 }, returnAll: true, itemIndex: undefined }]);
		const read = async () => [records[4]];
		expect(await findLostCreate(client, { kind: '/approvals', startedAt, matches: isAna, read })).toBe(records[4]);
		expect(asked).toHaveLength(1);
		expect([...claimed.of('/approvals')]).toEqual(['5']);
		expect(await findLostCreate(client, { kind: '/approvals', startedAt, matches: () => false, read })).toBeUndefined();
	});
});
