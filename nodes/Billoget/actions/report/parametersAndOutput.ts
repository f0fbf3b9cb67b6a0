import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { toCsv } from '../../shared/csv';
import { calendarDay } from '../../shared/dates';
import type { BillogetClient } from '../../transport/client';
import { optionsCollection } from '../common.descriptions';
import { invalid, readCollection, toText } from '../parameters';

/**
 * What the three reports share: the date range, the output mode (one summary item or one item per
 * breakdown row), the CSV attachment, and counting the records and requests a report used.
 */

export interface BreakdownSpec {
	/** Parameter value, e.g. 'period'. */
	value: string;
	/** Option name, e.g. 'By Period'. */
	name: string;
	description: string;
	/** CSV columns, in order (also used when there are no rows). */
	columns: string[];
}

export function dateRangeProperties(what: string): INodeProperties[] {
	return [
		{
			displayName: 'From',
			name: 'fromDate',
			type: 'dateTime',
			required: true,
			default: '',
			description: `First day of the range, included. Only the date is used (e.g. 2026-01-01); ${what} are placed on days in UTC.`,
		},
		{
			displayName: 'To',
			name: 'toDate',
			type: 'dateTime',
			required: true,
			default: '',
			description: `Last day of the range, included: ${what} on this day count (e.g. 2026-03-31). Only the date is used.`,
		},
	];
}

export function outputProperties(report: string, breakdowns: BreakdownSpec[]): INodeProperties[] {
	const defaultBreakdown = breakdowns[0].value;
	return [
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			default: 'summary',
			options: [
				{
					name: 'Summary',
					value: 'summary',
					description: 'One item with every figure of the report (and the breakdown as a CSV file, if chosen)',
				},
				{
					name: 'Breakdown Rows',
					value: 'rows',
					description: 'One item per row of the chosen breakdown, ready for a spreadsheet; no item when the breakdown is empty',
				},
			],
			description: 'Whether to output the whole report as one item or the chosen breakdown as one item per row',
		},
		{
			displayName: 'Breakdown',
			name: 'breakdown',
			type: 'options',
			default: defaultBreakdown,
			options: breakdowns.map(({ name, value, description }) => ({ name, value, description })),
			description: 'Which table of the report to output as rows or to write into the CSV file',
		},
		{
			displayName: 'Attach CSV',
			name: 'attachCsv',
			type: 'boolean',
			default: false,
			displayOptions: { show: { output: ['summary'] } },
			description: `Whether to attach the chosen breakdown to the ${report} item as a CSV file (binary data), e.g. to mail it or upload it`,
		},
		{
			displayName: 'Put CSV in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			displayOptions: { show: { output: ['summary'], attachCsv: [true] } },
			description: 'Name of the binary field to put the CSV file in',
		},
	];
}

/** A report's Options collection: the CSV file's options, then the report's own `extra` ones. */
export function reportOptions(defaultFileName: string, extra: INodeProperties[] = []): INodeProperties {
	return optionsCollection([...csvOptionProperties(defaultFileName), ...extra]);
}

/** Options every report's Options collection offers for its CSV file. */
function csvOptionProperties(defaultFileName: string): INodeProperties[] {
	return [
		{
			displayName: 'CSV File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			placeholder: `e.g. ${defaultFileName}`,
			description: `File name of the attached CSV; empty for ${defaultFileName}`,
		},
		{
			displayName: 'CSV Byte Order Mark',
			name: 'byteOrderMark',
			type: 'boolean',
			default: true,
			description:
				'Whether to start the CSV file with a UTF-8 byte order mark, so that Excel shows accented letters (e.g. in customer names) correctly',
		},
	];
}

/**
 * Luxon DateTime, Date or ISO text (YYYY-MM-DD, a time after it is ignored) → the calendar day
 * 'YYYY-MM-DD'. Other text and numbers are not taken as dates: "Mar 7" would otherwise become 2001-03-07.
 */
function dayText(raw: unknown): string | undefined {
	if (typeof raw === 'object' && raw !== null && typeof (raw as { toISO?: unknown }).toISO === 'function') {
		return calendarDay((raw as { toISO: () => string }).toISO());
	}
	if (raw instanceof Date) return calendarDay(raw);
	if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}(?:$|[T ])/.test(raw.trim())) return undefined;
	return calendarDay(raw);
}

