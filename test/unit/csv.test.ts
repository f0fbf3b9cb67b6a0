import { cellText, quoteField, toCsv } from '../../nodes/Billoget/shared/csv';

/**
 * A small RFC 4180 reader, written independently of the writer: records separated by CRLF (a lone LF
 * is accepted too), fields by commas, quoted fields may hold commas, CR, LF and doubled quotes.
 */
function parseCsv(text: string): string[][] {
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let quoted = false;
	let i = 0;
	const body = text.startsWith('\ufeff') ? text.slice(1) : text;
	while (i < body.length) {
		const char = body[i];
		if (quoted) {
			if (char === '"') {
				if (body[i + 1] === '"') {
					field += '"';
					i += 2;
					continue;
				}
				quoted = false;
				i++;
				continue;
			}
			field += char;
			i++;
			continue;
		}
		if (char === '"') {
			if (field !== '') throw new Error(`Quote inside an unquoted field at ${i}`);
			quoted = true;
			i++;
		} else if (char === ',') {
			record.push(field);
			field = '';
			i++;
		} else if (char === '\r' || char === '\n') {
			record.push(field);
			records.push(record);
			record = [];
			field = '';
			i += char === '\r' && body[i + 1] === '\n' ? 2 : 1;
		} else {
			field += char;
			i++;
		}
	}
	if (quoted) throw new Error('Unterminated quoted field');
	if (field !== '' || record.length > 0) {
		record.push(field);
		records.push(record);
	}
	return records;
}

describe('CSV writer (RFC 4180)', () => {
	it('writes a header and one record per row, every record ending with CRLF', () => {
		const csv = toCsv([
			{ currency: 'ARS', count: 4, total: 3000.66 },
			{ currency: 'USD', count: 2, total: 30.15 },
		]);
		expect(csv).toBe('currency,count,total\r\nARS,4,3000.66\r\nUSD,2,30.15\r\n');
	});

	it('quotes fields with commas, quotes, CR or LF and doubles the quotes', () => {
		expect(quoteField('plain')).toBe('plain');
		expect(quoteField('a,b')).toBe('"a,b"');
		expect(quoteField('say "hi"')).toBe('"say ""hi"""');
		expect(quoteField('line1\nline2')).toBe('"line1\nline2"');
		expect(quoteField('line1\r\nline2')).toBe('"line1\r\nline2"');
		expect(quoteField('')).toBe('');
	});

	it('prefixes text that a spreadsheet would run as a formula with a single quote, but not numbers', () => {
		expect(cellText('=HYPERLINK("http://evil.test")')).toBe('\'=HYPERLINK("http://evil.test")');
		expect(cellText('+54 11 5555')).toBe("'+54 11 5555");
		expect(cellText('-12')).toBe("'-12");
		expect(cellText('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(cellText('\t=1')).toBe("'\t=1");
		expect(cellText(-12.5)).toBe('-12.5');
		expect(cellText('a=b')).toBe('a=b');
		expect(cellText('=1', false)).toBe('=1');
	});

	it('writes numbers as plain decimals, booleans, empty cells for null, JSON for objects', () => {
		expect(cellText(0.1 + 0.2)).toBe('0.30000000000000004');
		expect(cellText(1e21)).toBe('1000000000000000000000');
		expect(cellText(1e-7)).toBe('0.0000001');
		expect(cellText(Number.NaN)).toBe('');
		expect(cellText(true)).toBe('true');
		expect(cellText(null)).toBe('');
		expect(cellText(undefined)).toBe('');
		expect(cellText({ a: 1 })).toBe('{"a":1}');
		expect(cellText(new Date(Date.UTC(2026, 2, 31)))).toBe('2026-03-31T00:00:00.000Z');
	});

	it('uses the given columns in order, with headers, and writes only the header for no rows', () => {
		const columns = [{ key: 'name', header: 'Customer' }, 'total'];
		expect(toCsv([{ total: 5, name: 'Ana', ignored: true }], { columns })).toBe('Customer,total\r\nAna,5\r\n');
		expect(toCsv([], { columns: ['a', 'b'] })).toBe('a,b\r\n');
		expect(toCsv([{ a: 1 }], { header: false })).toBe('1\r\n');
	});

	it('takes the columns from the rows in order of first appearance when none are given', () => {
		expect(toCsv([{ a: 1 }, { b: 2, a: 3 }])).toBe('a,b\r\n1,\r\n3,2\r\n');
	});

	it('reads back, field for field, with an independent RFC 4180 parser', () => {
		const rows = [
			{ name: 'Acme, "Ltd"', note: 'two\r\nlines', formula: '=1+1', amount: -1234.56, empty: null, accent: 'María González' },
			{ name: 'Plain', note: 'x\ny', formula: '@cmd', amount: 0, empty: undefined, accent: 'Ñandú' },
		];
		const parsed = parseCsv(toCsv(rows));
		expect(parsed).toEqual([
			['name', 'note', 'formula', 'amount', 'empty', 'accent'],
			['Acme, "Ltd"', 'two\r\nlines', "'=1+1", '-1234.56', '', 'María González'],
			['Plain', 'x\ny', "'@cmd", '0', '', 'Ñandú'],
		]);
	});

	it('covers every kind of cell: false, big integers, invalid dates, infinities, lists, a lone CR', () => {
		expect(cellText(false)).toBe('false');
		expect(cellText(BigInt('12345678901234567890'))).toBe('12345678901234567890');
		expect(cellText(new Date(Number.NaN))).toBe('');
		expect(cellText(Infinity)).toBe('');
		expect(cellText(-1e21)).toBe('-1000000000000000000000');
		expect(cellText(['-1', 2])).toBe('["-1",2]');
		expect(cellText('\r=1')).toBe("'\r=1");
		expect(cellText('x-1')).toBe('x-1');
		expect(quoteField('a\rb')).toBe('"a\rb"');
		expect(quoteField("it's")).toBe("it's");
	});

	it('applies the formula guard to headers and cells, unless it is turned off', () => {
		const rows = [{ '=total': '-5', name: '@Ana' }];
		expect(toCsv(rows)).toBe("'=total,name\r\n'-5,'@Ana\r\n");
		expect(toCsv(rows, { formulaGuard: false })).toBe('=total,name\r\n-5,@Ana\r\n');
		expect(toCsv(rows, { formulaGuard: true, header: true })).toBe(toCsv(rows));
	});
});
