/**
 * Contract: every operation of the 20.0.10 spec runs through the node (n8n-core engine) twice,
 * once with only the parameters the editor marks required (how a user starts: no body field) and
 * once with every parameter and body field filled; every request it sends must validate against
 * the official spec (Prism rejects a missing required body) and follow the OData literal rules of
 * NOTES.md.
 */
import { EXTRA_OPERATIONS, OPERATIONS } from '../../nodes/ThreeCx/generated';
import { ThreeCx } from '../../nodes/ThreeCx/ThreeCx.node';
import { specPath } from '../../tools/spec/locate';
import { CredentialStore, executeNode } from '../support/n8n-harness';
import { withSpec } from '../support/spec';
import { literalProblems } from './literalRules';
import { startPrismGateway, type PrismGateway } from './prismGateway';
import { sampleParameters, type SampleMode } from './sampleParameters';
import { TOKEN_CHECK } from '../support/simRequests';

const SPEC_OPERATIONS = 601;
const description = new ThreeCx().description;
const operations = Object.entries(OPERATIONS).flatMap(([resource, table]) =>
	Object.entries(table)
		.filter(([name]) => !EXTRA_OPERATIONS.includes(`${resource}.${name}`))
		.map(([name, operation]) => ({ resource, name, operation })),
);

const suite = withSpec(describe, 'the contract tests (every operation validated by Prism against the spec)');

suite('every operation against the official 20.0.10 spec (Prism)', () => {
	let gateway: PrismGateway;
	beforeAll(async () => {
		gateway = await startPrismGateway(specPath());
	}, 180_000);
	afterAll(async () => await gateway?.close());

	const PASSES: Array<[SampleMode, string]> = [
		['required', 'only the fields the editor marks required'],
		['all', 'every optional field filled'],
	];
	it.each(PASSES)(`sends only valid requests for all ${SPEC_OPERATIONS} operations (%s: %s)`, async (mode) => {
		expect(operations).toHaveLength(SPEC_OPERATIONS);
		const credentials = new CredentialStore({ server: gateway.url, clientId: 'contract', apiKey: 'key' });
		const failures: string[] = [];
		let valid = 0;
		for (const { resource, name, operation } of operations) {
			gateway.requests.length = 0;
			const parameters = sampleParameters(description, resource, name, operation, mode);
			// n8n itself refuses a node whose required parameter is empty (WorkflowHasIssuesError).
			const run = await executeNode({ parameters, credentials }).catch((error: Error) => ({ error }));
			// The credential's own token check (GET /Defs?$select=Id) is not the operation's request.
			const requests = gateway.requests.filter((request) => operation.path === '/Defs' || !TOKEN_CHECK.test(request.url));
			const problems = requests.flatMap((request) => [
				// Prism also checks its own generated examples; only the request is the node's doing.
				...request.violations
					.filter((v) => v.location[0] === 'request')
					.map((v) => `${v.location.join('.')}: ${v.message}`),
				...(request.status === 422 ? ['Prism answered 422'] : []),
				...literalProblems(operation, request.url),
			]);
			if (requests.length === 0) {
				problems.push(`no request sent${run.error ? ` (${run.error.message})` : ''}`);
			}
			if (problems.length === 0) valid++;
			else failures.push(`${resource}.${name} ${operation.method} ${requests[0]?.url ?? ''}\n    ${problems.join('\n    ')}`);
		}
		console.log(`${mode} fields: ${valid}/${SPEC_OPERATIONS} operations valid`);
		if (process.env.CONTRACT_REPORT) require('node:fs').writeFileSync(`${process.env.CONTRACT_REPORT}.${mode}`, failures.join('\n'));
		expect(failures).toEqual([]);
		expect(valid).toBe(SPEC_OPERATIONS);
	}, 600_000);
});
