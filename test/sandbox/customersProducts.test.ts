import { sleep } from 'n8n-workflow';
import { startReceiver } from '../../sandbox/testReceiver';
import { call, dataOf, fakeClock, startSandbox } from './helpers';
import type { Sandbox } from './helpers';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
type Rec = Record<string, unknown> & { id: number };

describe('sandbox · customers and products', () => {
	const clock = fakeClock('2026-04-01T10:00:00.000Z');
	let sb: Sandbox;
	let receiver: Receiver;

	/** Event names received so far, sorted (every event goes to the key's webhookUrl; arrival order may vary). */
	const events = () => receiver.requests.map((r) => (r.body as { event: string }).event).sort();

	beforeAll(async () => {
		receiver = await startReceiver();
		sb = await startSandbox({ now: clock.now, deliveryBaseDelayMs: 10 });
	});
	afterAll(async () => {
		await sb.stop();
		await receiver.close();
	});
	beforeEach(() => {
		clock.set('2026-04-01T10:00:00.000Z');
		sb.reset();
		sb.addKey({ name: 'events', scopes: ['READ_CUSTOMERS'], webhookUrl: receiver.url });
		receiver.requests.length = 0;
	});

	describe('customers', () => {
		it('seeds 8 demo customers, some with dni/cuit', async () => {
			const r = await call(sb, 'GET', '/api/public/customers?limit=100');
			const list = dataOf<Rec[]>(r);
			expect(list).toHaveLength(8);
			expect(list.filter((c) => c.dni !== null).length).toBeGreaterThan(0);
			expect(list.filter((c) => c.cuit !== null).length).toBeGreaterThan(0);
			expect(list[0]).toEqual({
				id: 1,
				firstName: 'María',
				lastName: 'González',
				email: 'maria.gonzalez@example.com',
				phoneNumber: '+54 11 5555-0101',
				dni: 28456123,
				cuit: null,
				businessId: 1,
				createdAt: '2026-01-01T12:00:00.000Z',
				updatedAt: '2026-01-01T12:00:00.000Z',
			});
		});

		it('creates, reads, partially updates and deletes, with the matching events', async () => {
			const created = await call(sb, 'POST', '/api/public/customers', {
				body: {
					firstName: 'Eva',
					lastName: 'Luna',
					email: 'eva@example.com',
					dni: 40111222,
					cuit: '27-40111222-5',
				},
			});
			expect(created.status).toBe(201);
			const c = dataOf<Rec>(created);
			expect(c).toEqual({
				id: 9,
				firstName: 'Eva',
				lastName: 'Luna',
				email: 'eva@example.com',
				phoneNumber: null,
				dni: 40111222,
				cuit: '27-40111222-5',
				businessId: 1,
				createdAt: '2026-04-01T10:00:00.000Z',
				updatedAt: '2026-04-01T10:00:00.000Z',
			});
			expect(dataOf<Rec>(await call(sb, 'GET', '/api/public/customers/9'))).toEqual(c);

			clock.advance(60);
			const updated = await call(sb, 'PUT', '/api/public/customers/9', {
				body: { phoneNumber: '+54 11 4444' },
			});
			expect(dataOf<Rec>(updated)).toEqual({
				...c,
				phoneNumber: '+54 11 4444',
				updatedAt: '2026-04-01T10:01:00.000Z',
			});

			// Nothing changed: same record, same updatedAt, no event.
			clock.advance(60);
			const same = await call(sb, 'PUT', '/api/public/customers/9', {
				body: { phoneNumber: '+54 11 4444', firstName: 'Eva' },
			});
			expect(dataOf<Rec>(same).updatedAt).toBe('2026-04-01T10:01:00.000Z');

			expect((await call(sb, 'DELETE', '/api/public/customers/9')).status).toBe(204);
			expect((await call(sb, 'GET', '/api/public/customers/9')).status).toBe(404);
			expect((await call(sb, 'DELETE', '/api/public/customers/9')).status).toBe(404);
			expect(
				(await call(sb, 'PUT', '/api/public/customers/9', { body: { firstName: 'X' } })).status,
			).toBe(404);

			await receiver.waitFor(3);
			await sleep(50); // a no-op PUT must not add a fourth event
			expect(events()).toEqual(['customer.created', 'customer.deleted', 'customer.updated']);
			const deleted = receiver.requests.find(
				(r) => (r.body as { event: string }).event === 'customer.deleted',
			);
			expect((deleted?.body as { data: Rec }).data).toMatchObject({ id: 9, firstName: 'Eva' });
		});

		it.each([
			[{ lastName: 'X' }, 'firstName', 'firstName is required'],
			[{ firstName: '  ', lastName: 'X' }, 'firstName', 'firstName must not be empty'],
			[{ firstName: 'A', lastName: 7 }, 'lastName', 'lastName must be a string'],
			[
				{ firstName: 'A', lastName: 'B', email: 'not-an-email' },
				'email',
				'email must be a valid email address',
			],
			[{ firstName: 'A', lastName: 'B', dni: '123' }, 'dni', 'dni must be a number'],
			[{ firstName: 'A', lastName: 'B', dni: 12.5 }, 'dni', 'dni must be an integer'],
			[[{ firstName: 'A' }], 'body', 'body must be a JSON object'],
		])('answers 422 for %j naming %s', async (body, field, message) => {
			const r = await call(sb, 'POST', '/api/public/customers', { body });
			expect(r.status).toBe(422);
			expect(r.json).toMatchObject({ error: 'validation_error', message, details: { field } });
			expect(sb.store.customers.size).toBe(8);
		});

		it('validates updates too, but requires nothing', async () => {
			expect((await call(sb, 'PUT', '/api/public/customers/1', { body: {} })).status).toBe(200);
			const r = await call(sb, 'PUT', '/api/public/customers/1', { body: { email: 'bad' } });
			expect(r.json).toMatchObject({ error: 'validation_error', details: { field: 'email' } });
			const cleared = await call(sb, 'PUT', '/api/public/customers/1', { body: { dni: null } });
			expect(dataOf<Rec>(cleared).dni).toBeNull();
			const empty = await call(sb, 'PUT', '/api/public/customers/1', { body: { lastName: '' } });
			expect(empty.json).toMatchObject({ details: { field: 'lastName' } });
		});

		it('searches case-insensitively over name, email, phone, dni and cuit', async () => {
			const names = async (query: string) =>
				dataOf<Rec[]>(await call(sb, 'GET', `/api/public/customers?${query}`)).map(
					(c) => `${c.firstName} ${c.lastName}`,
				);
			expect(await names('search=GONZÁLEZ')).toEqual(['María González']);
			expect(await names('search=maría gon')).toEqual(['María González']);
			expect(await names('search=acme.example')).toEqual(['Acme S.A.']);
			expect(await names('search=5555-0107')).toEqual(['Sofía Díaz']);
			expect(await names('search=31234567')).toEqual(['Carlos Rodríguez']);
			expect(await names('search=zzz')).toEqual([]);
		});

		it('filters exactly by email, dni and cuit (sandbox convenience)', async () => {
			const ids = async (query: string) =>
				dataOf<Rec[]>(await call(sb, 'GET', `/api/public/customers?${query}`)).map((c) => c.id);
			expect(await ids('email=JUAN.PEREZ@example.com')).toEqual([2]);
			expect(await ids('email=juan')).toEqual([]);
			expect(await ids('dni=28456123')).toEqual([1]);
			expect(await ids('cuit=20-31234567-3')).toEqual([4]);
			expect(await ids('cuit=2031234567')).toEqual([]);
		});

		it('lets a seed function fill the store', async () => {
			sb.reset({
				seed: (store) => {
					store.createCustomer({
						firstName: 'Only',
						lastName: 'One',
						createdAt: '2026-02-02T00:00:00.000Z',
					});
				},
			});
			const r = await call(sb, 'GET', '/api/public/customers');
			expect(r.json.pagination).toMatchObject({ total: 1 });
			expect(dataOf<Rec[]>(r)[0]).toMatchObject({
				id: 1,
				firstName: 'Only',
				createdAt: '2026-02-02T00:00:00.000Z',
			});
			sb.reset({ seed: 'empty' });
			expect(sb.store.customers.size).toBe(0);
			expect(sb.store.products.size).toBe(0);
			sb.reset({ seed: 'demo' });
		});
	});

	describe('products', () => {
		it('seeds 12 products in 3 categories, products and services, one inactive, one out of stock', async () => {
			const list = dataOf<Rec[]>(await call(sb, 'GET', '/api/public/products?limit=100'));
			expect(list).toHaveLength(12);
			expect(new Set(list.map((p) => p.category))).toEqual(
				new Set(['Computación', 'Redes', 'Servicios']),
			);
			expect(new Set(list.map((p) => p.type))).toEqual(new Set(['product', 'service']));
			expect(list.filter((p) => p.isActive === false)).toHaveLength(1);
			expect(list.filter((p) => p.type === 'product' && p.stock === 0)).toHaveLength(1);
		});

		it('filters by category, type, isActive, search, productCode and sku', async () => {
			const codes = async (query: string) =>
				dataOf<Rec[]>(await call(sb, 'GET', `/api/public/products?limit=100&${query}`)).map(
					(p) => p.productCode,
				);
			expect(await codes('category=redes')).toEqual(['RT-100', 'SW-024', 'CAB-305', 'AP-200']);
			expect(await codes('type=service')).toEqual(['SRV-INST', 'SRV-MANT', 'SRV-CONS', 'SRV-CAP']);
			expect(await codes('isActive=false')).toEqual(['AP-200']);
			expect(await codes('search=notebook')).toEqual(['NB-001']);
			expect(await codes('search=utp-c6')).toEqual(['CAB-305']);
			expect(await codes('search=servicios&type=service&isActive=true')).toHaveLength(4);
			expect(await codes('productCode=MON-024')).toEqual(['MON-024']);
			expect(await codes('productCode=mon-024')).toEqual([]);
			expect(await codes('sku=KB-MEC')).toEqual(['KB-010']);
		});

		it('creates with defaults, updates partially and deletes, with events', async () => {
			const created = await call(sb, 'POST', '/api/public/products', {
				body: {
					productCode: 'HD-1',
					description: 'Disco SSD 1 TB',
					category: 'Computación',
					price: 99999.99,
				},
			});
			expect(created.status).toBe(201);
			const p = dataOf<Rec>(created);
			expect(p).toMatchObject({
				id: 13,
				price: 99999.99,
				stock: 0,
				isActive: true,
				type: 'product',
				sku: null,
				businessId: 1,
			});

			clock.advance(1);
			const up = await call(sb, 'PUT', '/api/public/products/13', {
				body: { stock: 5, isActive: false },
			});
			expect(dataOf<Rec>(up)).toMatchObject({
				stock: 5,
				isActive: false,
				price: 99999.99,
				updatedAt: '2026-04-01T10:00:01.000Z',
			});
			await call(sb, 'PUT', '/api/public/products/13', { body: { stock: 5 } });
			expect((await call(sb, 'DELETE', '/api/public/products/13')).status).toBe(204);
			await receiver.waitFor(3);
			await sleep(50); // a no-op PUT must not add a fourth event
			expect(events()).toEqual(['product.created', 'product.deleted', 'product.updated']);
		});

		it.each([
			[{ description: 'd', category: 'c', price: 1 }, 'productCode'],
			[{ productCode: 'p', category: 'c', price: 1 }, 'description'],
			[{ productCode: 'p', description: 'd', price: 1 }, 'category'],
			[{ productCode: 'p', description: 'd', category: 'c' }, 'price'],
			[{ productCode: 'p', description: 'd', category: 'c', price: -0.01 }, 'price'],
			[{ productCode: 'p', description: 'd', category: 'c', price: '10' }, 'price'],
			[{ productCode: 'p', description: 'd', category: 'c', price: 1, type: 'bundle' }, 'type'],
			[
				{ productCode: 'p', description: 'd', category: 'c', price: 1, isActive: 'yes' },
				'isActive',
			],
			[{ productCode: 'p', description: 'd', category: 'c', price: 1, stock: -1 }, 'stock'],
		])('answers 422 for %j naming %s', async (body, field) => {
			const r = await call(sb, 'POST', '/api/public/products', { body });
			expect(r.status).toBe(422);
			expect(r.json).toMatchObject({ error: 'validation_error', details: { field } });
			expect(String(r.json.message)).toContain(field);
		});
	});
});
