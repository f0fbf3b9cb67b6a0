/**
 * The credential's Test button: the nodes' `billogetApiTest` runs in n8n-core's CredentialTestContext
 * (the context n8n gives it), with n8n's own request helper, against the sandbox.
 */
import { CredentialTestContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, ICredentialTestFunctions } from 'n8n-workflow';

import { Billoget } from '../../nodes/Billoget/Billoget.node';
import { BillogetPollTrigger } from '../../nodes/Billoget/BillogetPollTrigger.node';
import { BillogetTrigger } from '../../nodes/Billoget/BillogetTrigger.node';
import { billogetApiTest } from '../../nodes/Billoget/methods/credentialTest';
import { DEMO_KEY, DIALECTS, READ_ONLY_KEY, requestsSince, startSandbox } from '../harness/sandbox';
import type { Sandbox } from '../harness/sandbox';

async function runTest(data: ICredentialDataDecryptedObject) {
	const context = new CredentialTestContext(undefined as never) as unknown as ICredentialTestFunctions;
	return await billogetApiTest.call(context, { id: '1', name: 'Billoget', type: 'billogetApi', data });
}

/** A port on this machine where nothing listens any more: a sandbox's, once it has stopped. */
async function closedPort(): Promise<number> {
	const sb = await startSandbox({ port: 0, seed: 'empty' });
	const port = Number(new URL(sb.url).port);
	await sb.stop();
	return port;
}

describe('every node names the credential test n8n runs for the Billoget credential', () => {
	it.each([
		['Billoget', new Billoget()],
		['Billoget Trigger', new BillogetTrigger()],
		['Billoget Poll Trigger', new BillogetPollTrigger()],
	])('%s', (_name, node) => {
		expect(node.description.credentials).toEqual([{ name: 'billogetApi', required: true, testedBy: 'billogetApiTest' }]);
		expect(node.methods?.credentialTest?.billogetApiTest).toBe(billogetApiTest);
	});
});

describe.each(DIALECTS)('credential Test against the sandbox (%s dialect)', (dialect) => {
	let sb: Sandbox;

	beforeAll(async () => {
		sb = await startSandbox({ dialect, port: 0, seed: 'demo' });
	});
	afterAll(async () => {
		await sb.stop();
	});

	it('a good key and Base URL: Connection successful, with one request for one customer', async () => {
		const mark = sb.requests.length;
		expect(await runTest({ apiKey: DEMO_KEY, baseUrl: `${sb.baseUrl}/` })).toEqual({ status: 'OK', message: 'Connection successful!' });
		const sent = requestsSince(sb, mark);
		expect(sent.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /v1/api/public/customers 200']);
		expect(sent[0].query).toMatchObject({ page: '1', limit: '1' });
	});

	it('a read-only key is enough (the Test needs READ_CUSTOMERS only)', async () => {
		expect((await runTest({ apiKey: READ_ONLY_KEY, baseUrl: sb.baseUrl })).status).toBe('OK');
	});

	it('a key Billoget does not know: says to copy a current key', async () => {
		const result = await runTest({ apiKey: `bk_test_${'0'.repeat(32)}`, baseUrl: sb.baseUrl });
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^Billoget did not accept this API key\. Copy a current key/) });
	});

	it('a Base URL without /v1: says the Base URL must end in /v1', async () => {
		const result = await runTest({ apiKey: DEMO_KEY, baseUrl: sb.url });
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^No Billoget API at this Base URL\. The Base URL must end in \/v1/) });
	});

	it('a key without bk_ is refused without any request', async () => {
		const mark = sb.requests.length;
		const result = await runTest({ apiKey: 'sk_live_wrong', baseUrl: sb.baseUrl });
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^The API key in the Billoget credential is not a Billoget key\. Billoget API keys start with bk_live_ or bk_test_/) });
		expect(requestsSince(sb, mark)).toEqual([]);
	});

	it('a Base URL that is not a URL is refused without any request', async () => {
		const mark = sb.requests.length;
		const result = await runTest({ apiKey: DEMO_KEY, baseUrl: sb.baseUrl.replace(/^http:\/\//, '') });
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/^The Base URL in the Billoget credential is not a URL/) });
		expect(requestsSince(sb, mark)).toEqual([]);
	});
});

describe('credential Test when the host cannot be reached', () => {
	it('nothing listening: names the host and port, not a bare ECONNREFUSED', async () => {
		const port = await closedPort();
		const result = await runTest({ apiKey: DEMO_KEY, baseUrl: `http://127.0.0.1:${port}/v1` });
		expect(result).toEqual({ status: 'Error', message: `Nothing answers at 127.0.0.1:${port} (connection refused). Check the Base URL's host and port, and that the Billoget API (or sandbox) is running there.` });
	});

	it('a host name that does not resolve: says n8n cannot find the host', async () => {
		const result = await runTest({ apiKey: DEMO_KEY, baseUrl: 'http://billoget-api.invalid/v1' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^n8n cannot find the host billoget-api\.invalid \((ENOTFOUND|EAI_AGAIN)\)\. Check the spelling of the Base URL/);
	});
});
