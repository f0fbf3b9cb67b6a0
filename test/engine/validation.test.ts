import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { Billoget } from '../../nodes/Billoget/Billoget.node';
import { runBillogetNode } from '../harness/engine';
import { DEMO_KEY, requestsSince, startSandbox } from '../harness/sandbox';
import type { LoggedRequest, Sandbox } from '../harness/sandbox';
import { publicTokenFor } from '../../sandbox/store';

/**
 * Every operation of the Billoget node refuses a missing or invalid value before it reaches Billoget.
 *
 * Each row maps one field from `$json.v` and runs two items: item 0 with a valid value, item 1 with the
 * bad one. The run must stop with a NodeOperationError that names the field by its label, says how to
 * fix it (description) and points at item 1. Nothing may be sent for item 1: per-item operations send
 * exactly what item 0 alone sends (they check item 1 when its turn comes, after item 0's requests);
 * Create or Update checks every item before its first request, so it sends nothing at all.
 */

/** The field under test is mapped from the input item's `v`. */
const V = '={{ $json.v }}';

/** An item without `v`: the expression resolves to nothing. */
const MISSING = Symbol('no value');

const byId = (value: number | string) => ({ __rl: true, mode: 'id', value: String(value) });

/** Operations with no field a user fills in, so nothing to refuse (with why). */
const NO_FIELD_TO_CHECK = new Set([
	'approval.getConfig', // reads the approval workflow's configuration; no parameters
	'approval.getStats', // reads Billoget's counts; no parameters
]);

/** Every resource.operation the node offers, read from its own description. */
function operationsOfTheNode(): string[] {
	const properties = new Billoget().description.properties;
	const resources = properties.find((property) => property.name === 'resource')?.options ?? [];
	const operations: string[] = [];
	for (const resource of resources as INodePropertyOptions[]) {
		const selector = properties.find(
			(property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource.value),
		);
		for (const operation of (selector?.options ?? []) as INodePropertyOptions[]) {
			operations.push(`${String(resource.value)}.${String(operation.value)}`);
		}
	}
	return operations.sort();
}

/** Operations that read all items before the first request (see actions/upsert.ts). */
const CHECKS_ALL_ITEMS_FIRST = new Set(['customer.upsert', 'product.upsert']);

// ---- valid parameters of each operation, with one field replaced by V per row ----

const BUDGET_TOKEN = publicTokenFor(1); // budget 1 of the demo seed is still generated (state 0)

const productLine = (overrides: IDataObject = {}) => ({
	itemType: 'product',
	productId: byId(4),
	quantity: 1,
	unitPrice: '10',
	...overrides,
});

const budgetCreate = (overrides: IDataObject = {}): IDataObject => ({
	customerId: byId(1),
	sellerId: '1',
	currency: 'ARS',
	issueDate: '2026-03-01',
	expirationDate: '2026-03-31',
	minimumPaymentToConfirm: 0,
	items: { item: [productLine()] },
	...overrides,
});

/** Create with the lines given as Items (JSON), mapped from the item. */
const budgetCreateFromJson = (): IDataObject => {
	const parameters = budgetCreate({ itemsMode: 'json', itemsJson: V });
	delete parameters.items;
	return parameters;
};

const Q1 = { fromDate: '2026-01-01', toDate: '2026-03-31' };

interface Case {
	/** resource.operation */
	op: string;
	/** The field's label, as the message must name it. */
	field: string;
	/** What is wrong with the value, for the test's name. */
	what: string;
	parameters: IDataObject;
	/** `v` of item 0: a value the operation accepts. */
	good: unknown;
	/** `v` of item 1 (MISSING: no `v` at all). */
	bad: unknown;
	message: string;
}

function describeValue(value: unknown): string {
	if (value === MISSING) return 'expression resolving to nothing';
	if (value === null) return 'expression resolving to null';
	if (value === '') return 'empty';
	if (Array.isArray(value)) return `a list ${JSON.stringify(value)}`;
	if (typeof value === 'object') return `an object ${JSON.stringify(value)}`;
	if (typeof value === 'number') return value < 0 ? `negative ${value}` : `${value}`;
	return JSON.stringify(value);
}

const row = (op: string, field: string, parameters: IDataObject, good: unknown, bad: unknown, message: string): Case => ({
	op,
	field,
	what: describeValue(bad),
	parameters,
	good,
	bad,
	message,
});

const ID_MESSAGE = (label: string) => `${label} must be a Billoget ID (a positive whole number)`;

/** The bad IDs every ID field is tried with. */
const badIds = (op: string, label: string, parameters: IDataObject, good: unknown): Case[] =>
	[MISSING, null, '', 0, -3, 1.5, 'abc', { id: 1 }].map((bad) => row(op, label, parameters, good, bad, ID_MESSAGE(label)));

