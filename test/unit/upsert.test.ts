import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { executeUpsert, ranges, readMatchOn, upsertOptions } from '../../nodes/Billoget/actions/upsert';
import type { UpsertSpec } from '../../nodes/Billoget/actions/upsert';
import type { ItemOutcome } from '../../nodes/Billoget/actions/types';
import type { MatchKey } from '../../nodes/Billoget/shared/matching';
import { createClient } from '../../nodes/Billoget/transport/client';
import { failure, fakeHttp } from '../harness/fakeHttp';
import type { Answer } from '../harness/fakeHttp';

/**
 * Create or Update on its own, with a stand-in for n8n's request helper: every request it sends is
 * scripted and recorded, so each test states the exact requests a run costs. The engine suites run the
 * same code inside n8n against the sandbox.
 */

const PATH = '/api/public/customers';

interface Input {
	matchOn?: MatchKey;
	fields: IDataObject;
	/** readItem refuses the item (a field the operation cannot read). */
	unreadable?: boolean;
}

const spec: UpsertSpec = {
	path: PATH,
	label: 'customer',
	requiredForCreate: [{ field: 'firstName', label: 'First Name' }],
	readItem: (ctx, i) => {
		const input = ctx.getInputData()[i].json as unknown as Input;
		if (input.unreadable) throw new NodeOperationError(ctx.getNode(), 'Email is not an email address', { itemIndex: i });
		return { matchOn: input.matchOn ?? 'email', fields: input.fields };
	},
};

interface Run {
	outcomes: ItemOutcome[];
	sent: IHttpRequestOptions[];
}

function setUp(inputs: Input[], answers: Answer[], options: IDataObject = {}, continueOnFail = false) {
	const { ctx: http, sent } = fakeHttp(answers);
	const ctx = Object.assign(http, {
		getInputData: () => inputs.map((input) => ({ json: input as unknown as IDataObject })),
		getNodeParameter: (name: string, _i: number, fallback?: unknown) => (name === 'options' ? options : fallback),
		continueOnFail: () => continueOnFail,
	}) as unknown as IExecuteFunctions;
	const client = createClient(ctx, { maxRetries: 1, maxRateLimitRetries: 0, maxRateLimitWaitMs: 0 });
	return { ctx, client, sent };
}

async function upsert(inputs: Input[], answers: Answer[], options: IDataObject = {}, continueOnFail = false): Promise<Run> {
	const { ctx, client, sent } = setUp(inputs, answers, options, continueOnFail);
	const outcomes = await executeUpsert(ctx, client, spec);
	return { outcomes, sent };
}

async function upsertFailure(inputs: Input[], answers: Answer[], options: IDataObject = {}) {
	const { ctx, client, sent } = setUp(inputs, answers, options, false);
	const error = await failure(executeUpsert(ctx, client, spec));
	return { error, sent };
}

const list = (records: IDataObject[]): Answer => ({ status: 200, body: { data: records } });
const ok = (record: IDataObject, status = 200): Answer => ({ status, body: { data: record } });
const rateLimited: Answer = { status: 429, body: { error: 'rate_limit_exceeded', message: 'Too many requests' }, headers: { 'retry-after': '3600' } };

const ana = { id: 7, email: 'ana@example.com', firstName: 'Ana', phone: '111' };
const luis = { id: 9, email: 'luis@example.com', firstName: 'Luis', phone: '222' };

/** Each request as "METHOD path?query" (page and limit included). */
function lines(sent: IHttpRequestOptions[]): string[] {
	return sent.map((options) => {
		const path = String(options.url).replace('https://api.example.test/v1', '');
		const query = new URLSearchParams(Object.entries(options.qs ?? {}).map(([k, v]): [string, string] => [k, String(v)])).toString();
		return `${options.method} ${path}${query ? `?${query}` : ''}`;
	});
}

function outputOf(outcome: ItemOutcome): IDataObject {
	if (!('output' in outcome)) throw new Error(`item ${outcome.item} failed: ${outcome.error.message}`);
	expect(outcome.output).toHaveLength(1);
	return outcome.output[0].json;
}

