import { updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { collectDashboard, renderDashboard } from '../../../../core/report';
import { onceForAll, type OperationExecute } from '../shared/execute';
import { integer } from '../shared/params';

const properties: INodeProperties[] = [
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: 'HTML Page', value: 'page', description: 'One item with `html`: send it with Respond to Webhook' },
			{ name: 'Data', value: 'data', description: 'The numbers as JSON (for an AI Agent, a spreadsheet, a chat message)' },
		],
		default: 'page',
	},
	{ displayName: 'Days', name: 'days', type: 'number', typeOptions: { minValue: 1, maxValue: 90 }, default: 14, description: 'The KPIs cover orders imported in the last N days' },
	{
		displayName: 'Handling Hours',
		name: 'handlingHours',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 48,
		description: 'An order whose channel gives no ship-by deadline is late when not shipped this many hours after payment (0: only channel deadlines)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['dashboard'] } }, properties);

/** One item: the dashboard page (html) or its data. Reads only; runs once per execution. */
export const execute: OperationExecute = async function (_items, oms) {
	return await onceForAll(this, oms, async () => {
		const days = integer(this, 'days', 'Days', 0, { min: 1, max: 90 });
		const handlingHours = integer(this, 'handlingHours', 'Handling Hours', 0, { min: 0, max: 24 * 90 });
		const report = await collectDashboard(oms.store, new Date(), { days, handlingHours });
		if (this.getNodeParameter('output', 0) === 'data') return [report];
		return [{ html: renderDashboard(report), generatedAt: report.generatedAt }];
	});
};
