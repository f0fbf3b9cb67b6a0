/**
 * Billoget's endpoints, below the credential's Base URL (docs/api.md, "Endpoints"), named once for the
 * operations, reports, list searches and triggers that call them.
 */
export const ENDPOINTS = {
	customers: '/api/public/customers',
	products: '/api/public/products',
	budgets: '/api/public/budgets',
	/** Public creation lives outside /api/public (documented by both the docs and the SDK). */
	budgetCreate: '/api/budgets/public',
	/** Public (UBS) view of a budget: GET …/{publicToken}, POST …/{publicToken}/confirm|reject. */
	budgetPublicView: '/api/public/budgets/token',
	approvals: '/api/public/budget-approvals',
	webhooks: '/api/public/webhooks',
} as const;
