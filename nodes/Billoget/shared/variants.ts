/**
 * Product variants as Billoget's SDK types them (CreateProductVariantDto): name and price required,
 * description, stock, sku, barcode, imageUrl, attributes (a free-form object such as
 * {"size": "L", "color": "red"}), isActive and sortOrder optional. Pure: no n8n context, so the
 * fields of Product Variant › Create / Update and the variants of Product › Create (fields or JSON)
 * are checked by the same rules before any request.
 */

export type VariantBody = Record<string, unknown>;

export interface VariantProblem {
	message: string;
	/** How to fix it. */
	hint: string;
}

export type VariantResult<T> = { ok: true; value: T } | { ok: false; problem: VariantProblem };

const TEXT_FIELDS: Array<[string, string]> = [
	['name', 'Name'],
	['description', 'Description'],
	['sku', 'SKU'],
	['barcode', 'Barcode'],
	['imageUrl', 'Image URL'],
];

/** The fields a variant may carry; anything else in a JSON entry is refused (a typo would be lost). */
export const VARIANT_FIELDS = ['name', 'price', 'description', 'stock', 'sku', 'barcode', 'imageUrl', 'attributes', 'isActive', 'sortOrder'];

const isAbsent = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function fail<T>(message: string, hint: string): VariantResult<T> {
	return { ok: false, problem: { message, hint } };
}

function numberOf(raw: unknown): number {
	if (typeof raw === 'number') return raw;
	if (typeof raw === 'string') return Number(raw.trim().replace(',', '.'));
	return NaN;
}

function attributesOf(raw: unknown, prefix: string): VariantResult<Record<string, unknown>> {
	let value = raw;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value);
		} catch {
			return fail(`${prefix}Attributes is not valid JSON`, 'Use an object such as {"size": "L", "color": "red"}.');
		}
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return fail(`${prefix}Attributes must be a JSON object`, 'Use an object such as {"size": "L", "color": "red"}.');
	}
	return { ok: true, value: value as Record<string, unknown> };
}

/**
 * Checks and shapes one variant's fields into Billoget's body (only the fields given).
 * `required`: Name and Price must be there (creating); `prefix` names the variant in messages, e.g.
 * "Variant 2: ".
 */
export function shapeVariant(
	fields: Record<string, unknown>,
	options: { required: boolean; prefix?: string },
): VariantResult<VariantBody> {
	const prefix = options.prefix ?? '';
	const body: VariantBody = {};
	for (const [name, label] of TEXT_FIELDS) {
		const raw = fields[name];
		if (isAbsent(raw)) {
			if (options.required && name === 'name') {
				return fail(`${prefix}Name is required`, 'Give every variant a name, e.g. "Talle L" or "500 g".');
			}
			continue;
		}
		if (typeof raw === 'object') {
			return fail(`${prefix}${label} must be text`, `Got ${JSON.stringify(raw).slice(0, 80)}. Map a single text value instead of an object or list.`);
		}
		body[name] = String(raw).trim();
	}
	const numbers: Array<[string, string, { integer?: boolean; required?: boolean }]> = [
		['price', 'Price', { required: options.required }],
		['stock', 'Stock', { integer: true }],
		['sortOrder', 'Sort Order', { integer: true }],
	];
	for (const [name, label, rule] of numbers) {
		const raw = fields[name];
		if (isAbsent(raw)) {
			if (rule.required) return fail(`${prefix}${label} is required`, `Give the variant's ${label.toLowerCase()} as a number, e.g. 1500.50.`);
			continue;
		}
		const value = numberOf(raw);
		if (!Number.isFinite(value)) {
			return fail(`${prefix}${label} must be a number`, `Got ${JSON.stringify(raw)}. Use a number such as 10 or 10.5.`);
		}
		if (rule.integer && !Number.isInteger(value)) return fail(`${prefix}${label} must be a whole number`, `Got ${value}.`);
		if (value < 0) return fail(`${prefix}${label} must be at least 0`, `Got ${value}.`);
		body[name] = value;
	}
	if (!isAbsent(fields.attributes)) {
		const attributes = attributesOf(fields.attributes, prefix);
		if (!attributes.ok) return attributes;
		body.attributes = attributes.value;
	}
	if (!isAbsent(fields.isActive)) {
		const raw = fields.isActive;
		if (typeof raw !== 'boolean' && raw !== 'true' && raw !== 'false') {
			return fail(`${prefix}Is Active must be true or false`, `Got ${JSON.stringify(raw)}.`);
		}
		body.isActive = raw === true || raw === 'true';
	}
	return { ok: true, value: body };
}

/**
 * The variants of Product › Create given as JSON (text or an array mapped from an earlier node):
 * an array of objects with the fields above; `{variants: [...]}` is accepted too.
 */
export function variantsFromJson(raw: unknown, label = 'Variants (JSON)'): VariantResult<VariantBody[]> {
	let value = raw;
	if (typeof value === 'string') {
		const text = value.trim();
		if (text === '') return { ok: true, value: [] };
		try {
			value = JSON.parse(text);
		} catch {
			return fail(`${label} is not valid JSON`, 'Use an array such as [{"name": "Talle L", "price": 1500}], or map an array with an expression.');
		}
	}
	if (typeof value === 'object' && value !== null && !Array.isArray(value) && Array.isArray((value as { variants?: unknown }).variants)) {
		value = (value as { variants: unknown[] }).variants;
	}
	if (!Array.isArray(value)) {
		return fail(`${label} must be an array of variants`, 'Use an array such as [{"name": "Talle L", "price": 1500}]; each entry has a name and a price.');
	}
	return shapeVariantList(value);
}

/** Every entry checked, in order; the first problem names its position (Variant 1, 2, …). */
export function shapeVariantList(entries: unknown[]): VariantResult<VariantBody[]> {
	const variants: VariantBody[] = [];
	for (let index = 0; index < entries.length; index++) {
		const prefix = `Variant ${index + 1}: `;
		const entry = entries[index];
		if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
			return fail(`${prefix}must be an object`, 'Each variant is an object such as {"name": "Talle L", "price": 1500}.');
		}
		const unknown = Object.keys(entry).filter((key) => !VARIANT_FIELDS.includes(key));
		if (unknown.length > 0) {
			return fail(
				`${prefix}unknown field "${unknown[0]}"`,
				`A variant has ${VARIANT_FIELDS.join(', ')}; the product is the one being created, so productId is not given.`,
			);
		}
		const shaped = shapeVariant(entry as Record<string, unknown>, { required: true, prefix });
		if (!shaped.ok) return shaped;
		variants.push(shaped.value);
	}
	return { ok: true, value: variants };
}
