import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { createClient } from '../transport/client';
import type { BillogetClient } from '../transport/client';
import { asNodeError, isOutcomeUnknown } from '../transport/errors';
import type { TransportSettings } from '../transport/settings';
import * as approval from './approval';
import * as budget from './budget';
import * as customer from './customer';
import * as product from './product';
import * as productVariant from './productVariant';
import * as report from './report';
import { answerFor } from './toolOutput';
import type { ItemOutcome, OperationModule } from './types';
import * as webhook from './webhook';

const resources: Record<string, Record<string, unknown>> = {
	approval,
	budget,
	customer,
	product,
	productVariant,
	report,
	webhook,
};

function operationModule(ctx: IExecuteFunctions, resource: string, operation: string): OperationModule {
	const candidate = resources[resource]?.[operation] as OperationModule | undefined;
	if (!candidate || (!candidate.execute && !candidate.executeBatch)) {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" of "${resource}" is not supported`, {
			description: 'Pick the resource and operation again in the node; the workflow may come from a newer version of this node.',
		});
	}
	return candidate;
}

/** The Request Options every operation shares (timeouts, how long to wait out a rate limit). */
function requestOptionsOf(ctx: IExecuteFunctions): Partial<TransportSettings> {
	const options = ctx.getNodeParameter('requestOptions', 0, {}) as IDataObject;
	return {
		...(typeof options.timeout === 'number' ? { timeoutMs: options.timeout } : {}),
		...(typeof options.maxRateLimitWait === 'number' ? { maxRateLimitWaitMs: options.maxRateLimitWait * 1000 } : {}),
		...(typeof options.maxRetries === 'number' ? { maxRetries: options.maxRetries } : {}),
	};
}

/** The output item of a failed item under Continue On Fail, the same for every operation. */
function errorJson(error: Error, notProcessed?: boolean): IDataObject {
	const json: IDataObject = { error: error.message };
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.description) json.description = error.description;
	}
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	if (isOutcomeUnknown(error)) json.outcome = 'unknown';
	if (notProcessed) json.action = 'notProcessed';
	return json;
}

async function outcomesOf(ctx: IExecuteFunctions, module: OperationModule, client: BillogetClient): Promise<ItemOutcome[]> {
	if (module.executeBatch) return await module.executeBatch.call(ctx, client);
	const outcomes: ItemOutcome[] = [];
	const count = ctx.getInputData().length;
	for (let i = 0; i < count; i++) {
		try {
			outcomes.push({ item: i, output: await module.execute!.call(ctx, i, client) });
		} catch (error) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx.getNode(), error, i);
			outcomes.push({ item: i, error: error as Error });
		}
	}
	return outcomes;
}

/**
 * resource/operation → the operation, with this run's client; pairedItem, Continue On Fail and the
 * compact answer of a tool run (./toolOutput.ts) in one place, for per-item and batch operations alike.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = operationModule(this, resource, operation);
	const client = createClient(this, requestOptionsOf(this));

	const returnData: INodeExecutionData[] = [];
	for (const outcome of await outcomesOf(this, module, client)) {
		if ('output' in outcome) {
			returnData.push(...this.helpers.constructExecutionMetaData(outcome.output, { itemData: { item: outcome.item } }));
			continue;
		}
		if (!this.continueOnFail()) throw asNodeError(this.getNode(), outcome.error, outcome.item);
		returnData.push({ json: errorJson(outcome.error, outcome.notProcessed), pairedItem: { item: outcome.item } });
	}
	return [answerFor(this, resource, operation, returnData)];
}
