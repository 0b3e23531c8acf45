/**
 * What each operation shows, as a list of property specs in the operation's (spec) order: a
 * literal node property or a call of a builder from nodes/ThreeCx/descriptions/shared.ts. Two
 * operations showing the same spec (same `key`) can share one emitted property.
 */
import type { FieldModel, OperationModel, ResourceModel } from '../model';
import { nodeType } from '../model';
import { isTemplateAnswer } from '../../../nodes/ThreeCx/xapi/odata/output';
import { titleCase } from '../names';
import { call } from './literal';
import { bodyListNames, optionsCollectionName } from './naming';
import type { ShowGroup } from './showGroups';

/** What a spec's final node parameter name is recorded as, in the operation table. */
export type NameTarget = `param:${number}` | `bodyField:${number}` | 'collection' | 'optionsField';

/** One property an operation shows, before merging. */
export interface PropSpec {
	/** Equal keys: the same property, whichever operation shows it. */
	key: string;
	/** Node parameter name before names are made unique (see `nameUnits`). */
	name: string;
	/** Literal property without displayOptions, or a builder. */
	literal?: Record<string, unknown>;
	builder?: Builder;
	extraShow?: Record<string, unknown[]>;
	/** Names for a shared const of a collection's options, most preferred first (not part of the key). */
	listNames?: string[];
	/** A fixed name the runtime reads (Body Mode, Return All, …): never renamed. */
	fixed?: boolean;
	/** A picker key: keeps its `<entity>Id` name when other properties would share it. */
	primary?: boolean;
	/** Where the operation table records the final name (not part of the key). */
	target?: NameTarget;
}

/** A call of a builder of nodes/ThreeCx/descriptions/shared.ts; `displayOptions` is appended. */
export interface Builder {
	fn: BuilderName;
	args: unknown[];
	/** Returns several properties (an array). */
	spread: boolean;
}

export const BUILDERS = ['bodyMode', 'entityLocator', 'inputBinaryProperty', 'odataOptions', 'returnAllAndLimit'] as const;
export type BuilderName = (typeof BUILDERS)[number];

/** A name n8n's lint takes for a secret (its `NODE_SENSITIVE_PARAM_NAMES`). */
export const isSensitive = (name: string): boolean =>
	['secret', 'password', 'token', 'apikey'].some((s) => name.toLowerCase().includes(s));

/** Descriptions: one sentence without a final period, several sentences with one (n8n lint). */
function tidy(description: string | undefined): string | undefined {
	if (!description) return undefined;
	const text = description.trim();
	const sentences = text
		.replace(/\.$/, '')
		.replace(/\b(e\.g|i\.e)\./g, '$1')
		.split(/\.\s+(?=[A-Z])/);
	if (sentences.length > 1) return text.endsWith('.') ? text : `${text}.`;
	return text.replace(/\.$/, '');
}

export const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en');
const byDisplayName = (a: { displayName: string }, b: { displayName: string }) =>
	a.displayName.localeCompare(b.displayName, 'en');

function enumOptions(values: string[]): Array<{ name: string; value: string }> {
	const names = values.map((v) => titleCase(v));
	const unique = new Set(names).size === names.length;
	return values.map((v, i) => ({ name: unique ? names[i] : v, value: v })).sort(byName);
}

