/**
 * The Bitrix24 Trigger's fields in the real editor: Options (Stage Store) only with Deal Stage
 * Changed, n8n's Redis credential asked for only while Stage Store is Redis, and a Redis choice
 * kept when another event is added (the editor empties a collection when a field its display
 * condition names directly changes, hence '/events'). Runs in editor.test.ts's n8n and browser page.
 */
import type { Editor } from './support/editor';

const REDIS_FIELD = 'Redis (Stage Store)';

export function describeBitrix24TriggerFields(context: () => Editor): void {
	let editor: Editor;

	beforeAll(() => {
		editor = context();
	});

	/** The Redis credential field, found by its own label (its box also says "Connect to Redis"). */
	const redisField = () => editor.ndv.getByTestId('credentials-label').locator('label').filter({ hasText: REDIS_FIELD });

	/** Ticks one more event in Events' dropdown; resolves to the events its tags show once the new one is among them. */
	async function tickEvent(event: string): Promise<string[]> {
		await editor.chooseMany('events', [event]);
		await editor.parameter('events').locator('.el-select__tags-text').filter({ hasText: event }).waitFor();
		return editor.chosenMany('events');
	}

	it('Deal Stage Changed shows Options → Stage Store; Redis asks for its credential, Built-In does not', async () => {
		await editor.newWorkflow();
		const triggers = await editor.addTrigger('Bitrix24', 'Bitrix24', 'On lead added');
		expect(triggers).toContain('On deal stage changed');
		expect(await editor.chosenMany('events')).toEqual(['Lead Added']);
		expect(await editor.hasCollection('options')).toBe(false);

		expect(await tickEvent('Deal Stage Changed')).toEqual(['Lead Added', 'Deal Stage Changed']);
		expect(await editor.hasCollection('options')).toBe(true);
		// Stage Store is the collection's only option, so Add Option adds it without a list to pick from.
		await editor.ndv.getByTestId('collection-parameter-add').click();
		expect(await editor.parameterValue('stageStore')).toBe('Built-In');
		expect(await editor.credentialFields()).toEqual(['Credential']);

		await editor.chooseOption('stageStore', 'Redis');
		await redisField().waitFor();
		expect(await editor.credentialFields()).toEqual(['Credential', REDIS_FIELD]);
		await editor.chooseOption('stageStore', 'Built-In');
		await redisField().waitFor({ state: 'detached' });
		expect(await editor.credentialFields()).toEqual(['Credential']);
	});

	it('adding another event keeps Stage Store = Redis and its credential field', async () => {
		await editor.chooseOption('stageStore', 'Redis');
		await redisField().waitFor();
		expect(await tickEvent('Deal Updated')).toEqual(['Lead Added', 'Deal Stage Changed', 'Deal Updated']);
		// Before '/events' the editor emptied Options here: no Stage Store, so no Redis field either.
		expect(await editor.hasParameter('stageStore')).toBe(true);
		expect(await editor.parameterValue('stageStore')).toBe('Redis');
		expect(await editor.credentialFields()).toEqual(['Credential', REDIS_FIELD]);
		await editor.closeNdv();
	});
}
