/**
 * Report aggregations, pure (no n8n context): the Report resource reads every page it needs and hands
 * the records to these functions. One file per report, plus the arithmetic (numbers.ts), the periods
 * (periods.ts) and the record readers they share (recordReaders.ts). Dates are read and placed on UTC days
 * by shared/dates.ts, money is counted in cents by shared/money.ts.
 */

export { approvalRate, average, divideRoundHalfUp, median } from './numbers';
export { isoWeek, periodKey, periodsBetween } from './periods';
export type { Period } from './periods';
export type { JsonRecord } from './recordReaders';
export * from './budgetSummary';
export * from './approvalStats';
export * from './productCatalog';
