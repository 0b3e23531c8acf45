/**
 * simulator/generated/answers.json, the simulator's answers without the spec: committed as the
 * spec gives them today, one per spec operation, and read back as the spec index would answer.
 */
import { readFileSync } from 'fs';
import { OPERATION_IDS } from '../../nodes/ThreeCx/generated';
import { ANSWERS_FILE, SampleIndex, type RecordedAnswers } from '../../simulator/samples';
import { loadSpec } from '../../simulator/spec';
import { answersText, recordAnswers } from '../../tools/generate/answers';
import { specPath } from '../../tools/spec/locate';
import { withSpec } from '../support/spec';

const committed = readFileSync(ANSWERS_FILE, 'utf8');
const recorded = JSON.parse(committed) as RecordedAnswers;

describe('committed simulator answers', () => {
	it('are marked generated and hold one answer per spec operation of the node', () => {
		expect(recorded['//']).toMatch(/^GENERATED FILE: DO NOT EDIT/);
		expect(Object.keys(recorded.operations)).toHaveLength(Object.keys(OPERATION_IDS).length);
		for (const [key, answer] of Object.entries(recorded.operations)) {
			if (answer.body !== undefined) expect({ key, body: recorded.bodies[answer.body] !== undefined }).toEqual({ key, body: true });
			if (answer.rows !== undefined) expect({ key, rows: Array.isArray(recorded.rowTypes[answer.rows]) }).toEqual({ key, rows: true });
		}
	});

	it('store each example body once', () => {
		const bodies = Object.values(recorded.bodies).map((b) => JSON.stringify(b));
		expect(new Set(bodies).size).toBe(bodies.length);
		expect(committed.length).toBeLessThan(250_000);
	});
});

withSpec(describe, 'the check that the committed simulator answers match the spec')('simulator answers from the spec', () => {
	it('are what npm run generate writes today', async () => {
		expect(answersText(await recordAnswers()) === committed).toBe(true);
	});

	it('answer every operation as the spec index does (where the simulator asks)', async () => {
		const spec = await loadSpec(specPath());
		const samples = new SampleIndex(recorded);
		const differing = spec.ops.filter((op, i) => {
			const twin = samples.ops[i];
			const same =
				twin.method === op.method &&
				twin.template === op.template &&
				samples.isActionResult(twin) === spec.isActionResult(op) &&
				// the simulator answers reports with seeded rows and files with a file, else the example
				(spec.reportItem(op) !== undefined || spec.isActionResult(op) || JSON.stringify(samples.respond(twin)) === JSON.stringify(spec.respond(op))) &&
				samples.bodyRequired(twin) === spec.bodyRequired(op) &&
				JSON.stringify(samples.reportItem(twin)) === JSON.stringify(spec.reportItem(op)) &&
				JSON.stringify([...twin.params]) === JSON.stringify([...op.params]);
			return !same;
		});
		expect(differing.map((op) => `${op.method} ${op.template}`)).toEqual([]);
	});
});
