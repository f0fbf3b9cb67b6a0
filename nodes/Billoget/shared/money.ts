/**
 * Money in integer cents. Billoget takes plain JSON numbers (e.g. 1210.5), but sums of floats drift
 * (0.1 + 0.2), so every amount is turned into exact decimals first, rounded half-up once per line and
 * once for the tax, and turned back into a number only for the request body.
 */

/** An exact decimal: value = units / 10^scale. */
interface Decimal {
	units: bigint;
	scale: number;
}

// BigInt literals need ES2020; the package targets ES2019 like n8n's starter.
const ZERO = BigInt(0);
const ONE = BigInt(1);
const TWO = BigInt(2);
const TEN = BigInt(10);

const DECIMAL_PATTERN = /^([+-])?(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i;

/** Parses a number or numeric string into an exact decimal; throws on anything else. */
export function parseDecimal(value: number | string): Decimal {
	const text = typeof value === 'number' ? numberToPlainString(value) : value.trim().replace(/,/g, '.');
	const match = DECIMAL_PATTERN.exec(text);
	if (!match) {
		throw new Error(`"${value}" is not a number`);
	}
	const [, sign, whole, fraction = '', exponentText] = match;
	const exponent = exponentText ? Number(exponentText) : 0;
	let digits = `${whole}${fraction}`;
	let scale = fraction.length - exponent;
	if (scale < 0) {
		digits += '0'.repeat(-scale);
		scale = 0;
	}
	const units = BigInt(digits) * (sign === '-' ? -ONE : ONE);
	return { units, scale };
}

function numberToPlainString(value: number): string {
	if (!Number.isFinite(value)) {
		throw new Error(`"${value}" is not a finite number`);
	}
	// The shortest representation that round-trips: 0.1 stays "0.1", not 0.1000000000000000055…
	return String(value);
}

/** Divides by 10^shift, rounding half away from zero (commercial rounding). */
function roundHalfUp(units: bigint, shift: number): bigint {
	if (shift <= 0) {
		return units * TEN ** BigInt(-shift);
	}
	const divisor = TEN ** BigInt(shift);
	const negative = units < ZERO;
	const magnitude = negative ? -units : units;
	let quotient = magnitude / divisor;
	if ((magnitude % divisor) * TWO >= divisor) {
		quotient += ONE;
	}
	return negative ? -quotient : quotient;
}

/** Converts an amount (e.g. 12.345 or "12.345") to integer cents, rounding half-up. */
export function toCents(amount: number | string): number {
	const { units, scale } = parseDecimal(amount);
	return Number(roundHalfUp(units, scale - 2));
}

/** Cents of a money value as a record carries it, or undefined when it is not a number. */
export function centsOf(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return toCents(value);
	if (typeof value === 'string' && value.trim() !== '') {
		try {
			return toCents(value);
		} catch {
			return undefined;
		}
	}
	return undefined;
}

/** Converts integer cents back to the number Billoget expects (1210.5 for 121050). */
export function fromCents(cents: number): number {
	return cents / 100;
}

/** Half-up cents of quantity × unit price: 3 × 0.335 = 1.005 → 101 cents. */
export function lineCents(quantity: number | string, unitPrice: number | string): number {
	const q = parseDecimal(quantity);
	const p = parseDecimal(unitPrice);
	return Number(roundHalfUp(q.units * p.units, q.scale + p.scale - 2));
}

/** Half-up cents of a percentage of an amount in cents: 21% of 1001 cents = 210.21 → 210 cents. */
export function percentOfCents(cents: number, ratePercent: number | string): number {
	const rate = parseDecimal(ratePercent);
	return Number(roundHalfUp(BigInt(cents) * rate.units, rate.scale + 2));
}

export interface LineInput {
	quantity: number | string;
	unitPrice: number | string;
}

export interface BudgetTotals {
	/** Per-line subtotals in cents, in input order. */
	lineCents: number[];
	subtotalCents: number;
	ivaCents: number;
	totalCents: number;
	subtotal: number;
	iva: number;
	total: number;
}

/** Subtotal, IVA and total of a budget's lines: each line rounded half-up, then the tax on the subtotal. */
export function computeBudgetTotals(lines: LineInput[], taxRatePercent: number | string): BudgetTotals {
	const perLine = lines.map((line) => lineCents(line.quantity, line.unitPrice));
	const subtotalCents = perLine.reduce((sum, cents) => sum + cents, 0);
	const ivaCents = percentOfCents(subtotalCents, taxRatePercent);
	const totalCents = subtotalCents + ivaCents;
	return {
		lineCents: perLine,
		subtotalCents,
		ivaCents,
		totalCents,
		subtotal: fromCents(subtotalCents),
		iva: fromCents(ivaCents),
		total: fromCents(totalCents),
	};
}

/** Sums amounts as cents and returns the exact number (for reports). */
export function sumAmounts(amounts: Array<number | string>): number {
	return fromCents(amounts.reduce<number>((sum, amount) => sum + toCents(amount), 0));
}
