import { parseJsonText } from './json';

/**
 * OData error answers → messages users can act on. The PBX answers with localisation keys
 * (`Pbx.Warnings`: `WARNINGS.XAPI.ALREADY_IN_USE`), turned into text here. Nothing from the
 * request (headers, body, token) goes into a message. The n8n errors themselves are built in
 * xapi/nodeErrors.ts.
 */

interface Problem {
	message: string;
	target?: string;
}

export interface HttpFailure {
	status: number;
	body?: unknown;
}

/** Keys whose generic reading ("can not be empty string") is poor. */
const PHRASES: Record<string, string> = {
	'WARNINGS.XAPI.CAN_NOT_BE_EMPTY_STRING': 'must not be empty',
	'WARNINGS.XAPI.REQUIRED': 'is required',
	'WARNINGS.XAPI.MAC_USED_BY': 'MAC address is used by another phone',
	'WARNINGS.XAPI.NON_EXISTENT_EXT_NUMBER': 'extension number does not exist',
	'WARNINGS.XAPI.CREATE_1_SIP_TRUCK_EMERGENCY': 'create at least one SIP trunk for emergency calls',
	'WARNINGS.LENGTH_NOT_MORE_50_CHARS': 'must be 50 characters or fewer',
	'WARNINGS.LENGTH_NOT_MORE_255_CHARS': 'must be 255 characters or fewer',
	'WARNINGS.INTERNATIONALPREFIX_IS_MISSING': 'international prefix is missing',
};

const WARNING_KEY = /^WARNINGS(\.[A-Z0-9_]+)+$/;

/** `WARNINGS.XAPI.ALREADY_IN_USE` → `already in use`. */
export function readableWarning(key: string): string {
	return PHRASES[key] ?? (key.split('.').pop() ?? key).toLowerCase().replace(/_+/g, ' ').trim();
}

/** Text, JSON text or a Buffer (responses are read as bytes) → the OData `error` object's problems. */
export function odataProblems(body: unknown): Problem[] {
	const json = decodeBody(body);
	const error = (json as { error?: unknown } | undefined)?.error;
	if (typeof error === 'string') return [{ message: error }];
	if (typeof error !== 'object' || error === null) return [];
	const { message, target, details } = error as { message?: unknown; target?: unknown; details?: unknown };
	const fromDetails = Array.isArray(details) ? details.flatMap((detail) => problem(detail?.message, detail?.target)) : [];
	return fromDetails.length ? fromDetails : problem(message, target);
}

function problem(message: unknown, target: unknown): Problem[] {
	if (typeof message !== 'string' || !message.trim()) return [];
	// "Number:\nWARNINGS.XAPI.ALREADY_IN_USE" carries its target in the message.
	const split = /^([\w.]+):\s*\n\s*(\S[\s\S]*)$/.exec(message.trim());
	const text = split ? split[2] : message.trim();
	const field = typeof target === 'string' && target ? target : split?.[1];
	return [{ message: text, target: field }];
}

export function decodeBody(body: unknown): unknown {
	const text = Buffer.isBuffer(body)
		? body.toString('utf8')
		: body instanceof ArrayBuffer
			? Buffer.from(body).toString('utf8')
			: body;
	if (typeof text !== 'string') return text;
	const json = parseJsonText(text);
	if (json !== undefined) return json;
	const html = htmlTitle(text);
	if (html !== undefined) return { error: html };
	return text.trim() ? { error: text.trim().slice(0, 500) } : undefined;
}

/** An HTML error page (a proxy's 502, IIS) → its title (or first heading, or text): `"HTML page: 502 Bad Gateway"`. */
export function htmlTitle(text: string): string | undefined {
	if (!/^\s*(<!doctype html|<html|<head|<body|<title)/i.test(text)) return undefined;
	const heading = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(text);
	const words = (heading?.[1] ?? text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ''))
		.replace(/<[^>]*>/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 200);
	return words ? `HTML page: ${words}` : 'HTML page without a title';
}

/** The cap a 400 "The limit of '100' for Top query has been exceeded" names; undefined otherwise. */
export function topCapOf(failure: HttpFailure | undefined): number | undefined {
	if (failure?.status !== 400) return undefined;
	for (const { message } of odataProblems(failure.body)) {
		const cap = /limit of '?(\d+)'? for Top/i.exec(message);
		if (cap) return Number(cap[1]);
	}
	return undefined;
}

export function problemText({ message, target }: Problem): string {
	const text = WARNING_KEY.test(message) ? `${readableWarning(message)} (${message})` : message;
	return target ? `${target}: ${text}` : text;
}

/** Message, description and hint for a failed XAPI call. */
export function describeFailure(
	failure: HttpFailure,
	request: { method: string; path: string },
): { message: string; description: string } {
	const problems = [...new Set(odataProblems(failure.body).map(problemText))];
	const message = problems.length ? problems.join('; ') : `The PBX answered HTTP ${failure.status}`;
	const hint = hintFor(failure.status, message, request.path);
	return {
		message,
		description: `HTTP ${failure.status} from ${request.method} ${request.path}.${hint ? ` ${hint}` : ''}`,
	};
}

function hintFor(status: number, message: string, path: string): string | undefined {
	const cap = /limit of '?(\d+)'? for Top/i.exec(message);
	if (status === 400 && cap) {
		return `This list returns at most ${cap[1]} rows per request: set Options → Top to ${cap[1]} or less; Return All and Limit page automatically.`;
	}
	if (status >= 500 && /^HTML page/.test(message)) {
		return 'An HTML page instead of an OData answer usually comes from a proxy or load balancer in front of the PBX, not from 3CX itself.';
	}
	if (status === 401) {
		return 'Check the 3CX credential: server URL, Client ID, API key and "XAPI Access Enabled" (Admin console → Integrations → API). Only one token per client is valid at a time, so another workflow or n8n instance using the same Client ID logs this one out.';
	}
	if (status === 403) {
		return 'The API client is not allowed to do this: call history, recordings, chat history and reports need the role System Owner; the department "System Wide" forces role User; the console IP allow-list may block this n8n server.';
	}
	if (status === 404 && path.includes('Pbx.')) {
		return 'The PBX found no function matching these parameters: every parameter must be given, in the expected form. Also check that your 3CX version offers this operation.';
	}
	if (status === 404) return 'No record with this key exists.';
	return undefined;
}

/** Status and body of an HTTP error thrown by n8n's request helpers (the axios error may sit in
 * `cause`); undefined for network failures. */
export function httpFailureOf(error: unknown): HttpFailure | undefined {
	for (let candidate = error, depth = 0; candidate && depth < 4; depth++) {
		const response = (candidate as { response?: { status?: unknown; data?: unknown } }).response;
		if (typeof response?.status === 'number') return { status: response.status, body: response.data };
		candidate = (candidate as { cause?: unknown }).cause;
	}
	return undefined;
}
