/**
 * Hints for path and function parameters, by wire name. Meanings not in the spec or in
 * ../shared/3cx-xapi/NOTES.md are not guessed: those entries describe the format only.
 */
import type { ParameterOverlay } from './types';

const LIST_HINT = 'Comma-separated numbers; leave empty to not filter by them';
const INTERVAL_HINT = 'Time span as H:MM:SS (e.g. 0:00:20); 0:00:0 for none';
const CODE_HINT = 'Integer code of this report filter, as the 3CX web client sends it';

export const parameterOverlays: Record<string, ParameterOverlay> = {
	clientTimeZone: {
		default: 'UTC',
		description: 'Time zone of the dates in the result: an IANA name (Europe/Berlin), UTC, or an offset like +08:00',
	},
	periodFrom: { description: 'Start of the period (date and time, ISO 8601)' },
	periodTo: { description: 'End of the period (date and time, ISO 8601)' },
	startDt: { displayName: 'Start Date', description: 'Start of the period (date and time, ISO 8601)' },
	endDt: { displayName: 'End Date', description: 'End of the period (date and time, ISO 8601)' },
	startDate: { description: 'Start of the period (date and time, ISO 8601)' },
	endDate: { description: 'End of the period (date and time, ISO 8601)' },
	groupNumber: { description: 'Number of the group (department) to limit the result to; leave empty to not filter' },
	extensionDns: { description: `Extension numbers. ${LIST_HINT}.` },
	queueDnStr: { displayName: 'Queue DN', description: 'Queue number(s), comma-separated; leave empty to not filter' },
	queueDns: { description: `Queue numbers. ${LIST_HINT}.` },
	ringGroupDns: { description: `Ring group numbers. ${LIST_HINT}.` },
	trunkDns: { description: `Trunk numbers. ${LIST_HINT}.` },
	agentDnStr: { displayName: 'Agent DN', description: 'Agent extension number(s), comma-separated; leave empty to not filter' },
	waitInterval: { type: 'interval', default: '0:00:0', description: `Minimum waiting time. ${INTERVAL_HINT}.` },
	answerInterval: { type: 'interval', default: '0:00:0', description: `Answer time threshold. ${INTERVAL_HINT}.` },
	callTimeFilterFrom: { type: 'interval', default: '0:00:0', description: `Lower bound of the call duration filter. ${INTERVAL_HINT}.` },
	callTimeFilterTo: { type: 'interval', default: '0:00:0', description: `Upper bound of the call duration filter. ${INTERVAL_HINT}.` },
	includeQueueCalls: { description: 'Whether to include calls that went through queues' },
	hidePcalls: { displayName: 'Hide P Calls' },
	callArea: { description: CODE_HINT },
	groupingType: { description: CODE_HINT },
	callsType: { description: CODE_HINT },
	participantType: { description: CODE_HINT },
	chatType: { description: CODE_HINT },
	callClass: { description: CODE_HINT },
	sourceType: { description: CODE_HINT },
	destinationType: { description: CODE_HINT },
	fromType: { description: CODE_HINT },
	toType: { description: CODE_HINT },
	callTimeFilterType: { description: CODE_HINT },
	Number: { description: 'Number of the record (extension number), the alternate key' },
	recId: { displayName: 'Recording ID', description: 'ID of the recording (the ID of a Recordings row)' },
	mac: { displayName: 'MAC Address', description: 'MAC address of the phone, e.g. 000B82123456' },
	MacAddress: { displayName: 'MAC Address', description: 'MAC address of the device, e.g. 000B82123456' },
};
