// @ts-check
'use strict';
// In-memory Billoget data (one business) and the deterministic demo seed. The store assigns ids and
// timestamps and keeps what clients send; validation happens before (validation.js) and events after
// (the API handlers), so seed functions can fill it without emitting webhooks.

const { createHash } = require('crypto');
const { seedDemoVariants } = require('./variants');
const { seedDemoApprovalWorkflow } = require('./approvalWorkflow');

/**
 * @typedef {object} Customer
 * @property {number} id
 * @property {string} firstName
 * @property {string} lastName
 * @property {string | null} [email]
 * @property {string | null} [phoneNumber]
 * @property {number | null} [dni]
 * @property {string | null} [cuit]
 * @property {number} businessId
 * @property {string} createdAt
 * @property {string} updatedAt
 */
/**
 * @typedef {object} Product
 * @property {number} id
 * @property {string} productCode
 * @property {string} description
 * @property {string} category
 * @property {number} price
 * @property {number} stock
 * @property {number | null} [netContent]
 * @property {string | null} [netContentUnit]
 * @property {boolean} isActive
 * @property {string | null} [sku]
 * @property {string | null} [barcode]
 * @property {string | null} [imageUrl]
 * @property {'product' | 'service'} type
 * @property {number} businessId
 * @property {string} createdAt
 * @property {string} updatedAt
 */
/**
 * @typedef {object} BudgetItem
 * @property {number} id
 * @property {number | null} [productId]
 * @property {number | null} [packageId]
 * @property {number} quantity
 * @property {number} unitPrice
 * @property {number} subtotal
 * @property {number} budgetId
 */
/**
 * @typedef {object} Budget
 * @property {number} id
 * @property {string} currency
 * @property {string} issueDate
 * @property {string} expirationDate
 * @property {number} customerId
 * @property {number} sellerId
 * @property {number} businessId
 * @property {number} minimumPaymentToConfirm
 * @property {number} state 0 Generated, 1 Approved, 2 Rejected
 * @property {number} subtotal
 * @property {number} iva
 * @property {number} total
 * @property {string | null} [comments]
 * @property {string} publicToken
 * @property {BudgetItem[]} items
 * @property {string} createdAt
 * @property {string} updatedAt
 */
/**
 * @typedef {object} Approval
 * @property {number} id
 * @property {number} budgetId
 * @property {number} requestedBy
 * @property {number | null} approvedBy
 * @property {'pending' | 'approved' | 'rejected' | 'cancelled'} status
 * @property {'submitted' | 'approved' | 'rejected' | 'cancelled' | 'resubmitted'} action
 * @property {string | null} comments
 * @property {string | null} requestNotes
 * @property {string | null} reviewedAt
 * @property {string | null} approvedAt
 * @property {string | null} rejectedAt
 * @property {string} createdAt
 * @property {string} updatedAt
 */
/** @typedef {{productId?: number | null, packageId?: number | null, quantity: number, unitPrice: number, subtotal?: number}} ItemInput */
/** @typedef {Record<string, unknown>} Json */
/** @typedef {'customer' | 'product' | 'budget' | 'item' | 'approval' | 'variant' | 'approver'} IdKind */
/** @typedef {import('./variants').Variant} Variant */
/** @typedef {import('./approvalWorkflow').ApprovalConfig} ApprovalConfig */
/** @typedef {import('./approvalWorkflow').Approver} Approver */

const BUSINESS = {
	id: 1,
	name: 'Demo Tech S.R.L.',
	logo: null,
	category: 'Tecnología',
	description: 'Sandbox business for the Billoget n8n nodes',
	address: 'Av. Corrientes 1234, CABA',
	alternativeAddress: null,
	phone: '+54 11 4000-0000',
	email: 'ventas@demo-tech.example.com',
	website: 'https://demo-tech.example.com',
};

/** @type {Record<number, {id: number, displayName: string, email: string}>} */
const SELLERS = {
	1: { id: 1, displayName: 'Valentina Ríos', email: 'valentina@demo-tech.example.com' },
	2: { id: 2, displayName: 'Martín Sosa', email: 'martin@demo-tech.example.com' },
};

/**
 * Money rounded to cents (half away from zero), avoiding 1.005 → 1.00 float surprises.
 * @param {number} n
 */