const cases: Case[] = [
	// ---- budget ----
	...badIds('budget.create', 'Customer', budgetCreate({ customerId: byId(V) }), 1),
	row('budget.create', 'Seller ID', budgetCreate({ sellerId: V }), '1', '', ID_MESSAGE('Seller ID')),
	row('budget.create', 'Seller ID', budgetCreate({ sellerId: V }), '1', 'Ana', ID_MESSAGE('Seller ID')),
	row('budget.create', 'Seller ID', budgetCreate({ sellerId: V }), '1', -1, ID_MESSAGE('Seller ID')),
	row('budget.create', 'Currency', budgetCreate({ currency: V }), 'ARS', '', 'Currency is required'),
	row('budget.create', 'Currency', budgetCreate({ currency: V }), 'ARS', 'pesos', 'Currency "pesos" is not a currency code'),
	row('budget.create', 'Currency', budgetCreate({ currency: V }), 'ARS', ['ARS'], 'Currency must be text'),
	row('budget.create', 'Issue Date', budgetCreate({ issueDate: V }), '2026-03-01', MISSING, 'Issue Date is required'),
	row('budget.create', 'Issue Date', budgetCreate({ issueDate: V }), '2026-03-01', null, 'Issue Date is required'),
	row('budget.create', 'Issue Date', budgetCreate({ issueDate: V }), '2026-03-01', 'next week', 'Issue Date "next week" is not a date'),
	row('budget.create', 'Issue Date', budgetCreate({ issueDate: V }), '2026-03-01', 'Mar 1', 'Issue Date "Mar 1" is not a date'),
	row('budget.create', 'Issue Date', budgetCreate({ issueDate: V }), '2026-03-01', '2026-02-30', 'Issue Date "2026-02-30" is not a date'),
	row('budget.create', 'Issue Date', budgetCreate({ issueDate: V }), '2026-03-01', { day: 1 }, 'Issue Date must be text'),
	row('budget.create', 'Expiration Date', budgetCreate({ expirationDate: V }), '2026-03-31', '', 'Expiration Date is required'),
	row('budget.create', 'Expiration Date', budgetCreate({ expirationDate: V }), '2026-03-31', '31/03/2026', 'Expiration Date "31/03/2026" is not a date'),
	row('budget.create', 'Expiration Date', budgetCreate({ expirationDate: V }), '2026-03-31', 'banana 1', 'Expiration Date "banana 1" is not a date'),
	row(
		'budget.create',
		'Expiration Date',
		budgetCreate({ expirationDate: V }),
		'2026-03-31',
		'2026-02-01',
		'Expiration Date (2026-02-01) is before Issue Date (2026-03-01)',
	),
	row('budget.create', 'Minimum Payment to Confirm', budgetCreate({ minimumPaymentToConfirm: V }), 0, -1, 'Minimum Payment to Confirm must be at least 0'),
	row('budget.create', 'Minimum Payment to Confirm', budgetCreate({ minimumPaymentToConfirm: V }), 0, 'ten', 'Minimum Payment to Confirm must be a number'),
	row('budget.create', 'Minimum Payment to Confirm', budgetCreate({ minimumPaymentToConfirm: V }), 0, null, 'Minimum Payment to Confirm is required'),
	row('budget.create', 'Minimum Payment to Confirm', budgetCreate({ minimumPaymentToConfirm: V }), 0, { amount: 1 }, 'Minimum Payment to Confirm must be a number'),
	row('budget.create', 'Tax Rate (%)', budgetCreate({ taxRate: V }), 21, -21, 'Tax Rate (%) must be at least 0'),
	row('budget.create', 'Tax Rate (%)', budgetCreate({ taxRate: V }), 21, 121, 'Tax Rate (%) must be at most 100'),
	row('budget.create', 'Tax Rate (%)', budgetCreate({ taxRate: V }), 21, 'IVA', 'Tax Rate (%) must be a number'),
	row('budget.create', 'Tax Rate (%)', budgetCreate({ taxRate: V }), 21, MISSING, 'Tax Rate (%) is required'),
	row('budget.create', 'Business ID', budgetCreate({ additionalFields: { businessId: V } }), '1', 'main', ID_MESSAGE('Business ID')),
	row('budget.create', 'Comments', budgetCreate({ additionalFields: { comments: V } }), 'OK', { text: 'OK' }, 'Comments must be text'),
	row('budget.create', 'Subtotal Override', budgetCreate({ options: { subtotalOverride: V } }), 10, -100, 'Subtotal Override must be at least 0'),
	row('budget.create', 'IVA Override', budgetCreate({ options: { ivaOverride: V } }), 2.1, 'none', 'IVA Override must be a number'),
	row('budget.create', 'IVA Override', budgetCreate({ options: { ivaOverride: V } }), 2.1, -0.01, 'IVA Override must be at least 0'),
	row('budget.create', 'Total Override', budgetCreate({ options: { totalOverride: V } }), 12.1, -1, 'Total Override must be at least 0'),
	row('budget.create', 'Quantity', budgetCreate({ items: { item: [productLine({ quantity: V })] } }), 1, -2, 'Line item 1: Quantity must be greater than 0 (got -2)'),
	row('budget.create', 'Quantity', budgetCreate({ items: { item: [productLine({ quantity: V })] } }), 1, 0, 'Line item 1: Quantity must be greater than 0 (got 0)'),
	row('budget.create', 'Quantity', budgetCreate({ items: { item: [productLine({ quantity: V })] } }), 1, 'two', 'Line item 1: Quantity "two" is not a number'),
	row('budget.create', 'Quantity', budgetCreate({ items: { item: [productLine({ quantity: V })] } }), 1, null, 'Line item 1: Quantity is missing'),
	row('budget.create', 'Quantity', budgetCreate({ items: { item: [productLine({ quantity: V })] } }), 1, [3], 'Line item 1: Quantity [3] is not a number'),
	row('budget.create', 'Unit Price', budgetCreate({ items: { item: [productLine({ unitPrice: V })] } }), '10', -5, 'Line item 1: Unit Price must not be negative (got -5)'),
	row('budget.create', 'Unit Price', budgetCreate({ items: { item: [productLine({ unitPrice: V })] } }), '10', '-0,50', 'Line item 1: Unit Price must not be negative (got -0.5)'),
	row('budget.create', 'Unit Price', budgetCreate({ items: { item: [productLine({ unitPrice: V })] } }), '10', 'cheap', 'Line item 1: Unit Price "cheap" is not a number'),
	row('budget.create', 'Unit Price', budgetCreate({ items: { item: [productLine({ unitPrice: V })] } }), '10', { price: 10 }, 'Line item 1: Unit Price {"price":10} is not a number'),
	row(
		'budget.create',
		'Unit Price',
		budgetCreate({ items: { item: [{ itemType: 'package', packageId: '3', quantity: 1, unitPrice: V }] } }),
		'99',
		null,
		'Line item 1: Unit Price is required for a package',
	),
	row('budget.create', 'Product', budgetCreate({ items: { item: [productLine({ productId: byId(V) })] } }), 4, 0, 'Line item 1: Product 0 is not a product ID'),
	row('budget.create', 'Product', budgetCreate({ items: { item: [productLine({ productId: byId(V) })] } }), 4, MISSING, 'Line item 1: Product is missing'),
	row(
		'budget.create',
		'Package ID',
		budgetCreate({ items: { item: [{ itemType: 'package', packageId: V, quantity: 1, unitPrice: '99' }] } }),
		'3',
		-3,
		'Line item 1: Package ID -3 is not an ID',
	),
	row(
		'budget.create',
		'Items (JSON)',
		budgetCreateFromJson(),
		[{ productId: 4, quantity: 1, unitPrice: 10 }],
		{ productId: 4 },
		'Items (JSON) must be an array of line items',
	),
	row(
		'budget.create',
		'Items (JSON)',
		budgetCreateFromJson(),
		[{ productId: 4, quantity: 1, unitPrice: 10 }],
		'[{"productId": 4,',
		'Items (JSON) is not valid JSON',
	),
	row(
		'budget.create',
		'Unit Price',
		budgetCreateFromJson(),
		[{ productId: 4, quantity: 1, unitPrice: 10 }],
		[{ productId: 4, quantity: 1, unitPrice: -10 }],
		'Line item 1: Unit Price must not be negative (got -10)',
	),

	...badIds('budget.get', 'Budget', { budgetId: byId(V) }, 1),
	...badIds('budget.delete', 'Budget', { budgetId: byId(V) }, 4),
	...badIds('budget.update', 'Budget', { budgetId: byId(V), updateFields: { comments: 'x' } }, 1),
	row('budget.update', 'Currency', { budgetId: byId(1), updateFields: { currency: V } }, 'USD', 'dollars', 'Currency "dollars" is not a currency code'),
	row('budget.update', 'Expiration Date', { budgetId: byId(1), updateFields: { expirationDate: V } }, '2026-06-30', 'someday', 'Expiration Date "someday" is not a date'),
	row('budget.update', 'Expiration Date', { budgetId: byId(1), updateFields: { expirationDate: V } }, '2026-06-30', '2026-06-31', 'Expiration Date "2026-06-31" is not a date'),
	row(
		'budget.update',
		'Minimum Payment to Confirm',
		{ budgetId: byId(1), updateFields: { minimumPaymentToConfirm: V } },
		50,
		-5,
		'Minimum Payment to Confirm must be at least 0',
	),
	row(
		'budget.update',
		'Minimum Payment to Confirm',
		{ budgetId: byId(1), updateFields: { minimumPaymentToConfirm: V } },
		50,
		'fifty',
		'Minimum Payment to Confirm must be a number',
	),
	row('budget.update', 'Comments', { budgetId: byId(1), updateFields: { comments: V } }, 'x', ['x'], 'Comments must be text'),

	...(['getByToken', 'confirm', 'reject'] as const).flatMap((operation) => [
		row(`budget.${operation}`, 'Public Token or URL', { publicLink: V }, BUDGET_TOKEN, '', 'Public Token or URL is required'),
		row(`budget.${operation}`, 'Public Token or URL', { publicLink: V }, BUDGET_TOKEN, MISSING, 'Public Token or URL is required'),
		row(`budget.${operation}`, 'Public Token or URL', { publicLink: V }, BUDGET_TOKEN, { token: 'x' }, 'Public Token or URL must be text'),
		row(
			`budget.${operation}`,
			'Public Token or URL',
			{ publicLink: V },
			BUDGET_TOKEN,
			'abc$%&',
			'Public Token or URL "abc$%&" is not a Billoget public token or budget link',
		),
	]),

	...badIds('budget.getPublicView', 'Budget', { budgetId: byId(V) }, 2),

	row('budget.getMany', 'State', { filters: { state: V } }, 'approved', 'expired', 'State "expired" is not a budget state'),
	row('budget.getMany', 'State', { filters: { state: V } }, 'approved', 7, 'State "7" is not a budget state'),
	row('budget.getMany', 'Customer', { filters: { customerId: byId(V) } }, 1, 'María', ID_MESSAGE('Customer')),
	row('budget.getMany', 'Seller ID', { filters: { sellerId: V } }, '1', 0, ID_MESSAGE('Seller ID')),
	row('budget.getMany', 'Currency', { filters: { currency: V } }, 'USD', 'euros', 'Currency "euros" is not a currency code'),
	row('budget.getMany', 'Search', { filters: { search: V } }, 'María', { name: 'María' }, 'Search must be text'),
	row('budget.getMany', 'Issue Date From', { filters: { issueDateFrom: V } }, '2026-01-01', 'Mar 7', 'Issue Date From "Mar 7" is not a date'),
	row('budget.getMany', 'Issue Date To', { filters: { issueDateTo: V } }, '2026-12-31', '2026-02-30', 'Issue Date To "2026-02-30" is not a date'),
	row(
		'budget.getMany',
		'Issue Date To',
		{ filters: { issueDateFrom: '2026-06-01', issueDateTo: V } },
		'2026-12-31',
		'2026-01-01',
		'Issue Date To (2026-01-01) is before Issue Date From (2026-06-01)',
	),
	row('budget.getMany', 'Limit', { returnAll: false, limit: V }, 5, 0, 'Limit must be at least 1'),
	row('budget.getMany', 'Limit', { returnAll: false, limit: V }, 5, 'ten', 'Limit must be a number'),
	row('budget.getMany', 'Limit', { returnAll: false, limit: V }, 5, null, 'Limit is required'),

	// ---- customer ----
	row('customer.create', 'First Name', { firstName: V, lastName: 'Pérez' }, 'Ana', '', 'First Name is required'),
	row('customer.create', 'First Name', { firstName: V, lastName: 'Pérez' }, 'Ana', null, 'First Name is required'),
	row('customer.create', 'First Name', { firstName: V, lastName: 'Pérez' }, 'Ana', MISSING, 'First Name is required'),
	row('customer.create', 'First Name', { firstName: V, lastName: 'Pérez' }, 'Ana', { first: 'Ana' }, 'First Name must be text'),
	row('customer.create', 'Last Name', { firstName: 'Ana', lastName: V }, 'Pérez', ['Pérez'], 'Last Name must be text'),
	row('customer.create', 'Last Name', { firstName: 'Ana', lastName: V }, 'Pérez', '   ', 'Last Name is required'),
	row('customer.create', 'Email', { firstName: 'Ana', lastName: 'Pérez', additionalFields: { email: V } }, 'ana@x.test', 'ana@x', 'Email "ana@x" is not an email address'),
	row('customer.create', 'Email', { firstName: 'Ana', lastName: 'Pérez', additionalFields: { email: V } }, 'ana@x.test', 'ana x@x.test', 'Email "ana x@x.test" is not an email address'),
	row('customer.create', 'DNI', { firstName: 'Ana', lastName: 'Pérez', additionalFields: { dni: V } }, '30.123.456', 'abc', 'DNI must be a number'),
	row('customer.create', 'DNI', { firstName: 'Ana', lastName: 'Pérez', additionalFields: { dni: V } }, '30.123.456', -5, 'DNI must be at least 1'),
	row('customer.create', 'DNI', { firstName: 'Ana', lastName: 'Pérez', additionalFields: { dni: V } }, '30.123.456', 1.5, 'DNI must be a whole number'),
	row('customer.create', 'CUIT', { firstName: 'Ana', lastName: 'Pérez', additionalFields: { cuit: V } }, '20-12345678-9', '20-1234', 'CUIT "20-1234" is not valid'),
	row('customer.create', 'Phone Number', { firstName: 'Ana', lastName: 'Pérez', additionalFields: { phoneNumber: V } }, '+54 11 5555', { n: 1 }, 'Phone Number must be text'),

	...badIds('customer.get', 'Customer', { customerId: byId(V) }, 1),
	...badIds('customer.delete', 'Customer', { customerId: byId(V) }, 8),
	...badIds('customer.update', 'Customer', { customerId: byId(V), updateFields: { phoneNumber: '1' } }, 1),
	row('customer.update', 'Email', { customerId: byId(1), updateFields: { email: V } }, 'maria@x.test', '@x.test', 'Email "@x.test" is not an email address'),
	row('customer.update', 'DNI', { customerId: byId(1), updateFields: { dni: V } }, 28456123, 'none', 'DNI must be a number'),
	row('customer.update', 'CUIT', { customerId: byId(1), updateFields: { cuit: V } }, '27-28456123-5', '27284561235000', 'CUIT "27284561235000" is not valid'),
	row('customer.update', 'First Name', { customerId: byId(1), updateFields: { firstName: V } }, 'María', { name: 'María' }, 'First Name must be text'),

	row('customer.getMany', 'Search', { filters: { search: V } }, 'María', { q: 'María' }, 'Search must be text'),
	row('customer.getMany', 'Limit', { returnAll: false, limit: V }, 5, -1, 'Limit must be at least 1'),
	row('customer.getMany', 'Limit', { returnAll: false, limit: V }, 5, 2.5, 'Limit must be a whole number'),
	row('customer.getMany', 'Limit', { returnAll: false, limit: V }, 5, MISSING, 'Limit is required'),

	...[
		['', 'Value to Match is required'],
		[null, 'Value to Match is required'],
		[MISSING, 'Value to Match is required'],
		[{ email: 'a@x.test' }, 'Value to Match must be text'],
	].map(([bad, message]) =>
		row('customer.upsert', 'Value to Match', { matchOn: 'email', matchValue: V, firstName: 'Ana', lastName: 'Pérez' }, 'new@x.test', bad, message as string),
	),
	row('customer.upsert', 'Email', { matchOn: 'email', matchValue: V, firstName: 'Ana', lastName: 'Pérez' }, 'new@x.test', 'bad email', 'Email "bad email" is not an email address'),
	row('customer.upsert', 'DNI', { matchOn: 'dni', matchValue: V, firstName: 'Ana', lastName: 'Pérez' }, '40111222', 'x-12', 'DNI must be a number'),
	row('customer.upsert', 'CUIT', { matchOn: 'cuit', matchValue: V, firstName: 'Ana', lastName: 'Pérez' }, '20-40111222-3', '123', 'CUIT "123" is not valid'),
	row('customer.upsert', 'Match On', { matchOn: V, matchValue: 'new@x.test', firstName: 'Ana', lastName: 'Pérez' }, 'email', 'phone', 'Match On "phone" is not supported'),
	row('customer.upsert', 'First Name', { matchOn: 'email', matchValue: 'new@x.test', firstName: V, lastName: 'Pérez' }, 'Ana', ['Ana'], 'First Name must be text'),
	row(
		'customer.upsert',
		'Phone Number',
		{ matchOn: 'email', matchValue: 'new@x.test', firstName: 'Ana', lastName: 'Pérez', additionalFields: { phoneNumber: V } },
		'+54 11 5555',
		{ n: 1 },
		'Phone Number must be text',
	),

	// ---- product ----
	...(
		[
			['productCode', 'Product Code', 'NEW-1'],
			['description', 'Description', 'Nuevo'],
			['category', 'Category', 'Varios'],
		] as const
	).flatMap(([name, label, good]) => {
		const parameters = { productCode: 'NEW-1', description: 'Nuevo', category: 'Varios', price: 10, [name]: V };
		return [
			row('product.create', label, parameters, good, '', `${label} is required`),
			row('product.create', label, parameters, good, null, `${label} is required`),
			row('product.create', label, parameters, good, { text: good }, `${label} must be text`),
		];
	}),
	row('product.create', 'Price', { productCode: 'NEW-1', description: 'Nuevo', category: 'Varios', price: V }, 10, -1, 'Price must be at least 0'),
	row('product.create', 'Price', { productCode: 'NEW-1', description: 'Nuevo', category: 'Varios', price: V }, 10, 'free', 'Price must be a number'),
	row('product.create', 'Price', { productCode: 'NEW-1', description: 'Nuevo', category: 'Varios', price: V }, 10, null, 'Price is required'),
	row('product.create', 'Price', { productCode: 'NEW-1', description: 'Nuevo', category: 'Varios', price: V }, 10, MISSING, 'Price is required'),
	row('product.create', 'Price', { productCode: 'NEW-1', description: 'Nuevo', category: 'Varios', price: V }, 10, [10], 'Price must be a number'),
	...(
		[
			['stock', 'Stock', 5, -1, 'Stock must be at least 0'],
			['netContent', 'Net Content', 500, 'half', 'Net Content must be a number'],
			['isActive', 'Is Active', true, 'yes', 'Is Active must be true or false'],
			['type', 'Type', 'service', 'gadget', 'Type "gadget" is not valid'],
			['sku', 'SKU', 'SKU-1', { sku: 1 }, 'SKU must be text'],
		] as const
	).map(([name, label, good, bad, message]) =>
		row('product.create', label, { productCode: 'NEW-1', description: 'Nuevo', category: 'Varios', price: 10, additionalFields: { [name]: V } }, good, bad, message),
	),

	row(
		'product.create',
		'Variants (JSON)',
		{ productCode: 'NEW-1', description: 'Nuevo', category: 'Varios', price: 10, variantsMode: 'json', variantsJson: V },
		[{ name: 'S', price: 10 }],
		'[{"name": "S",',
		'Variants (JSON) is not valid JSON',
	),
	row(
		'product.create',
		'Variants (JSON)',
		{ productCode: 'NEW-1', description: 'Nuevo', category: 'Varios', price: 10, variantsMode: 'json', variantsJson: V },
		[{ name: 'S', price: 10 }],
		{ name: 'S', price: 10 },
		'Variants (JSON) must be an array of variants',
	),
	row(
		'product.create',
		'Variant 1',
		{ productCode: 'NEW-1', description: 'Nuevo', category: 'Varios', price: 10, variantsMode: 'json', variantsJson: V },
		[{ name: 'S', price: 10 }],
		[{ name: 'S', price: 10, productId: 4 }],
		'Variant 1: unknown field "productId"',
	),
	row(
		'product.create',
		'Variant 1',
		{ productCode: 'NEW-1', description: 'Nuevo', category: 'Varios', price: 10, variantsMode: 'fields', variants: { variant: [{ name: V, price: 10 }] } },
		'S',
		'',
		'Variant 1: Name is required',
	),

	...badIds('product.get', 'Product', { productId: byId(V) }, 1),
	...badIds('product.delete', 'Product', { productId: byId(V) }, 12),
	...badIds('product.update', 'Product', { productId: byId(V), updateFields: { price: 1 } }, 1),
	row('product.update', 'Price', { productId: byId(1), updateFields: { price: V } }, 99.99, -0.01, 'Price must be at least 0'),
	row('product.update', 'Price', { productId: byId(1), updateFields: { price: V } }, 99.99, '1.000,50', 'Price must be a number'),
	row('product.update', 'Stock', { productId: byId(1), updateFields: { stock: V } }, 3, 'lots', 'Stock must be a number'),
	row('product.update', 'Type', { productId: byId(1), updateFields: { type: V } }, 'product', 'gadget', 'Type "gadget" is not valid'),
	row('product.update', 'Is Active', { productId: byId(1), updateFields: { isActive: V } }, false, 'no', 'Is Active must be true or false'),

	row('product.getMany', 'Search', { filters: { search: V } }, 'Monitor', ['Monitor'], 'Search must be text'),
	row('product.getMany', 'Category', { filters: { category: V } }, 'Redes', { name: 'Redes' }, 'Category must be text'),
	row('product.getMany', 'Type', { filters: { type: V } }, 'service', 'gadget', 'Type "gadget" is not valid'),
	row('product.getMany', 'Is Active', { filters: { isActive: V } }, 'true', 'maybe', 'Is Active must be true or false'),
	row('product.getMany', 'Limit', { returnAll: false, limit: V }, 5, 'all', 'Limit must be a number'),

	row('product.upsert', 'Value to Match', { matchOn: 'productCode', matchValue: V, fields: { price: 1 } }, 'NB-001', '', 'Value to Match is required'),
	row('product.upsert', 'Value to Match', { matchOn: 'productCode', matchValue: V, fields: { price: 1 } }, 'NB-001', null, 'Value to Match is required'),
	row('product.upsert', 'Value to Match', { matchOn: 'sku', matchValue: V, fields: { price: 1 } }, 'NB-14-I5', { sku: 'x' }, 'Value to Match must be text'),
	row('product.upsert', 'Match On', { matchOn: V, matchValue: 'NB-001', fields: { price: 1 } }, 'productCode', 'barcode', 'Match On "barcode" is not supported'),
	row('product.upsert', 'Price', { matchOn: 'productCode', matchValue: 'NB-001', fields: { price: V } }, 1, -5, 'Price must be at least 0'),
	row('product.upsert', 'Price', { matchOn: 'productCode', matchValue: 'NB-001', fields: { price: V } }, 1, 'cheap', 'Price must be a number'),
	row('product.upsert', 'Stock', { matchOn: 'productCode', matchValue: 'NB-001', fields: { stock: V } }, 1, -1, 'Stock must be at least 0'),

	// ---- approval ----
	...badIds('approval.submit', 'Budget', { budgetId: byId(V) }, 6),
	row('approval.submit', 'Request Notes', { budgetId: byId(6), requestNotes: V }, 'Urgente', { note: 'x' }, 'Request Notes must be text'),
	...badIds('approval.approve', 'Approval', { approvalId: V }, 4),
	row('approval.approve', 'Comments', { approvalId: '4', comments: V }, 'OK', ['OK'], 'Comments must be text'),
	...badIds('approval.reject', 'Approval', { approvalId: V }, 5),
	row('approval.reject', 'Comments', { approvalId: '5', comments: V }, 'No', { why: 'No' }, 'Comments must be text'),
	row('approval.getPending', 'User ID', { filters: { userId: V } }, '2', 'Ana', ID_MESSAGE('User ID')),
	row('approval.getPending', 'User ID', { filters: { userId: V } }, '2', -2, ID_MESSAGE('User ID')),
	row('approval.getPending', 'Limit', { returnAll: false, limit: V }, 1, 0, 'Limit must be at least 1'),
	row('approval.getHistory', 'Budget', { filters: { budgetId: byId(V) } }, 1, 'abc', ID_MESSAGE('Budget')),
	row('approval.getHistory', 'Budget', { filters: { budgetId: byId(V) } }, 1, 0, ID_MESSAGE('Budget')),
	row('approval.getHistory', 'Limit', { returnAll: false, limit: V }, 1, 'many', 'Limit must be a number'),

	...badIds('approval.getMany', 'Budget', { filters: { budgetId: byId(V) } }, 1).filter((c) => c.bad !== MISSING && c.bad !== '' && c.bad !== null),
	row('approval.getMany', 'Status', { filters: { status: V } }, 'pending', 'waiting', 'Status "waiting" is not an approval status'),
	row('approval.getMany', 'Status', { filters: { status: V } }, 'pending', ['pending'], 'Status "pending" is not an approval status'),
	row('approval.getMany', 'User ID', { filters: { userId: V } }, '2', 'Ana', ID_MESSAGE('User ID')),
	row('approval.getMany', 'Limit', { returnAll: false, limit: V }, 3, -1, 'Limit must be at least 1'),
	row('approval.updateConfig', 'Approval Threshold', { settings: { approvalThreshold: V } }, 100000, -1, 'Approval Threshold must be at least 0'),
	row('approval.updateConfig', 'Approval Threshold', { settings: { approvalThreshold: V } }, 100000, 'mucho', 'Approval Threshold must be a number'),
	row('approval.updateConfig', 'Requires Budget Approval', { settings: { requiresBudgetApproval: V } }, true, 'yes', 'Requires Budget Approval must be true or false'),
	row('approval.updateConfig', 'Owner Can Approve', { settings: { ownerCanApprove: V } }, false, 1, 'Owner Can Approve must be true or false'),
	row('approval.updateConfig', 'Is Active', { settings: { isActive: V } }, false, { on: true }, 'Is Active must be true or false'),
	row('approval.getApprovers', 'Limit', { returnAll: false, limit: V }, 1, 'all', 'Limit must be a number'),
	...badIds('approval.addApprover', 'User ID', { userId: V }, 4),
	row('approval.addApprover', 'Notes', { userId: '4', notes: V }, 'Gerente', { text: 'x' }, 'Notes must be text'),
	...badIds('approval.removeApprover', 'Approver', { approverId: byId(V) }, 1),
	row('approval.canApprove', 'User ID', { userId: V }, '3', 'Lucía', ID_MESSAGE('User ID')),
	row('approval.canApprove', 'User ID', { userId: V }, '3', -3, ID_MESSAGE('User ID')),
	row('approval.canApprove', 'User ID', { userId: V }, '3', { id: 3 }, ID_MESSAGE('User ID')),

	// ---- product variant ----
	...badIds('productVariant.create', 'Product', { productId: byId(V), name: 'Talle L', price: 1 }, 2),
	row('productVariant.create', 'Name', { productId: byId(2), name: V, price: 1 }, 'Talle L', '', 'Name is required'),
	row('productVariant.create', 'Name', { productId: byId(2), name: V, price: 1 }, 'Talle L', MISSING, 'Name is required'),
	row('productVariant.create', 'Name', { productId: byId(2), name: V, price: 1 }, 'Talle L', { name: 'L' }, 'Name must be text'),
	row('productVariant.create', 'Price', { productId: byId(2), name: 'L', price: V }, 1, -1, 'Price must be at least 0'),
	row('productVariant.create', 'Price', { productId: byId(2), name: 'L', price: V }, 1, 'barato', 'Price must be a number'),
	row('productVariant.create', 'Price', { productId: byId(2), name: 'L', price: V }, 1, null, 'Price is required'),
	row('productVariant.create', 'Stock', { productId: byId(2), name: 'L', price: 1, additionalFields: { stock: V } }, 3, 2.5, 'Stock must be a whole number'),
	row('productVariant.create', 'Sort Order', { productId: byId(2), name: 'L', price: 1, additionalFields: { sortOrder: V } }, 3, -1, 'Sort Order must be at least 0'),
	row('productVariant.create', 'Attributes', { productId: byId(2), name: 'L', price: 1, additionalFields: { attributes: V } }, '{"size": "L"}', '["L"]', 'Attributes must be a JSON object'),
	row('productVariant.create', 'Attributes', { productId: byId(2), name: 'L', price: 1, additionalFields: { attributes: V } }, '{"size": "L"}', '{size: L}', 'Attributes is not valid JSON'),
	row('productVariant.create', 'Is Active', { productId: byId(2), name: 'L', price: 1, additionalFields: { isActive: V } }, false, 'no', 'Is Active must be true or false'),
	...badIds('productVariant.get', 'Variant', { variantId: byId(V) }, 1),
	...badIds('productVariant.delete', 'Variant', { variantId: byId(V) }, 1),
	...badIds('productVariant.update', 'Variant', { variantId: byId(V), updateFields: { price: 1 } }, 1),
	row('productVariant.update', 'Price', { variantId: byId(1), updateFields: { price: V } }, 2, -2, 'Price must be at least 0'),
	row('productVariant.update', 'SKU', { variantId: byId(1), updateFields: { sku: V } }, 'X-1', ['X'], 'SKU must be text'),
	...badIds('productVariant.getMany', 'Product', { productId: byId(V), returnAll: true }, 7),
	row('productVariant.getMany', 'Active Only', { productId: byId(7), returnAll: true, activeOnly: V }, true, 'yes', 'Active Only must be true or false'),
	row('productVariant.getMany', 'Limit', { productId: byId(7), returnAll: false, limit: V }, 1, 0, 'Limit must be at least 1'),

	// ---- report ----
	...(['budgetSummary', 'approvalStats'] as const).flatMap((operation) => [
		row(`report.${operation}`, 'From', { ...Q1, fromDate: V }, '2026-01-01', '', 'From is required'),
		row(`report.${operation}`, 'From', { ...Q1, fromDate: V }, '2026-01-01', null, 'From is required'),
		row(`report.${operation}`, 'From', { ...Q1, fromDate: V }, '2026-01-01', 'Jan 1', 'From "Jan 1" is not a date'),
		row(`report.${operation}`, 'From', { ...Q1, fromDate: V }, '2026-01-01', 20260101, 'From 20260101 is not a date'),
		row(`report.${operation}`, 'From', { ...Q1, fromDate: V }, '2026-01-01', { day: 1 }, 'From {"day":1} is not a date'),
		row(`report.${operation}`, 'From', { ...Q1, fromDate: V }, '2026-01-01', '2026-04-01', 'From (2026-04-01) is after To (2026-03-31)'),
		row(`report.${operation}`, 'To', { ...Q1, toDate: V }, '2026-03-31', '2026-02-30', 'To "2026-02-30" is not a date'),
		row(`report.${operation}`, 'To', { ...Q1, toDate: V }, '2026-03-31', 'banana 1', 'To "banana 1" is not a date'),
		row(`report.${operation}`, 'Breakdown', { ...Q1, breakdown: V }, operation === 'budgetSummary' ? 'currency' : 'decisions', 'byRegion', 'Breakdown "byRegion" is not one of this report\'s breakdowns'),
		row(`report.${operation}`, 'Output', { ...Q1, output: V }, 'rows', 'pdf', 'Output "pdf" is not supported'),
		row(`report.${operation}`, 'Put CSV in Field', { ...Q1, attachCsv: true, binaryPropertyName: V }, 'csv', '', 'Put CSV in Field is empty'),
	]),
	row('report.budgetSummary', 'Date Field', { ...Q1, dateField: V }, 'createdAt', 'dueDate', 'Date Field "dueDate" is not supported'),
	row('report.budgetSummary', 'Period', { ...Q1, period: V }, 'week', 'year', 'Period "year" is not supported'),
	row('report.budgetSummary', 'Customer', { ...Q1, filters: { customerId: byId(V) } }, 1, -1, ID_MESSAGE('Customer')),
	row('report.budgetSummary', 'Seller ID', { ...Q1, filters: { sellerId: V } }, 1, -1, ID_MESSAGE('Seller ID')),
	row('report.budgetSummary', 'Seller ID', { ...Q1, filters: { sellerId: V } }, 1, 'Ana', ID_MESSAGE('Seller ID')),
	row('report.budgetSummary', 'Currency', { ...Q1, filters: { currency: V } }, 'ARS', 'pesos', 'Currency "pesos" is not a currency code'),
	row('report.budgetSummary', 'Currency', { ...Q1, filters: { currency: V } }, 'ARS', { code: 'ARS' }, 'Currency must be text'),
	row('report.budgetSummary', 'Top Customers', { ...Q1, topCustomers: V }, 3, -1, 'Top Customers must be at least 0'),
	row('report.budgetSummary', 'Top Customers', { ...Q1, topCustomers: V }, 3, 2.5, 'Top Customers must be a whole number'),
	row('report.budgetSummary', 'Top Customers', { ...Q1, topCustomers: V }, 3, 'five', 'Top Customers must be a number'),
	row('report.budgetSummary', 'Expiring Within (Days)', { ...Q1, expiringWithinDays: V }, 7, -7, 'Expiring Within (Days) must be at least 0'),
	row('report.budgetSummary', 'Expiring Within (Days)', { ...Q1, expiringWithinDays: V }, 7, 'a week', 'Expiring Within (Days) must be a number'),
	row('report.budgetSummary', 'Reference Date', { ...Q1, options: { referenceDate: V } }, '2026-03-30T12:00:00Z', 'yesterday', 'Reference Date "yesterday" is not a date'),
	row('report.budgetSummary', 'Reference Date', { ...Q1, options: { referenceDate: V } }, '2026-03-30T12:00:00Z', 'Mar 30', 'Reference Date "Mar 30" is not a date'),
	row('report.productCatalog', 'Category', { filters: { category: V } }, 'Redes', ['Redes'], 'Category must be text'),
	row('report.productCatalog', 'Type', { filters: { type: V } }, 'service', 'gadget', 'Type "gadget" is not valid'),
	row('report.productCatalog', 'Is Active', { filters: { isActive: V } }, 'false', 'maybe', 'Is Active must be true or false'),
	row('report.productCatalog', 'Breakdown', { breakdown: V }, 'type', 'byPrice', 'Breakdown "byPrice" is not one of this report\'s breakdowns'),
	row('report.productCatalog', 'Output', { output: V }, 'rows', 'xlsx', 'Output "xlsx" is not supported'),
	row('report.productCatalog', 'Put CSV in Field', { attachCsv: true, binaryPropertyName: V }, 'csv', { name: 'csv' }, 'Put CSV in Field must be text'),

	// ---- webhook ----
	row('webhook.sendTest', 'Event', { event: V, data: '{}' }, 'budget.created', 'order.created', 'Event "order.created" is not a Billoget event'),
	row('webhook.sendTest', 'Event', { event: V, data: '{}' }, 'budget.created', null, 'Event is required'),
	row('webhook.sendTest', 'Event', { event: V, data: '{}' }, 'budget.created', { name: 'budget.created' }, 'Event must be text'),
	row('webhook.sendTest', 'Custom Event Name', { event: '__custom', customEvent: V, data: '{}' }, 'connection_test', '', 'Custom Event Name is required'),
	row(
		'webhook.sendTest',
		'Custom Event Name',
		{ event: '__custom', customEvent: V, data: '{}' },
		'connection_test',
		'connection test!',
		'Custom Event Name "connection test!" is not an event name',
	),
	row('webhook.sendTest', 'Data (JSON)', { event: 'budget.created', data: V }, { total: 1 }, [1, 2], 'Data (JSON) must be a JSON object'),
	row('webhook.sendTest', 'Data (JSON)', { event: 'budget.created', data: V }, { total: 1 }, null, 'Data (JSON) must be a JSON object'),
	row('webhook.sendTest', 'Data (JSON)', { event: 'budget.created', data: V }, { total: 1 }, '{"total": ', 'Data (JSON) is not valid JSON'),
];

