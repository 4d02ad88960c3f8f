'use strict';
/**
 * Bitrix24's OAuth 2.0 for a local application, written from the public protocol description
 * (https://apidocs.bitrix24.com/settings/oauth/index.html, .../oauth/auto-renewal.html):
 *   GET /oauth/authorize/?client_id&state[&redirect_uri]  → 302 to the application's URL with
 *       code, state, domain, member_id, scope, server_domain (the code lives 30 s)
 *   /oauth/token/ (GET query as documented; POST form too, as OAuth clients send it)
 *       grant_type=authorization_code&client_id&client_secret&code
 *       grant_type=refresh_token&client_id&client_secret&refresh_token
 *       → {access_token, refresh_token, expires_in: 3600, client_endpoint, server_endpoint, domain,
 *          member_id, scope, status}
 * In Bitrix24 the authorize page is on the portal and the token endpoint on oauth.bitrix.info;
 * here both are on the emulator (the credential's "Authorization Server" points at it).
 * Errors: {error, error_description} with invalid_request, invalid_client, invalid_grant
 * (https://apidocs.bitrix24.com/settings/oauth/error-codes.html).
 */
const crypto = require('node:crypto');
const { fromSearchParams } = require('./bitrix24Wire');

const randomToken = () => crypto.randomBytes(16).toString('hex');

/** The portal's OAuth state, created on first use (reset() empties the store). */
function oauthState(state) {
	return (state.store.oauth ??= { codes: new Map(), access: new Map(), refresh: new Map() });
}

function issueTokens(ctx, userId) {
	const { config } = ctx;
	const store = oauthState(ctx.state);
	const now = ctx.now();
	const access = randomToken();
	const refresh = randomToken();
	store.access.set(access, { userId, expiresAt: now + config.accessTokenTtlMs, application: true });
	store.refresh.set(refresh, { userId, expiresAt: now + config.refreshTokenTtlMs });
	return {
		access_token: access,
		// The documented answer carries no absolute expiry; `expires` is what handler calls carry.
		expires: Math.floor((now + config.accessTokenTtlMs) / 1000),
		expires_in: Math.floor(config.accessTokenTtlMs / 1000),
		scope: config.scope,
		domain: 'oauth.bitrix.info',
		server_endpoint: `${ctx.baseUrl()}/rest/`,
		status: 'L',
		client_endpoint: `${ctx.baseUrl()}/rest/`,
		member_id: config.portal.memberId,
		user_id: userId,
		refresh_token: refresh,
	};
}

function oauthError(ctx, status, error, description) {
	ctx.json(status, { error, error_description: description });
}

function handleAuthorize(ctx) {
	const { config } = ctx;
	const clientId = ctx.query.get('client_id');
	if (!clientId) return oauthError(ctx, 400, 'invalid_request', 'client_id is required');
	if (clientId !== config.app.clientId) return oauthError(ctx, 400, 'invalid_client', 'Application not installed');
	const registered = config.app.redirectUri;
	const asked = ctx.query.get('redirect_uri');
	// [guess] A redirect_uri other than the application's own address is refused.
	if (registered && asked && asked !== registered) {
		return oauthError(ctx, 400, 'invalid_request', 'redirect_uri does not match the application address');
	}
	const target = asked ?? registered;
	if (!target) return oauthError(ctx, 400, 'invalid_request', 'The application has no address to return to');
	const code = randomToken();
	oauthState(ctx.state).codes.set(code, { userId: config.authorizingUserId, expiresAt: ctx.now() + config.codeTtlMs });
	const url = new URL(target);
	url.searchParams.set('code', code);
	const state = ctx.query.get('state');
	if (state !== null) url.searchParams.set('state', state);
	url.searchParams.set('domain', config.portal.domain);
	url.searchParams.set('member_id', config.portal.memberId);
	url.searchParams.set('scope', config.scope);
	url.searchParams.set('server_domain', 'oauth.bitrix.info');
	ctx.send(302, '', { location: url.toString() });
}

function handleToken(ctx) {
	const { config } = ctx;
	const params = fromSearchParams(ctx.query);
	if (ctx.method === 'POST' && ctx.rawBody) fromSearchParams(new URLSearchParams(ctx.rawBody), params);
	// OAuth clients may send the client's id and secret as HTTP Basic instead (RFC 6749 2.3.1).
	const basic = /^Basic\s+(.+)$/i.exec(String(ctx.headers.authorization ?? ''));
	if (basic) {
		const [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
		params.client_id ??= decodeURIComponent(id ?? '');
		params.client_secret ??= decodeURIComponent(secret ?? '');
	}
	const store = oauthState(ctx.state);
	if (!params.grant_type) return oauthError(ctx, 400, 'invalid_request', 'grant_type is required');
	if (params.client_id !== config.app.clientId || params.client_secret !== config.app.clientSecret) {
		return oauthError(ctx, 401, 'invalid_client', 'Invalid client data');
	}
	const now = ctx.now();
	if (params.grant_type === 'authorization_code') {
		const entry = params.code && store.codes.get(params.code);
		if (!entry) return oauthError(ctx, 400, 'invalid_grant', 'Invalid authorization code');
		store.codes.delete(params.code);
		if (entry.expiresAt <= now) return oauthError(ctx, 400, 'expired_token', 'The authorization token provided has expired.');
		return ctx.json(200, issueTokens(ctx, entry.userId));
	}
	if (params.grant_type === 'refresh_token') {
		const entry = params.refresh_token && store.refresh.get(params.refresh_token);
		if (!entry) return oauthError(ctx, 400, 'invalid_grant', 'Invalid refresh token');
		// [guess] A refresh token is used once: the answer carries its successor.
		store.refresh.delete(params.refresh_token);
		if (entry.expiresAt <= now) return oauthError(ctx, 400, 'expired_token', 'The refresh token provided has expired.');
		return ctx.json(200, issueTokens(ctx, entry.userId));
	}
	return oauthError(ctx, 400, 'unsupported_grant_type', `Unsupported grant_type "${params.grant_type}"`);
}

/** The access token's holder, or the Bitrix24 error that refuses it. */
function checkAccessToken(ctx, token) {
	const entry = oauthState(ctx.state).access.get(token);
	if (!entry) return { status: 401, error: 'invalid_token', description: 'The access token provided is invalid.' };
	if (entry.expiresAt <= ctx.now()) {
		return { status: 401, error: 'expired_token', description: 'The access token provided has expired.' };
	}
	return { userId: entry.userId, application: true };
}

/** Ends every access token now: a test's way to make a token expire mid-run. */
function expireAccessTokens(state) {
	for (const entry of oauthState(state).access.values()) entry.expiresAt = -Infinity;
}

module.exports = { handleAuthorize, handleToken, checkAccessToken, issueTokens, expireAccessTokens, oauthState };