function errorOf(outcome: ItemOutcome): { error: Error; notProcessed?: boolean } {
	if ('output' in outcome) throw new Error(`item ${outcome.item} did not fail`);
	return outcome;
}

describe('Create or Update: Load All Once', () => {
	it('lists once, then creates the new, updates only what changed and leaves the unchanged alone', async () => {
		const run = await upsert(
			[
				{ fields: { email: 'NEW@example.com', firstName: 'Eva' } },
				{ fields: { email: ' Ana@Example.com ', firstName: 'Ana', phone: '333' } },
				{ fields: { email: 'luis@example.com', firstName: 'Luis' } },
			],
			[list([ana, luis]), ok({ id: 12, email: 'NEW@example.com', firstName: 'Eva' }, 201), ok({ phone: '333' })],
			{ matching: 'loadAll' },
		);
		expect(lines(run.sent)).toEqual([`GET ${PATH}?page=1&limit=100`, `POST ${PATH}`, `PUT ${PATH}/7`]);
		expect(run.sent[1].body).toEqual({ email: 'NEW@example.com', firstName: 'Eva' });
		expect(run.sent[2].body).toEqual({ phone: '333' });
		expect(run.outcomes.map((o) => o.item)).toEqual([0, 1, 2]);
		expect(outputOf(run.outcomes[0])).toEqual({ action: 'created', changedFields: ['email', 'firstName'], id: 12, email: 'NEW@example.com', firstName: 'Eva' });
		expect(outputOf(run.outcomes[1])).toEqual({ action: 'updated', changedFields: ['phone'], ...ana, phone: '333' });
		expect(outputOf(run.outcomes[2])).toEqual({ action: 'unchanged', changedFields: [], ...luis });
	});

	it('merges items with the same key into one write, a later item winning on a field', async () => {
		const run = await upsert(
			[
				{ fields: { email: 'eva@example.com', firstName: 'Eva', phone: '1' } },
				{ fields: { email: 'ana@example.com', firstName: 'Ana' } },
				{ fields: { email: 'EVA@example.com', phone: '2' } },
			],
			[list([ana]), ok({ id: 12, email: 'eva@example.com', firstName: 'Eva', phone: '2' }, 201)],
			{ matching: 'loadAll' },
		);
		expect(lines(run.sent)).toEqual([`GET ${PATH}?page=1&limit=100`, `POST ${PATH}`]);
		expect(run.sent[1].body).toEqual({ email: 'EVA@example.com', firstName: 'Eva', phone: '2' });
		expect(outputOf(run.outcomes[0])).toMatchObject({ action: 'created', id: 12, mergedItems: [0, 2] });
		expect(outputOf(run.outcomes[2])).toMatchObject({ action: 'created', id: 12, mergedItems: [0, 2] });
		expect(outputOf(run.outcomes[1])).not.toHaveProperty('mergedItems');
	});

	it('fails on several records with the key, naming their IDs, or updates the lowest ID when told to', async () => {
		const twin = { ...ana, id: 3, phone: '999' };
		const refused = await upsertFailure([{ fields: { email: 'ana@example.com', phone: '5' } }], [list([ana, twin])], { matching: 'loadAll' });
		expect(refused.error).toBeInstanceOf(NodeOperationError);
		expect(refused.error.message).toBe('2 customers match email "ana@example.com"');
		expect(refused.error.description).toContain('Matching IDs: 7, 3.');
		expect(refused.error.description).toContain('Update the First');
		expect(lines(refused.sent)).toEqual([`GET ${PATH}?page=1&limit=100`]);

		const first = await upsert([{ fields: { email: 'ana@example.com', phone: '5' } }], [list([ana, twin]), ok({ phone: '5' })], {
			matching: 'loadAll',
			multipleMatches: 'updateFirst',
		});
		expect(lines(first.sent)).toEqual([`GET ${PATH}?page=1&limit=100`, `PUT ${PATH}/3`]);
		expect(outputOf(first.outcomes[0])).toMatchObject({ action: 'updated', id: 3, phone: '5' });
	});

	it('says so when the record to update was deleted meanwhile', async () => {
		const gone = await upsertFailure([{ fields: { email: 'ana@example.com', phone: '5' } }], [list([ana]), { status: 404, body: {} }], { matching: 'loadAll' });
		expect(gone.error.message).toBe('The customer with ID 7 was deleted while this run was updating it');
	});

	it('asks for what a create needs only when a create is needed', async () => {
		const refused = await upsertFailure([{ fields: { email: 'new@example.com', phone: '5' } }], [list([ana])], { matching: 'loadAll' });
		expect(refused.error.message).toBe('First Name is required to create a new customer');
		expect(refused.error.description).toMatch(
			/^No customer matches email "new@example.com", so one will be created, and Billoget needs First Name for that\. Written or checked: 0/,
		);
		expect(refused.error.context.itemIndex).toBe(0);
		expect(refused.sent).toHaveLength(1);

		const empty = await upsertFailure([{ fields: { email: 'new@example.com', firstName: '' } }], [list([])], { matching: 'loadAll' });
		expect(empty.error.message).toBe('First Name is required to create a new customer');
		const none = await upsertFailure([{ fields: { email: 'new@example.com', firstName: null } }], [list([])], { matching: 'loadAll' });
		expect(none.error.message).toBe('First Name is required to create a new customer');

		const update = await upsert([{ fields: { email: 'ana@example.com', phone: '5' } }], [list([ana]), ok({ phone: '5' })], { matching: 'loadAll' });
		expect(outputOf(update.outcomes[0])).toMatchObject({ action: 'updated' });
	});
});

