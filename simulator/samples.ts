/**
 * The simulator's answers to the operations it does not model when the spec is absent (a clone
 * without ../shared): simulator/generated/answers.json, written by `npm run generate`
 * (tools/generate/answers.ts) from the spec with the same sampling as ./spec.ts, and committed.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ParamDef, ParamKind } from './odata/literals';
import { AnswerIndex, CollectionItem, OperationMatcher, SpecOp, SpecResponse, templateSegments } from './spec';

export const ANSWERS_FILE = path.join(__dirname, 'generated', 'answers.json');

/** One operation of answers.json, under the key `METHOD /template`. */
export interface RecordedAnswer {
	/** Path parameter → kind, with `?` when it may be null (`{ "Id": "int" }`). */
	params?: Record<string, string>;
	/** The spec requires a request body. */
	bodyRequired?: true;
	/** Report function: the key of its row type in `rowTypes`, for seeded rows. */
	rows?: string;
	/** A file answer: the operationId, named in the file's content. */
	file?: string;
	/** Success status (other answers). */
	status?: number;
	/** Key of the example body in `bodies`; none for 204. */
	body?: string;
}

export interface RecordedAnswers {
	'//': string;
	specVersion: string;
	/** In spec order, the order the matcher tries them. */
	operations: Record<string, RecordedAnswer>;
	/** Row type name → its properties `[name, type, format?]`. */
	rowTypes: Record<string, [string, string, string?][]>;
	/** Example bodies by schema name (or operationId), each once. */
	bodies: Record<string, unknown>;
}

/** `{ "Id": "int" }` → the matcher's parameter definitions. */
function paramDefs(params: Record<string, string> = {}): Map<string, ParamDef> {
	return new Map(
		Object.entries(params).map(([name, kind]) => [name, { name, kind: kind.replace(/\?$/, '') as ParamKind, nullable: kind.endsWith('?') }]),
	);
}

/** The committed answers as an AnswerIndex: the same matching and answers as the spec gives. */
export class SampleIndex extends OperationMatcher implements AnswerIndex {
	private readonly answers = new Map<SpecOp, RecordedAnswer>();

	constructor(private readonly recorded: RecordedAnswers) {
		super();
		for (const [key, answer] of Object.entries(recorded.operations)) {
			const space = key.indexOf(' ');
			const template = key.slice(space + 1);
			const op: SpecOp = { method: key.slice(0, space), template, operationId: answer.file ?? '', segs: templateSegments(template), params: paramDefs(answer.params) };
			this.answers.set(op, answer);
			this.add(op);
		}
	}

	get specVersion(): string {
		return this.recorded.specVersion;
	}

	respond(op: SpecOp): SpecResponse {
		const { status = 204, body } = this.answers.get(op)!;
		return body === undefined ? { status } : { status, body: this.recorded.bodies[body] };
	}

	isActionResult(op: SpecOp): boolean {
		return this.answers.get(op)!.file !== undefined;
	}

	reportItem(op: SpecOp): CollectionItem | undefined {
		const rows = this.answers.get(op)!.rows;
		if (rows === undefined) return undefined;
		const props = this.recorded.rowTypes[rows].map(([name, type, format]) => ({ name, type, format }));
		return { type: rows.replace(/~\d+$/, ''), props };
	}

	bodyRequired(op: SpecOp): boolean {
		return this.answers.get(op)!.bodyRequired === true;
	}
}

let loaded: Promise<SampleIndex | undefined> | undefined;

/** The committed answers, read once per process; undefined when the file is missing. */
export function loadSamples(): Promise<SampleIndex | undefined> {
	loaded ??= fs.promises.readFile(ANSWERS_FILE, 'utf8').then(
		(text) => new SampleIndex(JSON.parse(text) as RecordedAnswers),
		() => undefined,
	);
	return loaded;
}
