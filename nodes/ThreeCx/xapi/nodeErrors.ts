import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';
import { describeFailure, httpFailureOf, odataProblems } from './odata/errors';
import { isTimeout } from './odata/timeout';
import { InputProblem } from './odata/values';

/** The request as errors name it: the real path with its values (never the headers). */
export interface FailedRequest {
	method: string;
	path: string;
	/** The timeout in force, for "did not answer … within N s". */
	timeoutSeconds?: number;
}

/**
 * Every error the node throws is built here: NodeApiError when the PBX or the network failed,
 * NodeOperationError when the input or the answer cannot be used. Messages come from the status
 * and the PBX's answer only, never from the request, which carries the Authorization header.
 */

/**
 * A failed call, as a fresh error: the caught one carries the axios request in its cause. HTTP
 * answers get the PBX's words and a hint; network failures and the credential's own errors
 * keep their words. NodeOperationErrors (the answer could not be shaped) pass through.
 */
export function callError(
	node: INode,
	error: unknown,
	request: FailedRequest,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeOperationError) return error;
	const failure = httpFailureOf(error);
	if (!failure && request.timeoutSeconds !== undefined && isTimeout(error)) {
		const message = `3CX did not answer ${request.method} ${request.path} within ${request.timeoutSeconds} s`;
		const description = 'Raise Options → Timeout for slow reports, or narrow the request (period, filter).';
		return withMessage(new NodeApiError(node, { message }, { message, description, itemIndex }), message);
	}
	if (!failure) {
		const { message: words, description } = thrownWords(error);
		const message = typeof words === 'string' && words ? words : 'Request failed';
		const named = description ?? `The request was ${request.method} ${request.path}.`;
		return withMessage(new NodeApiError(node, { message }, { message, description: named, itemIndex }), message);
	}
	const { message, description } = describeFailure(failure, request);
	const response = { status: failure.status, problems: odataProblems(failure.body) } as unknown as JsonObject;
	const httpCode = String(failure.status);
	return withMessage(new NodeApiError(node, response, { message, description, httpCode, itemIndex }), message);
}

/**
 * Bad input found before anything is sent: an InputProblem names the parameter and the expected
 * form. n8n's own errors pass through; anything else (an expression that failed) is wrapped.
 */
export function inputError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeOperationError || error instanceof NodeApiError) return error;
	if (error instanceof InputProblem) {
		return new NodeOperationError(node, error.message, {
			itemIndex,
			description: `Parameter "${error.parameter}" must be ${error.expected}. Nothing was sent to the PBX.`,
		});
	}
	return new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex });
}

/** The node cannot go on: an unknown operation, an answer it cannot read. */
export function operationError(node: INode, message: string, itemIndex: number): NodeOperationError {
	return new NodeOperationError(node, message, { itemIndex });
}

/** n8n wraps a credential's own error (e.g. "Cannot reach the 3CX server") in a NodeApiError
 * with a generic message; the wrapped error says more. An axios cause would carry the request. */
function thrownWords(error: unknown): { message?: unknown; description?: string } {
	const cause = (error as { cause?: unknown })?.cause;
	const own = error instanceof NodeApiError && cause instanceof Error && !('isAxiosError' in cause);
	return ((own ? cause : error) ?? {}) as { message?: unknown; description?: string };
}

/** NodeApiError swaps messages containing words like ECONNREFUSED for generic ones; ours say more. */
function withMessage(error: NodeApiError, message: string): NodeApiError {
	error.message = message;
	return error;
}
