import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Starts `processes` separate Node processes running stateWorker.js with one spec; their results.
 * Each process transpiles the TypeScript it loads, which takes tens of seconds on a busy 2-CPU
 * machine, hence the generous limits here and in the tests that call this.
 */
export async function runStateProcesses(processes: number, spec: Record<string, unknown>): Promise<Array<{ ok: number }>> {
	const barrier = `barrier-${process.pid}-${Date.now()}-${Math.random()}`;
	const worker = join(__dirname, 'stateWorker.js');
	return await Promise.all(
		Array.from({ length: processes }, async () => {
			const { stdout } = await run(process.execPath, [worker, JSON.stringify({ ...spec, barrier, processes })], { timeout: 180_000 });
			return JSON.parse(stdout.trim().split('\n').pop() as string) as { ok: number };
		}),
	);
}
