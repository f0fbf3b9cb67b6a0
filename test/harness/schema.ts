/** Checks node output against the output schemas under nodes/Billoget/__schema__. */

/** A small draft-07 subset (type, enum, properties, required, items): what our output schemas use. */
export interface Schema {
	type?: string | string[];
	enum?: unknown[];
	properties?: Record<string, Schema>;
	required?: string[];
	items?: Schema;
}

/** What in `value` the schema does not describe (undeclared fields included), as readable paths. */
export function schemaProblems(value: unknown, schema: Schema, path = '$'): string[] {
	const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
	const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
	if (types.length > 0 && !types.some((type) => type === actual || (type === 'integer' && Number.isInteger(value)))) {
		return [`${path}: ${actual} is not ${types.join(' | ')}`];
	}
	const problems: string[] = [];
	if (schema.enum && !schema.enum.includes(value)) problems.push(`${path}: ${JSON.stringify(value)} is not in the enum`);
	if (actual === 'object' && schema.properties) {
		const record = value as Record<string, unknown>;
		for (const key of schema.required ?? []) if (!(key in record)) problems.push(`${path}.${key}: missing`);
		for (const [key, entry] of Object.entries(record)) {
			const sub = schema.properties[key];
			problems.push(...(sub ? schemaProblems(entry, sub, `${path}.${key}`) : [`${path}.${key}: not in the schema`]));
		}
	}
	if (actual === 'array' && schema.items) {
		(value as unknown[]).forEach((entry, index) => problems.push(...schemaProblems(entry, schema.items!, `${path}[${index}]`)));
	}
	return problems;
}
