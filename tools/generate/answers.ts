/**
 * simulator/generated/answers.json: the simulator's answers to the operations it does not model,
 * sampled from the spec exactly as the simulator samples them when the spec is there
 * (simulator/spec.ts), so that a clone without the spec still gets a plausible answer to every
 * operation. Written by `npm run generate`, checked by `npm run generate:check`.
 */
import { ANSWERS_FILE, type RecordedAnswer, type RecordedAnswers } from '../../simulator/samples';
import { loadSpec, type SpecIndex, type SpecOp } from '../../simulator/spec';
import { REFERENCE_VERSION, specPath } from '../spec/locate';

export { ANSWERS_FILE };

const byKey = <T>(entries: [string, T][]) => entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** Values stored once each, under the name of their schema (or the first operation's id). */
class SharedTable {
	readonly values = new Map<string, unknown>();
	private readonly nameOf = new Map<string, string>();

	add(name: string, body: unknown): string {
		const json = JSON.stringify(body);
		const known = this.nameOf.get(json);
		if (known) return known;
		let unique = name;
		for (let n = 2; this.values.has(unique); n++) unique = `${name}~${n}`;
		this.values.set(unique, body);
		this.nameOf.set(json, unique);
		return unique;
	}
}

interface Tables {
	bodies: SharedTable;
	rowTypes: SharedTable;
}

function recordedAnswer(index: SpecIndex, op: SpecOp, { bodies, rowTypes }: Tables): RecordedAnswer {
	const answer: RecordedAnswer = {};
	if (op.params.size > 0) {
		answer.params = Object.fromEntries([...op.params.values()].map((p) => [p.name, `${p.kind}${p.nullable ? '?' : ''}`]));
	}
	if (index.bodyRequired(op)) answer.bodyRequired = true;
	const item = index.reportItem(op);
	if (item) {
		const props = item.props.map((p) => (p.format ? [p.name, p.type ?? 'object', p.format] : [p.name, p.type ?? 'object']));
		answer.rows = rowTypes.add(item.type, props);
		return answer;
	}
	if (index.isActionResult(op)) {
		answer.file = op.operationId;
		return answer;
	}
	const { status, body } = index.respond(op);
	answer.status = status;
	if (body !== undefined) answer.body = bodies.add(index.responseSchemaName(op) ?? op.operationId, body);
	return answer;
}

/** The recorded answers of every spec operation, in spec order (the order the matcher tries them). */
export async function recordAnswers(): Promise<RecordedAnswers> {
	const index = await loadSpec(specPath(REFERENCE_VERSION));
	const tables: Tables = { bodies: new SharedTable(), rowTypes: new SharedTable() };
	const operations = index.ops.map((op) => [`${op.method} ${op.template}`, recordedAnswer(index, op, tables)]);
	return {
		'//': `GENERATED FILE: DO NOT EDIT. Written by npm run generate (tools/generate/answers.ts) from xapi-${REFERENCE_VERSION}.yaml: the simulator's answers when the spec is absent.`,
		specVersion: REFERENCE_VERSION,
		operations: Object.fromEntries(operations),
		rowTypes: Object.fromEntries(byKey([...tables.rowTypes.values])) as RecordedAnswers['rowTypes'],
		bodies: Object.fromEntries(byKey([...tables.bodies.values])),
	};
}

/** answers.json as committed: one operation, row type or body a line, so a change shows as a line. */
export function answersText(answers: RecordedAnswers): string {
	const lines = (entries: [string, unknown][]) => entries.map(([k, v]) => `\t\t${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n');
	return [
		'{',
		`\t"//": ${JSON.stringify(answers['//'])},`,
		`\t"specVersion": ${JSON.stringify(answers.specVersion)},`,
		'\t"operations": {',
		lines(Object.entries(answers.operations)),
		'\t},',
		'\t"rowTypes": {',
		lines(Object.entries(answers.rowTypes)),
		'\t},',
		'\t"bodies": {',
		lines(Object.entries(answers.bodies)),
		'\t}',
		'}',
		'',
	].join('\n');
}
