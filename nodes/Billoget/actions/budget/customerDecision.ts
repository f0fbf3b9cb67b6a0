import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { wrap } from '../recordOperations';
import { PUBLIC_VIEW_PATH, budgetOutput, readToken, simplifyOutputOption, tokenField } from './fields';
import { normaliseBudget } from '../../shared/budget';
import { optionsCollection } from '../common.descriptions';

/** Confirm and Reject: the customer's decision on a budget, through its public token. */
export function decisionProperties(verb: 'confirm' | 'reject'): INodeProperties[] {
	return [
		tokenField(
			verb === 'confirm'
				? 'The public token of the budget to confirm on behalf of the customer (its state becomes 1, approved)'
				: 'The public token of the budget to reject on behalf of the customer (its state becomes 2, rejected)',
		),
		optionsCollection([simplifyOutputOption()]),
	];
}

export async function decide(
	ctx: IExecuteFunctions,
	client: BillogetClient,
	itemIndex: number,
	verb: 'confirm' | 'reject',
): Promise<INodeExecutionData[]> {
	const token = readToken(ctx, itemIndex);
	const target = verb === 'confirm' ? 1 : 2;
	const answer = await client.requestRecord({
		method: 'POST',
		path: `${PUBLIC_VIEW_PATH}/${token}/${verb}`,
		itemIndex,
		notFoundMessage: `No budget with public token "${token}" exists in Billoget`,
		// When the answer is lost: the decision was applied if the budget now has the target state.
		findCreated: async () => {
			const budget = await client.requestRecord({
				method: 'GET',
				path: `${PUBLIC_VIEW_PATH}/${token}`,
				itemIndex,
			});
			return normaliseBudget(budget).state === target
				? { message: `Budget ${verb === 'confirm' ? 'confirmed' : 'rejected'}`, budget }
				: undefined;
		},
	});
	const budget = typeof answer.budget === 'object' && answer.budget !== null ? (answer.budget as IDataObject) : undefined;
	const extra: IDataObject = { message: answer.message ?? null };
	if (answer.paymentUrl !== undefined) extra.paymentUrl = answer.paymentUrl;
	const output = budget
		? { ...budgetOutput(ctx, itemIndex, { publicToken: token, ...budget }), ...extra }
		: { publicToken: token, ...extra };
	return wrap(output);
}
