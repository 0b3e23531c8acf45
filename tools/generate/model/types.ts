/**
 * The generator's model: resources (spec tags), their operations and fields, as plain data. Built
 * once by `buildModel` (model/index.ts); the emitter reads it and never changes it.
 */
import type { XapiOperation, XapiValueType } from '../../../nodes/ThreeCx/xapi/types';
import type { LoadOptionsOverlay, ParameterChoice } from '../overlays/types';

export type FieldLocation = 'path' | 'action' | 'entity' | 'upload';

export interface FieldModel {
	/** Wire name. */
	name: string;
	/** Node parameter (top level) or collection option name, before the emitter makes names unique. */
	field: string;
	type: XapiValueType;
	/** Required by the spec (path/function parameters): always sent. */
	required: boolean;
	/** Marked `required` in n8n (a nullable string may be empty, so it is not, unless it is a key). */
	nodeRequired: boolean;
	/** The spec allows `null` (`nullable: true`). */
	nullable: boolean;
	enumValues?: string[];
	displayName: string;
	description?: string;
	placeholder?: string;
	hint?: string;
	default: string | number | boolean | string[];
	/** Longest accepted text, from the spec's `maxLength` (text fields). */
	maxLength?: number;
	minValue?: number;
	maxValue?: number;
	location: FieldLocation;
	/** Integer `Id` key of an entity set with a picker: shown as a resource locator. */
	picker?: PickerModel;
	/** Labelled codes: an options list (overlays). */
	choices?: ParameterChoice[];
	/** Options loaded from the PBX at edit time; `multiple`: a multi-select sent comma-separated. */
	loadOptions?: LoadOptionsOverlay;
}

/** "From List" picker of an entity set's rows (see `XapiPicker`). */
export interface PickerModel {
	/** Entity set: `Users`. */
	set: string;
	/** `methods.listSearch` method: `searchUsers`. */
	method: string;
	path: string;
	display: string[][];
	/** Label of one row: `User`. */
	displayName: string;
}

/** The request of an operation as the runtime sends it; the emitter adds the fields (`XapiOperation`). */
export type RequestModel = Pick<XapiOperation, 'method' | 'path' | 'query' | 'output' | 'paged' | 'period'>;

export interface OperationModel {
	tag: string;
	resource: string;
	value: string;
	name: string;
	action: string;
	description: string;
	/** Spec identity; undefined for extra operations. */
	operationId?: string;
	specMethod?: string;
	specPath?: string;
	extra: boolean;
	sinceVersion?: string;
	params: FieldModel[];
	bodyKind?: 'entity' | 'action' | 'upload';
	/** The spec marks the request body required: a JSON body (`{}` at least) always goes out. */
	bodyRequired?: boolean;
	bodyFields: FieldModel[];
	/** Spec schema of the request body (`Pbx.User`), when it is a named schema. */
	bodySchema?: string;
	/** Node parameter of the entity body collection (`userUpdateFields`), before the emitter makes names unique. */
	collection?: string;
	uploadPart?: string;
	request: RequestModel;
}

export interface ResourceModel {
	tag: string;
	value: string;
	name: string;
	description: string;
	file: string;
	/** camelCase entity of the resource (`user`, `ringGroup`), unique among resources: prefixes the
	 * node parameters of this resource whose plain name another property uses. */
	entity: string;
	operations: OperationModel[];
}

export interface Model {
	resources: ResourceModel[];
	/** By entity set, in spec order. */
	pickers: PickerModel[];
	specOperationCount: number;
}
