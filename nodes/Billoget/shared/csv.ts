/**
 * CSV writer (RFC 4180) for report breakdowns.
 *
 *  - Records end with CRLF, the last one included; the first record is the header.
 *  - A field is quoted when it contains a comma, a double quote, CR or LF; quotes inside are doubled.
 *  - Numbers are written as plain decimals (1234.5, -3), booleans as true/false, null/undefined as an
 *    empty field, objects and arrays as JSON text.
 *  - Formula injection guard: a TEXT cell that starts with =, +, -, @ (or a tab or CR, which some
 *    spreadsheets skip before reading a formula) gets a leading single quote ('=SUM(A1) is shown as
 *    text, not run). Spreadsheets read such a cell as text and hide the quote. Number-typed values are
 *    never prefixed, so -12.5 stays a number; text that only looks like a number ("-12") is prefixed.
 *    Set `formulaGuard: false` to write text exactly as given (e.g. for a program, not a spreadsheet).
 */

export interface CsvColumn {
	/** Property of the row to read. */
	key: string;
	/** Header text (defaults to the key). */
	header?: string;
}

export interface CsvOptions {
	/** Columns in order; by default every key of the rows, in order of first appearance. */
	columns?: Array<CsvColumn | string>;
	/** Prefix text cells starting with = + - @ (tab, CR) with a single quote. Default true. */
	formulaGuard?: boolean;
	/** Write the header record. Default true. */
	header?: boolean;
}

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text of one cell before quoting. */
export function cellText(value: unknown, formulaGuard = true): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? numberText(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (typeof value === 'bigint') return value.toString();
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return formulaGuard && FORMULA_START.test(text) ? `'${text}` : text;
}

/** Plain decimal notation, never 1e-7 or 1e+21 (spreadsheets would read those differently). */
function numberText(value: number): string {
	const text = String(value);
	if (!/e/i.test(text)) return text;
	return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** Quotes a field when RFC 4180 requires it. */
export function quoteField(text: string): string {
	return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function columnsOf(rows: Array<Record<string, unknown>>, columns?: Array<CsvColumn | string>): CsvColumn[] {
	if (columns) {
		return columns.map((column) => (typeof column === 'string' ? { key: column } : column));
	}
	const keys: string[] = [];
	const seen = new Set<string>();
	for (const row of rows) {
		for (const key of Object.keys(row)) {
			if (!seen.has(key)) {
				seen.add(key);
				keys.push(key);
			}
		}
	}
	return keys.map((key) => ({ key }));
}

/** Writes rows as CSV text (no byte order mark; add one when writing the file if needed). */
export function toCsv(rows: Array<Record<string, unknown>>, options: CsvOptions = {}): string {
	const guard = options.formulaGuard ?? true;
	const columns = columnsOf(rows, options.columns);
	const records: string[] = [];
	if (options.header ?? true) {
		records.push(columns.map((column) => quoteField(cellText(column.header ?? column.key, guard))).join(','));
	}
	for (const row of rows) {
		records.push(columns.map((column) => quoteField(cellText(row[column.key], guard))).join(','));
	}
	return records.map((record) => `${record}\r\n`).join('');
}
