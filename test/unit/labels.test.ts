import { approvalLabel, budgetLabel, customerLabel, formatAmount, productLabel } from '../../nodes/Billoget/methods/labels';

describe('picker labels', () => {
	it('formats amounts with thousands separators and two decimals', () => {
		expect(formatAmount(1028500, 'ARS')).toBe('1,028,500.00 ARS');
		expect(formatAmount('1210.5')).toBe('1,210.50');
		expect(formatAmount(0.005, 'USD')).toBe('0.01 USD');
		expect(formatAmount(undefined, 'ARS')).toBe('');
		expect(formatAmount('n/a', 'ARS')).toBe('n/a ARS');
	});

	it('shows the product price an empty Unit Price takes', () => {
		expect(productLabel({ id: 3, productCode: 'SRV-01', description: 'Service call', price: 15000 })).toBe(
			'SRV-01 · Service call · 15,000.00',
		);
		expect(productLabel({ id: 4, sku: 'X', name: 'No price' })).toBe('X · No price');
	});

	it('labels budgets with a formatted total and their state', () => {
		expect(
			budgetLabel({ id: 7, customer: { firstName: 'Ana', lastName: 'Pérez' }, total: 1028500, currency: 'ARS', state: 1 }),
		).toBe('#7 · Ana Pérez · 1,028,500.00 ARS · Approved');
		expect(budgetLabel({ id: 8, customerId: 2, total: 10, state: 0 })).toBe('#8 · customer 2 · 10.00 · Generated');
	});

	it('labels approvals with the budget’s customer and total when Billoget includes the budget', () => {
		expect(
			approvalLabel({
				id: 5,
				budgetId: 7,
				createdAt: '2026-03-01T10:00:00Z',
				requestNotes: 'Urgente',
				budget: { id: 7, total: 250000, currency: 'ARS', customer: { firstName: 'Ana', lastName: 'Pérez' } },
			}),
		).toBe('#5 · budget #7 · Ana Pérez · 250,000.00 ARS · 2026-03-01 · Urgente');
		expect(approvalLabel({ id: 6, budgetId: 9, createdAt: '2026-03-02T00:00:00Z' })).toBe('#6 · budget #9 · 2026-03-02');
	});

	it('labels customers by name and email', () => {
		expect(customerLabel({ id: 1, firstName: 'Ana', lastName: 'Pérez', email: 'ana@example.com' })).toBe('Ana Pérez (ana@example.com)');
		expect(customerLabel({ id: 2 })).toBe('Customer 2');
	});
});
