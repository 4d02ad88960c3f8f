import type { INodeProperties } from 'n8n-workflow';

/** The fields of one operation, shown only for it. */
export function showFor(operation: string, properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show, operation: [operation] } },
	}));
}
