import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Starts `processes` Node processes (lastValueWorker.js) on one store; they swap at the same moment. */
export async function raceLastValues(store: Record<string, unknown>, processes: number, keys: string[], value: string): Promise<Array<Record<string, string | null>>> {
	const startAt = Date.now() + 1_500;
	const worker = join(__dirname, 'lastValueWorker.js');
	return await Promise.all(
		Array.from({ length: processes }, async () => {
			const { stdout } = await run(process.execPath, [worker, JSON.stringify({ ...store, startAt, keys, value })], { timeout: 60_000 });
			return JSON.parse(stdout.trim().split('\n').pop() as string) as Record<string, string | null>;
		}),
	);
}
