/**
 * Reading the 3CX XAPI OpenAPI files: YAML parsed with `yaml`, `$ref`s resolved with
 * @apidevtools/swagger-parser, `allOf` chains flattened here (3CX bodies are `$ref` → `allOf`).
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { readFileSync } from 'fs';
import { parse } from 'yaml';
import { specPath } from './locate';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Schema = Record<string, any>;

export const HTTP_METHODS = ['get', 'post', 'patch', 'put', 'delete'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface LoadedSpec {
	version: string;
	/** Fully dereferenced document: every `$ref` replaced by the object it points to. */
	api: Record<string, any>;
	/** Component schema object → its name (`Pbx.User`), to name enums and nested objects. */
	schemaNames: Map<object, string>;
}

export interface SpecOperation {
	method: HttpMethod;
	/** Path as written in the spec. */
	path: string;
	operation: Record<string, any>;
}

/** Parse one spec file without resolving references. */
export function readSpecRaw(version: string): Record<string, any> {
	return parse(readFileSync(specPath(version), 'utf8'), { maxAliasCount: -1 }) as Record<string, any>;
}

/** Parse and dereference one spec file. */
export async function loadSpec(version: string): Promise<LoadedSpec> {
	const raw = readSpecRaw(version);
	const api = (await SwaggerParser.dereference(raw as any)) as unknown as Record<string, any>;
	const schemaNames = new Map<object, string>();
	for (const [name, schema] of Object.entries<Schema>(api.components?.schemas ?? {})) {
		if (schema && typeof schema === 'object' && !schemaNames.has(schema)) schemaNames.set(schema, name);
	}
	return { version, api, schemaNames };
}

/** All operations in document order. */
export function listOperations(doc: Record<string, any>): SpecOperation[] {
	const out: SpecOperation[] = [];
	for (const [path, item] of Object.entries<Record<string, any>>(doc.paths ?? {})) {
		for (const method of HTTP_METHODS) {
			if (item[method]) out.push({ method, path, operation: item[method] });
		}
	}
	return out;
}

/** Spec path without quotes around placeholders: `/Users(Number='{Number}')` → `/Users(Number={Number})`. */
export function stripPlaceholderQuotes(path: string): string {
	return path.replace(/'\{([^}]+)\}'/g, '{$1}');
}

/** Path shape used to compare versions: quotes stripped and placeholder names dropped. */
export function normalizePath(path: string): string {
	return stripPlaceholderQuotes(path).replace(/\{[^}]+\}/g, '{}');
}

/** Schema with `allOf` merged (deeply), keeping property order (bases first). */
export interface FlatSchema {
	type?: string;
	format?: string;
	enum?: string[];
	/** `x-ms-enum-flags`: a comma-separated combination of members. */
	flags?: boolean;
	nullable?: boolean;
	properties: Record<string, Schema>;
	items?: Schema;
	/** Name of the component this schema is or wraps (`Pbx.Schedule`). */
	refName?: string;
	minimum?: number;
	maximum?: number;
	maxLength?: number;
	/** oneOf/anyOf: not a single shape. */
	union?: boolean;
}

export function flatten(schema: Schema | undefined, names: Map<object, string>, seen: Set<object> = new Set()): FlatSchema {
	const flat: FlatSchema = { properties: {} };
	if (!schema || typeof schema !== 'object') return flat;
	if (names.has(schema)) flat.refName = names.get(schema);
	if (seen.has(schema)) return flat;
	seen.add(schema);
	for (const part of (schema.allOf as Schema[] | undefined) ?? []) {
		const inner = flatten(part, names, seen);
		if (!flat.refName && inner.refName) flat.refName = inner.refName;
		for (const key of ['type', 'format', 'enum', 'flags', 'items', 'minimum', 'maximum', 'maxLength', 'union'] as const) {
			if (inner[key] !== undefined) (flat as any)[key] = inner[key];
		}
		if (inner.nullable) flat.nullable = true;
		Object.assign(flat.properties, inner.properties);
	}
	seen.delete(schema);
	if (schema.type) flat.type = schema.type;
	if (schema.format) flat.format = schema.format;
	if (Array.isArray(schema.enum)) flat.enum = schema.enum.map(String);
	if (schema['x-ms-enum-flags']) flat.flags = true;
	if (schema.nullable) flat.nullable = true;
	if (schema.items) flat.items = schema.items;
	if (typeof schema.minimum === 'number') flat.minimum = schema.minimum;
	if (typeof schema.maximum === 'number') flat.maximum = schema.maximum;
	if (typeof schema.maxLength === 'number') flat.maxLength = schema.maxLength;
	if (schema.oneOf || schema.anyOf) flat.union = true;
	if (schema.properties) Object.assign(flat.properties, schema.properties);
	if (!flat.type && Object.keys(flat.properties).length > 0) flat.type = 'object';
	return flat;
}
