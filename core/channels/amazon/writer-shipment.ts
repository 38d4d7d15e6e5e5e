import { WriteBackInputError } from '../../sync/write-back';

/**
 * The confirmShipment fields Amazon checks beyond their JSON type (Orders API v0, PackageDetail):
 * the carrier code, the ship date and the package reference.
 */

/**
 * Amazon's carrier codes: the CarrierCode enumeration of its feed schema amzn-base.xsd (release 4.1, as
 * mirrored in Westie/AmazonMarketplaceXSD@e82176d9:Products/amzn-base.xsd; the ordersV0 model leaves
 * carrierCode a plain string and points to Seller Central's list). Seller Central's current list is longer
 * and differs per marketplace: options.carrierCodes adds the account's own ("Correios, Jadlog").
 * test/fixtures/contracts/amazon/carrier-codes.json holds the same list for the simulator.
 */
export const AMAZON_CARRIER_CODES = [
	'USPS', 'UPS', 'UPSMI', 'FedEx', 'DHL', 'Fastway', 'GLS', 'GO!', 'Hermes Logistik Gruppe', 'Royal Mail', 'Parcelforce', 'City Link', 'TNT',
	'Target', 'SagawaExpress', 'NipponExpress', 'YamatoTransport', 'DHL Global Mail', 'UPS Mail Innovations', 'FedEx SmartPost', 'OSM', 'OnTrac',
	'Streamlite', 'Newgistics', 'Canada Post', 'Blue Package', 'Chronopost', 'Deutsche Post', 'DPD', 'La Poste', 'Parcelnet', 'Poste Italiane', 'SDA',
	'Smartmail', 'FEDEX_JP', 'JP_EXPRESS', 'NITTSU', 'SAGAWA', 'YAMATO', 'BlueDart', 'AFL/Fedex', 'Aramex', 'India Post', 'Professional', 'DTDC',
	'Overnite Express', 'First Flight', 'Delhivery', 'Lasership', 'Yodel', 'Other',
] as const;

/** Case, spaces and punctuation aside: "fedex", "Fed-Ex" and "FedEx" name one carrier. */
const carrierKey = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** options.carrierCodes: a comma-separated string or a list. */
export function accountCarrierCodes(option: unknown): string[] {
	const list = Array.isArray(option) ? option.map(String) : typeof option === 'string' ? option.split(',') : [];
	return list.map((c) => c.trim()).filter(Boolean);
}

/**
 * The carrier as Amazon takes it: a listed code in its exact spelling, else "Other" with the free text as
 * carrierName (required then). carrierName is sent in both cases, as in the model's sandbox example.
 */
export function carrierFields(carrier: string, extraCodes: readonly string[] = []): { carrierCode: string; carrierName: string } {
	const name = carrier.trim();
	const key = carrierKey(name);
	const code = key ? [...extraCodes, ...AMAZON_CARRIER_CODES].find((c) => carrierKey(c) === key) : undefined;
	return { carrierCode: code ?? 'Other', carrierName: name };
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * shipDate must be an ISO 8601 date-time (format date-time; a date alone is refused with 400):
 * - a date-time with an offset is sent as that instant, in UTC;
 * - a date alone ("2024-05-02") becomes noon UTC of that day, which is the same calendar day from UTC−11 to
 *   UTC+11 (every Amazon marketplace's zone), or now when noon is still ahead on that very day (a ship date
 *   in the future is not a shipment);
 * - anything else (a local time without offset, "05/02/2024", "yesterday") is refused, naming the field,
 *   before any call: its zone, or its meaning, would be a guess.
 * No date: now.
 */
export function shipDate(orderId: string, shippedAt: string | undefined, now = new Date()): string {
	if (shippedAt === undefined || shippedAt.trim() === '') return now.toISOString();
	const value = shippedAt.trim();
	if (RFC3339.test(value) && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
	const day = DATE_ONLY.exec(value);
	const noon = day ? Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 12) : NaN;
	if (day && new Date(noon).toISOString().startsWith(value)) {
		return new Date(value === now.toISOString().slice(0, 10) ? Math.min(noon, now.getTime()) : noon).toISOString();
	}
	throw new WriteBackInputError(
		'shippedAt',
		`Amazon order ${orderId}: the shipping date must be an ISO 8601 date-time with its offset (2024-05-02T10:00:00-03:00) or a date (2024-05-02), got "${value}"`,
	);
}

/**
 * packageReferenceId: "uniquely identifies a package within the scope of an order. Only positive numeric
 * values are supported." The next number after the packages already confirmed (getOrder, PACKAGES
 * dataset): after their highest numeric id, so gaps ("1", "3") or ids in any order never repeat one.
 */
export function nextPackageReferenceId(packages: ReadonlyArray<{ packageReferenceId?: unknown }>): string {
	const used = packages.map((p) => String(p.packageReferenceId ?? '')).filter((id) => /^\d+$/.test(id)).map(BigInt);
	return String(used.reduce((max, id) => (id > max ? id : max), 0n) + 1n);
}
