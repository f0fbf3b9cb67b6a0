import { sleep } from 'n8n-workflow';

import addApproverSchema from '../../nodes/Billoget/__schema__/v1.0.0/approval/addApprover.json';
import canApproveSchema from '../../nodes/Billoget/__schema__/v1.0.0/approval/canApprove.json';
import getApproversSchema from '../../nodes/Billoget/__schema__/v1.0.0/approval/getApprovers.json';
import getConfigSchema from '../../nodes/Billoget/__schema__/v1.0.0/approval/getConfig.json';
import getManySchema from '../../nodes/Billoget/__schema__/v1.0.0/approval/getMany.json';
import removeApproverSchema from '../../nodes/Billoget/__schema__/v1.0.0/approval/removeApprover.json';
import updateConfigSchema from '../../nodes/Billoget/__schema__/v1.0.0/approval/updateConfig.json';
import { jsonOf, runBillogetNode, searchList } from '../harness/engine';
import { credentialsFor, DIALECTS, READ_ONLY_KEY, requestLines, requestsSince, startSandbox } from '../harness/sandbox';
import type { Sandbox } from '../harness/sandbox';
import { schemaProblems } from '../harness/schema';
import type { Schema } from '../harness/schema';

const APPROVALS = '/v1/api/public/budget-approvals';

const byId = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });

/**
 * Demo seed: approvals 1 (budget 2, approved), 2 (budget 5, approved), 3 (budget 3, rejected), 4
 * (budget 1, pending), 5 (budget 4, pending), 6 (budget 7, cancelled), requested by the budgets'
 * sellers (1 or 2) and decided by user 1. Configuration: approval required above 500,000, owner may
 * approve, admins may not. Approver 1 is user 3. Users: 1 owner, 2 admin, 3 and 4 members.
 */
