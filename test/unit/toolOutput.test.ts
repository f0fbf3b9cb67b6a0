import type { INode } from 'n8n-workflow';

import {
	NOTHING_FOUND_NOTE,
	isToolNodeType,
	isToolRun,
	narrowingHint,
	shapeToolOutput,
	withoutSecrets,
} from '../../nodes/Billoget/actions/toolOutput';

const contextOf = (type: string, isToolExecution?: boolean) => ({
	getNode: () => ({ type }) as INode,
	...(isToolExecution === undefined ? {} : { isToolExecution: () => isToolExecution }),
});

describe('tool output shaping', () => {
	it('tells a tool run by n8n’s tool-execution flag or by the tool variant’s type', () => {
		expect(isToolNodeType('n8n-nodes-billoget.billogetTool')).toBe(true);
		expect(isToolNodeType('n8n-nodes-billoget.billoget')).toBe(false);
		expect(isToolNodeType('n8n-nodes-billoget.billogetTrigger')).toBe(false);
		expect(isToolRun(contextOf('n8n-nodes-billoget.billoget', true))).toBe(true);
		expect(isToolRun(contextOf('n8n-nodes-billoget.billogetTool', false))).toBe(true);
		expect(isToolRun(contextOf('n8n-nodes-billoget.billogetTool'))).toBe(true);
		expect(isToolRun(contextOf('n8n-nodes-billoget.billoget', false))).toBe(false);
		// An n8n without isToolExecution(): the type decides.
		expect(isToolRun(contextOf('n8n-nodes-billoget.billoget'))).toBe(false);
	});

	it('removes headers and secrets at any depth and keeps everything else', () => {
		const record = {
			id: 7,
			publicToken: 'tok_public',
			headers: { authorization: 'Bearer x' },
			nested: { Secret: 's', apiKey: 'k', list: [{ password: 'p', keep: 1 }], when: '2026-01-01' },
		};
		expect(withoutSecrets(record)).toEqual({ id: 7, publicToken: 'tok_public', nested: { list: [{ keep: 1 }], when: '2026-01-01' } });
		expect(record.headers).toBeDefined();
	});

	it('cuts a long list to the cap with a note that keeps the pairing, and leaves a short one alone', () => {
		const items = Array.from({ length: 4 }, (_, i) => ({ json: { id: i + 1 }, pairedItem: { item: i } }));
		const capped = shapeToolOutput(items, 'customer', 'getMany', 3);
		expect(capped.map((item) => item.json)).toEqual([
			{ id: 1 },
			{ id: 2 },
			{ id: 3 },
			{ note: `Only the first 3 of 4 records are shown, to keep the answer short. ${narrowingHint('customer', 'getMany')}` },
		]);
		expect(capped[3].pairedItem).toEqual({ item: 3 });
		expect(shapeToolOutput(items, 'customer', 'getMany', 4)).toEqual(items);
		expect(narrowingHint('customer', 'getMany')).toMatch(/search text/);
		expect(narrowingHint('report', 'budgetSummary')).toMatch(/filters|limit/);
	});

	it('answers an empty result with a note', () => {
		expect(shapeToolOutput([], 'product', 'getMany')).toEqual([{ json: { note: NOTHING_FOUND_NOTE }, pairedItem: { item: 0 } }]);
	});
});