describe('Create or Update: which matching runs', () => {
	const one = [{ fields: { email: 'ana@example.com', firstName: 'Ana' } }];

	it('Per Item Search searches the key and keeps exact matches only', async () => {
		const lookalike = { id: 5, email: 'ana@example.com.ar', firstName: 'Ana' };
		const run = await upsert(one, [list([lookalike]), ok({ id: 13, email: 'ana@example.com', firstName: 'Ana' }, 201)], { matching: 'perItem' });
		expect(lines(run.sent)).toEqual([`GET ${PATH}?search=ana%40example.com&page=1&limit=100`, `POST ${PATH}`]);
		expect(outputOf(run.outcomes[0])).toMatchObject({ action: 'created', id: 13 });
	});

	it('Auto searches per item up to the threshold (20 by default) and lists all above it', async () => {
		const search = await upsert(one, [list([ana])]);
		expect(lines(search.sent)).toEqual([`GET ${PATH}?search=ana%40example.com&page=1&limit=100`]);

		const twenty = Array.from({ length: 20 }, (_, n) => ({ fields: { email: `c${n}@example.com`, firstName: 'C' } }));
		const atDefault = await upsert(twenty, twenty.map((_, n) => list([{ id: n + 1, email: `c${n}@example.com`, firstName: 'C' }])));
		expect(atDefault.sent).toHaveLength(20);
		expect(lines(atDefault.sent).every((line) => line.includes('search='))).toBe(true);

		const twentyOne = [...twenty, { fields: { email: 'c20@example.com', firstName: 'C' } }];
		const records = twentyOne.map((_, n) => ({ id: n + 1, email: `c${n}@example.com`, firstName: 'C' }));
		const aboveDefault = await upsert(twentyOne, [list(records)]);
		expect(lines(aboveDefault.sent)).toEqual([`GET ${PATH}?page=1&limit=100`]);
		expect(aboveDefault.outcomes.map((o) => outputOf(o).action)).toEqual(twentyOne.map(() => 'unchanged'));

		const two = [...one, { fields: { email: 'luis@example.com', firstName: 'Luis' } }];
		const lowThreshold = await upsert(two, [list([ana, luis])], { loadAllThreshold: 1 });
		expect(lines(lowThreshold.sent)).toEqual([`GET ${PATH}?page=1&limit=100`]);
		const atThreshold = await upsert(two, [list([ana]), list([luis])], { loadAllThreshold: 2, matching: 'auto' });
		expect(atThreshold.sent).toHaveLength(2);
	});

	it('Per Item Search ignores the threshold', async () => {
		const two = [...one, { fields: { email: 'luis@example.com', firstName: 'Luis' } }];
		const run = await upsert(two, [list([ana]), list([luis])], { matching: 'perItem', loadAllThreshold: 1 });
		expect(lines(run.sent)).toEqual([
			`GET ${PATH}?search=ana%40example.com&page=1&limit=100`,
			`GET ${PATH}?search=luis%40example.com&page=1&limit=100`,
		]);
	});

	it('lists all for a key not every Billoget searches, even when Per Item Search is chosen', async () => {
		const run = await upsert(
			[{ matchOn: 'dni', fields: { dni: '0040111222', firstName: 'Ana' } }],
			[list([{ id: 4, dni: 40111222, firstName: 'Ana' }])],
			{ matching: 'perItem' },
		);
		expect(lines(run.sent)).toEqual([`GET ${PATH}?page=1&limit=100`]);
		expect(outputOf(run.outcomes[0])).toMatchObject({ action: 'unchanged', id: 4 });
	});
});

