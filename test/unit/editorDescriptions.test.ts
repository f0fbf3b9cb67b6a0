/**
 * What n8n's editor shows from the node descriptions: action labels, canvas subtitles, pickers'
 * placeholders, fields offered next to Match On, option descriptions short enough not to be cut, and
 * Docs links that open this package's README.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { BillogetApi } from '../../credentials/BillogetApi.credentials';
import { Billoget } from '../../nodes/Billoget/Billoget.node';
import { BillogetPollTrigger } from '../../nodes/Billoget/BillogetPollTrigger.node';
import { BillogetTrigger } from '../../nodes/Billoget/BillogetTrigger.node';
import actionCodex from '../../nodes/Billoget/Billoget.node.json';
import pollCodex from '../../nodes/Billoget/BillogetPollTrigger.node.json';
import triggerCodex from '../../nodes/Billoget/BillogetTrigger.node.json';

const DOCS = 'https://github.com/billoget/n8n-nodes-billoget#';
const action = new Billoget().description;

function operationOptions(): Array<INodePropertyOptions & { resource: string }> {
	return action.properties
		.filter((p) => p.name === 'operation')
		.flatMap((p) => (p.options as INodePropertyOptions[]).map((o) => ({ ...o, resource: String(p.displayOptions?.show?.resource) })));
}

/** Evaluates a subtitle expression (plain JavaScript between ={{ and }}) with the node's parameters. */
function subtitleFor(subtitle: string, parameters: Record<string, unknown>): string {
	const body = /^=\{\{([\s\S]*)\}\}$/.exec(subtitle.trim())?.[1];
	if (body === undefined) throw new Error(`not an expression: ${subtitle}`);
	return String(new Function('$parameter', `return (${body});`)(parameters));
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
	])('the canvas subtitle of %j reads "%s"', (parameters, expected) => {
		expect(subtitleFor(action.subtitle!, parameters)).toBe(expected);
	});

	it('the triggers’ subtitles show event labels', () => {
		expect(subtitleFor(new BillogetTrigger().description.subtitle!, { events: ['budget.approved', 'customer.created'] })).toBe(
			'Budget Approved, Customer Created',
		);
		expect(subtitleFor(new BillogetPollTrigger().description.subtitle!, { event: 'product.priceChanged' })).toBe('Product Price Changed');
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

	it('the credential test turns Billoget’s answers into what to change', () => {
		const rules = new BillogetApi().test.rules ?? [];
		const byCode = Object.fromEntries(
			rules.map((rule) => [(rule.properties as { value: number }).value, (rule.properties as { message: string }).message]),
		);
		expect(byCode[401]).toMatch(/did not accept this API key/);
		expect(byCode[404]).toMatch(/must end in \/v1/);
		expect(byCode[403]).toMatch(/READ_CUSTOMERS/);
	});
});
