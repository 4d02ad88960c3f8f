import { connectedMemberId } from '../../../../nodes/Bitrix24/webhook/portalIdentity';
import { fromPortal } from '../../../../nodes/Bitrix24/webhook/fromPortal';

describe('connectedMemberId', () => {
	it('reads the member_id n8n kept with the token answer', () => {
		expect(connectedMemberId({ oauthTokenData: { member_id: 'abc123' } })).toBe('abc123');
	});

	it.each([[{}], [{ oauthTokenData: 'x' }], [{ oauthTokenData: { member_id: 42 } }], [{ oauthTokenData: { member_id: { a: 1 } } }], [{ oauthTokenData: null }]])(
		'gives "" for %j, and a call is then never taken as the portal\'s',
		(credentials) => {
			const memberId = connectedMemberId(credentials as never);
			expect(memberId).toBe('');
			expect(fromPortal({ urlSecret: 's', memberId: '', applicationToken: '' }, { urlSecret: 's', memberId, applicationToken: '' })).toBe(false);
		},
	);
});