describe('Create or Update: bad items, failures and rate limits', () => {
	it('checks every item before the first request', async () => {
		const empty = await upsertFailure([{ fields: { email: 'ana@example.com' } }, { fields: { email: '  ' } }], []);
		expect(empty.error.message).toBe('Value to Match is empty');
		expect(empty.error.description).toBe('Map the email to match on, or check that the expression resolves to a value for this item.');
		expect(empty.error.context.itemIndex).toBe(1);
		expect(empty.sent).toEqual([]);

		const unreadable = await upsertFailure([{ fields: { email: 'a@example.com' } }, { unreadable: true, fields: {} }], []);
		expect(unreadable.error.message).toBe('Email is not an email address');
		expect(unreadable.sent).toEqual([]);
	});

	it('with Continue On Fail, a bad item fails alone and the others are written', async () => {
		const run = await upsert(
			[{ fields: { email: '' } }, { fields: { email: 'ana@example.com', firstName: 'Ana' } }],
			[list([ana])],
			{},
			true,
		);
		expect(errorOf(run.outcomes[0]).error.message).toBe('Value to Match is empty');
		expect(errorOf(run.outcomes[0]).notProcessed).toBeUndefined();
		expect(outputOf(run.outcomes[1])).toMatchObject({ action: 'unchanged', id: 7 });
	});

	it('with every item bad, sends nothing and reads no options', async () => {
		const run = await upsert([{ fields: { email: null } }], [], { matching: 'loadAll' }, true);
		expect(run.sent).toEqual([]);
		expect(errorOf(run.outcomes[0]).error.message).toBe('Value to Match is empty');
	});

	it('stops at a rate limit: what is done stays done, the rest is listed as not done', async () => {
		const inputs = [
			{ fields: { email: 'ana@example.com', phone: '5' } },
			{ fields: { email: 'luis@example.com', phone: '6' } },
			{ fields: { email: 'eva@example.com', firstName: 'Eva' } },
		];
		const answers = [list([ana, luis]), ok({ phone: '5' }), rateLimited];
		const stopped = await upsertFailure(inputs, answers, { matching: 'loadAll' });
		expect(stopped.error).toBeInstanceOf(NodeApiError);
		expect((stopped.error as NodeApiError).httpCode).toBe('429');
		expect(stopped.error.description).toContain(
			'Written or checked: 1 item(s) (0). Not done: 2 item(s) (1–2). Running the workflow again is safe',
		);
		expect(stopped.error.context.itemIndex).toBeUndefined();
		expect(lines(stopped.sent)).toEqual([`GET ${PATH}?page=1&limit=100`, `PUT ${PATH}/7`, `PUT ${PATH}/9`]);

		const listed = await upsert(inputs, [list([ana, luis]), ok({ phone: '5' }), rateLimited], { matching: 'loadAll' }, true);
		expect(outputOf(listed.outcomes[0])).toMatchObject({ action: 'updated' });
		expect(errorOf(listed.outcomes[1])).toMatchObject({ notProcessed: true });
		expect(errorOf(listed.outcomes[2])).toMatchObject({ notProcessed: true });
		expect(errorOf(listed.outcomes[2]).error).toBe(errorOf(listed.outcomes[1]).error);
		expect(listed.sent).toHaveLength(3);
	});

	it('when Load All fails, writes nothing and says no item was done', async () => {
		const inputs = [{ fields: { email: 'ana@example.com' } }, { fields: { email: 'luis@example.com' } }];
		const broken: Answer = { status: 400, body: { error: 'bad_request', message: 'Bad page' } };
		const stopped = await upsertFailure(inputs, [broken], { matching: 'loadAll' });
		expect(stopped.error.description).toContain('Written or checked: 0 item(s). Not done: 2 item(s) (0–1).');
		expect(stopped.sent).toHaveLength(1);

		const listed = await upsert(inputs, [broken], { matching: 'loadAll' }, true);
		expect(listed.outcomes.map((o) => errorOf(o).notProcessed)).toEqual([true, true]);
	});

	it('a failed write fails its items; with Continue On Fail the next ones are still written', async () => {
		const inputs = [
			{ fields: { email: 'ana@example.com', phone: '5' } },
			{ fields: { email: 'luis@example.com', phone: '6' } },
		];
		const refused: Answer = { status: 422, body: { error: 'validation_error', message: 'phone is invalid' } };
		const stopped = await upsertFailure(inputs, [list([ana, luis]), refused], { matching: 'loadAll' });
		expect(stopped.error).toBeInstanceOf(NodeApiError);
		expect(stopped.error.context.itemIndex).toBe(0);
		expect(stopped.error.description).toContain('Not done: 2 item(s) (0–1)');
		expect(stopped.sent).toHaveLength(2);

		const validation = await upsertFailure([{ fields: { email: 'new@example.com' } }], [list([])], { matching: 'loadAll' });
		expect(validation.error).toBeInstanceOf(NodeOperationError);
		expect(validation.error.description).toMatch(/^No customer matches .* Not done: 1 item\(s\) \(0\)\./);

		const listed = await upsert(inputs, [list([ana, luis]), refused, ok({ phone: '6' })], { matching: 'loadAll' }, true);
		expect(errorOf(listed.outcomes[0]).notProcessed).toBeUndefined();
		expect(outputOf(listed.outcomes[1])).toMatchObject({ action: 'updated', id: 9 });
	});

	it('after a lost answer to a create, takes the record it made instead of posting again', async () => {
		const lost: Answer = { status: 502, body: {} };
		const made = { id: 21, email: 'eva@example.com', firstName: 'Eva', createdAt: new Date().toISOString() };
		const old = { ...made, id: 20, createdAt: '2020-01-01T00:00:00Z' };
		const other = { ...made, id: 19, firstName: 'Evita' };
		const run = await upsert(
			[{ fields: { email: 'eva@example.com', firstName: 'Eva' } }],
			[list([]), lost, list([old, other, made])],
			{ matching: 'loadAll' },
		);
		expect(lines(run.sent)).toEqual([`GET ${PATH}?page=1&limit=100`, `POST ${PATH}`, `GET ${PATH}?search=eva%40example.com&page=1&limit=100`]);
		expect(outputOf(run.outcomes[0])).toMatchObject({ action: 'created', id: 21 });

		const nothing = await upsert(
			[{ fields: { email: 'eva@example.com', firstName: 'Eva' } }],
			[list([]), lost, list([old]), ok(made, 201)],
			{ matching: 'loadAll' },
		);
		expect(lines(nothing.sent)).toEqual([
			`GET ${PATH}?page=1&limit=100`,
			`POST ${PATH}`,
			`GET ${PATH}?search=eva%40example.com&page=1&limit=100`,
			`POST ${PATH}`,
		]);
		expect(outputOf(nothing.outcomes[0])).toMatchObject({ action: 'created', id: 21 });
	});

	it('the look-up after a lost create on a key not searched lists everything', async () => {
		const made = { id: 22, dni: 40111222, firstName: 'Eva', createdAt: new Date().toISOString() };
		const run = await upsert(
			// The customer operation sends the DNI as a number (customerBody), as Billoget stores it.
			[{ matchOn: 'dni', fields: { dni: 40111222, firstName: 'Eva' } }],
			[list([]), { status: 503, body: {} }, list([made])],
		);
		expect(lines(run.sent)).toEqual([`GET ${PATH}?page=1&limit=100`, `POST ${PATH}`, `GET ${PATH}?page=1&limit=100`]);
		expect(outputOf(run.outcomes[0])).toMatchObject({ action: 'created', id: 22 });
	});
});

