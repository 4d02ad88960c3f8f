import type { RedisOptions } from 'ioredis';
import { createTrackingStore } from '../createTrackingStore';
import type { TrackingStore } from '../TrackingStore';
import { trackingLimits, type TrackingLimits } from '../trackingLimits';
import { DEFAULT_REDIS_PREFIX, RedisTrackingBackend } from './RedisTrackingBackend';

/** The Redis store (queue mode). The caller owns it and closes it when done. */
export function openRedisTrackingStore(options: RedisOptions, settings: { prefix?: string; limits?: Partial<TrackingLimits> } = {}): TrackingStore {
	// Limits are checked before a connection is made, so a refused setting leaves nothing open.
	const limits = trackingLimits(settings.limits);
	return createTrackingStore(new RedisTrackingBackend(options, settings.prefix ?? DEFAULT_REDIS_PREFIX), limits);
}
