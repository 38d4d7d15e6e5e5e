import type { INode, Workflow } from 'n8n-workflow';
import type { InboxDrainer } from '../../core/webhooks/drain';
import type { MissedSweeper } from '../../core/webhooks/recover';

/**
 * What webhook() and trigger() of one node share in this process: the node's queue name, its running drain
 * (webhook() wakes it after queueing a delivery), and, in the editor's test mode, the items of the last test
 * delivery (n8n runs trigger() for them: see trigger.ts).
 */

interface NodeRef {
	getWorkflow(): { id?: Workflow['id'] | undefined };
	getNode(): Pick<INode, 'id'>;
}

/** One queue per webhook node: two workflows on one channel account each get every delivery sent to them. */
export const queueOf = (ctx: NodeRef): string => `${ctx.getWorkflow().id ?? 'unsaved'}:${ctx.getNode().id}`;

const drainers = new Map<string, InboxDrainer>();
const sweepers = new Map<string, MissedSweeper>();
const testItems = new Map<string, object[]>();

export function registerDrainer(queue: string, drainer: InboxDrainer): () => void {
	drainers.set(queue, drainer);
	return () => {
		if (drainers.get(queue) === drainer) drainers.delete(queue);
	};
}

/** The missed-deliveries sweeper of a queue (Mercado Livre), running beside its drain. */
export function registerSweeper(queue: string, sweeper: MissedSweeper): () => void {
	sweepers.set(queue, sweeper);
	return () => {
		if (sweepers.get(queue) === sweeper) sweepers.delete(queue);
	};
}

export const sweeperOf = (queue: string): MissedSweeper | undefined => sweepers.get(queue);

/** The drain of a queue in this process (none in a webhook-only process: it polls the store instead). */
export const drainerOf = (queue: string): InboxDrainer | undefined => drainers.get(queue);

export function keepTestItems(queue: string, items: object[]): void {
	testItems.set(queue, items);
}

export function takeTestItems(queue: string): object[] {
	const items = testItems.get(queue) ?? [];
	testItems.delete(queue);
	return items;
}
