/** Operations the spec does not describe, seen working on real PBXes (see NOTES.md, "Files"). */
import type { ExtraOperation } from './types';

export const extraOperations: ExtraOperation[] = [
	{
		tag: 'CustomPrompts',
		value: 'upload',
		name: 'Upload',
		action: 'Upload a custom prompt',
		description:
			'Upload a WAV file as a custom prompt (multipart part "file"). Not in the 3CX spec: field-tested endpoint POST /customPrompts.',
		method: 'POST',
		path: '/customPrompts',
		query: [],
		output: 'value',
		body: { kind: 'upload', part: 'file' },
	},
];