function roundMoney(n) {
	return (Math.sign(n) * Math.round(Math.abs(n) * 100 + 1e-7)) / 100;
}

/**
 * Deterministic 32-hex public token: the same budget id always gets the same token.
 * @param {number} id
 */
function publicTokenFor(id) {
	return createHash('sha256').update(`billoget-sandbox:budget:${id}`).digest('hex').slice(0, 32);
}

/**
 * Copies `patch` onto `record`, returning whether any value really changed.
 * @param {Json} record
 * @param {Json} patch
 */
function applyPatch(record, patch) {
	let changed = false;
	for (const [k, v] of Object.entries(patch)) {
		if (v === undefined) continue;
		if (JSON.stringify(record[k] ?? null) !== JSON.stringify(v ?? null)) {
			record[k] = v;
			changed = true;
		}
	}
	return changed;
}

class Store {
	/** @param {() => number} clock ms since epoch, used for createdAt/updatedAt */
	constructor(clock) {
		this.clock = clock;
		this.businessId = BUSINESS.id;
		/** @type {Map<number, Customer>} */
		this.customers = new Map();
		/** @type {Map<number, Product>} */
		this.products = new Map();
		/** @type {Map<number, Budget>} */
		this.budgets = new Map();
		/** @type {Map<number, Approval>} */
		this.approvals = new Map();
		/** @type {Map<number, Variant>} */
		this.variants = new Map();
		/** @type {Map<number, Approver>} */
		this.approvers = new Map();
		/** @type {ApprovalConfig | null} */
		this.approvalConfig = null;
		/** @type {Record<IdKind, number>} */
		this.counters = { customer: 0, product: 0, budget: 0, item: 0, approval: 0, variant: 0, approver: 0 };
	}

	clear() {
		this.customers.clear();
		this.products.clear();
		this.budgets.clear();
		this.approvals.clear();
		this.variants.clear();
		this.approvers.clear();
		this.approvalConfig = null;
		this.counters = { customer: 0, product: 0, budget: 0, item: 0, approval: 0, variant: 0, approver: 0 };
	}

	/** @param {IdKind} kind */
	nextId(kind) {
		this.counters[kind] += 1;
		return this.counters[kind];
	}

	nowIso() {
		return new Date(this.clock()).toISOString();
	}

	// ---- customers ----

	/**
	 * @param {Json & {firstName: string, lastName: string}} fields plus optional createdAt/updatedAt (seed)
	 * @returns {Customer}
	 */
	createCustomer(fields) {
		const now = this.nowIso();
		/** @type {Customer} */
		const c = {
			id: this.nextId('customer'),
			firstName: fields.firstName,
			lastName: fields.lastName,
			email: /** @type {string | null} */ (fields.email ?? null),
			phoneNumber: /** @type {string | null} */ (fields.phoneNumber ?? null),
			dni: /** @type {number | null} */ (fields.dni ?? null),
			cuit: /** @type {string | null} */ (fields.cuit ?? null),
			businessId: /** @type {number} */ (fields.businessId ?? this.businessId),
			createdAt: /** @type {string} */ (fields.createdAt ?? now),
			updatedAt: /** @type {string} */ (fields.updatedAt ?? fields.createdAt ?? now),
		};
		this.customers.set(c.id, c);
		return c;
	}

	/**
	 * @param {number} id
	 * @param {Json} patch
	 * @returns {{record: Customer, changed: boolean} | undefined}
	 */
	updateCustomer(id, patch) {
		const c = this.customers.get(id);
		if (!c) return undefined;
		const changed = applyPatch(/** @type {Json} */ (/** @type {unknown} */ (c)), patch);
		if (changed) c.updatedAt = this.nowIso();
		return { record: c, changed };
	}

	/** @param {number} id */
	deleteCustomer(id) {
		const c = this.customers.get(id);
		this.customers.delete(id);
		return c;
	}

	// ---- products ----

