import type { IDataObject } from 'n8n-workflow';

/**
 * The "data" Send Test delivers when Data (JSON) is left empty: a record shaped like the ones Billoget
 * sends for the event, so a workflow under construction can map every field. It has no `id` and is
 * marked `sample: true`: it describes no real record, and workflows that act on records can skip it
 * (the example workflows drop events without data.id). Billoget delivers test events to every
 * subscription of the key, production workflows included.
 */
const SAMPLE_CUSTOMER: IDataObject = {
	firstName: 'Ana',
	lastName: 'Pérez',
	email: 'ana.perez@example.com',
	phoneNumber: '+54 11 5555-0101',
	dni: 30123456,
	cuit: '27-30123456-4',
};

const SAMPLE_PRODUCT: IDataObject = {
	productCode: 'SRV-001',
	description: 'Instalación de aire acondicionado',
	category: 'Servicios',
	price: 85000,
	stock: 0,
	isActive: true,
	sku: 'SRV-001',
	type: 'SERVICE',
};

const BUDGET_STATE: Record<string, { state: number; stateName: string }> = {
	'budget.approved': { state: 1, stateName: 'approved' },
	'budget.rejected': { state: 2, stateName: 'rejected' },
};

function sampleBudget(event: string, now: Date): IDataObject {
	const issued = now.toISOString();
	const expires = new Date(now.getTime() + 15 * 86_400_000).toISOString();
	const { state, stateName } = BUDGET_STATE[event] ?? { state: 0, stateName: 'generated' };
	return {
		currency: 'ARS',
		issueDate: issued,
		expirationDate: expires,
		state,
		stateName,
		subtotal: 170000,
		iva: 35700,
		total: 205700,
		comments: 'Sample budget sent by Webhook › Send Test',
		items: [{ description: SAMPLE_PRODUCT.description, quantity: 2, unitPrice: 85000, subtotal: 170000 }],
		customer: { firstName: SAMPLE_CUSTOMER.firstName, lastName: SAMPLE_CUSTOMER.lastName, email: SAMPLE_CUSTOMER.email },
		createdAt: issued,
		updatedAt: issued,
	};
}

/** Sample data for an event name (documented or custom). */
export function sampleData(event: string, now: Date): IDataObject {
	const [resource] = event.split('.');
	const stamp = now.toISOString();
	let record: IDataObject;
	if (resource === 'budget') record = sampleBudget(event, now);
	else if (resource === 'customer') record = { ...SAMPLE_CUSTOMER, createdAt: stamp, updatedAt: stamp };
	else if (resource === 'product') record = { ...SAMPLE_PRODUCT, createdAt: stamp, updatedAt: stamp };
	else record = { message: `Test event "${event}" from n8n` };
	return { ...record, sample: true };
}
