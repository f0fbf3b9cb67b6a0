import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { asNodeError, isOutcomeUnknown } from '../transport/errors';
import { configureTransport } from '../transport/settings';
import * as approval from './approval';
import * as budget from './budget';
import * as customer from './customer';
import * as product from './product';
import * as productVariant from './productVariant';
import * as report from './report';
import { answerFor } from './toolOutput';
import type { OperationModule } from './types';
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

/** The request options every operation shares (timeouts, how long to wait out a rate limit). */
function applyRequestOptions(ctx: IExecuteFunctions): void {
	const options = ctx.getNodeParameter('requestOptions', 0, {}) as IDataObject;
	configureTransport(ctx, {
		...(typeof options.timeout === 'number' ? { timeoutMs: options.timeout } : {}),
		...(typeof options.maxRateLimitWait === 'number' ? { maxRateLimitWaitMs: options.maxRateLimitWait * 1000 } : {}),
		...(typeof options.maxRetries === 'number' ? { maxRetries: options.maxRetries } : {}),
	});
}

function errorJson(error: Error): IDataObject {
	const json: IDataObject = { error: error.message };
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.description) json.description = error.description;
	}
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	if (isOutcomeUnknown(error)) json.outcome = 'unknown';
	return json;
}

/**
 * resource/operation → operation.execute per item; pairedItem, continueOnFail and the compact answer of
 * a tool run (./toolOutput.ts) in one place.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = operationModule(this, resource, operation);
	applyRequestOptions(this);

	if (module.executeBatch) {
		return [answerFor(this, resource, operation, await module.executeBatch.call(this))];
	}

	const returnData: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const output = await module.execute!.call(this, i);
			returnData.push(
				...this.helpers.constructExecutionMetaData(output, { itemData: { item: i } }),
			);
		} catch (error) {
			if (this.continueOnFail()) {
				returnData.push({ json: errorJson(error as Error), pairedItem: { item: i } });
				continue;
			}
			throw asNodeError(this.getNode(), error, i);
		}
	}
	return [answerFor(this, resource, operation, returnData)];
}
