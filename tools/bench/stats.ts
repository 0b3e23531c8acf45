/** Median and spread of a handful of runs, and the number formats the table uses. */
export interface Summary {
	median: number;
	min: number;
	max: number;
	n: number;
	values: number[];
}

export function summarize(values: number[]): Summary {
	if (!values.length) return { median: NaN, min: NaN, max: NaN, n: 0, values };
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	return { median, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length, values };
}

export function fmt(value: number, digits = 2): string {
	if (!Number.isFinite(value)) return 'n/a';
	return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** `median (min–max)` */
export function spread(summary: Summary, digits = 2, unit = ''): string {
	if (!summary.n) return 'n/a';
	const u = unit ? ` ${unit}` : '';
	if (summary.n === 1 || summary.min === summary.max) return `${fmt(summary.median, digits)}${u}`;
	return `${fmt(summary.median, digits)}${u} (${fmt(summary.min, digits)}–${fmt(summary.max, digits)})`;
}

export function ratio(a: number, b: number): number {
	return b ? a / b : NaN;
}
