/**
 * A handler URL as it may be shown in an output item: the address and path, with every query value
 * and any user name or password replaced by "***". The SMS Provider Trigger's handler carries its
 * URL secret in the query, and anyone holding it could post forged SMS to the workflow.
 */
export function shownHandler(handler: string): string {
	let url: URL;
	try {
		url = new URL(handler);
	} catch {
		return '***';
	}
	if (url.username) url.username = '***';
	if (url.password) url.password = '***';
	for (const key of [...url.searchParams.keys()]) url.searchParams.set(key, '***');
	url.hash = '';
	return url.toString().replace(/%2A%2A%2A/g, '***');
}
