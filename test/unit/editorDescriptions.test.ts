/**
 * What n8n's editor shows from the node descriptions: action labels, canvas subtitles, pickers'
 * placeholders, fields offered next to Match On, option descriptions short enough not to be cut, and
 * Docs links that open this package's README.
 */
import { Workflow } from 'n8n-workflow';
import type { INode, INodeParameters, INodeProperties, INodePropertyOptions, INodeType, INodeTypes } from 'n8n-workflow';

import { BillogetApi } from '../../credentials/BillogetApi.credentials';
import { Billoget } from '../../nodes/Billoget/Billoget.node';
import { BillogetPollTrigger } from '../../nodes/Billoget/BillogetPollTrigger.node';
import { BillogetTrigger } from '../../nodes/Billoget/BillogetTrigger.node';
import actionCodex from '../../nodes/Billoget/Billoget.node.json';
import pollCodex from '../../nodes/Billoget/BillogetPollTrigger.node.json';
import triggerCodex from '../../nodes/Billoget/BillogetTrigger.node.json';
import approvedExample from '../../examples/budget-approved-notify.json';

const DOCS = 'https://github.com/billoget/n8n-nodes-billoget#';
const action = new Billoget().description;

function operationOptions(): Array<INodePropertyOptions & { resource: string }> {
	return action.properties
		.filter((p) => p.name === 'operation')
		.flatMap((p) => (p.options as INodePropertyOptions[]).map((o) => ({ ...o, resource: String(p.displayOptions?.show?.resource) })));
}

/** Evaluates a subtitle expression with the node's parameters through n8n-workflow, as the canvas does. */
async function subtitleFor(
	nodeType: INodeType,
	parameters: Record<string, unknown>,
): Promise<string> {
	const subtitle = nodeType.description.subtitle!;
	const nodeTypes = { getByNameAndVersion: () => nodeType, getByName: () => nodeType, getKnownTypes: () => ({}) } as unknown as INodeTypes;
	const node: INode = { id: '1', name: 'B', type: 'n8n-nodes-billoget.billoget', typeVersion: 1, position: [0, 0], parameters: parameters as INodeParameters };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const expression = workflow.expression as unknown as {
		acquireIsolate?: () => Promise<void>;
		releaseIsolate?: () => Promise<void>;
		getSimpleParameterValue: (...args: unknown[]) => unknown;
	};
	await expression.acquireIsolate?.();
	try {
		return String(expression.getSimpleParameterValue(node, subtitle, 'internal', {}));
	} finally {
		await expression.releaseIsolate?.();
	}
}

describe('the nodes as n8n’s editor shows them', () => {
	it('no two actions in the actions list share a label', () => {
		const labels = operationOptions().map((o) => String(o.action).toLowerCase());
		expect(labels.filter((label, i) => labels.indexOf(label) !== i)).toEqual([]);
	});

	it.each([
		[{ resource: 'report', operation: 'budgetSummary' }, 'Get Budget Summary'],
		[{ resource: 'customer', operation: 'upsert' }, 'Create or Update: Customer'],
		[{ resource: 'budget', operation: 'create' }, 'Create: Budget'],
	])('the canvas subtitle of %j reads "%s"', async (parameters, expected) => {
		expect(await subtitleFor(new Billoget(), parameters)).toBe(expected);
	});

	it('the triggers’ subtitles show event labels', async () => {
		expect(await subtitleFor(new BillogetTrigger(), { events: ['budget.approved', 'customer.created'] })).toBe(
			'Budget Approved, Customer Created',
		);
		expect(await subtitleFor(new BillogetPollTrigger(), { event: 'product.priceChanged' })).toBe(
			'Product Price Changed',
		);
	});

	it('pickers read "Select an approval..." and "Select a customer..."', () => {
		const placeholders = action.properties
			.filter((p) => p.type === 'resourceLocator')
			.map((p) => p.modes?.find((m) => m.name === 'list')?.placeholder);
		expect(placeholders).toContain('Select an approval...');
		expect(placeholders).toContain('Select a customer...');
		expect(placeholders.filter((p) => /Select a [aeiou]/i.test(String(p)))).toEqual([]);
	});

	it.each([
		['customer', 'additionalFields', ['email', 'dni', 'cuit']],
		['product', 'fields', ['productCode', 'sku']],
	])('Create or Update (%s) hides the matched field from %s', (resource, collection, keys) => {
		const fields = action.properties.find(
			(p) => p.name === collection && p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions?.show?.operation?.includes('upsert'),
		)!;
		for (const key of keys) {
			const option = (fields.options as INodeProperties[]).find((o) => o.name === key)!;
			expect(option.displayOptions).toEqual({ hide: { '/matchOn': [key] } });
		}
	});

	it('Automatic/Manual descriptions are short enough for two lines of the dropdown', () => {
		const registration = new BillogetTrigger().description.properties.find((p) => p.name === 'registration')!;
		for (const option of registration.options as INodePropertyOptions[]) expect(String(option.description).length).toBeLessThanOrEqual(90);
	});

	it('Docs links and notices open this package’s README', () => {
		expect(actionCodex.resources.primaryDocumentation[0].url).toBe(`${DOCS}operations`);
		expect(triggerCodex.resources.primaryDocumentation[0].url).toBe(`${DOCS}billoget-trigger`);
		expect(pollCodex.resources.primaryDocumentation[0].url).toBe(`${DOCS}billoget-poll-trigger`);
		expect(new BillogetApi().documentationUrl).toBe(`${DOCS}credentials-and-scopes`);
		const notices = [...new BillogetPollTrigger().description.properties, ...new BillogetTrigger().description.properties].filter(
			(p) => p.type === 'notice' && p.name !== 'listenNotice',
		);
		for (const notice of notices) expect(notice.displayName).toContain(`href="${DOCS}`);
	});

	it('Send Test warns that test events reach every subscription', () => {
		const notice = action.properties.find((p) => p.name === 'sendTestNotice')!;
		expect(notice.type).toBe('notice');
		expect(notice.displayOptions?.show).toMatchObject({ resource: ['webhook'], operation: ['sendTest'] });
		expect(notice.displayName).toMatch(/every webhook subscription/);
	});

	it('the "notify and record" example lets only events with data.id reach its notification', () => {
		const filter = approvedExample.nodes.find((n) => n.type === 'n8n-nodes-base.filter')!;
		expect(JSON.stringify(filter.parameters)).toContain('{{ $json.data.id }}');
		const connections = approvedExample.connections as Record<string, { main: Array<Array<{ node: string }>> }>;
		expect(connections['Budget approved'].main[0].map((c) => c.node)).toEqual([filter.name]);
		expect(connections[filter.name].main[0].map((c) => c.node)).toEqual(['Compose notification']);
	});

	it('the credential has no declarative test: n8n runs the nodes’ billogetApiTest instead', () => {
		// n8n prefers a credential's own `test` over a node's `testedBy`; one would bypass the checks made
		// before any request (test/engine/credentialTest.test.ts).
		expect('test' in new BillogetApi()).toBe(false);
	});
});