	/**
	 * @param {Json & {productCode: string, description: string, category: string, price: number}} fields
	 * @returns {Product}
	 */
	createProduct(fields) {
		const now = this.nowIso();
		/** @type {Product} */
		const p = {
			id: this.nextId('product'),
			productCode: fields.productCode,
			description: fields.description,
			category: fields.category,
			price: fields.price,
			stock: /** @type {number} */ (fields.stock ?? 0),
			netContent: /** @type {number | null} */ (fields.netContent ?? null),
			netContentUnit: /** @type {string | null} */ (fields.netContentUnit ?? null),
			isActive: /** @type {boolean} */ (fields.isActive ?? true),
			sku: /** @type {string | null} */ (fields.sku ?? null),
			barcode: /** @type {string | null} */ (fields.barcode ?? null),
			imageUrl: /** @type {string | null} */ (fields.imageUrl ?? null),
			type: /** @type {'product' | 'service'} */ (fields.type ?? 'product'),
			businessId: /** @type {number} */ (fields.businessId ?? this.businessId),
			createdAt: /** @type {string} */ (fields.createdAt ?? now),
			updatedAt: /** @type {string} */ (fields.updatedAt ?? fields.createdAt ?? now),
		};
		this.products.set(p.id, p);
		return p;
	}

	/**
	 * @param {number} id
	 * @param {Json} patch
	 * @returns {{record: Product, changed: boolean} | undefined}
	 */
	updateProduct(id, patch) {
		const p = this.products.get(id);
		if (!p) return undefined;
		const changed = applyPatch(/** @type {Json} */ (/** @type {unknown} */ (p)), patch);
		if (changed) p.updatedAt = this.nowIso();
		return { record: p, changed };
	}

	/** @param {number} id */
	deleteProduct(id) {
		const p = this.products.get(id);
		this.products.delete(id);
		return p;
	}

	// ---- budgets ----

	/**
	 * Item rows as stored: the item subtotal is kept when the client sent one, otherwise quantity × unitPrice.
	 * @param {ItemInput[]} items
	 * @returns {Array<Omit<BudgetItem, 'id' | 'budgetId'>>}
	 */
	normaliseItems(items) {
		return items.map((it) => ({
			productId: it.productId ?? null,
			packageId: it.packageId ?? null,
			quantity: it.quantity,
			unitPrice: it.unitPrice,
			subtotal: it.subtotal ?? roundMoney(it.quantity * it.unitPrice),
		}));
	}

	/**
	 * @param {Array<Omit<BudgetItem, 'id' | 'budgetId'>>} rows
	 * @param {number} budgetId
	 * @returns {BudgetItem[]}
	 */
	numberItems(rows, budgetId) {
		return rows.map((r) => ({ id: this.nextId('item'), ...r, budgetId }));
	}

	/**
	 * @param {Json & {currency: string, issueDate: string, expirationDate: string, customerId: number,
	 *   sellerId: number, minimumPaymentToConfirm: number, subtotal: number, iva: number, total: number,
	 *   items: ItemInput[]}} fields plus optional state, comments, businessId, createdAt/updatedAt (seed)
	 * @returns {Budget}
	 */
	createBudget(fields) {
		const now = this.nowIso();
		const id = this.nextId('budget');
		/** @type {Budget} */
		const b = {
			id,
			currency: fields.currency,
			issueDate: fields.issueDate,
			expirationDate: fields.expirationDate,
			customerId: fields.customerId,
			sellerId: fields.sellerId,
			businessId: /** @type {number} */ (fields.businessId ?? this.businessId),
			minimumPaymentToConfirm: fields.minimumPaymentToConfirm,
			state: /** @type {number} */ (fields.state ?? 0),
			subtotal: fields.subtotal,
			iva: fields.iva,
			total: fields.total,
			comments: /** @type {string | null} */ (fields.comments ?? null),
			publicToken: publicTokenFor(id),
			items: this.numberItems(this.normaliseItems(fields.items), id),
			createdAt: /** @type {string} */ (fields.createdAt ?? now),
			updatedAt: /** @type {string} */ (fields.updatedAt ?? fields.createdAt ?? now),
		};
		this.budgets.set(id, b);
		return b;
	}

