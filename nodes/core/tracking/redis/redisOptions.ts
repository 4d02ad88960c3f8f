import type { RedisOptions } from 'ioredis';

/**
 * Connection options from the fields of n8n's own Redis credential (host, port, user, password,
 * database, ssl, disableTlsVerification), read the way n8n's Redis node reads them.
 */
export function redisOptionsFromCredential(credential: Record<string, unknown>): RedisOptions {
	const text = (name: string) => (typeof credential[name] === 'string' && (credential[name] as string) !== '' ? (credential[name] as string) : undefined);
	const port = Number(credential.port ?? 6379);
	const db = Number(credential.database ?? 0);
	if (!Number.isInteger(port) || port < 1 || port > 65535) throw new RangeError(`Redis credential: port must be 1-65535 (got ${String(credential.port)})`);
	if (!Number.isInteger(db) || db < 0) throw new RangeError(`Redis credential: database must be a whole number from 0 (got ${String(credential.database)})`);
	const ssl = credential.ssl === true;
	return {
		host: text('host') ?? 'localhost',
		port,
		db,
		username: text('user'),
		password: text('password'),
		tls: ssl ? { rejectUnauthorized: credential.disableTlsVerification !== true } : undefined,
	};
}
