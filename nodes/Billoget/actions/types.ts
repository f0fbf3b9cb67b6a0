import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** One operation file: its fields, and either a per-item or an all-items execute. */
export interface OperationModule {
	description: INodeProperties[];
	/** Runs for item i; the router adds pairedItem and handles continueOnFail. */
	execute?: (this: IExecuteFunctions, itemIndex: number) => Promise<INodeExecutionData[]>;
	/** Runs once for all items (bulk operations); must return one output per input item, paired. */
	executeBatch?: (this: IExecuteFunctions) => Promise<INodeExecutionData[]>;
}

export type ResourceModule = Record<string, OperationModule | INodeProperties[]>;
