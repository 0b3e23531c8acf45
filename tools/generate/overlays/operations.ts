/**
 * Operation names by spec operationId, where the default (CRUD names, or the operationId split
 * into words) is not right, and plain-words descriptions of the operations people use most.
 * `value` must never change once released.
 */
import type { OperationOverlay } from './types';

export const operationOverlays: Record<string, OperationOverlay> = {
	APIToken: { action: 'Get an API token' },
	MakeCall: { description: "Make a call from a user's extension (dn) to a destination number" },
	DropCall: { description: 'Drop (hang up) an active call' },
	ListActiveCall: { description: 'Calls in progress right now' },
	GetCallLogData: { description: 'Call log (CDR) rows for a period, one item per call segment' },
	DownloadCallLog: { description: 'The call log for a period as a CSV file' },
	GetUserActivity: { description: 'Answered and unanswered calls per user and time interval' },
	DownloadGetUserActivity: { description: 'User activity for a period as a CSV file' },
	GetQueuePerformanceOverviewData: { description: 'Per-agent queue performance for a period' },
	GetQueuePerformanceTotalsData: { description: 'Queue performance totals for a period' },
	GetAbandonedQueueCallsData: { description: 'Queue calls the caller hung up before an agent answered' },
	GetAgentLoginHistoryData: { description: 'When agents logged in to and out of queues' },
	GetStatisticSlaData: { description: 'Per-queue SLA statistics for a period' },
	GetBreachesSlaData: { description: 'Queue calls that breached the SLA wait time' },
	ListRecording: { description: 'Call recordings with their metadata (filter by date, extension …)' },
	DownloadRecording: { description: 'A call recording as a WAV file' },
	ListUser: { description: 'Users (extensions) of the PBX' },
	InitFax: { description: 'A new fax extension as a template, its generated AuthPassword included, to change and send to Create' },
	InitTrunk: { description: 'A new trunk from a provider template, its secrets included, to change and send to Create' },
	GetUserByNumber: { description: 'A user by extension number (alternate key, 3CX 20.0.8+)' },
};
