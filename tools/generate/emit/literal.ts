/**
 * Prints values as TypeScript literals in the style of the generated files: tabs, trailing commas,
 * an object or array on one line when it fits in 100 columns. `Code` embeds code that is not a
 * literal (a const's name, a builder call).
 */

/** Code inside a literal, printed at the indentation where it lands. */
export class Code {
	constructor(private readonly printer: (indent: string) => string) {}

	print(indent = ''): string {
		return this.printer(indent);
	}
}

/** Code printed as is: a name, a spread. */
export const raw = (code: string): Code => new Code(() => code);

/** A function call with literal arguments: `field({ … })`; several arguments one a line. */
export const call = (fn: string, args: unknown[]): Code =>
	new Code((indent) => {
		if (args.length === 1) return `${fn}(${lit(args[0], indent)})`;
		const inner = `${indent}\t`;
		return `${fn}(\n${args.map((a) => `${inner}${lit(a, inner)},\n`).join('')}${indent})`;
	});

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const WIDTH = 100;

function quote(s: string): string {
	return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/**
 * `value` as TypeScript source; `indent` is the indentation of the line it starts on, `used` the
 * columns a key before it takes (`displayOptions: `).
 */
export function lit(value: unknown, indent = '', used = 0): string {
	if (value instanceof Code) return value.print(indent);
	if (value === null) return 'null';
	if (typeof value === 'string') return quote(value);
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	const inner = `${indent}\t`;
	if (Array.isArray(value)) {
		if (value.length === 0) return '[]';
		if (value.every((v) => typeof v !== 'object' || v === null)) {
			const oneLine = `[${value.map((v) => lit(v)).join(', ')}]`;
			if (oneLine.length + indent.length * 4 + used <= WIDTH) return oneLine;
		}
		return `[\n${value.map((v) => `${inner}${lit(v, inner)},`).join('\n')}\n${indent}]`;
	}
	if (typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
		if (entries.length === 0) return '{}';
		const parts = entries.map(([k, v]) => {
			const key = IDENT.test(k) ? k : quote(k);
			return `${key}: ${lit(v, inner, key.length + 2)}`;
		});
		const oneLine = `{ ${parts.join(', ')} }`;
		if (!oneLine.includes('\n') && oneLine.length + indent.length * 4 + used <= WIDTH) return oneLine;
		return `{\n${parts.map((p) => `${inner}${p},`).join('\n')}\n${indent}}`;
	}
	throw new Error(`Cannot emit ${typeof value}`);
}