/** What the sandbox received, without what differs between two identical runs. */
const sent = (requests: LoggedRequest[]) => requests.map(({ method, path, query, body }) => ({ method, path, query, body }));

describe('Billoget node · every operation refuses a missing or invalid value before sending it', () => {
	let sb: Sandbox;

	beforeAll(async () => {
		sb = await startSandbox({ port: 0, seed: 'demo' });
	});
	afterAll(async () => {
		await sb.stop();
	});

	const run = (op: string, parameters: IDataObject, items: object[]) => {
		const [resource, operation] = op.split('.');
		return runBillogetNode({
			parameters: { resource, operation, ...parameters },
			items,
			credentials: { apiKey: DEMO_KEY, baseUrl: sb.baseUrl },
		});
	};

	const itemWith = (value: unknown) => (value === MISSING ? {} : { v: value });

	it.each(cases)('$op · $field: $what', async ({ op, field, parameters, good, bad, message }) => {
		// Item 0 alone: accepted, and these are the requests it costs.
		sb.reset({ seed: 'demo' });
		const valid = await run(op, parameters, [itemWith(good)]);
		expect(valid.error?.message).toBeUndefined();
		expect(valid.status).toBe('success');
		const validRequests = sent(requestsSince(sb, 0));

		sb.reset({ seed: 'demo' });
		const mark = sb.requests.length;
		const result = await run(op, parameters, [itemWith(good), itemWith(bad)]);

		expect(result.status).toBe('error');
		expect(result.error).toMatchObject({ name: 'NodeOperationError', message, context: { itemIndex: 1 } });
		expect(result.error?.message).toContain(field);
		expect(result.error?.description).toEqual(expect.stringMatching(/\w/));
		expect(sent(requestsSince(sb, mark))).toEqual(CHECKS_ALL_ITEMS_FIRST.has(op) ? [] : validRequests);
	});

	it('covers every operation of the node, except those without a field to check', () => {
		const covered = new Set(cases.map((c) => c.op));
		const missing = operationsOfTheNode().filter((op) => !covered.has(op) && !NO_FIELD_TO_CHECK.has(op));
		expect(missing).toEqual([]);
		// The exemptions stay true: such an operation really has no field, and no stale name is listed.
		for (const op of NO_FIELD_TO_CHECK) {
			expect(operationsOfTheNode()).toContain(op);
			expect(covered.has(op)).toBe(false);
		}
		expect([...covered].filter((op) => !operationsOfTheNode().includes(op))).toEqual([]);
	});
});

