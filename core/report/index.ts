import type { OmsStore } from '../store/types';
import { buildDashboard, type DashboardOptions, type DashboardReport } from './dashboard';
import { renderDashboard } from './html';

export { buildDashboard, renderDashboard };
export type { DashboardOptions, DashboardReport };

/** Reads what the dashboard shows from the store (three reads, no writes) and builds the report. */
export async function collectDashboard(store: OmsStore, now: Date, options: DashboardOptions = {}): Promise<DashboardReport> {
	const days = options.days ?? 14;
	if (!Number.isInteger(days) || days < 1 || days > 90) throw new Error('Dashboard: days must be a whole number from 1 to 90');
	// One day of margin: the window starts at a local midnight, up to a day before now − days.
	const since = new Date(now.getTime() - (days + 1) * 86_400_000);
	const [levels, pushes, activity, waiting] = await Promise.all([
		store.getAvailability(), store.pushStatus({ limit: 10_000 }), store.orderActivity({ since }), store.listUnlinked({ limit: 1000 }),
	]);
	// The listing-link catalog: listings open orders name that no link resolves yet.
	const unlinked = waiting.map((u) => ({
		channel: u.channel, account: u.account, listingId: u.listingId, variantId: u.variantId || null, title: u.title, orders: u.orders.length, units: u.quantity,
	}));
	return buildDashboard({ levels, pushes, activity, unlinked }, now, { ...options, days });
}
