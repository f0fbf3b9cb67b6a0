import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { BillogetClient } from '../transport/client';

/**
 * What one input item came to: its output items, or the error that stopped it. `notProcessed` marks an
 * item a batch did not attempt after it stopped (the error is then the reason it stopped).
 */
export type ItemOutcome =
	| { item: number; output: INodeExecutionData[] }
	| { item: number; error: Error; notProcessed?: boolean };

/** One operation file: its fields, and either a per-item or an all-items execute. */
export interface OperationModule {
	description: INodeProperties[];
	/** Runs for item i; the router adds pairedItem and handles continueOnFail. */
	execute?: (this: IExecuteFunctions, itemIndex: number, client: BillogetClient) => Promise<INodeExecutionData[]>;
	/**
	 * Runs once for all items (bulk operations): one outcome per input item, which the router turns into
	 * output or errors exactly as for per-item operations.
	 */
	executeBatch?: (this: IExecuteFunctions, client: BillogetClient) => Promise<ItemOutcome[]>;
}

export type ResourceModule = Record<string, OperationModule | INodeProperties[]>;
