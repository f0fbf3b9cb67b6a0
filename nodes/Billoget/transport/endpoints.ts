/**
 * Billoget's endpoints, below the credential's Base URL (docs/api.md, "Endpoints"), named once for the
 * operations, reports, list searches and triggers that call them.
 */
export const ENDPOINTS = {
	customers: '/api/public/customers',
	products: '/api/public/products',
	/** One variant by ID (SDK only); a product's variants are listed at products/{id}/variants. */
	productVariants: '/api/public/product-variants',
	budgets: '/api/public/budgets',
	/** Public creation lives outside /api/public (documented by both the docs and the SDK). */
	budgetCreate: '/api/budgets/public',
	/** Public (UBS) view of a budget: GET …/{publicToken}, POST …/{publicToken}/confirm|reject. */
	budgetPublicView: '/api/public/budgets/token',
	/** Public (UBS) view of a budget by its numeric ID (SDK only). */
	budgetPublicById: '/api/public/budgets/public',
	approvals: '/api/public/budget-approvals',
	webhooks: '/api/public/webhooks',
} as const;
