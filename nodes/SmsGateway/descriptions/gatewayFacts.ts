import { GATEWAY_DEFINITIONS } from '../../gateways/registry';

/**
 * Texts about the gateways, written from the registry so that a new gateway shows up in the
 * node's descriptions without anyone editing them.
 */
function listOf(names: string[], conjunction = 'or'): string {
	return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
}

/** "SMS-assistent, A1, SMSClub or Devino (integrationapi.net)". */
export function gatewayNames(): string {
	return listOf(GATEWAY_DEFINITIONS.map((definition) => definition.label));
}

/** Each gateway's scheduling lead time, or that it cannot schedule. */
export function scheduleLeadText(): string {
	const leads = GATEWAY_DEFINITIONS.filter((d) => d.limits.minScheduleLeadMinutes !== undefined).map(
		(d) => `${d.label} at least ${d.limits.minScheduleLeadMinutes} minute${d.limits.minScheduleLeadMinutes === 1 ? '' : 's'} ahead`,
	);
	const unable = GATEWAY_DEFINITIONS.filter((d) => d.limits.minScheduleLeadMinutes === undefined).map((d) => d.label);
	const parts = [leads.length ? `Lead time: ${leads.join(', ')}` : '', unable.length ? `${listOf(unable, 'and')} cannot schedule` : ''];
	return parts.filter(Boolean).join('; ');
}

/** The validity caps of the gateways that have one, as a parenthesis (empty when none has a cap). */
export function validityCapText(): string {
	const caps = GATEWAY_DEFINITIONS.filter((d) => d.limits.maxValidityMinutes !== undefined).map(
		(d) => `${d.label} up to ${(d.limits.maxValidityMinutes as number) / 60} hours`,
	);
	return caps.length ? ` (${caps.join(', ')})` : '';
}
