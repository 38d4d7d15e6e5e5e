import type { LifecycleConfig, statusPhase } from './config';
import type { OrderStockState, Stage } from './plan';
import { anyPositive, type SkuQuantities } from './quantities';

export interface StageFacts {
	reserved: SkuQuantities;
	committed: SkuQuantities;
	terminal: boolean;
	phase: ReturnType<typeof statusPhase>;
	keepExpired: boolean;
	restocked: boolean;
	released: boolean;
	config: LifecycleConfig;
}

/** The stage after a transition: what the order still holds, else how its stock ended. */
export function nextStage(state: OrderStockState, f: StageFacts): Stage {
	if (anyPositive(f.reserved)) return 'reserved';
	if (anyPositive(f.committed)) return 'committed';
	// An open order that gave back all it held (every line removed by a change) says how, as a cancelled one would.
	if (!f.terminal && (f.restocked || f.released)) return f.restocked ? 'restocked' : 'released';
	if (!f.terminal && (state.stage === 'restocked' || state.stage === 'released')) return state.stage; // still nothing held
	if (!f.terminal) return f.keepExpired ? 'expired' : f.phase === 'open' ? 'reserved' : 'committed';
	if (f.restocked) return 'restocked';
	if (f.released) return 'released';
	switch (state.stage) {
		case 'committed': {
			const restock = f.phase === 'cancelled' ? f.config.restockOnCancelAfterCommit : f.config.restockOnReturn;
			return restock ? 'restocked' : 'committed';
		}
		case 'reserved':
			return 'released';
		case 'none':
		case 'expired':
			return 'closed';
		default:
			return state.stage; // released, restocked, closed stay
	}
}
