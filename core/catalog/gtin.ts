/**
 * GTIN / EAN barcodes (GTIN-8, UPC-A GTIN-12, EAN-13, GTIN-14): digits only, the last one the GS1 check digit
 * (weights 3 and 1 from the right). A SKU may have several (a box and a unit); one barcode names one SKU.
 */
export class GtinError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'GtinError';
	}
}

export function isValidGtin(gtin: string): boolean {
	if (!/^(\d{8}|\d{12,14})$/.test(gtin)) return false;
	const digits = [...gtin].map(Number);
	const check = digits.pop()!;
	const sum = digits.reverse().reduce((s, d, i) => s + d * (i % 2 === 0 ? 3 : 1), 0);
	return (10 - (sum % 10)) % 10 === check;
}

/** The barcode as stored (spaces and dashes dropped), or a clear error naming the SKU. */
export function checkGtin(value: unknown, sku: string): string {
	const gtin = typeof value === 'string' || typeof value === 'number' ? String(value).replace(/[\s-]/g, '') : '';
	if (!isValidGtin(gtin)) throw new GtinError(`SKU ${sku}: barcode ${JSON.stringify(value)} is not a valid GTIN/EAN (8, 12, 13 or 14 digits with a correct check digit)`);
	return gtin;
}

/**
 * The forms a GTIN is written in: GS1 pads a GTIN-8, -12 or -13 with leading zeros to a longer field, and the
 * padded code is the same GTIN (a UPC-A "036000291452" is the EAN-13 "0036000291452"). Channels and sellers write
 * either, so catalog reads offer a code in every length it fits.
 */
export function gtinForms(code: string): string[] {
	if (!/^\d+$/.test(code)) return [code];
	const bare = code.replace(/^0+(?=\d)/, '');
	return [...new Set([code, ...[8, 12, 13, 14].filter((n) => n >= bare.length).map((n) => bare.padStart(n, '0'))])];
}
