import { isValidGtin } from '../../core/catalog/gtin';
import type { OmsStore } from '../../core/store/types';
import { DRIVERS, openFresh } from './stores';

/** SKUs' barcodes (GTIN/EAN) on both drivers: checked, one SKU per barcode, read back per SKU. */

test('GS1 check digits: EAN-13, UPC-A (12), GTIN-8 and GTIN-14; anything else is not a barcode', () => {
	expect(['7891000315507', '036000291452', '96385074', '17891000315504'].map(isValidGtin)).toEqual([true, true, true, true]);
	expect(['7891000315508', '789100031550', 'ABC', '', '1234567'].map(isValidGtin)).toEqual([false, false, false, false, false]);
});

describe.each(DRIVERS)('barcodes on %s', (driver) => {
	let store: OmsStore;
	beforeEach(async () => {
		store = (await openFresh(driver)).store;
	});
	afterEach(() => store.close());

	test('set (spaces and dashes dropped), read per SKU as passed; a barcode moved to another SKU leaves the first', async () => {
		expect(await store.setBarcodes([{ sku: ' CAM-01 ', gtin: '789 1000-315507' }, { sku: 'CAM-01', gtin: '17891000315504' }, { sku: 'CAN-02', gtin: '036000291452' }])).toEqual([
			{ sku: 'CAM-01', gtin: '7891000315507' },
			{ sku: 'CAM-01', gtin: '17891000315504' },
			{ sku: 'CAN-02', gtin: '036000291452' },
		]);
		expect(await store.barcodesOf([' CAM-01', 'CAN-02', 'NONE'])).toEqual(
			new Map([
				[' CAM-01', ['17891000315504', '7891000315507']],
				['CAN-02', ['036000291452']],
			]),
		);
		await store.setBarcodes([{ sku: 'CAN-02', gtin: '7891000315507' }]);
		expect(await store.barcodesOf(['CAM-01', 'CAN-02'])).toEqual(
			new Map([
				['CAM-01', ['17891000315504']],
				['CAN-02', ['036000291452', '7891000315507']],
			]),
		);
	});

	test('a wrong check digit is refused naming the SKU, and nothing of the batch is written', async () => {
		await expect(store.setBarcodes([{ sku: 'OK', gtin: '036000291452' }, { sku: 'BAD', gtin: '7891000315508' }])).rejects.toThrow(/SKU BAD: barcode "7891000315508" is not a valid GTIN\/EAN/);
		expect(await store.barcodesOf(['OK', 'BAD'])).toEqual(new Map());
	});
});
