import { redisOptionsFromCredential } from '../../../../../nodes/core/tracking/redis/redisOptions';

describe('Redis connection from n8n\'s Redis credential', () => {
	test('reads host, port, user, password, database and TLS as n8n\'s Redis node does', () => {
		expect(redisOptionsFromCredential({ host: 'redis.internal', port: 6380, user: 'n8n', password: 's3cret', database: 2, ssl: true })).toEqual({
			host: 'redis.internal', port: 6380, db: 2, username: 'n8n', password: 's3cret', tls: { rejectUnauthorized: true },
		});
		expect(redisOptionsFromCredential({ ssl: true, disableTlsVerification: true }).tls).toEqual({ rejectUnauthorized: false });
	});

	test('defaults to localhost:6379, database 0, no user or password, no TLS', () => {
		expect(redisOptionsFromCredential({ host: '', user: '', password: '' })).toEqual({ host: 'localhost', port: 6379, db: 0, username: undefined, password: undefined, tls: undefined });
	});

	test.each([
		[{ port: 0 }, /port must be 1-65535 \(got 0\)/],
		[{ port: 'abc' }, /port must be 1-65535/],
		[{ database: -1 }, /database must be a whole number from 0 \(got -1\)/],
	])('refuses %j', (credential, message) => {
		expect(() => redisOptionsFromCredential(credential)).toThrow(message);
	});
});
