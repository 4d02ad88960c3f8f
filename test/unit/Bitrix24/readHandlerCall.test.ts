/** Reading Bitrix24's handler call, whichever way n8n parsed the PHP bracket keys; the constant-time comparison. */
import { readHandlerCall } from '../../../nodes/Bitrix24/provider/readHandlerCall';
import { sameSecret } from '../../../nodes/Bitrix24/provider/sameSecret';

const FLAT = {
	module_id: 'crm',
	'bindings[0][OWNER_TYPE_ID]': '1',
	'bindings[0][OWNER_ID]': '98',
	'properties[phone_number]': '8 029 123-45-67',
	'properties[message_text]': 'Hello',
	type: 'SMS',
	code: 'n8n_sms',
	message_id: '72dd742c8270db0ddbbab92f98877537',
	message_to: '8 029 123-45-67',
	message_body: 'Hello',
	ts: '1506687055',
	'auth[domain]': 'portal.bitrix24.by',
	'auth[member_id]': 'a223c6b3710f85df22e9377d6c4f7553',
	'auth[application_token]': 'tok',
	'auth[access_token]': 'secret-access',
};

const NESTED = {
	module_id: 'bizproc',
	workflow_id: '59ce38567ff2a5.26351167',
	document_id: ['crm', 'CCrmDocumentLead', 'LEAD_98'],
	document_type: ['crm', 'CCrmDocumentLead', 'LEAD'],
	properties: { phone_number: '+12', message_text: 'Hi' },
	type: 'SMS',
	code: 'n8n_sms',
	message_id: '8b3fc6cd0cb4a7b91f6632889cdf46e0',
	message_to: '+12',
	message_body: 'Hi',
	ts: '1506687103',
	auth: { domain: 'portal.bitrix24.ru', member_id: 'm1', application_token: 'tok' },
};

describe('readHandlerCall', () => {
	it('reads a CRM call with flat bracket keys and normalizes the recipient to E.164', () => {
		const call = readHandlerCall(FLAT, 'BY');
		expect(call).toMatchObject({
			messageId: '72dd742c8270db0ddbbab92f98877537',
			code: 'n8n_sms',
			moduleId: 'crm',
			to: '+375291234567',
			toAsSent: '8 029 123-45-67',
			text: 'Hello',
			bindings: { 0: { OWNER_TYPE_ID: '1', OWNER_ID: '98' } },
			portal: 'portal.bitrix24.by',
			memberId: 'a223c6b3710f85df22e9377d6c4f7553',
			applicationToken: 'tok',
			sentAt: '2017-09-29T12:10:55.000Z',
		});
		expect(JSON.stringify(call)).not.toContain('secret-access');
	});

	it('reads a business-process call with nested fields, and gives the reason for a recipient that is not a number', () => {
		const call = readHandlerCall(NESTED, 'BY');
		expect(call.moduleId).toBe('bizproc');
		expect(call.workflowId).toBe('59ce38567ff2a5.26351167');
		expect(call.documentId).toEqual(['crm', 'CCrmDocumentLead', 'LEAD_98']);
		expect(call.to).toBeNull();
		expect(call.toInvalidReason).toBeTruthy();
		expect(call.memberId).toBe('m1');
	});
});

describe('sameSecret', () => {
	it('is true only for the same non-empty string', () => {
		expect(sameSecret('abc', 'abc')).toBe(true);
		expect(sameSecret('abd', 'abc')).toBe(false);
		expect(sameSecret('abcd', 'abc')).toBe(false);
		expect(sameSecret(undefined, 'abc')).toBe(false);
		expect(sameSecret(['abc'], 'abc')).toBe(false);
		expect(sameSecret('', '')).toBe(false);
	});
});
