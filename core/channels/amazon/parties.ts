import type { Address, Customer, Shipment } from '../../model/order';
import { compact, digitsOnly, readOptUtcDate } from '../common/fields';
import type { JsonObject, RawReader } from '../common/raw-reader';

/**
 * Buyer, delivery address and packages of an Orders API v2026-01-01 order. All of them are optional
 * datasets (BUYER, RECIPIENT, TAX, PACKAGES) that need roles, not a restricted data token: a seller without
 * the role gets none of them, so every field here is optional.
 */

/** Brazil: the buyer's CPF/CNPJ is a tax registration of entityType BUYER; another buyer tax id is kept otherwise. */
function buyerDocument(r: RawReader, o: JsonObject): string | undefined {
	const tax = r.optObject(o, 'tax');
	const registrations = r.objects((tax && r.optArray(tax, 'tax.taxRegistrations')) ?? [], 'tax.taxRegistrations');
	const buyers = registrations.filter(({ item }) => item.entityType === 'BUYER');
	const preferred = buyers.find(({ item }) => item.taxRegistrationType === 'CPF' || item.taxRegistrationType === 'CNPJ') ?? buyers[0];
	return preferred && digitsOnly(r.optString(preferred.item, `${preferred.path}.taxRegistrationNumber`));
}

export function readCustomer(r: RawReader, o: JsonObject): Customer {
	const buyer = r.optObject(o, 'buyer') ?? {};
	const address = deliveryAddress(r, o);
	return compact({
		name: r.optString(buyer, 'buyer.buyerName') ?? '',
		email: r.optString(buyer, 'buyer.buyerEmail'),
		document: buyerDocument(r, o),
		phone: address && r.optString(address, 'recipient.deliveryAddress.phone'),
	});
}

function deliveryAddress(r: RawReader, o: JsonObject): JsonObject | undefined {
	const recipient = r.optObject(o, 'recipient');
	return recipient && r.optObject(recipient, 'recipient.deliveryAddress');
}

/** Brazilian addresses also come split (`extendedFields`: street, number, complement, neighbourhood): preferred. */
export function readAddress(r: RawReader, o: JsonObject): Address | undefined {
	const a = deliveryAddress(r, o);
	if (!a) return undefined;
	const opt = (k: string) => r.optString(a, `recipient.deliveryAddress.${k}`);
	const ext = r.optObject(a, 'recipient.deliveryAddress.extendedFields') ?? {};
	const optExt = (k: string) => r.optString(ext, `recipient.deliveryAddress.extendedFields.${k}`);
	const lines = [opt('addressLine2'), opt('addressLine3')].filter(Boolean).join(', ') || undefined;
	return compact({
		name: opt('name'),
		street: optExt('streetName') ?? opt('addressLine1') ?? '',
		number: optExt('streetNumber'),
		complement: optExt('complement') ?? lines,
		district: optExt('neighborhood') ?? opt('districtOrCounty'),
		city: opt('city') ?? '',
		state: opt('stateOrRegion'),
		postalCode: opt('postalCode'),
		country: opt('countryCode') ?? '',
	});
}

/** PACKAGES (merchant-fulfilled orders): carrier, tracking number and hand-over time of each package. */
export function readShipments(r: RawReader, o: JsonObject): Shipment[] {
	const shipments: Shipment[] = [];
	for (const { item, path } of r.objects(r.optArray(o, 'packages') ?? [], 'packages')) {
		const shipment = compact({
			carrier: r.optString(item, `${path}.carrier`),
			trackingCode: r.optString(item, `${path}.trackingNumber`),
			shippedAt: readOptUtcDate(r, item, `${path}.shipTime`),
		});
		if (shipment.carrier || shipment.trackingCode) shipments.push(shipment);
	}
	return shipments;
}
