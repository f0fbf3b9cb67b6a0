import { LoggerProxy } from 'n8n-workflow';

import { assertNoSecrets, registerSecret } from '../harness/secrets';

describe('the secret scan every engine and trigger test goes through', () => {
	it('finds a registered secret in output, nested errors and n8n log lines', () => {
		registerSecret('bk_test_scanme000000000000000000000000');
		expect(() => assertNoSecrets('output', { json: { ok: true } })).not.toThrow();
		expect(() => assertNoSecrets('output', { error: { description: 'key bk_test_scanme000000000000000000000000' } })).toThrow(
			'output contains a secret (bk_tes…)',
		);
		LoggerProxy.warn('sent with bk_test_scanme000000000000000000000000');
		expect(() => assertNoSecrets('logs')).toThrow('logs contains a secret');
		// Log lines are checked once.
		expect(() => assertNoSecrets('logs')).not.toThrow();
	});
});
