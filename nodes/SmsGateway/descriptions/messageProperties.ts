import type { INodeProperties } from 'n8n-workflow';
import { MAX_TEXT_CHARACTERS } from '../../core/message/prepareMessage';

const MAX_TEXT = `At most ${MAX_TEXT_CHARACTERS.toLocaleString('en-US')} characters.`;

// Written for people and for an AI agent using the node as a tool: say what to put, in which form.

export const textProperty: INodeProperties = {
	displayName: 'Text',
	name: 'text',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	placeholder: 'Your order #1234 is ready for pickup',
	description:
		`The message text to send, as plain text. Latin text fits 160 characters in one SMS (153 per part when longer); any Cyrillic or emoji makes it 70 (67 per part). ${MAX_TEXT}`,
	hint: 'Typographic quotes and dashes are replaced by plain ones (see Options), which keeps Latin text cheaper',
	required: true,
};

export const batchTextProperty: INodeProperties = {
	...textProperty,
	required: false,
	description:
		`The message text for every recipient that has no text of its own (see Text Field). Latin text fits 160 characters in one SMS (153 per part); any Cyrillic or emoji makes it 70 (67 per part). ${MAX_TEXT}`,
};
