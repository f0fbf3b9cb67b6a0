/**
 * Product Variant › Get Many (Active Only) and Approval › Get Many (Status, Budget) send their filters
 * and check every record again, so that a Billoget that ignores a parameter still gives only what was
 * asked for, up to the Limit. The sandbox honours these parameters, so this runs the operations with a
 * stand-in context whose HTTP helper answers like an API that ignores them.
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { execute } from '../../nodes/Billoget/actions/productVariant/getMany.operation';
import { createClient } from '../../nodes/Billoget/transport/client';

function fakeContext(records: IDataObject[], parameters: IDataObject, sent: IDataObject[]) {
	const node: INode = { id: 'n', name: 'Billoget', type: 'n8n-nodes-billoget.billoget', typeVersion: 1, position: [0, 0], parameters: {} };
	return {
		getNode: () => node,
		getNodeParameter: (name: string, _item: number, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
		getCredentials: async () => ({ apiKey: 'bk_test_0000', baseUrl: 'https://billoget.example/v1' }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				const qs = options.qs as { page: number; limit: number };
				sent.push({ ...(options.qs as IDataObject) });
				const data = records.slice((qs.page - 1) * qs.limit, qs.page * qs.limit);
				return { statusCode: 200, headers: {}, body: { data: { data, meta: { totalItems: records.length, totalPages: Math.ceil(records.length / qs.limit), currentPage: qs.page } } } };
			},
		},
	} as unknown as IExecuteFunctions;
}

describe('Product Variant › Get Many · Active Only against an API that ignores isActive', () => {
	const records = Array.from({ length: 300 }, (_, i) => ({ id: i + 1, name: `V${i + 1}`, price: 1, isActive: i % 2 === 1 }));

	it('keeps active variants only and reads further pages until the Limit is met', async () => {
		const sent: IDataObject[] = [];
		const ctx = fakeContext(records, { productId: '7', activeOnly: true, returnAll: false, limit: 120, simplify: false }, sent);
		const out = await execute.call(ctx, 0, createClient(ctx));
		expect(out.map((item) => item.json.id)).toEqual(Array.from({ length: 120 }, (_, i) => 2 * (i + 1)));
		expect(sent).toEqual([
			{ isActive: 'true', page: 1, limit: 100 },
			{ isActive: 'true', page: 2, limit: 100 },
			{ isActive: 'true', page: 3, limit: 100 },
		]);
	});

	it('without Active Only, returns every variant', async () => {
		const sent: IDataObject[] = [];
		const ctx = fakeContext(records, { productId: '7', activeOnly: false, returnAll: true, simplify: false }, sent);
		const out = await execute.call(ctx, 0, createClient(ctx));
		expect(out).toHaveLength(300);
		expect(sent.map((qs) => qs.page)).toEqual([1, 2, 3]);
	});
});

describe('Approval › Get Many · Status and Budget against an API that ignores them', () => {
	it('keeps only the approvals asked for, reading pages until the Limit is met', async () => {
		const { execute: getManyApprovals } = await import('../../nodes/Billoget/actions/approval/getMany.operation');
		const statuses = ['pending', 'approved', 'rejected', 'cancelled'];
		const approvals = Array.from({ length: 400 }, (_, i) => ({ id: i + 1, budgetId: (i % 5) + 1, status: statuses[i % 4] }));
		const sent: IDataObject[] = [];
		const ctx = fakeContext(approvals, { returnAll: false, limit: 30, simplify: false, filters: { status: 'approved', budgetId: { __rl: true, mode: 'id', value: '2' } } }, sent);
		const out = await getManyApprovals.call(ctx, 0, createClient(ctx));
		// status approved: i % 4 === 1; budget 2: i % 5 === 1 → i % 20 === 1.
		expect(out.map((item) => item.json.id)).toEqual(Array.from({ length: 20 }, (_, k) => 20 * k + 2));
		expect(sent.map((qs) => [qs.page, qs.status, qs.budgetId])).toEqual([
			[1, 'approved', 2],
			[2, 'approved', 2],
			[3, 'approved', 2],
			[4, 'approved', 2],
		]);
	});
});