	/**
	 * Partial update; `items`, when given, replaces all lines (new line ids only if they differ).
	 * @param {number} id
	 * @param {Json} patch
	 * @returns {{record: Budget, changed: boolean} | undefined}
	 */
	updateBudget(id, patch) {
		const b = this.budgets.get(id);
		if (!b) return undefined;
		const { items, ...rest } = patch;
		let changed = applyPatch(/** @type {Json} */ (/** @type {unknown} */ (b)), rest);
		if (Array.isArray(items)) {
			const rows = this.normaliseItems(/** @type {ItemInput[]} */ (items));
			const current = b.items.map(({ id: _id, budgetId: _b, ...r }) => r);
			if (JSON.stringify(rows) !== JSON.stringify(current)) {
				b.items = this.numberItems(rows, id);
				changed = true;
			}
		}
		if (changed) b.updatedAt = this.nowIso();
		return { record: b, changed };
	}

	/** @param {number} id */
	deleteBudget(id) {
		const b = this.budgets.get(id);
		this.budgets.delete(id);
		return b;
	}

	/** @param {string} token */
	budgetByToken(token) {
		for (const b of this.budgets.values()) if (b.publicToken === token) return b;
		return undefined;
	}

	/**
	 * Sets the state (1 approved, 2 rejected) and bumps updatedAt.
	 * @param {Budget} b
	 * @param {number} state
	 */
	setBudgetState(b, state) {
		b.state = state;
		b.updatedAt = this.nowIso();
	}

	// ---- approvals ----

	/**
	 * @param {Partial<Approval> & {budgetId: number}} fields
	 * @returns {Approval}
	 */
	createApproval(fields) {
		const now = this.nowIso();
		/** @type {Approval} */
		const a = {
			id: this.nextId('approval'),
			budgetId: fields.budgetId,
			requestedBy: fields.requestedBy ?? 1,
			approvedBy: fields.approvedBy ?? null,
			status: fields.status ?? 'pending',
			action: fields.action ?? 'submitted',
			comments: fields.comments ?? null,
			requestNotes: fields.requestNotes ?? null,
			reviewedAt: fields.reviewedAt ?? null,
			approvedAt: fields.approvedAt ?? null,
			rejectedAt: fields.rejectedAt ?? null,
			createdAt: fields.createdAt ?? now,
			updatedAt: fields.updatedAt ?? fields.createdAt ?? now,
		};
		this.approvals.set(a.id, a);
		return a;
	}

	// ---- views (what the API answers) ----

	/** @param {Customer} c */
	customerView(c) {
		return { ...c };
	}

	/** @param {Product} p */
	productView(p) {
		return { ...p };
	}

	/**
	 * Budget with its items and a short customer (null when the customer was deleted).
	 * @param {Budget} b
	 */
	budgetView(b) {
		const c = this.customers.get(b.customerId);
		return {
			...b,
			items: b.items.map((it) => ({ ...it })),
			customer: c
				? { id: c.id, firstName: c.firstName, lastName: c.lastName, email: c.email ?? null }
				: null,
		};
	}

	/**
	 * The token (UBS) view: no customerId/sellerId, limited customer, seller, business, embedded products.
	 * @param {Budget} b
	 */
	publicBudgetView(b) {
		const c = this.customers.get(b.customerId);
		return {
			id: b.id,
			currency: b.currency,
			issueDate: b.issueDate,
			expirationDate: b.expirationDate,
			minimumPaymentToConfirm: b.minimumPaymentToConfirm,
			state: b.state,
			subtotal: b.subtotal,
			iva: b.iva,
			total: b.total,
			comments: b.comments ?? null,
			publicToken: b.publicToken,
			customer: c
				? {
						firstName: c.firstName,
						lastName: c.lastName,
						email: c.email ?? null,
						phoneNumber: c.phoneNumber ?? null,
					}
				: null,
			seller: {
				...(SELLERS[b.sellerId] ?? {
					id: b.sellerId,
					displayName: `Seller ${b.sellerId}`,
					email: null,
				}),
				business: { id: BUSINESS.id, name: BUSINESS.name },
			},
			business: { ...BUSINESS },
			items: b.items.map((it) => {
				const p = it.productId ? this.products.get(it.productId) : undefined;
				return {
					...it,
					product: p
						? {
								id: p.id,
								productCode: p.productCode,
								description: p.description,
								category: p.category,
								price: p.price,
								type: p.type,
								netContent: p.netContent ?? null,
								netContentUnit: p.netContentUnit ?? null,
								sku: p.sku ?? null,
								barcode: p.barcode ?? null,
								imageUrl: p.imageUrl ?? null,
								isActive: p.isActive,
							}
						: null,
				};
			}),
			createdAt: b.createdAt,
			updatedAt: b.updatedAt,
		};
	}

