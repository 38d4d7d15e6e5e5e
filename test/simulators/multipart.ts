import type { SimRequest } from './http-sim';

/** The parts of a multipart/form-data request: text fields, and files with their name, type and content. */
export interface FormParts {
	fields: Record<string, string>;
	files: Record<string, { filename: string; type: string; content: string }>;
}

/** Parses a multipart/form-data body; undefined when the request is not one (no boundary). */
export function readForm(req: SimRequest): FormParts | undefined {
	const type = String(req.headers['content-type'] ?? '');
	const boundary = /boundary=([^;]+)/.exec(type)?.[1];
	if (!boundary || !type.startsWith('multipart/form-data')) return undefined;
	const parts: FormParts = { fields: {}, files: {} };
	for (const part of req.rawBody.split(`--${boundary}`)) {
		const m = /^\r\nContent-Disposition: form-data; name="([^"]+)"(?:; filename="([^"]*)")?\r\n(?:Content-Type: ([^\r]*)\r\n)?\r\n([\s\S]*)\r\n$/.exec(part);
		if (!m) continue;
		if (m[2] === undefined) parts.fields[m[1]] = m[4];
		else parts.files[m[1]] = { filename: m[2], type: m[3] ?? '', content: m[4] };
	}
	return parts;
}
