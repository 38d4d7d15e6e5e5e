import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Delivery authentication, in constant time, on the raw body exactly as received (a re-serialised JSON
 * body has other bytes and another HMAC). Every function answers false, never throws, on a missing or
 * malformed header, so a forged delivery is one code path: 401, nothing applied.
 */

/** Compares two byte strings in time that does not depend on where they differ. */
export function constantTimeEqual(a: Buffer, b: Buffer): boolean {
	// timingSafeEqual needs equal lengths; comparing digests of both keeps the length out of the timing too.
	const da = createHmac('sha256', 'oms-compare').update(a).digest();
	const db = createHmac('sha256', 'oms-compare').update(b).digest();
	return timingSafeEqual(da, db) && a.length === b.length;
}

/** HMAC-SHA256 of the raw body, sent base64 (Shopify `X-Shopify-Hmac-Sha256`, WooCommerce `X-WC-Webhook-Signature`). */
export function verifyBase64Hmac(rawBody: Buffer, secret: string, header: string | undefined): boolean {
	if (!secret || !header) return false;
	const expected = createHmac('sha256', secret).update(rawBody).digest();
	const given = Buffer.from(header.trim(), 'base64');
	return constantTimeEqual(expected, given);
}

/** HMAC-SHA256 of the raw body, sent hex (Nuvemshop `X-Linkedstore-HMAC-SHA256`). */
export function verifyHexHmac(rawBody: Buffer, secret: string, header: string | undefined): boolean {
	if (!secret || !header || !/^[0-9a-f]+$/i.test(header.trim())) return false;
	const expected = createHmac('sha256', secret).update(rawBody).digest();
	return constantTimeEqual(expected, Buffer.from(header.trim(), 'hex'));
}

/** A shared secret sent as a header value (VTEX hooks carry the headers you configure). */
export function verifySharedSecret(secret: string, header: string | undefined): boolean {
	if (!secret || header === undefined) return false;
	return constantTimeEqual(Buffer.from(secret, 'utf8'), Buffer.from(header, 'utf8'));
}