	// ---- seed ----

	/** Fills the fixed demo data set (fixed 2026 dates, no randomness). */
	seedDemo() {
		seedDemo(this);
	}
}

/** @param {string} iso @param {number} days */
function addDays(iso, days) {
	return new Date(Date.parse(iso) + days * 86_400_000).toISOString();
}

/** @param {Store} store */
function seedDemo(store) {
	const customers = [
		{
			firstName: 'María',
			lastName: 'González',
			email: 'maria.gonzalez@example.com',
			phoneNumber: '+54 11 5555-0101',
			dni: 28456123,
		},
		{
			firstName: 'Juan',
			lastName: 'Pérez',
			email: 'juan.perez@example.com',
			cuit: '20-23456789-4',
		},
		{
			firstName: 'Lucía',
			lastName: 'Fernández',
			email: 'lucia.fernandez@example.com',
			phoneNumber: '+54 351 555-0103',
		},
		{
			firstName: 'Carlos',
			lastName: 'Rodríguez',
			email: 'carlos.rodriguez@example.com',
			dni: 31234567,
			cuit: '20-31234567-3',
		},
		{
			firstName: 'Ana',
			lastName: 'Martínez',
			email: 'ana.martinez@example.com',
			phoneNumber: '+54 261 555-0105',
		},
		{ firstName: 'Diego', lastName: 'López', email: 'diego.lopez@example.com', dni: 35987654 },
		{ firstName: 'Sofía', lastName: 'Díaz', phoneNumber: '+54 11 5555-0107' },
		{
			firstName: 'Acme',
			lastName: 'S.A.',
			email: 'compras@acme.example.com',
			cuit: '30-71234567-1',
		},
	];
	customers.forEach((c, i) => {
		store.createCustomer({ ...c, createdAt: `2026-01-0${i + 1}T12:00:00.000Z` });
	});

	/** @type {Array<Json & {productCode: string, description: string, category: string, price: number}>} */
	const products = [
		{
			productCode: 'NB-001',
			description: 'Notebook 14" Core i5 16 GB',
			category: 'Computación',
			price: 850000,
			stock: 12,
			sku: 'NB-14-I5',
			barcode: '7790001000011',
		},
		{
			productCode: 'MON-024',
			description: 'Monitor 24" IPS',
			category: 'Computación',
			price: 210000,
			stock: 20,
			sku: 'MON-24-IPS',
			barcode: '7790001000028',
		},
		{
			productCode: 'KB-010',
			description: 'Teclado mecánico',
			category: 'Computación',
			price: 65000,
			stock: 0,
			sku: 'KB-MEC',
		},
		{
			productCode: 'MS-005',
			description: 'Mouse inalámbrico',
			category: 'Computación',
			price: 18500,
			stock: 40,
			sku: 'MS-WL',
		},
		{
			productCode: 'RT-100',
			description: 'Router Wi-Fi 6',
			category: 'Redes',
			price: 120000,
			stock: 8,
			sku: 'RT-WIFI6',
		},
		{
			productCode: 'SW-024',
			description: 'Switch 24 puertos',
			category: 'Redes',
			price: 340000,
			stock: 3,
			sku: 'SW-24P',
		},
		{
			productCode: 'CAB-305',
			description: 'Cable UTP Cat6',
			category: 'Redes',
			price: 95000,
			stock: 15,
			netContent: 305,
			netContentUnit: 'm',
			sku: 'UTP-C6-305',
		},
		{
			productCode: 'AP-200',
			description: 'Access point (discontinuado)',
			category: 'Redes',
			price: 88000,
			stock: 5,
			isActive: false,
			sku: 'AP-200',
		},
		{
			productCode: 'SRV-INST',
			description: 'Instalación en sitio',
			category: 'Servicios',
			price: 45000,
			type: 'service',
		},
		{
			productCode: 'SRV-MANT',
			description: 'Mantenimiento mensual',
			category: 'Servicios',
			price: 60000,
			type: 'service',
		},
		{
			productCode: 'SRV-CONS',
			description: 'Consultoría (hora)',
			category: 'Servicios',
			price: 30000,
			type: 'service',
		},
		{
			productCode: 'SRV-CAP',
			description: 'Capacitación (jornada)',
			category: 'Servicios',
			price: 150000,
			type: 'service',
		},
	];
	products.forEach((p, i) => {
		const minute = String(i).padStart(2, '0');
		store.createProduct({ type: 'product', ...p, createdAt: `2026-01-01T09:${minute}:00.000Z` });
	});

	const active = [...store.products.values()].filter((p) => p.isActive);
	const comments = [
		'Incluye instalación',
		null,
		'Entrega en 10 días hábiles',
		null,
		'Precio válido por 30 días',
		null,
	];
	// 18 budgets: state i % 3 and currency i % 2 give 3 ARS + 3 USD budgets in each state.
	for (let i = 0; i < 18; i++) {
		const state = i % 3;
		const currency = i % 2 === 0 ? 'ARS' : 'USD';
		const lineCount = 1 + (Math.floor(i / 3) % 3);
		/** @type {ItemInput[]} */
		const items = [];
		let subtotalCents = 0;
		for (let j = 0; j < lineCount; j++) {
			const p = /** @type {Product} */ (active[(i * 5 + j * 3) % active.length]);
			const quantity = 1 + ((i + j) % 3);
			// USD lines use the ARS list price / 1000; all amounts stay whole cents.
			const unitCents = currency === 'ARS' ? p.price * 100 : p.price / 10;
			subtotalCents += unitCents * quantity;
			items.push({
				productId: p.id,
				quantity,
				unitPrice: unitCents / 100,
				subtotal: (unitCents * quantity) / 100,
			});
		}
		const ivaCents = Math.round(subtotalCents * 0.21);
		const totalCents = subtotalCents + ivaCents;
		const issueDate = addDays('2026-01-05T13:00:00.000Z', 6 * i);
		store.createBudget({
			currency,
			issueDate,
			expirationDate: addDays(issueDate, 30),
			customerId: (i % 8) + 1,
			sellerId: (Math.floor(i / 2) % 2) + 1,
			minimumPaymentToConfirm: Math.round(totalCents * 0.3) / 100,
			subtotal: subtotalCents / 100,
			iva: ivaCents / 100,
			total: totalCents / 100,
			comments: comments[i % comments.length],
			state,
			items,
			createdAt: issueDate,
			updatedAt: state === 0 ? issueDate : addDays(issueDate, 3),
		});
	}

	// Approvals: two approved, one rejected, two pending, one cancelled.
	/** @param {number} budgetId @param {Partial<Approval>} extra */
	const approval = (budgetId, extra) => {
		const b = /** @type {Budget} */ (store.budgets.get(budgetId));
		const createdAt = addDays(b.createdAt, 1);
		const reviewedAt = extra.status === 'pending' ? null : addDays(b.createdAt, 3);
		store.createApproval({
			budgetId,
			requestedBy: b.sellerId,
			createdAt,
			updatedAt: reviewedAt ?? createdAt,
			reviewedAt,
			approvedAt: extra.status === 'approved' ? reviewedAt : null,
			rejectedAt: extra.status === 'rejected' ? reviewedAt : null,
			approvedBy: reviewedAt && extra.status !== 'cancelled' ? 1 : null,
			...extra,
		});
	};
	approval(2, {
		status: 'approved',
		action: 'approved',
		comments: 'Aprobado',
		requestNotes: 'Cliente frecuente',
	});
	approval(5, { status: 'approved', action: 'approved', comments: null, requestNotes: null });
	approval(3, {
		status: 'rejected',
		action: 'rejected',
		comments: 'Precio fuera de presupuesto',
		requestNotes: 'Revisar descuento',
	});
	approval(1, { status: 'pending', action: 'submitted', requestNotes: 'Urgente' });
	approval(4, { status: 'pending', action: 'submitted', requestNotes: null });
	approval(7, { status: 'cancelled', action: 'cancelled', comments: 'Cancelado por el vendedor' });

	seedDemoVariants(store);
	seedDemoApprovalWorkflow(store);
}

module.exports = { Store, BUSINESS, SELLERS, roundMoney, publicTokenFor };
