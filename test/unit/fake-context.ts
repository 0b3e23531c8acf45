import type { IBinaryData, IDataObject, INode, INodeExecutionData } from 'n8n-workflow';
import type { XapiOperationTable } from '../../nodes/ThreeCx/xapi/types';

export const NODE: INode = {
	id: '1',
	name: '3CX',
	type: 'n8n-nodes-3cx-xapi.threeCx',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** A minimal IExecuteSingleFunctions / IExecutePaginationFunctions over a parameter object. */
export function fakeContext(
	parameters: IDataObject,
	extra: {
		itemIndex?: number;
		binary?: Record<string, { data: Buffer; meta: Partial<IBinaryData> }>;
		pages?: (options: IDataObject) => Promise<INodeExecutionData[]>;
	} = {},
) {
	return {
		getNode: () => NODE,
		getItemIndex: () => extra.itemIndex ?? 0,
		getTimezone: () => 'Europe/Berlin',
		getNodeParameter: (name: string, fallback?: unknown) => (name in parameters ? parameters[name] : fallback),
		helpers: {
			prepareBinaryData: async (data: Buffer, fileName?: string, mimeType?: string) =>
				({ data: data.toString('base64'), fileName, mimeType }) as IBinaryData,
			assertBinaryData: (name: string) => {
				const file = extra.binary?.[name];
				if (!file) throw new Error(`No binary property "${name}"`);
				return file.meta as IBinaryData;
			},
			getBinaryDataBuffer: async (name: string) => extra.binary![name].data,
		},
		makeRoutingRequest: async (requestData: { options: IDataObject }) => await extra.pages!(requestData.options),
	} as never;
}

/** Operations as the generator writes them, but each Options collection named `options` (the
 * runtime reads the name from `optionsField`). */
export const TABLE: XapiOperationTable = {
	users: {
		getMany: {
			method: 'GET',
			path: '/Users',
			params: [],
			query: ['top', 'skip', 'filter', 'count', 'select', 'orderby', 'expand'],
			output: 'collection',
			paged: true,
			optionsField: 'options',
		},
		get: {
			method: 'GET',
			path: '/Users({Id})',
			params: [{ name: 'Id', field: 'id', type: 'int32', required: true }],
			query: ['select'],
			output: 'entity',
			optionsField: 'options',
		},
		update: {
			method: 'PATCH',
			path: '/Users({Id})',
			params: [{ name: 'Id', field: 'id', type: 'int32', required: true }],
			query: [],
			output: 'none',
			body: {
				kind: 'entity',
				collection: 'updateFields',
				fields: [
					{ name: 'Number', field: 'number', type: 'string', required: true },
					{ name: 'QueueStatus', field: 'queueStatus', type: 'enum', required: false, enumValues: ['LoggedIn', 'LoggedOut'] },
					{ name: 'VMPIN', field: 'vmpin', type: 'string', required: false },
				],
			},
		},
		makeCall: {
			method: 'POST',
			path: '/Users/Pbx.MakeCall',
			params: [],
			query: [],
			output: 'entity',
			optionsField: 'options',
			body: {
				kind: 'action',
				fields: [
					{ name: 'dn', field: 'dn', type: 'string', required: false },
					{ name: 'destination', field: 'destination', type: 'string', required: false },
				],
			},
		},
		getDuplicatedEmails: {
			method: 'POST',
			path: '/Users/Pbx.GetDuplicatedEmails',
			params: [],
			query: [],
			output: 'collection',
			optionsField: 'options',
			body: { kind: 'action', fields: [{ name: 'emails', field: 'emails', type: 'stringList', required: false }] },
		},
	},
	reports: {
		callLog: {
			method: 'GET',
			path: '/ReportCallLogData/Pbx.GetCallLogData(periodFrom={periodFrom},clientTimeZone={clientTimeZone},waitInterval={waitInterval})',
			params: [
				{ name: 'periodFrom', field: 'periodFrom', type: 'dateTime', required: true },
				{ name: 'clientTimeZone', field: 'clientTimeZone', type: 'string', required: true },
				{ name: 'waitInterval', field: 'waitInterval', type: 'interval', required: true },
			],
			query: ['top', 'skip', 'filter'],
			output: 'collection',
			paged: true,
			optionsField: 'options',
		},
	},
	recordings: {
		download: {
			method: 'GET',
			path: '/Recordings/Pbx.DownloadRecording(recId={recId})',
			params: [{ name: 'recId', field: 'recId', type: 'int32', required: true }],
			query: [],
			output: 'file',
			optionsField: 'options',
		},
	},
	customPrompts: {
		upload: { method: 'POST', path: '/customPrompts', params: [], query: [], output: 'value', body: { kind: 'upload', part: 'file' } },
	},
};
