import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Debian's redis-server (`apt-get install -y redis-server`), if it is on PATH or in /usr/bin. */
export function findRedisServer(): string | undefined {
	const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/sbin'];
	for (const dir of dirs) {
		const candidate = join(dir, 'redis-server');
		try {
			accessSync(candidate, constants.X_OK);
			return candidate;
		} catch {
			// not here
		}
	}
	return undefined;
}

export interface RunningRedis {
	port: number;
	stop(): Promise<void>;
}

async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

/** A throwaway redis-server on a free loopback port, persisting nothing, in a temporary folder. */
export async function startRedisServer(binary: string): Promise<RunningRedis> {
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'sms-redis-'));
	const child: ChildProcess = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s:\n${output}`)), 10_000);
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes('Ready to accept connections')) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout?.on('data', onData);
		child.stderr?.on('data', onData);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`redis-server exited with ${code}:\n${output}`));
		});
	});
	child.removeAllListeners('exit');
	return {
		port,
		stop: async () => {
			if (child.exitCode === null) {
				await new Promise<void>((resolve) => {
					child.once('exit', () => resolve());
					child.kill('SIGTERM');
				});
			}
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

/**
 * The redis-server for one test file: started before its tests, stopped after. Without the binary
 * the file's tests are skipped with a loud message on a developer's machine, and fail in CI
 * (CI=true), where `.ci/run` installs it.
 */
export function redisServerForTests(): { available: boolean; readonly port: number } {
	const binary = findRedisServer();
	let running: RunningRedis | undefined;
	const subject = {
		available: binary !== undefined,
		get port(): number {
			if (!running) throw new Error('redis-server is not running');
			return running.port;
		},
	};
	if (!binary) {
		const message = 'redis-server is not installed: the Redis store tests (tracking, limits, sessions) cannot run. Install it with `apt-get install -y redis-server`.';
		if (process.env.CI === 'true') {
			test('redis-server is installed (required in CI)', () => {
				throw new Error(message);
			});
		} else {
			// eslint-disable-next-line no-console
			console.warn(`\n\n*** SKIPPED: ${message} ***\n\n`);
		}
		return subject;
	}
	beforeAll(async () => {
		running = await startRedisServer(binary);
	}, 20_000);
	afterAll(async () => running?.stop());
	return subject;
}
