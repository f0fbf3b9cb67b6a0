import approvalApproveSchema from '../../nodes/Billoget/__schema__/v1.0.0/approval/approve.json';
import approvalGetHistorySchema from '../../nodes/Billoget/__schema__/v1.0.0/approval/getHistory.json';
import approvalGetPendingSchema from '../../nodes/Billoget/__schema__/v1.0.0/approval/getPending.json';
import approvalGetStatsSchema from '../../nodes/Billoget/__schema__/v1.0.0/approval/getStats.json';
import approvalRejectSchema from '../../nodes/Billoget/__schema__/v1.0.0/approval/reject.json';
import approvalSubmitSchema from '../../nodes/Billoget/__schema__/v1.0.0/approval/submit.json';
import { jsonOf, runBillogetNode } from '../harness/engine';
import { schemaProblems } from '../harness/schema';
import type { Schema } from '../harness/schema';
import { credentialsFor, DIALECTS, READ_ONLY_KEY, requestLines, requestsSince, startSandbox } from '../harness/sandbox';
import type { Sandbox } from '../harness/sandbox';

const APPROVALS = '/v1/api/public/budget-approvals';

const byId = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });

const SIMPLIFIED = ['action', 'approvedBy', 'budgetId', 'comments', 'createdAt', 'id', 'requestNotes', 'requestedBy', 'reviewedAt', 'status'];

/**
 * Demo seed approvals: 1 (budget 2, approved), 2 (budget 5, approved), 3 (budget 3, rejected),
 * 4 (budget 1, pending), 5 (budget 4, pending), 6 (budget 7, cancelled).
 */
