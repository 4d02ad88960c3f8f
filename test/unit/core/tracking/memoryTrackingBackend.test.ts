import { createTrackingStore } from '../../../../nodes/core/tracking/createTrackingStore';
import { trackingLimits } from '../../../../nodes/core/tracking/trackingLimits';
import { MemoryTrackingBackend } from './support/memoryTrackingBackend';
import { describeTrackingContract, type StoreHarness } from './support/trackingContract';

// The test backend that the polling tests run on keeps the same contract as the real ones.
describeTrackingContract('In-memory (test)', (): StoreHarness => {
	let backend = new MemoryTrackingBackend();
	return {
		fresh: async (limits) => {
			const checked = trackingLimits(limits);
			backend = new MemoryTrackingBackend();
			return createTrackingStore(backend, checked);
		},
		reopen: async (limits) => createTrackingStore(backend.sibling(), trackingLimits(limits)),
	};
});