describe('Create or Update: parameters and messages', () => {
	function matchOnOf(value: unknown) {
		const ctx = { getNode: () => ({ name: 'Billoget' }), getNodeParameter: () => value } as unknown as IExecuteFunctions;
		return readMatchOn(ctx, 2, { email: 'Email', dni: 'DNI' });
	}

	it('Match On must be one of the operation\'s keys', () => {
		expect(matchOnOf('dni')).toBe('dni');
		for (const value of ['sku', 'toString', 7]) {
			let error: NodeOperationError | undefined;
			try {
				matchOnOf(value);
			} catch (thrown) {
				error = thrown as NodeOperationError;
			}
			expect(error?.message).toBe(`Match On "${String(value)}" is not supported`);
			expect(error?.description).toBe('Choose Email, DNI.');
			expect(error?.context.itemIndex).toBe(2);
		}
	});

	it('the options name the records and the searchable keys, with Auto, 20 and Fail the Item by default', () => {
		const options = upsertOptions('customers', 'Email');
		const byName = Object.fromEntries((options.options as unknown as IDataObject[]).map((o) => [o.name, o]));
		expect((options.options as unknown as IDataObject[]).map((o) => [o.name, o.displayName])).toEqual([
			['loadAllThreshold', 'Load All Threshold'],
			['matching', 'Matching'],
			['multipleMatches', 'Multiple Matches'],
		]);
		expect(byName.loadAllThreshold).toMatchObject({ default: 20, typeOptions: { minValue: 1 } });
		expect(String(byName.loadAllThreshold.description)).toContain('all existing customers are listed once');
		expect(String(byName.loadAllThreshold.description)).toContain('(matching on Email;');
		expect(byName.matching).toMatchObject({ default: 'auto' });
		const modes = byName.matching.options as IDataObject[];
		expect(modes.map((m) => [m.name, m.value])).toEqual([
			['Auto', 'auto'],
			['Load All Once', 'loadAll'],
			['Per Item Search', 'perItem'],
		]);
		expect(String(modes[0].description)).toContain('matching on Email');
		expect(String(modes[1].description)).toContain('List every existing customers once');
		expect(String(modes[2].description)).toContain('Only when matching on Email');
		expect(byName.multipleMatches).toMatchObject({ default: 'error' });
		expect((byName.multipleMatches.options as IDataObject[]).map((m) => [m.name, m.value])).toEqual([
			['Fail the Item', 'error'],
			['Update the First (Lowest ID)', 'updateFirst'],
		]);
		expect((byName.multipleMatches.options as IDataObject[])[0].description).toBe('Stop with an error that lists the matching IDs');
		expect(String(byName.multipleMatches.description)).toContain('several existing customers share');
	});

	it('ranges writes item numbers as runs', () => {
		expect(ranges([8, 0, 2, 1, 5, 7])).toBe('0–2, 5, 7–8');
		expect(ranges([4])).toBe('4');
		expect(ranges([])).toBe('');
	});
});
