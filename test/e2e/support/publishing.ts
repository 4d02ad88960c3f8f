/**
 * Publishing and unpublishing a workflow in a running n8n 2.x the way the editor's Publish button
 * does (its REST API), so that n8n calls the trigger's webhook create and delete hooks: the CLI's
 * publish:workflow only takes effect at the next start, and never calls delete. n8n 2.x answers
 * the request before the trigger's hooks have finished: wait for their effect, do not assume it.
 */
import { rest, type Server } from './harness';

async function ownerSession(server: Server) {
	const session = new rest.RestSession(server.url);
	await session.setupOwnerOrLogin();
	return session;
}

export async function unpublishWorkflow(server: Server, workflowId: string): Promise<void> {
	const session = await ownerSession(server);
	await session.requestOk('POST', `/rest/workflows/${workflowId}/deactivate`, {});
}

export async function publishWorkflow(server: Server, workflowId: string): Promise<void> {
	const session = await ownerSession(server);
	const stored = (await session.requestOk('GET', `/rest/workflows/${workflowId}`)) as { data: { versionId: string } };
	await session.requestOk('POST', `/rest/workflows/${workflowId}/activate`, { versionId: stored.data.versionId });
}