/** n8n's wording for options loaded from the server (its lint requires it). */
export const LOAD_OPTIONS_HINT = {
	single: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	multiple: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

/** The field's n8n type: a labelled code list or PBX-loaded choices, else by its value type. */
function propertyType(f: FieldModel): string {
	if (f.loadOptions) return f.loadOptions.multiple ? 'multiOptions' : 'options';
	if (f.choices) return 'options';
	return nodeType(f.type);
}

function fieldDefinition(f: FieldModel, topLevel: boolean): Record<string, unknown> {
	const type = propertyType(f);
	const def: Record<string, unknown> = { displayName: f.displayName, name: f.field, type };
	if (topLevel && f.nodeRequired) def.required = true;
	if (type === 'number' && (f.minValue !== undefined || f.maxValue !== undefined)) {
		def.typeOptions = { ...(f.minValue !== undefined && { minValue: f.minValue }), ...(f.maxValue !== undefined && { maxValue: f.maxValue }) };
	}
	// Secrets are masked in the editor (same name test as the n8n lint rule).
	if (type === 'string' && isSensitive(f.field)) def.typeOptions = { password: true };
	if (f.loadOptions) def.typeOptions = { loadOptionsMethod: f.loadOptions.method };
	else if (f.choices) def.options = [...f.choices].sort(byName);
	else if (type === 'options' || type === 'multiOptions') def.options = enumOptions(f.enumValues ?? []);
	def.default = f.default;
	if (f.placeholder) def.placeholder = f.placeholder;
	else if (type === 'string' && f.field === 'email') def.placeholder = 'name@email.com';
	let description = f.description;
	if (type === 'boolean' && description && !description.startsWith('Whether')) description = undefined;
	if (f.loadOptions) {
		const standard = LOAD_OPTIONS_HINT[f.loadOptions.multiple ? 'multiple' : 'single'];
		description = description ? `${description.trim().replace(/\.$/, '')}. ${standard}.` : standard;
	}
	def.description = tidy(description);
	if (f.hint) def.hint = f.hint;
	return def;
}

/** Body fields are sent as added: text can be emptied, but only an expression gives other
 * nullable types their `null` (see xapi/odata/body.ts), so their descriptions say so. */
export const NULL_NOTE = 'Nullable: {{ null }}';

function withNullNote(def: Record<string, unknown>, f: FieldModel): Record<string, unknown> {
	if (!f.nullable || def.type === 'string' || def.type === 'boolean') return def;
	const description = def.description ? `${String(def.description).replace(/\.$/, '')}. ${NULL_NOTE}.` : NULL_NOTE;
	return { ...def, description };
}

function literalSpec(literal: Record<string, unknown>, target: NameTarget, extraShow?: Record<string, unknown[]>): PropSpec {
	return { key: JSON.stringify({ literal, extraShow }), name: String(literal.name), literal, extraShow, target };
}

/** A builder call; without `target` its name is fixed (the runtime reads it). */
function builderSpec(fn: BuilderName, args: unknown[], spread: boolean, name: string, target?: NameTarget): PropSpec {
	return { key: JSON.stringify({ fn, args }), name, builder: { fn, args, spread }, target, fixed: !target };
}

function optionNames(o: OperationModel): string[] {
	const names: string[] = [...o.request.query];
	if (o.request.output === 'collection') names.push('rawResponse');
	// An Init template keeps its secrets anyway (xapi/odata/output.ts).
	const secretsStripped = !isTemplateAnswer(o.request.path);
	if ((o.request.output === 'collection' || o.request.output === 'entity') && secretsStripped) names.push('includeSecrets');
	if (o.request.output === 'file') names.push('binaryPropertyName');
	return names;
}

/** The properties an operation shows, in its own order. */
/** Period presets of the report functions, resolved at run time (xapi/odata/period.ts). */
const PERIOD_PROPERTY = {
	displayName: 'Period',
	name: 'period',
	type: 'options',
	options: [
		{ name: 'Custom', value: 'custom', description: 'The dates set below' },
		{ name: 'Last 7 Days', value: 'last7Days', description: 'The seven whole days before today' },
		{ name: 'Last Month', value: 'lastMonth' },
		{ name: 'Last Week', value: 'lastWeek', description: 'Monday to Sunday of the week before this one' },
		{ name: 'This Month', value: 'thisMonth' },
		{ name: 'This Week', value: 'thisWeek', description: 'Monday to Sunday of this week' },
		{ name: 'Today', value: 'today' },
		{ name: 'Yesterday', value: 'yesterday' },
	],
	default: 'yesterday',
	description:
		'Whole days in the time zone of the report (or the workflow), sent to the PBX in UTC from the first midnight to the midnight after the last day',
};

export function operationSpecs(o: OperationModel): PropSpec[] {
	const out: PropSpec[] = [];
	const bounds = o.request.period ? [o.request.period.from, o.request.period.to] : [];
	o.params.forEach((p, i) => {
		if (p.name === bounds[0]) {
			out.push({ key: JSON.stringify({ literal: PERIOD_PROPERTY }), name: PERIOD_PROPERTY.name, literal: PERIOD_PROPERTY, fixed: true });
		}
		if (bounds.includes(p.name)) out.push(literalSpec(fieldDefinition(p, true), `param:${i}`, { period: ['custom'] }));
		else if (!p.picker) out.push(literalSpec(fieldDefinition(p, true), `param:${i}`));
		else {
			const args = [p.field, p.picker.displayName, p.picker.method];
			out.push({ ...builderSpec('entityLocator', args, false, p.field, `param:${i}`), primary: true });
		}
	});
	if (o.bodyKind === 'upload') out.push(builderSpec('inputBinaryProperty', [], false, 'inputBinaryPropertyName'));
	const hasFields = o.bodyKind === 'entity' || (o.bodyKind === 'action' && o.bodyFields.length > 0);
	if (hasFields) out.push(builderSpec('bodyMode', [], true, 'bodyMode'));
	const fieldsMode = { bodyMode: ['fields'] };
	if (o.bodyKind === 'action') {
		o.bodyFields.forEach((f, i) => out.push(literalSpec(fieldDefinition(f, true), `bodyField:${i}`, fieldsMode)));
	}
	if (o.bodyKind === 'entity') {
		const isCreate = o.collection!.endsWith('AdditionalFields');
		const collection = literalSpec(
			{
				displayName: isCreate ? 'Additional Fields' : 'Update Fields',
				name: o.collection,
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: o.bodyFields
					.map((f) => withNullNote(fieldDefinition(f, false), f))
					.sort((a, b) => byDisplayName(a as { displayName: string }, b as { displayName: string })),
			},
			'collection',
			fieldsMode,
		);
		out.push({ ...collection, listNames: bodyListNames(o, 'BodyFields') });
	}
	if (o.request.paged) out.push(builderSpec('returnAllAndLimit', [], true, 'returnAll'));
	const options = optionNames(o);
	if (options.length > 0) {
		const name = optionsCollectionName(o);
		out.push(builderSpec('odataOptions', [name, options], false, name, 'optionsField'));
	}
	return out;
}

/** A resource's Operation property: its operations sorted by name, Get Many (or Get) by default. */
export function operationProperty(r: ResourceModel): Record<string, unknown> {
	const options = r.operations
		.map((o) => ({ name: o.name, value: o.value, description: o.description, action: o.action }))
		.sort(byName);
	const defaultOp = r.operations.find((o) => o.value === 'getMany') ?? r.operations.find((o) => o.value === 'get');
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [r.value] } },
		options: options.map((o) => ({ ...o, description: tidy(o.description) })),
		default: (defaultOp ?? r.operations[0]).value,
	};
}

/**
 * The property as emitted: under its final `name`, shown for `group`. A literal's collection
 * options go through `shareOptions` (a shared list's name where the list recurs).
 */
export function propertyValue(
	spec: PropSpec,
	name: string,
	group: ShowGroup,
	shareOptions: (options: unknown[]) => unknown,
): unknown {
	const displayOptions = { show: { resource: group.resources, operation: group.operations, ...(spec.extraShow ?? {}) } };
	if (spec.literal) {
		const { displayName, name: _specName, type, required, typeOptions, ...rest } = spec.literal;
		if (spec.listNames) rest.options = shareOptions(rest.options as unknown[]);
		return { displayName, name, type, required, typeOptions, displayOptions, ...rest };
	}
	const { fn, args } = spec.builder!;
	// The name is the first argument of the builders that take one (entityLocator, odataOptions).
	return call(fn, [...(args.length > 0 && args[0] === spec.name ? [name, ...args.slice(1)] : args), displayOptions]);
}