describe('Billoget node · valid dates in every accepted form still pass', () => {
	let sb: Sandbox;

	beforeAll(async () => {
		sb = await startSandbox({ port: 0, seed: 'demo' });
	});
	afterAll(async () => {
		await sb.stop();
	});

	it.each([
		['a plain day', '2026-03-01', '2026-03-01T00:00:00.000Z'],
		['a UTC timestamp', '2026-03-01T10:30:00Z', '2026-03-01T10:30:00.000Z'],
		['a timestamp with an offset', '2026-03-01T10:30:00-03:00', '2026-03-01T13:30:00.000Z'],
		['a date and time without a zone (read as UTC)', '2026-03-01T10:30:00', '2026-03-01T10:30:00.000Z'],
		['a date object from {{ $now }}-style expressions', '={{ DateTime.fromISO("2026-03-01T10:30:00Z") }}', '2026-03-01T10:30:00.000Z'],
	])('budget Create accepts %s as Issue Date', async (_form, issueDate, sentAs) => {
		const mark = sb.requests.length;
		const result = await runBillogetNode({
			parameters: { resource: 'budget', operation: 'create', ...budgetCreate({ issueDate }) },
			credentials: { apiKey: DEMO_KEY, baseUrl: sb.baseUrl },
		});
		expect(result.error?.message).toBeUndefined();
		const post = requestsSince(sb, mark).find((request) => request.method === 'POST');
		expect(post?.body).toMatchObject({ issueDate: sentAs });
	});

	it('report From and To accept date objects and timestamps', async () => {
		const result = await runBillogetNode({
			parameters: {
				resource: 'report',
				operation: 'budgetSummary',
				fromDate: '={{ DateTime.fromISO("2026-01-01T00:00:00Z", { zone: "utc" }) }}',
				toDate: '2026-03-31T23:00:00',
			},
			credentials: { apiKey: DEMO_KEY, baseUrl: sb.baseUrl },
		});
		expect(result.error?.message).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
	});
});
