import { join } from 'node:path';
import { trackingFilePath } from '../../../../../nodes/core/tracking/sqlite/trackingFile';

describe('where the built-in tracking store lives', () => {
	const home = () => '/home/node';

	test('in the n8n user folder, beside n8n\'s own database', () => {
		expect(trackingFilePath({ N8N_USER_FOLDER: '/data' }, home)).toBe(join('/data', '.n8n', 'sms-gateways', 'tracking.sqlite'));
	});

	test('in ~/.n8n when N8N_USER_FOLDER is not set, as n8n itself', () => {
		expect(trackingFilePath({}, home)).toBe('/home/node/.n8n/sms-gateways/tracking.sqlite');
		expect(trackingFilePath({ N8N_USER_FOLDER: '  ' }, home)).toBe('/home/node/.n8n/sms-gateways/tracking.sqlite');
	});

	test('wherever N8N_SMS_GATEWAYS_TRACKING_FILE says', () => {
		expect(trackingFilePath({ N8N_USER_FOLDER: '/data', N8N_SMS_GATEWAYS_TRACKING_FILE: '/fast/tracking.sqlite' }, home)).toBe('/fast/tracking.sqlite');
	});
});
