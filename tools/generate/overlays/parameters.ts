/**
 * Hints for path and function parameters, by wire name. Meanings not in the spec or in
 * ../shared/3cx-xapi/NOTES.md are not guessed: those entries describe the format only.
 */
import type { ParameterOverlay } from './types';

const INTERVAL_HINT = 'Time span as H:MM:SS (e.g. 0:00:20); 0:00:0 for none, as the web report sends';
const NO_FILTER_CODE = 'Integer code of this filter; 0 = no filter, what the web report sends. Other codes are not documented';
const UNDOCUMENTED_CODE = 'Integer code of this filter as the 3CX web client sends it; the codes are not documented';
const PERIOD_BOUND = 'when Period is Custom (date and time, ISO 8601; without an offset it is read in the workflow time zone)';

/** A department (group) filter: the PBX answers an empty one with no rows, so the default department is pre-selected. */
const DEPARTMENT: ParameterOverlay = {
	displayName: 'Department Name or ID',
	description: 'Department (group) to report on; GRP0000 is the default department. An empty department gives no rows.',
	loadOptions: { method: 'getGroups' },
	default: 'GRP0000',
};
const QUEUES: ParameterOverlay = {
	displayName: 'Queue Names or IDs',
	description: 'Queues to report on. Some reports refuse an empty filter (404), so pick the queues.',
	loadOptions: { method: 'getQueues', multiple: true },
};

export const parameterOverlays: Record<string, ParameterOverlay> = {
	clientTimeZone: {
		displayName: 'Time Zone Name or ID',
		default: '',
		description:
			"Time zone of the dates in the result and of the period presets: the PBX's list, UTC or an offset like +08:00; empty: the workflow's time zone",
		loadOptions: { method: 'getTimeZones' },
	},
	periodFrom: { description: `Start of the period ${PERIOD_BOUND}` },
	periodTo: { description: `End of the period ${PERIOD_BOUND}` },
	startDt: { displayName: 'Start Date', description: `Start of the period ${PERIOD_BOUND}` },
	endDt: { displayName: 'End Date', description: `End of the period ${PERIOD_BOUND}` },
	startDate: { description: 'Start of the period (date and time, ISO 8601)' },
	endDate: { description: 'End of the period (date and time, ISO 8601)' },
	groupNumber: DEPARTMENT,
	groupFilter: DEPARTMENT,
	extensionDns: {
		displayName: 'Extension Names or IDs',
		description: 'Users (extensions) to report on',
		loadOptions: { method: 'getUsers', multiple: true },
	},
	extensionFilter: { description: 'Extension number to report on, as text (the PBX documents no list format)' },
	queueDnStr: QUEUES,
	queueDns: QUEUES,
	ringGroupDns: {
		displayName: 'Ring Group Names or IDs',
		description: 'Ring groups to report on',
		loadOptions: { method: 'getRingGroups', multiple: true },
	},
	trunkDns: {
		displayName: 'Trunk Names or IDs',
		description: 'Trunks to report on',
		loadOptions: { method: 'getTrunks', multiple: true },
	},
	agentDnStr: {
		displayName: 'Agent Names or IDs',
		description: 'Agents (users) to report on',
		loadOptions: { method: 'getUsers', multiple: true },
	},
	waitInterval: { type: 'interval', default: '0:00:0', description: `Minimum waiting time. ${INTERVAL_HINT}.` },
	answerInterval: { type: 'interval', default: '0:00:0', description: `Answer time threshold. ${INTERVAL_HINT}.` },
	callTimeFilterFrom: { type: 'interval', default: '0:00:0', description: `Lower bound of the call time filter. ${INTERVAL_HINT}.` },
	callTimeFilterTo: { type: 'interval', default: '0:00:0', description: `Upper bound of the call time filter. ${INTERVAL_HINT}.` },
	includeQueueCalls: { default: true, description: 'Whether to include calls that went through queues (the web report does)' },
	hidePcalls: {
		displayName: 'Hide P Calls',
		default: true,
		description: 'Whether to hide parking and pickup calls ("P-calls"), as the web report does',
	},
	callArea: {
		displayName: 'Call Direction',
		description: 'Which calls to count: all, internal only or external only',
		choices: [
			{ name: 'All', value: 0 },
			{ name: 'External', value: 2 },
			{ name: 'Internal', value: 1 },
		],
	},
	groupingType: {
		description: 'Integer code of the time intervals of the rows; 0 = hour by hour (a 24-hour period gives 24 rows). Other codes are not documented.',
	},
	callsType: { description: NO_FILTER_CODE },
	sourceType: { description: NO_FILTER_CODE },
	destinationType: { description: NO_FILTER_CODE },
	callTimeFilterType: { description: NO_FILTER_CODE },
	sourceFilter: { description: 'Text the source filter matches, used with Source Type; empty with Source Type 0' },
	destinationFilter: { description: 'Text the destination filter matches, used with Destination Type; empty with Destination Type 0' },
	chartDate: { description: 'Date the chart is drawn for (date and time, ISO 8601)' },
	chartBy: { description: 'Chart period as text, as the 3CX web client sends it; the accepted values are not documented' },
	cdrId: { displayName: 'CDR ID', description: 'CdrId of the call, from its Get Call Log row' },
	call_id: { displayName: 'Call ID', description: 'CallId of the call, from its Get Old Call Log row' },
	srcNumber: { displayName: 'Source Number', description: 'Number the call came from, as in its call log row' },
	dstNumber: { displayName: 'Destination Number', description: 'Number the call went to, as in its call log row' },
	srcCallerId: { displayName: 'Source Caller ID', description: 'Caller ID of the source, as in the call log row' },
	dstCallerId: { displayName: 'Destination Caller ID', description: 'Caller ID of the destination, as in the call log row' },
	fromExtension: { description: 'Extension number the chats are from, used with From Type' },
	fromText: { description: 'Text the sender filter matches, used with From Type' },
	toExtension: { description: 'Extension number the chats are to, used with To Type' },
	toText: { description: 'Text the recipient filter matches, used with To Type' },
	participantType: { description: UNDOCUMENTED_CODE },
	chatType: { description: UNDOCUMENTED_CODE },
	callClass: { description: UNDOCUMENTED_CODE },
	fromType: { description: UNDOCUMENTED_CODE },
	toType: { description: UNDOCUMENTED_CODE },
	Number: { description: 'Number of the record (extension number), the alternate key' },
	recId: { displayName: 'Recording ID', description: 'ID of the recording (the ID of a Recordings row)' },
	mac: { displayName: 'MAC Address', description: 'MAC address of the phone, e.g. 000B82123456' },
	MacAddress: { displayName: 'MAC Address', description: 'MAC address of the device, e.g. 000B82123456' },
};
