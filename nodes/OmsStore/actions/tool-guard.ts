import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

/**
 * An AI Agent may read the OMS on its own, but not move stock: the operations below refuse to run as a tool
 * (the "OMS Store Tool" n8n makes of this node) unless the workflow's owner turned on Allow Stock Changes,
 * which the README asks to do only with the tool behind n8n's Human review step, so a person approves each call.
 */
const CHANGES_STOCK: Record<string, string[]> = {
	// Register Return puts units back on hand or into quarantine.
	order: ['apply', 'registerReturn'],
	stock: ['setOnHand', 'adjust'],
	reservation: ['expire'],
	maintenance: ['reconcile'],
	// A new link reserves (or commits) the open orders' lines that waited for it; removing one changes later pushes.
	// A kit definition changes what its SKU and components show as available; rules and warehouses change what channels are shown.
	catalog: ['linkListing', 'unlinkListing', 'defineKit', 'removeKit', 'setPublishRule', 'removePublishRule', 'setListingRule', 'removeListingRule', 'setChannelWarehouses', 'removeChannelWarehouses', 'setBarcodes'],
};

export const allowChangesAsToolField: INodeProperties = {
	displayName: 'Allow Stock Changes',
	name: 'allowChangesAsTool',
	type: 'boolean',
	default: false,
	description:
		'Whether the AI Agent may run this operation, which changes stock or orders. Leave off unless the tool is connected through a Human review step, so a person approves every call.',
	// Only on the tool variant of the node, and only for the operations the guard refuses (their names are unique across resources).
	displayOptions: { show: { '@tool': [true], operation: [...new Set(Object.values(CHANGES_STOCK).flat())] } },
};

/** True when n8n runs this node as an AI Agent's tool (its type is "<package>.omsStoreTool"). */
export const runsAsTool = (ctx: IExecuteFunctions): boolean => (ctx.getNode().type.split('.').pop() ?? '').endsWith('Tool');

export function changesStock(ctx: IExecuteFunctions, resource: string, operation: string): boolean {
	if (!CHANGES_STOCK[resource]?.includes(operation)) return false;
	// Reconcile without repair only reports.
	return !(resource === 'maintenance' && operation === 'reconcile' && ctx.getNodeParameter('repair', 0, false) !== true);
}

export function refuseUnconfirmedToolChange(ctx: IExecuteFunctions, resource: string, operation: string): void {
	if (!runsAsTool(ctx) || !changesStock(ctx, resource, operation)) return;
	if (ctx.getNodeParameter('allowChangesAsTool', 0, false) === true) return;
	throw new NodeOperationError(ctx.getNode(), `This tool changes stock (${resource} → ${operation}) and an AI Agent may not run it on its own`, {
		description:
			'Ask a person to do it, or turn on "Allow Stock Changes" on this tool only after connecting it through a Human review step, so a person approves every call.',
	});
}
