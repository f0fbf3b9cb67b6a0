/**
 * The Poll Trigger's early stop needs a Billoget that lists newest first, which the sandbox does not
 * do (it lists oldest first). This test runs poll() with a stand-in poll context whose HTTP helper
 * answers like such an API, and counts the pages requested.
 */
import type { IDataObject, IHttpRequestOptions, INode, IPollFunctions } from 'n8n-workflow';

import { BillogetPollTrigger } from '../../nodes/Billoget/BillogetPollTrigger.node';

const T = Date.parse('2026-06-01T12:00:00.000Z');
const MIN = 60_000;

interface FakeApi {
	records: IDataObject[];
	pagesRequested: number[];
}

function fakeContext(api: FakeApi, parameters: IDataObject, staticData: IDataObject, mode = 'trigger') {
	const node: INode = {
		id: 'n',
		name: 'Poll',
		type: 'n8n-nodes-billoget.billogetPollTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const ctx = {
		getNode: () => node,
		getMode: () => mode,
		getActivationMode: () => 'activate',
		getNodeParameter: (name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
		getWorkflowStaticData: () => staticData,
		getCredentials: async () => ({ apiKey: 'bk_test_0000', baseUrl: 'https://billoget.example/v1' }),
		logger: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
		helpers: {
			returnJsonArray: (items: IDataObject[]) => items.map((json) => ({ json })),
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				const qs = options.qs as { page: number; limit: number };
				api.pagesRequested.push(qs.page);
				const data = api.records.slice((qs.page - 1) * qs.limit, qs.page * qs.limit);
				return {
					statusCode: 200,
					headers: {},
					body: { data, pagination: { page: qs.page, limit: qs.limit, total: api.records.length, hasMore: qs.page * qs.limit < api.records.length } },
				};
			},
		},
	};
	return ctx as unknown as IPollFunctions;
}

/** Customers newest first: `count` of them, one a minute, the newest at `newest`. */
function newestFirst(count: number, newest: number, firstId = 1): IDataObject[] {
	return Array.from({ length: count }, (_, i) => ({
		id: firstId + count - 1 - i,
		firstName: `C${firstId + count - 1 - i}`,
		lastName: 'X',
		createdAt: new Date(newest - i * MIN).toISOString(),
	}));
}

describe('Poll Trigger · early stop on pages older than the cursor', () => {
	const trigger = new BillogetPollTrigger();
	const parameters = { event: 'customer.created', options: {} };

	it('reads only the pages that can hold new records when Billoget lists newest first', async () => {
		const api: FakeApi = { records: newestFirst(450, T), pagesRequested: [] };
		const staticData: IDataObject = {};
		expect(await trigger.poll.call(fakeContext(api, parameters, staticData))).toBeNull();
		expect(api.pagesRequested).toEqual([1, 2, 3, 4, 5]); // the baseline reads everything

		// Two customers created since: the first page holds them, the second is all older than the
		// cursor minus the margin, so pages 3 to 5 are skipped.
		api.records = [...newestFirst(2, T + 2 * MIN, 451), ...api.records];
		api.pagesRequested = [];
		const output = await trigger.poll.call(fakeContext(api, parameters, staticData));
		expect(output![0].map((item) => (item.json.data as IDataObject).id)).toEqual([451, 452]);
		expect(api.pagesRequested).toEqual([1, 2]);

		api.pagesRequested = [];
		expect(await trigger.poll.call(fakeContext(api, parameters, staticData))).toBeNull();
		expect(api.pagesRequested).toEqual([1, 2]);
	});

	it('reads every page when the order is oldest first', async () => {
		const api: FakeApi = { records: newestFirst(250, T).reverse(), pagesRequested: [] };
		const staticData: IDataObject = {};
		await trigger.poll.call(fakeContext(api, parameters, staticData));
		api.pagesRequested = [];
		api.records.push({ id: 251, firstName: 'N', lastName: 'X', createdAt: new Date(T + MIN).toISOString() });
		const output = await trigger.poll.call(fakeContext(api, parameters, staticData));
		expect(output![0].map((item) => (item.json.data as IDataObject).id)).toEqual([251]);
		expect(api.pagesRequested).toEqual([1, 2, 3]);
	});

	it('manual mode answers the newest record without touching the static data', async () => {
		const api: FakeApi = { records: newestFirst(3, T), pagesRequested: [] };
		const staticData: IDataObject = {};
		const output = await trigger.poll.call(fakeContext(api, parameters, staticData, 'manual'));
		expect(output![0][0].json).toMatchObject({ event: 'customer.created', data: { id: 3 } });
		expect(staticData).toEqual({});
	});
});
