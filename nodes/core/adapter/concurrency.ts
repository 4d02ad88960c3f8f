/** Runs fn over items with at most `limit` in flight; results keep input order. */
export async function mapWithConcurrency<T, R>(
	items: readonly T[],
	limit: number,
	fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(items.length);
	await forEachWithConcurrency(items.length, limit, async (index) => {
		results[index] = await fn(items[index], index);
	});
	return results;
}

/** Runs fn for 0…count-1 with at most `limit` in flight, keeping nothing. */
export async function forEachWithConcurrency(count: number, limit: number, fn: (index: number) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < count) await fn(next++);
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker));
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
	return chunks;
}
