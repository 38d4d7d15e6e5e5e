import type { Address, Customer } from '../../model/order';
import { compact, digitsOnly } from './fields';

/** Reads one of the channel's fields as trimmed text (undefined when absent or empty), by the channel's key. */
export type FieldReader = (key: string) => string | undefined;

/** A channel's key for a field, or several tried in order (the first present wins). */
type Keys = string | readonly string[];

const first = (read: FieldReader, keys: Keys | undefined): string | undefined =>
	keys === undefined ? undefined : (typeof keys === 'string' ? [keys] : keys).map(read).find((v) => v !== undefined);

/** Where a channel keeps each address field. Without a street there is no address (pickup, digital orders). */
export type AddressKeys = { street: Keys } & Partial<Record<Exclude<keyof Address, 'street'>, Keys>>;

const COUNTRY_NAMES: Readonly<Record<string, string>> = { brasil: 'BR', brazil: 'BR' };

/** Brazil's names as BR (Brazilian platforms write the name); anything else as the channel sent it. */
export const countryCode = (value: string): string => COUNTRY_NAMES[value.toLowerCase()] ?? value;

/**
 * The shipping address under the channel's key names: the same empty-field, missing-city and country rules
 * for every normaliser. `defaults` fill what the address lacks (the buyer's name, the store's country).
 */
export function readAddress(read: FieldReader, keys: AddressKeys, defaults: { name?: string; country?: string } = {}): Address | undefined {
	const street = first(read, keys.street);
	if (!street) return undefined;
	return compact({
		name: first(read, keys.name) ?? defaults.name,
		street,
		number: first(read, keys.number),
		complement: first(read, keys.complement),
		district: first(read, keys.district),
		city: first(read, keys.city) ?? '',
		state: first(read, keys.state),
		postalCode: first(read, keys.postalCode),
		country: countryCode(first(read, keys.country) ?? defaults.country ?? ''),
	});
}

/** Where a channel keeps the buyer's fields; the document (CPF/CNPJ) is kept as digits. */
export type CustomerKeys = { name: Keys } & Partial<Record<'email' | 'phone' | 'document', Keys>>;

/** The buyer under the channel's key names; a buyer without a name is '' (marketplaces hide it). */
export function readCustomer(read: FieldReader, keys: CustomerKeys): Customer {
	return compact({
		name: first(read, keys.name) ?? '',
		email: first(read, keys.email),
		phone: first(read, keys.phone),
		document: digitsOnly(first(read, keys.document)),
	});
}
