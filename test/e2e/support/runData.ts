/** Reading what `n8n execute --rawOutput` printed: the run's data per node. */
import type { ExecutionResult } from './harness';

export interface OutputItem {
	json: Record<string, any>;
	pairedItem?: { item: number } | Array<{ item: number }>;
}

interface RunJson {
	data?: { resultData?: { runData?: Record<string, Array<{ data?: { main?: OutputItem[][] }; error?: unknown }>>; error?: unknown } };
}

/** The items a node put on its first output (its last run). Fails loudly with n8n's own output. */
export function nodeItems(result: ExecutionResult, nodeName: string): OutputItem[] {
	const runs = (result.data as RunJson | undefined)?.data?.resultData?.runData?.[nodeName];
	const items = runs?.[runs.length - 1]?.data?.main?.[0];
	if (!items) throw new Error(`node "${nodeName}" produced no output.\n${explain(result)}`);
	return items;
}

export function expectSuccess(result: ExecutionResult): void {
	if (!result.ok || !result.data) throw new Error(`the workflow failed.\n${explain(result)}`);
}

export function pairedIndex(item: OutputItem): number | undefined {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	return paired?.item;
}

export function explain(result: { code: number; stdout: string; stderr: string }): string {
	const tail = (text: string) => text.split('\n').slice(-40).join('\n');
	return `exit ${result.code}\n--- stdout ---\n${tail(result.stdout)}\n--- stderr ---\n${tail(result.stderr)}`;
}
