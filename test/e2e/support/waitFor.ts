/** Polls `condition` every 200 ms until it holds; fails after `timeoutMs`, naming what it waited for. */
export async function waitFor(condition: () => boolean, timeoutMs: number, what = 'the condition'): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}
