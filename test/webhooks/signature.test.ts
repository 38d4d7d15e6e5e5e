import { createHmac } from 'node:crypto';
import { constantTimeEqual, verifyBase64Hmac, verifyHexHmac, verifySharedSecret } from '../../core/webhooks/signature';

const body = Buffer.from('{"id":820982911946154508,"email":"jon@example.com","total_price":"403.00"}');
const secret = 'hush';
const b64 = createHmac('sha256', secret).update(body).digest('base64');
const hex = createHmac('sha256', secret).update(body).digest('hex');

describe('webhook signatures (raw body, constant time)', () => {
	it('RFC 4231 test case 2 (HMAC-SHA256 of "what do ya want for nothing?" with key "Jefe"): the vector checks the hex form', () => {
		const msg = Buffer.from('what do ya want for nothing?');
		expect(verifyHexHmac(msg, 'Jefe', '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843')).toBe(true);
		expect(verifyBase64Hmac(msg, 'Jefe', Buffer.from('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843', 'hex').toString('base64'))).toBe(true);
	});

	it.each([
		['base64 (Shopify, WooCommerce)', (b: Buffer, s: string, h?: string) => verifyBase64Hmac(b, s, h), b64],
		['hex (Nuvemshop)', (b: Buffer, s: string, h?: string) => verifyHexHmac(b, s, h), hex],
	])('%s: the right signature passes; a changed body, another secret, no header or garbage fail', (_kind, verify, good) => {
		expect(verify(body, secret, good)).toBe(true);
		expect(verify(Buffer.from(body.toString().replace('403.00', '1.00')), secret, good)).toBe(false);
		expect(verify(body, 'other', good)).toBe(false);
		expect(verify(body, secret, undefined)).toBe(false);
		expect(verify(body, secret, '')).toBe(false);
		expect(verify(body, secret, 'not-a-signature!')).toBe(false);
		expect(verify(body, '', good)).toBe(false);
		// A prefix of the right signature is not the signature.
		expect(verify(body, secret, good.slice(0, 10))).toBe(false);
	});

	it('a shared secret header must match exactly', () => {
		expect(verifySharedSecret('s3cr3t-value', 's3cr3t-value')).toBe(true);
		expect(verifySharedSecret('s3cr3t-value', 's3cr3t-valuE')).toBe(false);
		expect(verifySharedSecret('s3cr3t-value', 's3cr3t')).toBe(false);
		expect(verifySharedSecret('s3cr3t-value', undefined)).toBe(false);
		expect(verifySharedSecret('', '')).toBe(false);
	});

	it('constantTimeEqual compares bytes and lengths', () => {
		expect(constantTimeEqual(Buffer.from('abc'), Buffer.from('abc'))).toBe(true);
		expect(constantTimeEqual(Buffer.from('abc'), Buffer.from('abcd'))).toBe(false);
		expect(constantTimeEqual(Buffer.alloc(0), Buffer.alloc(0))).toBe(true);
	});
});
