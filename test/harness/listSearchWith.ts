/**
 * A list search that reads other fields of the node (e.g. the Variant list reads the chosen Product):
 * runs in n8n-core's LoadOptionsContext with the node's parameters as the editor holds them.
 */
import { LoadOptionsContext } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type { INode, INodeListSearchResult, INodeParameters } from 'n8n-workflow';

import { Billoget } from '../../nodes/Billoget/Billoget.node';
import { BILLOGET_TYPE, additionalDataFor, nodeTypes } from './engine';
import type { BillogetCredentials } from './engine';
import { assertNoSecrets, registerSecret } from './secrets';

export async function searchListWith(
	method: keyof Billoget['methods']['listSearch'],
	credentials: BillogetCredentials,
	parameters: INodeParameters,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const node: INode = {
		id: 'billoget',
		name: 'Billoget',
		type: BILLOGET_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { billogetApi: { id: '1', name: 'Billoget test' } },
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: nodeTypes() });
	registerSecret(credentials.apiKey);
	// The editor hands the node's current parameters to the search (getCurrentNodeParameter reads them).
	const additionalData = { ...additionalDataFor(credentials), currentNodeParameters: parameters };
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters');
	const result = await new Billoget().methods.listSearch[method].call(context, filter, paginationToken);
	assertNoSecrets('A list search', result);
	return result;
}
