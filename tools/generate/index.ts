/**
 * `npm run generate`: writes nodes/ThreeCx/generated/ from the 3CX spec and the overlays, and the
 * simulator's answers without the spec (simulator/generated/answers.json, ./answers.ts).
 * `npm run generate:check`: exits 1 when the committed output differs from what the spec produces.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'fs';
import * as path from 'path';
import { REPO_ROOT, SPEC_MISSING_MESSAGE, specAvailable } from '../spec/locate';
import { ANSWERS_FILE, answersText, recordAnswers } from './answers';
import { emit } from './emit';
import { buildModel } from './model';

export const OUTPUT_DIR = path.join(REPO_ROOT, 'nodes', 'ThreeCx', 'generated');

export async function generate(): Promise<Map<string, string>> {
	const model = await buildModel();
	return emit(model).files;
}

/** How the files in OUTPUT_DIR differ from `files`: missing, different, or not generated any more. */
export function outdated(files: Map<string, string>): string[] {
	const problems: string[] = [];
	for (const [name, content] of files) {
		const file = path.join(OUTPUT_DIR, name);
		if (!existsSync(file)) problems.push(`missing: ${name}`);
		else if (readFileSync(file, 'utf8') !== content) problems.push(`differs: ${name}`);
	}
	for (const name of existingFiles()) if (!files.has(name)) problems.push(`not generated (stale): ${name}`);
	return problems;
}

function existingFiles(): string[] {
	return existsSync(OUTPUT_DIR) ? readdirSync(OUTPUT_DIR).filter((f) => f.endsWith('.ts')) : [];
}

async function main(): Promise<void> {
	const check = process.argv.includes('--check');
	if (!specAvailable()) {
		console.error(SPEC_MISSING_MESSAGE);
		process.exit(2);
	}
	const files = await generate();
	const answers = answersText(await recordAnswers());
	const answersName = path.relative(REPO_ROOT, ANSWERS_FILE);
	if (check) {
		const problems = outdated(files);
		if (!existsSync(ANSWERS_FILE) || readFileSync(ANSWERS_FILE, 'utf8') !== answers) problems.push(`differs: ${answersName}`);
		if (problems.length > 0) {
			console.error(`Generated descriptors are out of date (run npm run generate):\n  ${problems.join('\n  ')}`);
			process.exit(1);
		}
		console.log(`Generated descriptors are up to date (${files.size} files).`);
		return;
	}
	mkdirSync(OUTPUT_DIR, { recursive: true });
	for (const name of existingFiles()) if (!files.has(name)) unlinkSync(path.join(OUTPUT_DIR, name));
	let written = 0;
	for (const [name, content] of files) {
		const file = path.join(OUTPUT_DIR, name);
		if (existsSync(file) && readFileSync(file, 'utf8') === content) continue;
		writeFileSync(file, content);
		written++;
	}
	console.log(`Wrote ${written} of ${files.size} files to ${path.relative(REPO_ROOT, OUTPUT_DIR)}.`);
	if (!existsSync(ANSWERS_FILE) || readFileSync(ANSWERS_FILE, 'utf8') !== answers) {
		mkdirSync(path.dirname(ANSWERS_FILE), { recursive: true });
		writeFileSync(ANSWERS_FILE, answers);
		console.log(`Wrote ${answersName} (${Math.round(answers.length / 1024)} KB).`);
	}
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
