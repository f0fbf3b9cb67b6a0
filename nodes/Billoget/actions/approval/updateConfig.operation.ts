import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { asNodeError } from '../../transport/errors';
import { invalid, readCollection, toNumber } from '../parameters';
import { wrap } from '../recordOperations';
import { CONFIG_PATH, REQUIRED_SETTINGS, sameSettings, toBoolean } from './workflow';

const properties: INodeProperties[] = [
	{
		displayName: 'Settings',
		name: 'settings',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		description:
			'The settings to change. Billoget needs all three approval switches in every update: the ones not given here are kept as they are (read from Billoget first).',
		options: [
			{
				displayName: 'Admin Can Approve',
				name: 'adminCanApprove',
				type: 'boolean',
				default: true,
				description: 'Whether administrators of the business may approve budgets',
			},
			{
				displayName: 'Approval Threshold',
				name: 'approvalThreshold',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 0,
				description: 'Budgets with a total above this amount need approval',
			},
			{
				displayName: 'Is Active',
				name: 'isActive',
				type: 'boolean',
				default: true,
				description: 'Whether the approval workflow is switched on',
			},
			{
				displayName: 'Owner Can Approve',
				name: 'ownerCanApprove',
				type: 'boolean',
				default: true,
				description: 'Whether the owner of the business may approve budgets',
			},
			{
				displayName: 'Requires Budget Approval',
				name: 'requiresBudgetApproval',
				type: 'boolean',
				default: true,
				description: 'Whether budgets must be approved internally before they are sent',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['approval'], operation: ['updateConfig'] } },
	properties,
);

/** The settings of item i, checked before any request. */
function readSettings(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const given = readCollection(ctx, 'settings', itemIndex);
	const settings: IDataObject = {};
	for (const { name, label } of [...REQUIRED_SETTINGS, { name: 'isActive', label: 'Is Active' }]) {
		const value = toBoolean(ctx, given[name], itemIndex, label);
		if (value !== undefined) settings[name] = value;
	}
	const threshold = toNumber(ctx, given.approvalThreshold, itemIndex, 'Approval Threshold', { min: 0 });
	if (threshold !== undefined) settings.approvalThreshold = threshold;
	if (Object.keys(settings).length === 0) {
		throw invalid(ctx, itemIndex, 'No settings to update', 'Add at least one setting under Settings.');
	}
	return settings;
}

/** The current configuration, or undefined when the business has none yet (404). */
async function currentConfig(ctx: IExecuteFunctions, client: BillogetClient, itemIndex: number): Promise<IDataObject | undefined> {
	try {
		return await client.requestRecord({ method: 'GET', path: CONFIG_PATH, itemIndex });
	} catch (error) {
		if (error instanceof NodeApiError && String(error.httpCode) === '404') return undefined;
		throw asNodeError(ctx.getNode(), error, itemIndex);
	}
}

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const settings = readSettings(this, i);
	const missing = REQUIRED_SETTINGS.filter(({ name }) => settings[name] === undefined);
	let body = settings;
	if (missing.length > 0) {
		// POST /config replaces the configuration: the switches not given keep their current values.
		const current = await currentConfig(this, client, i);
		if (current === undefined) {
			throw invalid(
				this,
				i,
				`${missing.map(({ label }) => label).join(', ')} must be set: the business has no approval configuration yet`,
				'Add all three switches (Requires Budget Approval, Owner Can Approve, Admin Can Approve) under Settings to create it.',
			);
		}
		const kept: IDataObject = {};
		for (const { name } of missing) kept[name] = current[name] === true;
		body = { ...kept, ...settings };
	}
	const config = await client.requestRecord({
		method: 'POST',
		path: CONFIG_PATH,
		body,
		itemIndex: i,
		// After a lost answer: applied when Billoget now holds exactly these settings.
		findCreated: async () => {
			const held = await currentConfig(this, client, i);
			return held !== undefined && sameSettings(body, held) ? held : undefined;
		},
	});
	return wrap(config);
}
