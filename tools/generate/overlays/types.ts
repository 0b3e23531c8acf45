/** Shapes of the hand-curated overlay files the generator reads. */
import type { ODataOption, XapiOutput, XapiValueType } from '../../../nodes/ThreeCx/xapi/types';

export interface ResourceOverlay {
	/** Readable name, when splitting the tag into words is not enough. */
	name?: string;
	description?: string;
}

export interface OperationOverlay {
	/** Stable camelCase value. Never change it once released. */
	value?: string;
	name?: string;
	/** Sentence case. */
	action?: string;
	description?: string;
}

export interface ParameterOverlay {
	displayName?: string;
	description?: string;
	/** Value type override (e.g. `interval` for TimeSpan strings the spec types as plain strings). */
	type?: XapiValueType;
	default?: string | number | boolean;
	placeholder?: string;
	hint?: string;
	/** Labelled codes (an n8n options list), only where a source gives their meaning. */
	choices?: ParameterChoice[];
	/** Choices loaded from the PBX at edit time (nodes/ThreeCx/methods/loadOptions.ts). */
	loadOptions?: LoadOptionsOverlay;
	/** Marked required in the editor (e.g. a filter the PBX refuses empty). */
	required?: boolean;
}

export interface ParameterChoice {
	name: string;
	value: string | number;
	description?: string;
}

export interface LoadOptionsOverlay {
	/** `methods.loadOptions` method of the node: `getQueues`. */
	method: string;
	/** Several values (multi-select), sent as one comma-separated text. */
	multiple?: boolean;
}

export interface BodyOverlay {
	/** Properties the PBX computes: left out of create/update fields (still settable in JSON mode). */
	readOnly?: string[];
	/** Notable properties: hints by property name. */
	properties?: Record<string, ParameterOverlay>;
}

/** An operation the spec does not describe (field-tested endpoints). */
export interface ExtraOperation {
	/** Tag of the resource it belongs to. */
	tag: string;
	value: string;
	name: string;
	action: string;
	description: string;
	method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
	path: string;
	query: ODataOption[];
	output: XapiOutput;
	body?: { kind: 'upload'; part: string };
}

/** "From List" picker of an entity set's `Id` key (by set name), when the schema rule does not fit. */
export interface PickerOverlay {
	/** Display groups (see `XapiPicker.display`): string properties of the set's rows. */
	display?: string[][];
	/** Label of one row, when the schema name reads badly (`Blocked Address`). */
	displayName?: string;
	/** No picker: the key stays a plain number field. */
	none?: true;
}