describe.each(DIALECTS)('Billoget node · approval workflow, in n8n’s engine against the sandbox (%s dialect)', (dialect) => {
	let sb: Sandbox;

	beforeAll(async () => {
		sb = await startSandbox({ port: 0, seed: 'demo', dialect });
	});
	afterAll(async () => {
		await sb.stop();
	});
	beforeEach(() => {
		sb.reset({ seed: 'demo', dialect });
	});

	const run = (parameters: Record<string, unknown>, extra: Partial<Parameters<typeof runBillogetNode>[0]> = {}) =>
		runBillogetNode({ parameters: { resource: 'approval', ...parameters }, credentials: credentialsFor(sb), ...extra });

	describe('Get Many', () => {
		it('filters by status, budget and user, each sent as the SDK names it', async () => {
			const mark = sb.requests.length;
			const pending = await run({ operation: 'getMany', returnAll: true, filters: { status: 'pending' } });
			expect(jsonOf(pending.items).map((a) => a.id)).toEqual([4, 5]);
			const ofBudget = await run({ operation: 'getMany', returnAll: true, filters: { budgetId: byId(3) } });
			expect(jsonOf(ofBudget.items)).toEqual([expect.objectContaining({ id: 3, status: 'rejected' })]);
			const byUser = await run({ operation: 'getMany', returnAll: true, filters: { userId: '={{ 2 }}', status: 'pending' } });
			expect(jsonOf(byUser.items).every((a) => a.requestedBy === 2 || a.approvedBy === 2)).toBe(true);
			expect(requestsSince(sb, mark).map((r) => [r.path, r.query])).toEqual([
				[APPROVALS, { page: '1', limit: '100', status: 'pending' }],
				[APPROVALS, { page: '1', limit: '100', budgetId: '3' }],
				[APPROVALS, { page: '1', limit: '100', status: 'pending', userId: '2' }],
			]);
		});

		it('returns all of 250 approvals across pages, simplified by default, or up to the Limit', async () => {
			for (let n = 0; n < 244; n++) sb.store.createApproval({ budgetId: (n % 18) + 1, status: 'cancelled', action: 'cancelled' });
			const mark = sb.requests.length;
			const all = await run({ operation: 'getMany', returnAll: true });
			expect(all.items).toHaveLength(250);
			expect(requestsSince(sb, mark).map((r) => r.query.page)).toEqual(['1', '2', '3']);
			expect(jsonOf(all.items)[0]).not.toHaveProperty('updatedAt');
			const some = await run({ operation: 'getMany', limit: 7, simplify: false });
			expect(jsonOf(some.items).map((a) => a.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
			expect(jsonOf(some.items)[0]).toHaveProperty('updatedAt');
		});
	});

	describe('configuration', () => {
		it('gets the configuration', async () => {
			const mark = sb.requests.length;
			const result = await run({ operation: 'getConfig' });
			expect(requestLines(requestsSince(sb, mark))).toEqual([`GET ${APPROVALS}/config`]);
			expect(jsonOf(result.items)).toEqual([
				expect.objectContaining({ requiresBudgetApproval: true, ownerCanApprove: true, adminCanApprove: false, approvalThreshold: 500000, isActive: true }),
			]);
		});

		it('says when the business has no configuration yet', async () => {
			sb.reset({ seed: 'empty', dialect });
			const result = await run({ operation: 'getConfig' });
			expect(result.error).toMatchObject({ httpCode: '404', message: expect.stringContaining('no approval configuration yet') });
		});

		it('changes one setting and keeps the switches it was not given (read first, then one POST)', async () => {
			const mark = sb.requests.length;
			const result = await run({ operation: 'updateConfig', settings: { approvalThreshold: 250000, adminCanApprove: true } });
			expect(result.status).toBe('success');
			const sent = requestsSince(sb, mark);
			expect(requestLines(sent)).toEqual([`GET ${APPROVALS}/config`, `POST ${APPROVALS}/config`]);
			expect(sent[1].body).toEqual({ requiresBudgetApproval: true, ownerCanApprove: true, adminCanApprove: true, approvalThreshold: 250000 });
			expect(jsonOf(result.items)[0]).toMatchObject({ adminCanApprove: true, approvalThreshold: 250000, ownerCanApprove: true });
			expect(sb.store.approvalConfig).toMatchObject({ adminCanApprove: true, approvalThreshold: 250000 });
		});

		it('with all three switches given, sends one POST; on a business without a configuration that creates it', async () => {
			sb.reset({ seed: 'empty', dialect });
			const mark = sb.requests.length;
			const settings = { requiresBudgetApproval: false, ownerCanApprove: true, adminCanApprove: true };
			const result = await run({ operation: 'updateConfig', settings });
			expect(requestLines(requestsSince(sb, mark))).toEqual([`POST ${APPROVALS}/config`]);
			expect(jsonOf(result.items)[0]).toMatchObject({ ...settings, isActive: true });
		});

		it('refuses a partial update of a business without a configuration, naming the switches to set', async () => {
			sb.reset({ seed: 'empty', dialect });
			const mark = sb.requests.length;
			const result = await run({ operation: 'updateConfig', settings: { ownerCanApprove: false } });
			expect(result.error).toMatchObject({
				name: 'NodeOperationError',
				message: 'Requires Budget Approval, Admin Can Approve must be set: the business has no approval configuration yet',
			});
			expect(requestLines(requestsSince(sb, mark))).toEqual([`GET ${APPROVALS}/config`]);
			expect(sb.store.approvalConfig).toBeNull();
		});

		it('after a lost answer to the update, finds the settings applied instead of failing', async () => {
			sb.configure({ faults: { dropRate: 1, seed: 1 } });
			const mark = sb.requests.length;
			// Every request is dropped after it is applied, until the POST has been applied once.
			const settings = { requiresBudgetApproval: false, ownerCanApprove: false, adminCanApprove: true, isActive: true };
			const pending = run({ operation: 'updateConfig', settings });
			const started = Date.now();
			while (!sb.requests.slice(mark).some((r) => r.method === 'POST') && Date.now() - started < 5000) await sleep(1);
			sb.configure({ faults: null });
			const result = await pending;
			expect(result.status).toBe('success');
			expect(requestLines(requestsSince(sb, mark))).toEqual([`POST ${APPROVALS}/config`, `GET ${APPROVALS}/config`]);
			expect(jsonOf(result.items)[0]).toMatchObject(settings);
		});
	});

	describe('approvers', () => {
		it('lists the approvers, simplified by default', async () => {
			const mark = sb.requests.length;
			const result = await run({ operation: 'getApprovers', returnAll: true });
			expect(requestLines(requestsSince(sb, mark))).toEqual([`GET ${APPROVALS}/approvers`]);
			expect(jsonOf(result.items)).toEqual([
				{ id: 1, userId: 3, isActive: true, notes: 'Jefa de ventas', assignedBy: 1, createdAt: expect.any(String), user: expect.objectContaining({ id: 3 }) },
			]);
		});

		it('adds an approver with notes; a user who already is one is an error item with Continue On Fail', async () => {
			const mark = sb.requests.length;
			const result = await run(
				{ operation: 'addApprover', userId: '={{ $json.user }}', notes: '={{ $json.why }}' },
				{ items: [{ user: 4, why: 'Gerente comercial' }, { user: 3, why: 'otra vez' }], continueOnFail: true },
			);
			expect(requestsSince(sb, mark)[0]).toMatchObject({ method: 'POST', path: `${APPROVALS}/approvers`, body: { userId: 4, notes: 'Gerente comercial' } });
			const out = jsonOf(result.items);
			expect(out[0]).toMatchObject({ id: 2, userId: 4, isActive: true, notes: 'Gerente comercial' });
			expect(out[1]).toMatchObject({ httpCode: '409' });
			expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		});

		it('after a lost answer to Add Approver, finds the assignment instead of assigning twice', async () => {
			sb.configure({ faults: { dropRate: 1, seed: 1 } });
			const original = sb.store.approvers.set.bind(sb.store.approvers);
			sb.store.approvers.set = (key, value) => {
				sb.configure({ faults: null });
				return original(key, value);
			};
			try {
				const mark = sb.requests.length;
				const result = await run({ operation: 'addApprover', userId: '4' });
				expect(result.status).toBe('success');
				expect(requestLines(requestsSince(sb, mark))).toEqual([`POST ${APPROVALS}/approvers`, `GET ${APPROVALS}/approvers`]);
				expect([...sb.store.approvers.values()].filter((a) => a.userId === 4)).toHaveLength(1);
				expect(jsonOf(result.items)[0]).toMatchObject({ id: 2, userId: 4 });
			} finally {
				sb.store.approvers.set = original;
			}
		});

		it('removes an approver picked from the list, and names one that does not exist', async () => {
			const listed = await searchList('searchApprovers', credentialsFor(sb));
			expect(listed.results).toEqual([{ name: '#1 · Lucía Fernández (user 3) · Jefa de ventas', value: '1' }]);
			const mark = sb.requests.length;
			const result = await run({ operation: 'removeApprover', approverId: { __rl: true, mode: 'list', value: listed.results[0].value } });
			expect(requestLines(requestsSince(sb, mark))).toEqual([`DELETE ${APPROVALS}/approvers/1`]);
			expect(jsonOf(result.items)).toEqual([{ deleted: true, id: 1 }]);
			const again = await run({ operation: 'removeApprover', approverId: byId(1) });
			expect(again.error).toMatchObject({ httpCode: '404', message: 'No approver with ID 1 exists in Billoget (it may already be removed)' });
		});

		it('says whether a user can approve: an approver, the owner, a member; without a user, the key’s user', async () => {
			const mark = sb.requests.length;
			const result = await run({ operation: 'canApprove', userId: '={{ $json.user }}' }, { items: [{ user: 3 }, { user: 1 }, { user: 4 }, { user: 2 }, {}] });
			expect(jsonOf(result.items)).toEqual([
				{ userId: 3, canApprove: true },
				{ userId: 1, canApprove: true },
				{ userId: 4, canApprove: false },
				{ userId: 2, canApprove: false },
				{ userId: null, canApprove: true },
			]);
			expect(requestsSince(sb, mark).map((r) => r.query)).toEqual([{ userId: '3' }, { userId: '1' }, { userId: '4' }, { userId: '2' }, {}]);
		});

		it('says which scope a read-only key lacks to add an approver', async () => {
			const result = await runBillogetNode({
				parameters: { resource: 'approval', operation: 'addApprover', userId: '4' },
				credentials: credentialsFor(sb, READ_ONLY_KEY),
			});
			// The scope is named in the message (docs errors) or in Billoget's own words in the description (SDK errors).
			expect(result.error).toMatchObject({ httpCode: '403' });
			expect(`${String(result.error?.message)} ${String(result.error?.description)}`).toContain('WRITE_BUDGETS');
			expect(sb.store.approvers.size).toBe(1);
		});
	});

	it('every operation’s output matches its published output schema', async () => {
		const cases: Array<[Schema, Record<string, unknown>]> = [
			[getManySchema, { operation: 'getMany', returnAll: true, simplify: false }],
			[getManySchema, { operation: 'getMany', returnAll: true }],
			[getConfigSchema, { operation: 'getConfig' }],
			[updateConfigSchema, { operation: 'updateConfig', settings: { isActive: false } }],
			[getApproversSchema, { operation: 'getApprovers', returnAll: true, simplify: false }],
			[getApproversSchema, { operation: 'getApprovers', returnAll: true }],
			[addApproverSchema, { operation: 'addApprover', userId: '2', notes: 'x' }],
			[removeApproverSchema, { operation: 'removeApprover', approverId: byId(1) }],
			[canApproveSchema, { operation: 'canApprove', userId: '3' }],
			[canApproveSchema, { operation: 'canApprove' }],
		];
		for (const [schema, parameters] of cases) {
			const result = await run(parameters);
			expect(result.status).toBe('success');
			expect(result.items.length).toBeGreaterThan(0);
			for (const item of result.items) expect([parameters.operation, schemaProblems(item.json, schema)]).toEqual([parameters.operation, []]);
		}
	});
});
