import * as net from 'node:net';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** A TCP relay in front of a server that counts the connections opened through it. */
export interface CountingProxy {
	port: number;
	connections(): number;
	close(): Promise<void>;
}

export async function startCountingProxy(target: URL): Promise<CountingProxy> {
	let connections = 0;
	const open = new Set<net.Socket>();
	const proxy = net.createServer((client) => {
		connections++;
		const upstream = net.connect(Number(target.port), target.hostname);
		open.add(client).add(upstream);
		client.pipe(upstream).pipe(client);
		const end = () => {
			client.destroy();
			upstream.destroy();
			open.delete(client);
			open.delete(upstream);
		};
		client.on('error', end);
		upstream.on('error', end);
		client.on('close', end);
		upstream.on('close', end);
	});
	await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
	return {
		port: (proxy.address() as net.AddressInfo).port,
		connections: () => connections,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of open) socket.destroy();
				proxy.close(() => resolve());
			}),
	};
}

/** The same credentials with the base URL pointing at the proxy. */
export function throughProxy(credentials: Record<string, ICredentialDataDecryptedObject>, target: URL, proxyPort: number): Record<string, ICredentialDataDecryptedObject> {
	const [[type, data]] = Object.entries(credentials);
	return { [type]: { ...data, baseUrl: String(data.baseUrl).replace(`:${target.port}`, `:${proxyPort}`) } };
}
