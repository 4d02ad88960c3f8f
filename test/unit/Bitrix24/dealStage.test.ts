import type { INode } from 'n8n-workflow';
import { dealStageKey, dealStageOf, stageChange } from '../../../nodes/Bitrix24/events/dealStage';
import { readStageStore } from '../../../nodes/Bitrix24/events/readEvents';
import type { TriggerContext } from '../../../nodes/Bitrix24/provider/readTriggerParameters';

describe('a deal stage change', () => {
	it('reads STAGE_ID and CATEGORY_ID from crm.deal.get', () => {
		expect(dealStageOf({ ID: '5', STAGE_ID: 'C2:PREPARATION', CATEGORY_ID: '2' })).toEqual({ stageId: 'C2:PREPARATION', categoryId: '2' });
		expect(dealStageOf({ STAGE_ID: 'WON', CATEGORY_ID: 0 })).toEqual({ stageId: 'WON', categoryId: '0' });
		expect(dealStageOf({ STAGE_ID: 'NEW' })).toEqual({ stageId: 'NEW', categoryId: null });
	});

	it.each([[undefined], [null], ['NEW'], [{}], [{ STAGE_ID: '' }], [{ STAGE_ID: 7 }], [{ STAGE_ID: 'x'.repeat(101) }], [{ STAGE_ID: 'NEW\n' }]])('finds no stage in %j', (deal) => {
		expect(dealStageOf(deal)).toBeUndefined();
	});

	it('is a change only when the stage before is known and differs', () => {
		const stage = { stageId: 'WON', categoryId: '0' };
		expect(stageChange(undefined, stage)).toBeUndefined();
		expect(stageChange('WON', stage)).toBeUndefined();
		expect(stageChange('NEW', stage)).toEqual({ stageId: 'WON', previousStageId: 'NEW', categoryId: '0' });
	});

	it('keys a deal by its portal and id', () => {
		expect(dealStageKey('a223c6b3', '5')).toBe('bitrix24:a223c6b3:deal:5');
		expect(dealStageKey('other', '5')).not.toBe(dealStageKey('a223c6b3', '5'));
	});
});

describe('the Stage Store option', () => {
	const NODE = { name: 'Bitrix24 Trigger', type: 'n8n-nodes-sms-gateways.bitrix24Trigger', parameters: {} } as unknown as INode;
	const contextWith = (options: unknown): TriggerContext => ({
		getNode: () => NODE,
		getNodeParameter: ((name: string, fallback?: unknown) => (name === 'options' ? options : fallback)) as TriggerContext['getNodeParameter'],
	});

	it('is built-in unless Redis is chosen', () => {
		expect(readStageStore(contextWith({}))).toBe('builtIn');
		expect(readStageStore(contextWith(undefined))).toBe('builtIn');
		expect(readStageStore(contextWith({ stageStore: 'redis' }))).toBe('redis');
	});

	it.each([
		[{ stageStore: 'memory' }, 'Stage Store must be one of "builtIn", "redis", not "memory"'],
		[{ stageStore: 3 }, 'Stage Store must be one of'],
		['redis', 'Options must be a set of options'],
	])('refuses %j naming the parameter', (options, message) => {
		expect(() => readStageStore(contextWith(options))).toThrow(message);
	});
});
