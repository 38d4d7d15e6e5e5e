/**
 * The NF-e access key (chave de acesso), as the NF-e Manual de Orientação do Contribuinte lays it out:
 * cUF(2) AAMM(4) CNPJ/CPF(14) mod(2) serie(3) nNF(9) tpEmis(1) cNF(8) cDV(1) = 44 digits.
 */
export interface NfeKeyParts {
	uf: string;
	yearMonth: string;
	issuerId: string;
	model: string;
	series: number;
	number: number;
}

/**
 * cDV: modulus 11 over the first 43 digits, weights 2..9 from the right and repeating; a remainder of 0 or 1
 * gives 0, any other r gives 11 − r.
 */
export function nfeCheckDigit(first43: string): number {
	let sum = 0;
	let weight = 2;
	for (let i = first43.length - 1; i >= 0; i--) {
		sum += Number(first43[i]) * weight;
		weight = weight === 9 ? 2 : weight + 1;
	}
	const remainder = sum % 11;
	return remainder < 2 ? 0 : 11 - remainder;
}

/** Spaces, dots and dashes are how keys are printed on the DANFE; they are dropped before checking. */
export function normalizeNfeKey(raw: string): string {
	return raw.replace(/[\s.-]/g, '');
}

/** The key's fields, or the reason it is not a valid key. */
export function parseNfeKey(key: string): NfeKeyParts | { invalid: string } {
	if (!/^\d{44}$/.test(key)) return { invalid: `must be 44 digits, got ${key.length} characters` };
	if (nfeCheckDigit(key.slice(0, 43)) !== Number(key[43])) return { invalid: 'has a wrong check digit (typo in the key?)' };
	return {
		uf: key.slice(0, 2),
		yearMonth: key.slice(2, 6),
		issuerId: key.slice(6, 20),
		model: key.slice(20, 22),
		series: Number(key.slice(22, 25)),
		number: Number(key.slice(25, 34)),
	};
}
