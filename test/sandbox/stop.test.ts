import { sleep } from 'n8n-workflow';
import { startReceiver } from '../../sandbox/testReceiver';
import { activeResourceCounts } from '../../sandbox/testUtils';
import { call, startSandbox } from './helpers';

// Alone in its file so that the baseline is not disturbed by other suites' servers and sockets.
const WATCHED = ['TCPServerWrap', 'TCPSocketWrap', 'Timeout'];
const watched = () => {
	const counts = activeResourceCounts();
	return Object.fromEntries(WATCHED.map((k) => [k, counts[k] ?? 0]));
};

describe('sandbox · stop()', () => {
	it('closes the server, hung sockets and pending retries, leaving no open handles', async () => {
		const before = watched();
		const receiver = await startReceiver({ failFirst: 1000 });
		const sb = await startSandbox({ deliveryBaseDelayMs: 100 });

		// A pending retry timer...
		await call(sb, 'POST', '/api/public/webhooks', { body: { url: receiver.url, events: ['*'] } });
		await call(sb, 'POST', '/api/public/customers', { body: { firstName: 'A', lastName: 'B' } });
		await sb.waitForDeliveries((d) => d.some((x) => x.nextRetryInMs === 100));
		// ...a hung request...
		sb.configure({ faults: { hangRate: 1 } });
		const hung = call(sb, 'GET', '/api/public/products').then(
			() => 'answered',
			() => 'closed',
		);
		await sleep(50);
		// ...and a waiter that will never be satisfied.
		const waiting = sb
			.waitForDeliveries(() => false, 60_000)
			.then(
				() => 'resolved',
				(e: Error) => e.message,
			);

		await sb.stop();
		await sb.stop(); // idempotent
		const received = receiver.requests.length;
		await sleep(300); // the retry was due after 100 ms: it must not come
		expect(receiver.requests.length).toBe(received);
		await receiver.close();

		expect(await hung).toBe('closed');
		expect(await waiting).toContain('stopped');
		await expect(fetch(`${sb.url}/__sandbox/health`)).rejects.toThrow();

		// Sockets close asynchronously on the client side: give them a moment.
		let after = watched();
		for (
			let i = 0;
			i < 40 &&
			after.TCPSocketWrap + after.TCPServerWrap > before.TCPSocketWrap + before.TCPServerWrap;
			i++
		) {
			await sleep(25);
			after = watched();
		}
		// At most as many as before: a socket of an earlier suite in the same worker (a keep-alive
		// connection) may close meanwhile, but the sandbox must not leave one of its own.
		expect(after.TCPServerWrap).toBeLessThanOrEqual(before.TCPServerWrap);
		expect(after.TCPSocketWrap).toBeLessThanOrEqual(before.TCPSocketWrap);
		// jest's own timers come and go; the sandbox must not add any.
		expect(after.Timeout).toBeLessThanOrEqual(before.Timeout);
	});
});