export function readDay(ctx: IExecuteFunctions, name: string, i: number, label: string): string {
	const raw = ctx.getNodeParameter(name, i, '') as unknown;
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
		throw invalid(ctx, i, `${label} is required`, `Fill in ${label} with a date such as 2026-01-31.`);
	}
	const day = dayText(raw);
	if (day === undefined) {
		throw invalid(
			ctx,
			i,
			`${label} ${typeof raw === 'string' ? `"${raw}"` : JSON.stringify(raw)} is not a date`,
			'Use an ISO date such as 2026-01-31 (a time, if given, is ignored).',
		);
	}
	return day;
}

export function readDayRange(ctx: IExecuteFunctions, i: number): { fromDay: string; toDay: string } {
	const fromDay = readDay(ctx, 'fromDate', i, 'From');
	const toDay = readDay(ctx, 'toDate', i, 'To');
	if (fromDay > toDay) {
		throw invalid(
			ctx,
			i,
			`From (${fromDay}) is after To (${toDay})`,
			'Swap the dates: From is the first day of the range and To the last one (both included).',
		);
	}
	return { fromDay, toDay };
}

/** Counts the requests a report sends (retries included) from here on. */
export function requestCounter(client: BillogetClient): () => number {
	const before = client.rate.requests;
	return () => client.rate.requests - before;
}

export interface ReportOutput {
	/** The report's file-name stem, e.g. 'billoget-budget-summary-2026-01-01-2026-03-31'. */
	fileStem: string;
	summary: IDataObject;
	/** Rows of each breakdown, by breakdown value. */
	breakdowns: Record<string, IDataObject[]>;
	recordsRead: number;
	requestsUsed: number;
}

/** How item i wants its report: one summary item or one item per row, which breakdown, and the CSV field. */
export interface ReportShape {
	output: 'summary' | 'rows';
	spec: BreakdownSpec;
	/** The binary field of the attached CSV; undefined when no CSV is attached. */
	csvProperty?: string;
}

/** Output, Breakdown and Put CSV in Field of item i, checked before the report sends any request. */
export function readReportShape(ctx: IExecuteFunctions, i: number, specs: BreakdownSpec[]): ReportShape {
	const breakdown = ctx.getNodeParameter('breakdown', i, specs[0].value) as unknown;
	const spec = specs.find((candidate) => candidate.value === breakdown);
	if (!spec) {
		throw invalid(
			ctx,
			i,
			`Breakdown "${String(breakdown)}" is not one of this report's breakdowns`,
			`Choose one of: ${specs.map((candidate) => candidate.value).join(', ')}.`,
		);
	}
	const output = ctx.getNodeParameter('output', i, 'summary') as unknown;
	if (output === 'rows') return { output, spec };
	if (output !== 'summary') {
		throw invalid(ctx, i, `Output "${String(output)}" is not supported`, 'Choose Summary or Breakdown Rows.');
	}
	if (!(ctx.getNodeParameter('attachCsv', i, false) as boolean)) return { output, spec };
	const csvProperty = toText(ctx, ctx.getNodeParameter('binaryPropertyName', i, 'data') as unknown, i, 'Put CSV in Field', false);
	if (csvProperty === undefined) {
		throw invalid(ctx, i, 'Put CSV in Field is empty', 'Enter the name of the binary field for the CSV file, e.g. data.');
	}
	return { output, spec, csvProperty };
}

/**
 * Shapes a report as the user chose (see readReportShape): one summary item (optionally with the
 * chosen breakdown as a CSV file), or one item per breakdown row. Both say how many records and
 * requests were used.
 */
export async function reportItems(
	ctx: IExecuteFunctions,
	i: number,
	shape: ReportShape,
	report: ReportOutput,
): Promise<INodeExecutionData[]> {
	const { spec, csvProperty } = shape;
	const rows = report.breakdowns[spec.value] ?? [];
	const usage = { recordsRead: report.recordsRead, requestsUsed: report.requestsUsed };

	if (shape.output === 'rows') {
		return rows.map((row) => ({ json: { ...row, ...usage } }));
	}

	const item: INodeExecutionData = { json: { ...report.summary, ...usage } };
	if (csvProperty !== undefined) {
		const options = readCollection(ctx, 'options', i);
		const requested = typeof options.fileName === 'string' ? options.fileName.trim() : '';
		const fileName = requested || `${report.fileStem}-${spec.value}.csv`;
		const csv = toCsv(rows, { columns: spec.columns });
		const bom = options.byteOrderMark !== false ? '\ufeff' : '';
		const data = Buffer.from(`${bom}${csv}`, 'utf8');
		// An explicit file name and MIME type: n8n then skips detecting the type from the content.
		item.binary = { [csvProperty]: await ctx.helpers.prepareBinaryData(data, fileName, 'text/csv') };
		item.json.csv = { binaryProperty: csvProperty, fileName, breakdown: spec.value, rows: rows.length };
	}
	return [item];
}
