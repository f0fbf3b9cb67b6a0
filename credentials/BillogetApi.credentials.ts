import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
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
				'Billoget API root, ending in /v1. Change it only for a Billoget sandbox or a self-hosted gateway. If the Test answers ENOTFOUND, ECONNREFUSED or ETIMEDOUT, n8n cannot reach this host: check the address and n8n’s network or proxy.',
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

	// Needs only READ_CUSTOMERS and costs one request. The rules turn Billoget's answers into what to
	// change. n8n 2.41 sends the test request whatever the key looks like (an expression cannot stop
	// it) and shows a network failure's code as it is (ENOTFOUND, ECONNREFUSED); the API Key and Base URL
	// descriptions say what those mean. The nodes themselves refuse a key without bk_ before any request.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.trim().replace(/\\/+$/, "")}}',
			url: '/api/public/customers',
			qs: { page: 1, limit: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Billoget did not accept this API key. Copy a current key (it starts with bk_live_ or bk_test_) from Billoget → Settings → API Keys, and check that the Base URL is the Billoget environment the key belongs to.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						"Billoget refused the key: it lacks the READ_CUSTOMERS scope (the Test lists one customer), or this n8n's IP is not in the key's Allowed IPs. Edit the key in Billoget → Settings → API Keys.",
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No Billoget API at this Base URL. The Base URL must end in /v1, e.g. https://api.billoget.com/v1.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 429,
					message: "The key's hourly request limit is used up. The key itself was accepted; test again after the reset.",
				},
			},
		],
	};
}
