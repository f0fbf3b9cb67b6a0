import { publicTokenFor } from '../../sandbox/store';
import { call, dataOf, DEMO_KEYS, startSandbox } from './helpers';
import type { Sandbox } from './helpers';

type Rec = Record<string, unknown> & { id: number };

const BASE = '/api/public/budget-approvals';

describe('sandbox · approval configuration, approvers, approval list filters and the public view by ID', () => {
	let sb: Sandbox;

	beforeAll(async () => {
		sb = await startSandbox({});
	});
	afterAll(async () => {
		await sb.stop();
	});
	beforeEach(() => {
		sb.reset();
	});

	it('reads and replaces the configuration; an empty business has none (404) until it is created (201)', async () => {
		expect(dataOf<Rec>(await call(sb, 'GET', `${BASE}/config`))).toMatchObject({ requiresBudgetApproval: true, approvalThreshold: 500000 });
		const replaced = await call(sb, 'POST', `${BASE}/config`, { body: { requiresBudgetApproval: false, ownerCanApprove: true, adminCanApprove: true } });
		expect(replaced.status).toBe(200);
		expect(dataOf<Rec>(replaced)).toMatchObject({ requiresBudgetApproval: false, adminCanApprove: true, approvalThreshold: 500000 });
		const partial = await call(sb, 'POST', `${BASE}/config`, { body: { ownerCanApprove: true } });
		expect(partial.status).toBe(422);
		sb.reset({ seed: 'empty' });
		expect((await call(sb, 'GET', `${BASE}/config`)).status).toBe(404);
		expect((await call(sb, 'POST', `${BASE}/config`, { body: { requiresBudgetApproval: true, ownerCanApprove: false, adminCanApprove: true } })).status).toBe(201);
	});

	it('assigns, lists and removes approvers; a second assignment of a user is a conflict, an unknown user refused', async () => {
		const added = await call(sb, 'POST', `${BASE}/approvers`, { body: { userId: 2, notes: 'Admin' } });
		expect(added.status).toBe(201);
		expect(dataOf<Rec>(added)).toMatchObject({ id: 2, userId: 2, isActive: true, assignedBy: 1, notes: 'Admin', user: { id: 2, displayName: 'Martín Sosa' } });
		expect((await call(sb, 'POST', `${BASE}/approvers`, { body: { userId: 2 } })).status).toBe(409);
		expect((await call(sb, 'POST', `${BASE}/approvers`, { body: { userId: 77 } })).status).toBe(422);
		expect(dataOf<Rec[]>(await call(sb, 'GET', `${BASE}/approvers`)).map((a) => a.userId)).toEqual([3, 2]);
		expect((await call(sb, 'DELETE', `${BASE}/approvers/1`)).status).toBe(204);
		expect((await call(sb, 'DELETE', `${BASE}/approvers/1`)).status).toBe(404);
		expect((await call(sb, 'POST', `${BASE}/approvers`, { body: { userId: 4 }, key: DEMO_KEYS.readOnly })).status).toBe(403);
	});

	it('answers whether a user can approve from the approvers and the configuration', async () => {
		const can = async (query: string) => dataOf<{ canApprove: boolean }>(await call(sb, 'GET', `${BASE}/can-approve${query}`)).canApprove;
		expect([await can('?userId=3'), await can('?userId=1'), await can('?userId=2'), await can('?userId=4'), await can('')]).toEqual([true, true, false, false, true]);
		await call(sb, 'POST', `${BASE}/config`, { body: { requiresBudgetApproval: true, ownerCanApprove: false, adminCanApprove: true } });
		expect([await can('?userId=1'), await can('?userId=2')]).toEqual([false, true]);
		await call(sb, 'POST', `${BASE}/config`, { body: { requiresBudgetApproval: true, ownerCanApprove: true, adminCanApprove: true, isActive: false } });
		expect(await can('?userId=3')).toBe(false);
	});

	it('filters the approval list by userId (requested or decided by the user)', async () => {
		const list = dataOf<Rec[]>(await call(sb, 'GET', `${BASE}?userId=2&limit=100`));
		expect(list.length).toBeGreaterThan(0);
		expect(list.every((a) => a.requestedBy === 2 || a.approvedBy === 2)).toBe(true);
		expect((await call(sb, 'GET', `${BASE}?userId=abc`)).status).toBe(400);
	});

	it('serves the public view of a budget by its ID, the same as by its token', async () => {
		const byId = await call(sb, 'GET', '/api/public/budgets/public/3');
		expect(byId.status).toBe(200);
		expect(byId.json).toEqual((await call(sb, 'GET', `/api/public/budgets/token/${publicTokenFor(3)}`)).json);
		expect(dataOf<Rec>(byId)).not.toHaveProperty('customerId');
		expect((await call(sb, 'GET', '/api/public/budgets/public/999')).status).toBe(404);
	});
});
