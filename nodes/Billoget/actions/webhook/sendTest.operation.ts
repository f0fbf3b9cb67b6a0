import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BillogetClient } from '../../transport/client';
import { ENDPOINTS } from '../../transport/endpoints';
import { invalid, toText } from '../parameters';
import { wrap } from '../recordOperations';
import { sampleData } from './samples';

/** The events Billoget documents (developers.billoget.com, Webhooks). */
export const WEBHOOK_EVENTS = [
	'budget.approved',
	'budget.created',
	'budget.deleted',
	'budget.expired',
	'budget.rejected',
	'budget.updated',
	'customer.created',
	'customer.deleted',
	'customer.updated',
	'product.created',
	'product.deleted',
	'product.updated',
];

const CUSTOM = '__custom';

function eventLabel(event: string): string {
	return event
		.split('.')
		.map((part) => part.charAt(0).toUpperCase() + part.slice(1))
		.join(' ');
}

const properties: INodeProperties[] = [
	{
		displayName:
			'Billoget delivers test events to every webhook subscription and webhook URL of this API key, active workflows included. Leave Data (JSON) empty to send a sample record (no ID, marked "sample": true) that such workflows can skip.',
		name: 'sendTestNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		default: 'budget.created',
		options: [
			...WEBHOOK_EVENTS.map((event) => ({ name: eventLabel(event), value: event, description: `Send a "${event}" test event` })),
			{ name: 'Custom Event', value: CUSTOM, description: 'Send an event with a name of your choice' },
		].sort((a, b) => a.name.localeCompare(b.name)),
		description: "Name of the test event Billoget sends to the API key's webhook URL and subscriptions",
	},
	{
		displayName: 'Custom Event Name',
		name: 'customEvent',
		type: 'string',
		default: '',
		placeholder: 'e.g. connection_test',
		displayOptions: { show: { event: [CUSTOM] } },
		description: 'Any event name, e.g. connection_test (letters, digits, dots, dashes and underscores)',
	},
	{
		displayName: 'Data (JSON)',
		name: 'data',
		type: 'json',
		default: '',
		placeholder: 'Empty: a sample budget, customer or product for the event',
		description:
			'The JSON object delivered as the event\'s "data", e.g. a budget with its ID, total and currency. Empty: a sample record shaped like Billoget\'s for the chosen event.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['sendTest'] } },
	properties,
);

function readData(ctx: IExecuteFunctions, itemIndex: number, event: string): IDataObject {
	let value = ctx.getNodeParameter('data', itemIndex, '') as unknown;
	if (typeof value === 'string') {
		const text = value.trim();
		if (text === '') return sampleData(event, new Date());
		try {
			value = JSON.parse(text);
		} catch {
			throw invalid(ctx, itemIndex, 'Data (JSON) is not valid JSON', 'Use a JSON object such as {"total": 1210.5}, or map an object with an expression.');
		}
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw invalid(ctx, itemIndex, 'Data (JSON) must be a JSON object', `Got ${JSON.stringify(value)?.slice(0, 80)}. Wrap it in an object, e.g. {"value": ...}.`);
	}
	return value as IDataObject;
}

/** Billoget's answer without the key prefix it echoes (`apiKey`): nothing key-like is output. */
function withoutKey(answer: IDataObject): IDataObject {
	const result: IDataObject = { ...answer };
	delete result.apiKey;
	return result;
}

export async function execute(this: IExecuteFunctions, i: number, client: BillogetClient): Promise<INodeExecutionData[]> {
	const choice = toText(this, this.getNodeParameter('event', i, '') as unknown, i, 'Event', true) as string;
	let event = choice;
	if (choice === CUSTOM) {
		event = toText(this, this.getNodeParameter('customEvent', i, '') as unknown, i, 'Custom Event Name', true) as string;
		if (!/^[A-Za-z0-9_.:-]{1,100}$/.test(event)) {
			throw invalid(
				this,
				i,
				`Custom Event Name "${event.slice(0, 60)}" is not an event name`,
				'Use letters, digits, dots, dashes and underscores only (up to 100 characters), e.g. connection_test.',
			);
		}
	} else if (!WEBHOOK_EVENTS.includes(choice)) {
		throw invalid(this, i, `Event "${choice}" is not a Billoget event`, `Use one of ${WEBHOOK_EVENTS.join(', ')}, or Custom Event.`);
	}
	const data = readData(this, i, event);
	const answer = await client.requestRecord({
		method: 'POST',
		path: `${ENDPOINTS.webhooks}/test`,
		body: { event, data },
		itemIndex: i,
	});
	return wrap(withoutKey({ event, ...answer, sample: data.sample === true }));
}
