import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface RaceResult {
	tracked: number;
	changes: string[];
}

/**
 * Starts `processes` separate Node processes on one store: each tracks `ownPerProcess` messages
 * of its own and all race to record 'sent' then 'delivered' for the same `shared` ids.
 */
export async function raceProcesses(
	node: string,
	store: Record<string, unknown>,
	options: { processes: number; ownPerProcess: number; shared: string[]; now: Date },
): Promise<RaceResult[]> {
	const startAt = Date.now() + 1_500;
	const worker = join(__dirname, 'trackingWorker.js');
	return await Promise.all(
		Array.from({ length: options.processes }, async (_, index) => {
			const spec = {
				...store,
				worker: index,
				startAt,
				now: options.now.toISOString(),
				sentAt: new Date(options.now.getTime() - 60_000).toISOString(),
				own: Array.from({ length: options.ownPerProcess }, (_, i) => `p${index}-${i}`),
				race: index % 2 === 0 ? options.shared : [...options.shared].reverse(),
			};
			const { stdout } = await run(node, [worker, JSON.stringify(spec)], { timeout: 60_000 });
			return JSON.parse(stdout.trim().split('\n').pop() as string) as RaceResult;
		}),
	);
}
