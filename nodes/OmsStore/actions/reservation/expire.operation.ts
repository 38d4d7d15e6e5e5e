import { NodeOperationError, updateDisplayOptions, type INodeProperties } from 'n8n-workflow';
import { DEFAULT_EXPIRY_RULES, expiryRules, type ExpiryRules, type HourlyMethod } from '../../../../core/store/expiry';
import { onceForAll, type OperationExecute } from '../shared/execute';

const D = DEFAULT_EXPIRY_RULES;

/** The collection's field of each method but boleto. */
export const HOURLY_FIELDS: Record<HourlyMethod, string> = {
	pix: 'pixHours',
	credit_card: 'creditCardHours',
	debit_card: 'debitCardHours',
	wallet: 'walletHours',
	other: 'otherHours',
	unknown: 'unknownHours',
};

const properties: INodeProperties[] = [
	{
		displayName: 'Expire By',
		name: 'expireBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Payment Method',
				value: 'paymentMethod',
				description: 'Each payment method waits its own time; boleto waits business days, so a weekend never releases a valid boleto',
			},
			{ name: 'Same Age for All', value: 'age', description: 'Every unpaid order waits the same number of hours' },
		],
		// Saved workflows do not store a parameter left at its default: 'age' keeps the nodes saved before this option as they were.
		default: 'age',
	},
	{
		displayName: 'Older Than (Hours)',
		name: 'olderThanHours',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 72,
		displayOptions: { show: { expireBy: ['age'] } },
		description:
			'Orders still waiting for payment that reserved stock more than this many hours ago give their units back. Runs once per execution; outputs one item per order released.',
	},
	{
		displayName: 'Rules',
		name: 'paymentMethodRules',
		type: 'collection',
		placeholder: 'Change a Rule',
		default: {},
		displayOptions: { show: { expireBy: ['paymentMethod'] } },
		description:
			`Orders still waiting for payment give their units back once their payment method's time has passed. Defaults: pix ${D.hours.pix} h; cards, wallet, other and unknown ${D.hours.credit_card} h; boleto ${D.boletoBusinessDays} business days. Runs once per execution; outputs one item per order released.`,
		options: [
			{
				displayName: 'Boleto (Business Days)',
				name: 'boletoBusinessDays',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 60, numberPrecision: 0 },
				default: 4,
				description:
					'Monday to Friday after the day of the order, in Brasília time; released when the last one ends. Public holidays are not known and count as business days: add a day around them.',
			},
			// Literal defaults (the n8n linter wants them); a test checks they equal DEFAULT_EXPIRY_RULES.
			{ displayName: 'Credit Card (Hours)', name: 'creditCardHours', type: 'number', typeOptions: { minValue: 0 }, default: 72 },
			{ displayName: 'Debit Card (Hours)', name: 'debitCardHours', type: 'number', typeOptions: { minValue: 0 }, default: 72 },
			{ displayName: 'Other Method (Hours)', name: 'otherHours', type: 'number', typeOptions: { minValue: 0 }, default: 72 },
			{ displayName: 'Pix (Hours)', name: 'pixHours', type: 'number', typeOptions: { minValue: 0 }, default: 2 },
			{ displayName: 'Unknown Method (Hours)', name: 'unknownHours', type: 'number', typeOptions: { minValue: 0 }, default: 72 },
			{ displayName: 'Wallet (Hours)', name: 'walletHours', type: 'number', typeOptions: { minValue: 0 }, default: 72 },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['reservation'], operation: ['expire'] } }, properties);

const HOUR_MS = 3600 * 1000;

export const execute: OperationExecute = async function (_items, oms) {
	if (this.getNodeParameter('expireBy', 0, 'age') === 'paymentMethod') {
		const given = this.getNodeParameter('paymentMethodRules', 0, {}) as Record<string, number | undefined>;
		let rules: ExpiryRules;
		try {
			rules = expiryRules({
				hours: Object.fromEntries(Object.entries(HOURLY_FIELDS).map(([method, field]) => [method, given[field]])),
				boletoBusinessDays: given.boletoBusinessDays,
			});
		} catch (error) {
			throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex: 0 });
		}
		return await onceForAll(this, oms, async () => await oms.store.expireReservations(rules));
	}
	const hours = Number(this.getNodeParameter('olderThanHours', 0));
	if (!Number.isFinite(hours) || hours < 0) {
		throw new NodeOperationError(this.getNode(), `Older Than (Hours) must be zero or more, got ${hours}`, { itemIndex: 0 });
	}
	return await onceForAll(this, oms, async () => await oms.store.expireReservations(new Date(Date.now() - hours * HOUR_MS)));
};
