/**
 * The report functions as a 3CX admin knows them: what each report answers, its main output
 * columns and caveats (by operationId), and filters whose behaviour differs per report. Meanings
 * come from ../shared/3cx-xapi/NOTES.md ("Report functions as the web client calls them") and the
 * spec's response schemas; nothing here is guessed.
 */
import type { OperationOverlay, ParameterOverlay } from './types';

export const reportOperationOverlays: Record<string, OperationOverlay> = {
	GetCallLogData: {
		description:
			'Call log (CDR) as the Call Log report shows it: one item per call segment with StartTime, Direction, SourceDn/SourceDisplayName, DestinationDn/DestinationDisplayName, Status, Answered, RingingDuration, TalkingDuration, CallCost, RecordingUrl',
	},
	GetOldCallLogData: { description: 'Call log rows from the call history kept before the 3CX 20.0.6 call log (same columns as Get Call Log)' },
	GetUserActivity: {
		description:
			'How many calls each user answered and missed per time interval (User Activity report): DateTimeInterval, AnsweredCount, UnansweredCount. Pick the department: an empty one gives no rows.',
	},
	GetCallDistribution: {
		description:
			'Incoming and outgoing calls per time interval (Call Distribution report): DateTimeInterval, IncomingCount, OutgoingCount. Pick the department: an empty one gives no rows.',
	},
	GetQueuePerformanceOverviewData: {
		description:
			'Per queue and agent: calls received and answered by the queue, answered and dropped by the agent, talk time (QueueDn, ExtensionDn, QueueReceivedCount, QueueAnsweredCount, ExtensionAnsweredCount, ExtensionDroppedCount, TalkTime)',
	},
	GetQueuePerformanceTotalsData: {
		description: 'Per queue: calls received, answered by agents and dropped (QueueDn, QueueDisplayName, QueueReceivedCount, ExtensionAnsweredCount, ExtensionDroppedCount)',
	},
	GetAbandonedQueueCallsData: {
		description:
			'Queue calls the caller hung up before an agent answered: CallTime, CallerId, QueueDn, WaitTime, ExtensionDn (last agent polled), PollingAttempts. Pick at least one queue: the PBX answers 404 to an empty queue filter.',
	},
	GetAgentLoginHistoryData: {
		description: 'When agents logged in to and out of queues, per day: QueueNo, AgentNo, Agent, Day, loggedInDt, LoggedOutDt, LoggedInInterval, TalkingInterval',
	},
	GetAgentsInQueueStatisticsData: {
		description:
			'Per queue and agent: answered and lost calls, answered per hour, ring and talk times, logged-in time (Queue, Dn, AnsweredCount, LostCount, AvgRingTime, AvgTalkTime, LoggedInTime). Pick at least one queue: the PBX answers 404 to an empty queue filter.',
	},
	GetStatisticSlaData: { description: 'Per queue: calls received and calls that waited longer than the SLA time (QueueDnNumber, ReceivedCount, BadSlaCallsCount)' },
	GetBreachesSlaData: { description: 'Queue calls that waited longer than the SLA time: CallTime, CallerId, Queue, QueueDnNumber, WaitingTime' },
	GetDetailedQueueStatisticsData: {
		description: 'Per queue: calls, answered calls, callbacks, ring and talk times (QueueDnNumber, CallsCount, AnsweredCount, CallbacksCount, AvgRingTime, AvgTalkTime)',
	},
	GetTeamQueueGeneralStatisticsData: {
		description: 'Per queue: agents in the queue, calls received and answered, talk times (QueueDnNumber, AgentsInQueueCount, ReceivedCount, AnsweredCount, AvgTalkTime, TotalTalkTime)',
	},
	GetQueueAnsweredCallsByWaitTimeData: {
		description: 'Answered queue calls with how long they waited: CallTime, Source, Destination, DnNumber, RingTime, AnsweredTime',
	},
	GetQueueCallbacksData: { description: 'Per queue: calls received, callbacks made and failed (QueueDnNumber, ReceivedCount, CallbacksCount, FailCallbacksCount)' },
	GetQueueFailedCallbacksData: { description: 'Callbacks a queue failed to complete: CallTime, CallbackNo, QueueDnNumber, RingTime' },
	GetAverageQueueWaitingTimeData: { description: 'Chart data of queue waiting times by chart period: XValue, YValue1, YValue2' },
	GetQueueAnUnCallsData: { description: 'Chart data of answered and unanswered queue calls by chart period: XValue, YValue1, YValue2' },
	GetExtensionStatisticsData: {
		description:
			'Per extension: inbound and outbound calls answered, unanswered and their talk time (Dn, DisplayName, InboundAnsweredCount, InboundUnansweredCount, OutboundAnsweredCount, InboundAnsweredTalkingDur). Some PBXes answer 500 to it whatever the parameters; Get Extension Statistics By Group gives the same columns.',
	},
	GetExtensionStatisticsByGroupData: {
		description:
			'Per extension of a department: inbound and outbound calls answered, unanswered and talk time (Dn, DisplayName, InboundAnsweredCount, InboundUnansweredCount, OutboundAnsweredCount). Pick the department: an empty one gives no rows.',
	},
	GetExtensionsStatisticsByRingGroupsData: {
		description: 'Per ring group and member: calls received, answered and unanswered (RingGroupDn, ExtensionDn, RingGroupReceivedCount, ExtensionAnsweredCount, RingGroupUnansweredCount)',
	},
	GetRingGroupStatisticsData: { description: 'Per ring group: calls received and answered (RingGroupDn, RingGroupDisplayName, RingGroupReceivedCount, RingGroupAnsweredCount)' },
	GetInboundCalls: { description: 'Inbound calls per trunk and inbound rule: StartTime, TrunkNumber, Did, RuleName, SourceCallerId, DestinationDn, Status, RingingDuration, TalkingDuration' },
	GetOutboundCalls: { description: 'Outbound calls per trunk and outbound rule: StartTime, TrunkNumber, RuleName, SourceDn, DestinationCalleeId, Answered, TalkingDuration, CallCost' },
	GetCallCostByExtensionGroupData: {
		description: 'Call costs per department and extension: StartTime, GroupName, SrcDn, DstDn, CallType, TalkingDur, BillingCost. Pick the department: an empty one gives no rows.',
	},
	GetInboundRulesData: { description: 'Inbound rules with their DIDs and routing in and out of office hours: RuleName, Trunk, DID, InOfficeRouting, OutOfficeRouting' },
	GetAuditLogData: { description: 'Who changed what in the PBX configuration: Timestamp, UserName, Ip, Action, ObjectType, ObjectName, PrevData, NewData' },
	GetChatLog: { description: 'Chat messages: TimeSent, FromNo, FromName, ChatName, Message, QueueNumber, ProviderType' },
	GetAbandonedChatsStatisticsData: { description: 'Queue chats nobody answered: DateOfRequest, QueueNo, ParticipantName, ParticipantNumber, ReasonForAbandoned' },
	GetQueueAgentsChatStatisticsData: { description: 'Per queue and agent: chats answered and dealt with (Queue, Dn, AnsweredCount, DealtWithCount)' },
	GetQueueAgentsChatStatisticsTotalsData: { description: 'Per queue: chats answered and dealt with (Queue, QueueDisplayName, AnsweredCount, DealtWithCount)' },
	GetQueueChatPerformanceData: { description: 'Per queue: incoming, answered and abandoned chats and agents (Queue, IncomingCount, AnsweredCount, AbandonedCount, QuantityAgents)' },
};