describe.each(DIALECTS)('Billoget node · approvals, in n8n’s engine against the sandbox (%s dialect)', (dialect) => {
	let sb: Sandbox;

	beforeAll(async () => {
		sb = await startSandbox({ dialect, port: 0, seed: 'demo' });
	});
	afterAll(async () => {
		await sb.stop();
	});
	beforeEach(() => {
		sb.reset({ seed: 'demo' });
		sb.configure({ dialect, faults: null });
	});

	const run = (parameters: Record<string, unknown>, extra: Partial<Parameters<typeof runBillogetNode>[0]> = {}) =>
		runBillogetNode({ parameters: { resource: 'approval', ...parameters }, credentials: credentialsFor(sb), ...extra });

	it('submits a budget for approval with notes from an expression', async () => {
		const mark = sb.requests.length;
		const result = await run(
			{ operation: 'submit', budgetId: byId('={{ $json.budget }}'), requestNotes: '={{ $json.why }}' },
			{ items: [{ budget: 6, why: 'Descuento del 10 %' }] },
		);
		expect(result.status).toBe('success');
		expect(requestsSince(sb, mark)).toEqual([
			expect.objectContaining({ method: 'POST', path: `${APPROVALS}/submit`, body: { budgetId: 6, requestNotes: 'Descuento del 10 %' } }),
		]);
		expect(jsonOf(result.items)).toEqual([
			expect.objectContaining({ id: 7, budgetId: 6, status: 'pending', action: 'submitted', requestNotes: 'Descuento del 10 %' }),
		]);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('after a lost answer to a submit, finds the pending approval instead of submitting again', async () => {
		const original = sb.store.createApproval.bind(sb.store);
		sb.configure({ faults: { dropRate: 1, seed: 1 } });
		sb.store.createApproval = (fields: Parameters<typeof original>[0]) => {
			const created = original(fields);
			sb.configure({ faults: null });
			return created;
		};
		try {
			const mark = sb.requests.length;
			const result = await run({ operation: 'submit', budgetId: byId(6), requestNotes: 'Una vez' });
			expect(result.status).toBe('success');
			expect(requestLines(requestsSince(sb, mark))).toEqual([`POST ${APPROVALS}/submit`, `GET ${APPROVALS}/history`]);
			expect(requestsSince(sb, mark)[1].query).toEqual({ budgetId: '6' });
			expect([...sb.store.approvals.values()].filter((a) => a.budgetId === 6)).toHaveLength(1);
			expect(jsonOf(result.items)[0]).toMatchObject({ id: 7, budgetId: 6, status: 'pending', requestNotes: 'Una vez' });
		} finally {
			sb.store.createApproval = original;
		}
	});

	it('approves a pending approval with comments; the budget becomes approved', async () => {
		const mark = sb.requests.length;
		const result = await run({ operation: 'approve', approvalId: byId(4), comments: 'OK del gerente' });
		expect(requestsSince(sb, mark)).toEqual([
			expect.objectContaining({ method: 'POST', path: `${APPROVALS}/4/process`, body: { action: 'approve', comments: 'OK del gerente' } }),
		]);
		expect(jsonOf(result.items)[0]).toMatchObject({ id: 4, budgetId: 1, status: 'approved', action: 'approved', comments: 'OK del gerente' });
		expect(sb.store.budgets.get(1)!.state).toBe(1);
	});

	it('rejects a pending approval, simplified on request; the budget becomes rejected', async () => {
		const mark = sb.requests.length;
		const result = await run({ operation: 'reject', approvalId: byId('={{ $json.approval }}'), options: { simplify: true } }, { items: [{ approval: 5 }] });
		expect(requestsSince(sb, mark)[0]).toMatchObject({ path: `${APPROVALS}/5/process`, body: { action: 'reject' } });
		const out = jsonOf(result.items)[0];
		expect(out).toMatchObject({ id: 5, budgetId: 4, status: 'rejected' });
		expect(Object.keys(out).every((key) => SIMPLIFIED.includes(key))).toBe(true);
		expect(out).not.toHaveProperty('updatedAt');
		expect(sb.store.budgets.get(4)!.state).toBe(2);
	});

	it('names a missing approval, and refuses a malformed approval ID without a request', async () => {
		const missing = await run({ operation: 'approve', approvalId: byId(999) });
		expect(missing.error).toMatchObject({ message: 'No approval with ID 999 exists in Billoget', httpCode: '404' });
		const mark = sb.requests.length;
		const bad = await run({ operation: 'approve', approvalId: byId('={{ $json.nothing }}') });
		expect(bad.error).toMatchObject({ message: 'Approval must be a Billoget ID (a positive whole number)' });
		expect(requestsSince(sb, mark)).toEqual([]);
	});

	it('with Continue On Fail, a decision on an already decided approval is an error item paired to its input', async () => {
		const result = await run({ operation: 'approve', approvalId: byId('={{ $json.id }}') }, { items: [{ id: 1 }, { id: 4 }], continueOnFail: true });
		const out = jsonOf(result.items);
		expect(out[0]).toMatchObject({ error: 'Billoget reported a conflict', httpCode: '409' });
		expect(out[1]).toMatchObject({ id: 4, status: 'approved' });
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('lists pending approvals, simplified by default and limited', async () => {
		const mark = sb.requests.length;
		const all = await run({ operation: 'getPending', returnAll: true });
		expect(requestLines(requestsSince(sb, mark))).toEqual([`GET ${APPROVALS}/pending`]);
		expect(jsonOf(all.items).map((a) => a.id)).toEqual([4, 5]);
		expect(Object.keys(jsonOf(all.items)[0]).every((key) => SIMPLIFIED.includes(key))).toBe(true);
		const one = await run({ operation: 'getPending', limit: 1, simplify: false, filters: { userId: '2' } });
		expect(jsonOf(one.items)).toEqual([expect.objectContaining({ id: 4, updatedAt: expect.any(String) })]);
		expect(sb.requests[sb.requests.length - 1].query).toEqual({ userId: '2' });
	});

	it('gets the history of one budget, or of all', async () => {
		const mark = sb.requests.length;
		const one = await run({ operation: 'getHistory', returnAll: true, filters: { budgetId: byId(3) } });
		expect(requestsSince(sb, mark)[0]).toMatchObject({ path: `${APPROVALS}/history`, query: { budgetId: '3' } });
		expect(jsonOf(one.items)).toEqual([expect.objectContaining({ id: 3, budgetId: 3, status: 'rejected', comments: 'Precio fuera de presupuesto' })]);
		const all = await run({ operation: 'getHistory', returnAll: true });
		expect(all.items).toHaveLength(6);
	});

	it('gets the approval statistics as one item', async () => {
		const mark = sb.requests.length;
		const result = await run({ operation: 'getStats' });
		expect(requestLines(requestsSince(sb, mark))).toEqual([`GET ${APPROVALS}/stats`]);
		expect(jsonOf(result.items)).toEqual([{ pending: 2, approved: 2, rejected: 1, cancelled: 1, total: 6 }]);
	});

	it('says which scope a read-only key lacks to submit', async () => {
		const result = await runBillogetNode({
			parameters: { resource: 'approval', operation: 'submit', budgetId: byId(6) },
			credentials: credentialsFor(sb, READ_ONLY_KEY),
		});
		expect(result.error).toMatchObject({ message: 'The Billoget API key lacks the WRITE_BUDGETS scope', httpCode: '403' });
		expect(sb.store.approvals.size).toBe(6);
	});

	it('every operation’s output matches its published output schema', async () => {
		const cases: Array<[Schema, Record<string, unknown>]> = [
			[approvalSubmitSchema, { operation: 'submit', budgetId: byId(6), requestNotes: 'x' }],
			[approvalApproveSchema, { operation: 'approve', approvalId: byId(4) }],
			[approvalRejectSchema, { operation: 'reject', approvalId: byId(5), comments: 'no' }],
			[approvalGetPendingSchema, { operation: 'getPending', returnAll: true, simplify: false }],
			[approvalGetHistorySchema, { operation: 'getHistory', returnAll: true, simplify: false }],
			[approvalGetHistorySchema, { operation: 'getHistory', returnAll: true }],
			[approvalGetStatsSchema, { operation: 'getStats' }],
		];
		for (const [schema, parameters] of cases) {
			const result = await run(parameters);
			expect(result.status).toBe('success');
			expect(result.items.length).toBeGreaterThan(0);
			for (const item of result.items) expect([parameters.operation, schemaProblems(item.json, schema)]).toEqual([parameters.operation, []]);
		}
	});
});
