import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class BillogetApi implements ICredentialType {
	name = 'billogetApi';

	displayName = 'Billoget API';

	icon: Icon = { light: 'file:../icons/billoget.svg', dark: 'file:../icons/billoget.dark.svg' };

	documentationUrl = 'https://github.com/billoget/n8n-nodes-billoget#credentials-and-scopes';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'bk_live_…',
			description:
				'The key from Billoget → Settings → API Keys. It starts with bk_live_ or bk_test_. Give it the read scopes of the resources you use (READ_CUSTOMERS is enough for the connection test) and the write scopes of the operations that change data.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: 'https://api.billoget.com/v1',
			description:
				'Billoget API root, ending in /v1. Change it only for a Billoget sandbox or a self-hosted gateway.',
		},
		{
			displayName: 'Webhook Signing Secret',
			name: 'webhookSigningSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only for the Billoget Trigger in Manual registration mode: the secret Billoget signs webhook deliveries with for this API key. Automatic mode receives its own secret per subscription and ignores this field.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	// No declarative `test` here: the nodes name `billogetApiTest` (methods/credentialTest.ts) with
	// `testedBy`, which refuses a key or Base URL of the wrong form without a request and turns network
	// failures (ENOTFOUND, ECONNREFUSED) into what to change; a declarative test can do neither.
}
