// @ts-check
'use strict';
/**
 * The Billoget nodes in n8n's editor, in a real browser: Debian's Chromium driven by playwright-core
 * against a real n8n 2.41.1 with this package and the Billoget sandbox. Run with `node --test
 * test/browser/` (after `npm run build`). Screenshots of every step go to .state/browser/ (ignored).
 * Any console error that mentions our package, our node types or the Billoget sandbox fails the run.
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const nodeTest = require('node:test');
const { after, before } = nodeTest;
const { launchChromium, startN8nWithSandbox, SCREENSHOTS, lib } = require('./browser');

/** @type {Awaited<ReturnType<typeof startN8nWithSandbox>>} */
let env;
/** @type {Awaited<ReturnType<typeof launchChromium>>} */
let chrome;
/** @type {import('playwright-core').Page} */
let page;
/** @type {string[]} */
const ourConsoleErrors = [];
const OURS = /billoget|n8n-nodes-billoget/i;
/**
 * Not caused by our nodes: n8n's editor looks the package up on registry.npmjs.org (community node
 * details), which this offline instance cannot reach.
 */
const NOT_OURS = /registry\.npmjs\.org/;

/** @param {string} name */
async function shot(name) {
	await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

let stepNumber = 0;
/**
 * A test step that saves a screenshot when it fails.
 * @param {string} name
 * @param {() => Promise<void> | void} fn
 */
function test(name, fn) {
	const number = String(++stepNumber).padStart(2, '0');
	nodeTest.test(name, async () => {
		try {
			await fn();
		} catch (error) {
			if (page) await shot(`failed-${number}`).catch(() => {});
			throw error;
		}
	});
}

/** @param {string} testId */
const byTestId = (testId) => page.locator(`[data-test-id="${testId}"]`);

/** A workflow with just a Manual Trigger (through the public API), opened in the editor. */
async function openNewWorkflow(/** @type {string} */ name, /** @type {any[]} */ nodes = []) {
	const wf = await env.n8n.call('POST', '/api/v1/workflows', {
		name,
		nodes: [
			{ id: 'manual', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			...nodes,
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	});
	await page.goto(`${env.n8n.baseUrl}/workflow/${wf.id}`);
	await byTestId('canvas-node').first().waitFor();
	return wf.id;
}

/** Opens the nodes panel and searches. */
async function searchNodes(/** @type {string} */ text) {
	await byTestId('node-creator-plus-button').click();
	const search = page.locator('[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]').first();
	await search.waitFor();
	await search.fill(text);
}

/** Opens a node's details view by double-clicking it on the canvas. */
async function openNode(/** @type {string} */ name) {
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
	await byTestId('ndv').waitFor();
}

const CREDENTIALS = { billogetApi: { id: lib.DEMO_CREDENTIAL_ID, name: lib.DEMO_CREDENTIAL_NAME } };

before(async () => {
	fs.rmSync(SCREENSHOTS, { recursive: true, force: true });
	fs.mkdirSync(SCREENSHOTS, { recursive: true });
	env = await startN8nWithSandbox();
	chrome = await launchChromium();
	page = chrome.page;
	// Generous: on a busy machine n8n's editor can take many seconds to render a view.
	page.setDefaultTimeout(60000);
	page.setDefaultNavigationTimeout(120000);
	page.on('console', (message) => {
		if (message.type() !== 'error') return;
		const text = `${message.text()} ${message.location().url || ''}`;
		if (OURS.test(text) && !NOT_OURS.test(text)) ourConsoleErrors.push(text);
	});
	page.on('pageerror', (error) => {
		if (OURS.test(`${error.message} ${error.stack || ''}`)) ourConsoleErrors.push(error.message);
	});
});

after(async () => {
	if (chrome) await chrome.stop();
	if (env) await env.stop();
});

test('logs in as the owner', async () => {
	await page.goto(`${env.n8n.baseUrl}/signin`);
	await page.locator('input[name="emailOrLdapLoginId"]').fill(lib.DEMO_OWNER.email);
	await page.locator('input[name="password"]').fill(lib.DEMO_OWNER.password);
	await byTestId('form-submit-button').click();
	await page.waitForURL(/\/home\//);
	await shot('01-logged-in');
});

test('each example workflow shows its Billoget nodes with the Billoget icon', async () => {
	for (const id of env.exampleIds) {
		await page.goto(`${env.n8n.baseUrl}/workflow/${id}`);
		const ours = page.locator('[data-test-id="canvas-node"][data-node-type^="n8n-nodes-billoget."]');
		await ours.first().waitFor();
		const count = await ours.count();
		assert.ok(count > 0, `${id}: no Billoget node on the canvas`);
		for (let i = 0; i < count; i++) {
			const icon = ours.nth(i).locator('img').first();
			await icon.waitFor();
			// The image has loaded and has a size (tsc here has no DOM types: read it loosely).
			const loaded = await icon.evaluate((/** @type {any} */ img) => img.complete && img.naturalWidth > 0);
			const src = await icon.getAttribute('src');
			assert.ok(loaded, `${id}: icon of node ${i} did not load (${src})`);
			assert.match(String(src), /billoget/i);
		}
		// Subtitles are readable labels, not raw values such as "upsert: customer".
		const subtitles = await ours.locator('[data-test-id="canvas-node-subtitle"], [class*="subtitle"]').allInnerTexts();
		for (const subtitle of subtitles) assert.doesNotMatch(subtitle, /^[a-z]+[A-Z]?[a-z]*: [a-z]+$|^[a-z]+\.[a-z]+/, `raw subtitle "${subtitle}"`);
		if (id === 'exBudgetApprovedAlert') {
			const trigger = page.locator('[data-test-id="canvas-node"][data-node-type="n8n-nodes-billoget.billogetTrigger"]');
			assert.match(await trigger.innerText(), /Budget Approved/);
		}
		if (id === 'exCrmCustomerSync') assert.match(await ours.first().innerText(), /Create or Update: Customer/);
		await shot(`02-example-${id}`);
	}
});

test('the nodes panel lists Billoget with its webhook events and a Billoget Poll entry with its events', async () => {
	await openNewWorkflow('Browser: nodes panel');
	await searchNodes('Billoget');
	const names = page.locator('[data-test-id="node-creator-item-name"]');
	await names.filter({ hasText: 'Billoget Poll' }).first().waitFor();
	const listed = (await names.allInnerTexts()).map((name) => name.trim());
	assert.ok(listed.includes('Billoget'), `panel lists ${listed.join(', ')}`);
	const poll = byTestId('item-iterator-item').filter({ has: names.filter({ hasText: 'Billoget Poll' }) });
	assert.match(await poll.innerText(), /by polling/);
	await shot('03-nodes-panel-search');
	await poll.click();
	// The polling entry lists its events as triggers.
	for (const event of ['Budget Approved', 'Customer Updated', 'Product Price Changed']) {
		await byTestId('item-iterator-item').filter({ hasText: new RegExp(event, 'i') }).first().waitFor();
	}
	await shot('04-nodes-panel-poll-events');
	await page.keyboard.press('Escape');
});

test('Budget › Create: picks a customer and a product from the lists, executes, and shows the totals', async () => {
	await openNewWorkflow('Browser: budget create');
	await searchNodes('Billoget');
	await byTestId('item-iterator-item')
		.filter({ has: page.locator('[data-test-id="node-creator-item-name"]', { hasText: /^Billoget$/ }) })
		.first()
		.click();
	// One label per action: the approval counts and the report are told apart.
	const actions = await byTestId('item-iterator-item').allInnerTexts();
	assert.equal(actions.filter((a) => /^Get approval statistics$/i.test(a.trim())).length, 0);
	assert.ok(actions.some((a) => /Count approval requests by status/.test(a)));
	await shot('05-nodes-panel-billoget-actions');
	await byTestId('item-iterator-item').filter({ hasText: 'Create a budget' }).first().click();
	await byTestId('ndv').waitFor();

	await page.locator('[data-test-id="resource-locator-customerId"] [data-test-id="rlc-input"]').click();
	const customer = byTestId('rlc-item').first();
	await customer.waitFor();
	const customerName = (await customer.innerText()).trim();
	await customer.click();
	await page.locator('[data-test-id="parameter-input-sellerId"] input').fill('1');
	for (const [field, date] of [['issueDate', '2026-12-01 00:00:00'], ['expirationDate', '2026-12-31 00:00:00']]) {
		const input = page.locator(`[data-test-id="parameter-input-${field}"] input`);
		await input.click();
		await input.fill(date);
		await input.press('Enter');
	}
	await byTestId('fixed-collection-add').click();
	await page.locator('[data-test-id="resource-locator-productId"] [data-test-id="rlc-input"]').click();
	const product = byTestId('rlc-item').first();
	await product.waitFor();
	const productLabel = (await product.innerText()).trim();
	// The product picker shows the price an empty Unit Price takes, formatted.
	assert.match(productLabel, / · \d{1,3}(,\d{3})*\.\d{2}$/, `product label "${productLabel}"`);
	await shot('06-product-picker');
	await product.click();
	await byTestId('node-execute-button').first().click();
	const output = byTestId('output-panel');
	await output.locator('[data-test-id="radio-button-json"]').click();
	await output.getByText('"total"', { exact: false }).first().waitFor();
	const text = await output.innerText();
	/** @param {string} field */
	const amount = (field) => Number((new RegExp(`"${field}":\\s*(-?[\\d.]+)`).exec(text) || [])[1]);
	const [subtotal, iva, total] = [amount('subtotal'), amount('iva'), amount('total')];
	assert.ok(subtotal > 0, `subtotal in ${text.slice(0, 400)}`);
	// 21% IVA on the product's price, to the cent.
	assert.equal(Math.round(iva * 100), Math.round(subtotal * 21));
	assert.equal(Math.round(total * 100), Math.round(subtotal * 100) + Math.round(iva * 100));
	assert.match(text, new RegExp(customerName.split(' (')[0].split(' ')[0]), 'output names the customer');
	await shot('07-budget-create-output');
	await byTestId('ndv-close-button').click();
	// Readable canvas subtitle.
	const node = page.locator('[data-test-id="canvas-node"][data-node-type="n8n-nodes-billoget.billoget"]').first();
	assert.match(await node.innerText(), /Create: Budget/);
});

test('the credential Test says what to change: good key, wrong key, Base URL without /v1, key without bk_, unreachable host', async () => {
	await openNewWorkflow('Browser: credential');
	await searchNodes('Billoget');
	await byTestId('item-iterator-item')
		.filter({ has: page.locator('[data-test-id="node-creator-item-name"]', { hasText: /^Billoget$/ }) })
		.first()
		.click();
	await byTestId('item-iterator-item').filter({ hasText: 'Get many customers' }).first().click();
	await byTestId('ndv').waitFor();

	/**
	 * A new credential from the node: fill, save (n8n tests it on save), read the answer. n8n closes the
	 * dialog itself when the test passes; otherwise it stays open with the message and is closed here.
	 */
	const createCredential = async (/** @type {string} */ apiKey, /** @type {string} */ baseUrl, /** @type {RegExp} */ expected, /** @type {string} */ name) => {
		await byTestId('node-credentials-select').click();
		await byTestId('node-credentials-select-item-new').click();
		// One credential dialog is open at a time; its fields are the only apiKey / baseUrl inputs.
		await page.locator('[data-test-id="parameter-input-apiKey"] input').fill(apiKey);
		await page.locator('[data-test-id="parameter-input-baseUrl"] input').fill(baseUrl);
		await page.keyboard.press('Tab');
		const tested = page.getByText(/Connection tested successfully|Credential successfully created|Couldn.t connect with these settings/).first();
		// A click that lands while the form re-renders after the last input is lost: click again.
		for (let attempt = 1; ; attempt++) {
			await byTestId('credential-save-button').click();
			try {
				await tested.waitFor({ state: 'attached', timeout: attempt === 1 ? 30000 : 60000 });
				break;
			} catch (error) {
				if (attempt === 2) throw error;
			}
		}
		const outcome = String(await tested.textContent({ timeout: 2000 }).catch(() => ''));
		const shown = () =>
			page.getByText(expected).first().waitFor({ state: 'attached', timeout: 3000 }).then(() => true, () => false);
		if (!expected.test(outcome) && !(await shown())) {
			// n8n shows a failed test's message under "More details"; the whole message must match.
			const details = page.getByText('More details').first();
			await details.click();
			await page.getByText(expected).first().waitFor({ state: 'attached' });
		}
		await shot(name);
		if (await byTestId('credential-save-button').isVisible()) {
			await page.keyboard.press('Escape');
			await byTestId('credential-save-button').waitFor({ state: 'hidden' });
		}
		// Escape may close the node's panel too: open it again for the next credential.
		if (!(await byTestId('ndv').isVisible())) await openNode('Get many customers');
	};
	await createCredential(lib.SANDBOX_DEMO_KEY, env.sandbox.baseUrl, /Connection tested successfully|Credential successfully created/i, '08-credential-good');
	await createCredential(
		`bk_test_${'0'.repeat(32)}`,
		env.sandbox.baseUrl,
		/Billoget did not accept this API key\. Copy a current key .*Settings → API Keys/,
		'09-credential-wrong-key',
	);
	await createCredential(lib.SANDBOX_DEMO_KEY, env.sandbox.origin, /No Billoget API at this Base URL\. The Base URL must end in \/v1/, '10-credential-no-v1');

	// A key of the wrong form is refused before a request: the sandbox logs none presenting it.
	const notBillogetKey = 'sk_live_0123456789abcdef';
	const logged = async () =>
		(await env.sandbox.admin('GET', '/requests')).data.filter((/** @type {{ keyPrefix: string | null }} */ r) => r.keyPrefix === notBillogetKey.slice(0, 12)).length;
	const before = await logged();
	await createCredential(
		notBillogetKey,
		env.sandbox.baseUrl,
		/The API key in the Billoget credential is not a Billoget key\. Billoget API keys start with bk_live_ or bk_test_/,
		'11-credential-not-a-billoget-key',
	);
	assert.equal(await logged(), before, 'the Test sent a request for a key without bk_');

	// Nothing listens on the port: the message names host and port instead of a bare ECONNREFUSED.
	const closed = await lib.freePort();
	await createCredential(
		lib.SANDBOX_DEMO_KEY,
		`http://127.0.0.1:${closed}/v1`,
		new RegExp(`Nothing answers at 127\\.0\\.0\\.1:${closed} \\(connection refused\\)`),
		'12-credential-unreachable',
	);
});

test('Billoget Trigger: listens for a test event and shows the sandbox delivery', async () => {
	await openNewWorkflow('Browser: trigger', [
		{
			id: 'trigger',
			name: 'Billoget Trigger',
			type: 'n8n-nodes-billoget.billogetTrigger',
			typeVersion: 1,
			position: [0, 200],
			webhookId: 'b1110ae7-0a99-4e0d-9b0d-00000000b001',
			parameters: { events: ['budget.approved'], registration: 'automatic', options: {} },
			credentials: CREDENTIALS,
		},
	]);
	await openNode('Billoget Trigger');
	const params = byTestId('node-parameters');
	await params.getByText('Listen for test event', { exact: false }).first().waitFor();
	assert.match(await params.innerText(), /approve .*a budget in Billoget|Send Test/);
	await byTestId('node-execute-button').first().click();
	await byTestId('trigger-listening').waitFor();
	await shot('11-trigger-listening');
	// Approve a pending budget in the sandbox: Billoget delivers budget.approved to the test URL.
	const pending = await env.sandbox.api('GET', '/api/public/budget-approvals/pending');
	const approvalId = pending.json.data[0].id;
	const approved = await env.sandbox.api('POST', `/api/public/budget-approvals/${approvalId}/process`, { action: 'approve' });
	assert.equal(approved.status, 200);
	const output = byTestId('output-panel');
	await output.getByText('budget.approved').first().waitFor({ timeout: 90000 });
	assert.match(await output.innerText(), /deliveryId/);
	await shot('12-trigger-delivery');
	await byTestId('ndv-close-button').click();
});

test('Billoget Poll Trigger: Fetch Test Event with a match, and with nothing matching', async () => {
	await openNewWorkflow('Browser: poll trigger', [
		{
			id: 'poll',
			name: 'Billoget Poll Trigger',
			type: 'n8n-nodes-billoget.billogetPollTrigger',
			typeVersion: 1,
			position: [0, 200],
			parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, event: 'budget.approved', options: {} },
			credentials: CREDENTIALS,
		},
	]);
	await openNode('Billoget Poll Trigger');
	await byTestId('node-execute-button').first().click();
	const output = byTestId('output-panel');
	await output.getByText('budget.approved').first().waitFor({ timeout: 90000 });
	await shot('13-poll-fetch-match');

	// Every demo budget's expiration date is in the past: "Budget Expiring Soon" finds nothing.
	await page.locator('[data-test-id="parameter-input-event"]').click();
	await page.locator('.el-select-dropdown__item, [role="option"]').filter({ hasText: 'Budget Expiring Soon' }).first().click();
	await byTestId('node-execute-button').first().click();
	await page.getByText('No data with the current filter could be found').first().waitFor({ timeout: 90000 });
	assert.match(await byTestId('ndv').innerText(), /fetch again/);
	await shot('14-poll-fetch-no-match');
	await byTestId('ndv-close-button').click();
});

test('no console error from the Billoget nodes', () => {
	assert.deepEqual(ourConsoleErrors, []);
});
