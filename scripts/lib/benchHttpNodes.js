'use strict';
/**
 * The benchmark's baseline: what a user builds without this package, an n8n HTTP Request node
 * that sends one request per item to the gateway's single-message endpoint. Secrets go in headers
 * or the POST body as a careful user would put them (bench-only workflows in a temporary folder).
 */

/** Per gateway: the single-send request, from the gateway's documents (see reference/gateways.md). */
const SINGLE_SEND = {
	smsAssistent: (emulator, { sender }) =>
		form(`${emulator.baseUrl}/send_sms/plain`, {
			user: emulator.account.login,
			password: emulator.account.password,
			recipient: '={{ $json.phone.replace(/\\D/g, "") }}',
			message: '={{ $json.text }}',
			sender,
		}),
	a1: (emulator, { sender }) =>
		json(`${emulator.baseUrl}/api/sms/send`, { Authorization: `Bearer ${emulator.account.token}` }, '={{ JSON.stringify({ phone: $json.phone.replace(/\\D/g, ""), text: $json.text, sender: "' + sender + '" }) }}'),
	smsClub: (emulator, { sender }) =>
		json(`${emulator.baseUrl}/sms/send`, { Authorization: `Bearer ${emulator.account.token}` }, '={{ JSON.stringify({ phone: [$json.phone.replace(/\\D/g, "")], message: $json.text, src_addr: "' + sender + '" }) }}'),
	devino: (emulator, { sender, session }) =>
		form(`${emulator.baseUrl}/sms/send`, {
			sessionId: session,
			sourceAddress: sender,
			destinationAddress: '={{ $json.phone.replace(/\\D/g, "") }}',
			data: '={{ $json.text }}',
		}),
};

function httpRequestNode(gatewayId, emulator, options) {
	return { type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, parameters: SINGLE_SEND[gatewayId](emulator, options) };
}

function form(url, fields) {
	return {
		method: 'POST',
		url,
		sendBody: true,
		contentType: 'form-urlencoded',
		bodyParameters: { parameters: Object.entries(fields).map(([name, value]) => ({ name, value })) },
		options: { response: { response: { responseFormat: 'text' } } },
	};
}

function json(url, headers, body) {
	return {
		method: 'POST',
		url,
		sendHeaders: true,
		headerParameters: { parameters: Object.entries(headers).map(([name, value]) => ({ name, value })) },
		sendBody: true,
		specifyBody: 'json',
		jsonBody: body,
		options: {},
	};
}

module.exports = { httpRequestNode };
