import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findOperation, loadContract, requestErrors, type WireRequest } from './contracts';
import { isDateTime, validate, type Schema } from './json-schema';

/**
 * The contract validator itself: each keyword of the subset accepts and refuses, and the channels' own
 * published examples are read as the channels say (Amazon's confirmShipment sandbox cases from
 * amzn/selling-partner-api-models@34dc93fe:models/orders-api-model/ordersV0.json, VTEX's request examples
 * from vtex/openapi-schemas@0d207e53:"VTEX - Orders API.json").
 */

const root: Schema = { definitions: { Item: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } } };
const check = (schema: Schema, value: unknown) => validate(schema, value, root);
const fixture = (file: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'contracts', file), 'utf8'));

const wire = (method: string, path: string, body?: unknown, query = '', headers: WireRequest['headers'] = { accept: 'application/json' }): WireRequest => ({
	method, path, query: new URLSearchParams(query), body, rawBody: body === undefined ? '' : JSON.stringify(body),
	headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
});

describe('JSON-schema subset', () => {
	it('checks types, integers apart from numbers', () => {
		expect(check({ type: 'integer' }, 3)).toEqual([]);
		expect(check({ type: 'integer' }, 3.5)).toEqual(['$: must be integer, got number']);
		expect(check({ type: 'string' }, 3)).toEqual(['$: must be string, got integer']);
		expect(check({ type: 'object' }, [])).toEqual(['$: must be object, got array']);
	});

	it('lets null through only where the schema is nullable (OpenAPI nullable, Swagger x-nullable)', () => {
		expect(check({ type: 'string' }, null)).toEqual(['$: must be string, got null']);
		expect(check({ type: 'string', nullable: true }, null)).toEqual([]);
		expect(check({ type: 'string', 'x-nullable': true }, null)).toEqual([]);
	});

	it('requires keys, a key set to undefined counting as absent (JSON drops it)', () => {
		const schema = { type: 'object', required: ['a', 'b'], properties: { a: { type: 'string', nullable: true } } };
		expect(check(schema, { a: null, b: 1 })).toEqual([]);
		expect(check(schema, { a: undefined, b: 1 })).toEqual(['$.a: is required']);
	});

	it('checks enum, items through $ref, minItems / maxItems and additionalProperties false', () => {
		expect(check({ enum: ['add', 'replace'] }, 'put')).toEqual(['$: must be one of ["add","replace"], got "put"']);
		const list = { type: 'array', minItems: 1, maxItems: 2, items: { $ref: '#/definitions/Item' } };
		expect(check(list, [{ id: 'a' }])).toEqual([]);
		expect(check(list, [])).toEqual(['$: must have at least 1 item(s), has 0']);
		expect(check(list, [{ id: 'a' }, { id: 1 }, {}])).toEqual(['$: must have at most 2 item(s), has 3', '$[1].id: must be string, got integer', '$[2].id: is required']);
		expect(check({ type: 'object', properties: {}, additionalProperties: false }, { x: 1 })).toEqual(['$.x: is not a property of the schema']);
	});

	it('format date-time is RFC 3339: a date alone, a local time or a US date are not', () => {
		for (const ok of ['2024-05-02T10:00:00Z', '2024-05-02T10:00:00.000Z', '2022-02-08T13:16:13.4617653+00:00', '2024-05-02T10:00:00-03:00']) expect(isDateTime(ok)).toBe(true);
		for (const bad of ['2024-05-02', '2024-05-02T10:00:00', '02/21/2022', 'yesterday', '2024-13-45T10:00:00Z']) expect(isDateTime(bad)).toBe(false);
		expect(check({ type: 'string', format: 'date-time' }, '2024-05-02')).toEqual(['$: must be an RFC 3339 date-time, got "2024-05-02"']);
	});

	it('throws on a keyword it does not implement rather than passing silently', () => {
		expect(() => check({ type: 'string', pattern: '^a' }, 'b')).toThrow(/outside the validator's subset: pattern/);
		expect(() => check({ type: 'string', format: 'uri' }, 'x')).toThrow(/format uri/);
		expect(() => check({ $ref: '#/definitions/Nope' }, 1)).toThrow(/Unresolved \$ref/);
	});
});

describe('request check against a stored contract', () => {
	const v0 = loadContract('amazon/ordersV0.json');
	const sandbox = fixture('amazon/confirmShipment.sandbox.json').cases;
	const confirm = (body: unknown) => {
		const orderId = sandbox['204'].request.parameters.orderId.value as string;
		const req = wire('POST', `/orders/v0/orders/${orderId}/shipmentConfirmation`, body);
		const found = findOperation([v0], req)!;
		return requestErrors(found.contract, found.op, req);
	};

	it("accepts Amazon's accepted sandbox confirmation and refuses its refused one for the shipDate alone", () => {
		expect(confirm(sandbox['204'].request.parameters.body.value)).toEqual([]);
		expect(sandbox['400'].response.errors[0].code).toBe('Invalid Input');
		expect(confirm(sandbox['400'].request.parameters.body.value)).toEqual(['body.packageDetail.shipDate: must be an RFC 3339 date-time, got "02/21/2022"']);
	});

	it("accepts VTEX's own request examples of invoice, tracking and cancel", () => {
		const orders = loadContract('vtex/orders-api.json');
		const { examples } = fixture('vtex/request-examples.json');
		const paths: Record<string, string> = {
			InvoiceNotification: '/api/oms/pvt/orders/1172452900788-01/invoice',
			'Updatepartialinvoice.SendTrackingNumber': '/api/oms/pvt/orders/1172452900788-01/invoice/000030711',
			CancelOrder: '/api/oms/pvt/orders/1172452900788-01/cancel',
		};
		for (const [operationId, path] of Object.entries(paths)) {
			const req = wire(operationId === 'Updatepartialinvoice.SendTrackingNumber' ? 'PATCH' : 'POST', path, examples[operationId]);
			const found = findOperation([orders], req)!;
			expect(found.op.operationId).toBe(operationId);
			expect(requestErrors(found.contract, found.op, req)).toEqual([]);
		}
	});

	it('checks query parameters: undeclared, required, typed, comma-separated arrays with their enum and maxItems', () => {
		const v2026 = loadContract('amazon/orders_2026-01-01.json');
		const search = (query: string) => {
			const req = wire('GET', '/orders/2026-01-01/orders', undefined, query);
			const found = findOperation([v2026], req)!;
			return requestErrors(found.contract, found.op, req);
		};
		expect(search('lastUpdatedAfter=2024-05-01T00:00:00Z&maxResultsPerPage=100&includedData=BUYER,FULFILLMENT')).toEqual([]);
		expect(search('lastUpdatedAfter=2024-05-01&maxResultsPerPage=ten&includedData=BUYER,ITEMS&nextToken=x')).toEqual([
			'query nextToken: is not a parameter of searchOrders',
			'query lastUpdatedAfter: must be an RFC 3339 date-time, got "2024-05-01"',
			'query maxResultsPerPage: must be integer, got string',
			expect.stringMatching(/^query includedData\[1\]: must be one of .*got "ITEMS"$/),
		]);
		expect(search(`marketplaceIds=${Array.from({ length: 51 }, (_v, i) => `M${i}`).join(',')}`)).toEqual(['query marketplaceIds: must have at most 50 item(s), has 51']);
		const listings = loadContract('amazon/listingsItems_2021-08-01.json');
		const patch = wire('PATCH', '/listings/2021-08-01/items/A3SELLER/SKU%202', { productType: 'PRODUCT', patches: [{ op: 'replace', path: '/attributes/x', value: [{}] }] });
		const found = findOperation([listings], patch)!;
		expect(found.params).toEqual({ sellerId: 'A3SELLER', sku: 'SKU 2' });
		expect(requestErrors(found.contract, found.op, patch)).toEqual(['query marketplaceIds: is required']);
	});

	it('checks required headers and bodies an operation does not take', () => {
		const orders = loadContract('vtex/orders-api.json');
		const get = wire('GET', '/api/oms/pvt/orders/1172452900788-01', undefined, '', {});
		const found = findOperation([orders], get)!;
		// Content-Type is exempt on a request without a body; Accept is not.
		expect(requestErrors(found.contract, found.op, get)).toEqual(['header Accept: is required']);
		const withBody = wire('GET', '/api/oms/pvt/orders/1172452900788-01', { a: 1 });
		expect(requestErrors(found.contract, found.op, withBody)).toEqual(['body: GetOrder takes none']);
	});
});
