import { trackingLimitsFromEnvironment } from '../../../../nodes/core/tracking/trackingSettings';
import { trackingLimits } from '../../../../nodes/core/tracking/trackingLimits';

describe('tracking limits an administrator may set in the environment', () => {
	test('unset: the defaults', () => {
		expect(trackingLimitsFromEnvironment({})).toEqual({});
	});

	test('the back-off in minutes and the checks before an unknown id is given up', () => {
		const limits = trackingLimitsFromEnvironment({ N8N_SMS_GATEWAYS_TRACKING_CHECK_MINUTES: ' 1, 1,2 ', N8N_SMS_GATEWAYS_TRACKING_UNKNOWN_CHECKS: '2' });
		expect(limits).toEqual({ checkIntervalsMs: [60_000, 60_000, 120_000], notKnownLimit: 2 });
		expect(trackingLimits(limits).maxActive).toBe(100_000);
	});

	test.each(['0', '1,x', '1,,2', '1441', '1.5', Array(21).fill('1').join(',')])('check minutes "%s" are refused with the bounds', (value) => {
		expect(() => trackingLimitsFromEnvironment({ N8N_SMS_GATEWAYS_TRACKING_CHECK_MINUTES: value })).toThrow(/N8N_SMS_GATEWAYS_TRACKING_CHECK_MINUTES must be up to 20 whole numbers of minutes from 1 to 1440/);
	});

	test.each(['0', '21', 'two', '-1'])('unknown checks "%s" are refused with the bounds', (value) => {
		expect(() => trackingLimitsFromEnvironment({ N8N_SMS_GATEWAYS_TRACKING_UNKNOWN_CHECKS: value })).toThrow(/from 1 to 20/);
	});
});