/** Download twins: the report's rows as the CSV file the web client's export button gives. */
const DOWNLOADS: Record<string, string> = {
	DownloadCallLog: 'the call log (columns as Get Call Log)',
	DownloadGetUserActivity: 'user activity per interval. An empty department gives no rows.',
	DownloadGetGetCallDistribution: 'call distribution per interval. An empty department gives no rows.',
	DownloadQueuePerformanceOverview: 'queue performance per queue and agent',
	DownloadQueuePerformanceTotals: 'queue performance totals per queue',
	DownloadAbandonedQueueCalls: 'abandoned queue calls. Pick at least one queue: the PBX answers 404 to an empty queue filter.',
	DownloadAgentLoginHistory: 'agent log-in history',
	DownloadAgentsInQueueStatistics: 'agents in queue statistics. Pick at least one queue: the PBX answers 404 to an empty queue filter.',
	DownloadStatisticSla: 'SLA statistics per queue',
	DownloadBreachesSla: 'queue calls that breached the SLA',
	DownloadDetailedQueueStatistics: 'detailed queue statistics',
	DownloadTeamQueueGeneralStatistics: 'team queue statistics',
	DownloadQueueAnsweredCallsByWaitTime: 'answered queue calls with their wait time',
	DownloadQueueCallbacks: 'queue callbacks',
	DownloadQueueFailedCallbacks: 'failed queue callbacks',
	DownloadAverageQueueWaitingTimeReport: 'average queue waiting time chart data',
	DownloadQueueAnUnCallsReport: 'answered and unanswered queue calls chart data',
	DownloadExtensionStatistics: 'per-extension call statistics. Some PBXes answer 500 to it.',
	DownloadExtensionStatisticsByGroup: 'per-extension call statistics of a department. An empty department gives no rows.',
	DownloadExtensionsStatisticsByRingGroups: 'ring group statistics per member',
	DownloadRingGroupStatistics: 'ring group statistics',
	DownloadGetInboundCalls: 'inbound calls per trunk and rule',
	DownloadGetOutboundCalls: 'outbound calls per trunk and rule',
	DownloadCallCostByExtensionGroup: 'call costs per department. An empty department gives no rows.',
	DownloadInboundRules: 'inbound rules',
	DownloadAuditLog: 'audit log',
	DownloadChatLog: 'chat log',
	DownloadAbandonedChatsStatistics: 'abandoned queue chats',
	DownloadQueueAgentsChatStatistics: 'queue chat statistics per agent',
	DownloadQueueAgentsChatStatisticsTotals: 'queue chat statistics per queue',
	DownloadQueueChatPerformance: 'queue chat performance',
};
for (const [operationId, what] of Object.entries(DOWNLOADS)) {
	reportOperationOverlays[operationId] = { description: `CSV file (the web client's export) of ${what}` };
}

const QUEUE_REQUIRED: ParameterOverlay = {
	required: true,
	description: 'Queues to report on. The PBX answers 404 to an empty queue filter on this report, so pick at least one.',
};

/** Filters whose behaviour on a real PBX differs per report (NOTES.md "Empty filters"). */
export const reportParameterOverlays: Record<string, Record<string, ParameterOverlay>> = {
	GetAgentsInQueueStatisticsData: { queueDnStr: QUEUE_REQUIRED },
	DownloadAgentsInQueueStatistics: { queueDnStr: QUEUE_REQUIRED },
	GetAbandonedQueueCallsData: { queueDns: QUEUE_REQUIRED },
	DownloadAbandonedQueueCalls: { queueDns: QUEUE_REQUIRED },
};
