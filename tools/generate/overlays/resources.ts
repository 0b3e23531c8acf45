/** Resource names where the tag split into words does not read well. Keys are spec tags. */
import type { ResourceOverlay } from './types';

export const resourceOverlays: Record<string, ResourceOverlay> = {
	AISettings: { name: 'AI Settings' },
	CDRSettings: { name: 'CDR Settings' },
	DNProperties: { name: 'DN Properties' },
	E164Settings: { name: 'E164 Settings' },
	Fax: { name: 'Fax' },
	Fxs: { name: 'FXS' },
	FxsTemplates: { name: 'FXS Templates' },
	McpServers: { name: 'MCP Servers' },
	Microsoft365Integration: { name: 'Microsoft 365 Integration' },
	Microsoft365TeamsIntegration: { name: 'Microsoft 365 Teams Integration' },
	OAuthClients: { name: 'OAuth Clients' },
	ReportQueueAnUnCalls: { name: 'Report Queue Answered Unanswered Calls' },
	Sbcs: { name: 'SBCs' },
	SipDevices: { name: 'SIP Devices' },
};
