/**
 * The default entity of each modelled set, with the property names of the 3CX 20.0.10 schemas
 * (a test checks them against the spec). POST starts from these; the seed fills them in.
 * Navigation properties (per the spec's `x-ms-navigationProperty`) are the arrays at the end.
 */
import type { Row } from '../odata/query';

const schedule = () => ({ Type: 'AllHours', Periods: [] as unknown[] });
const route = () => ({ To: 'VoiceMail', Internal: null, External: null, Number: null });

export function userTemplate(id: number): Row {
	return {
		Id: id,
		Number: '',
		TranscriptionMode: 'Inherit',
		CallUsEnableChat: false,
		CallUsEnablePhone: false,
		CallUsEnableVideo: false,
		CallUsRequirement: 'Both',
		ClickToCallId: '',
		AccessPassword: '',
		AgentSettings: null,
		AIAgent: false,
		AllowLanOnly: true,
		AllowOwnRecordings: false,
		AuthID: '',
		AuthPassword: '',
		Blfs: '<PhoneDevice><BLFS/></PhoneDevice>',
		BlockTunnel: false,
		BreakTime: schedule(),
		CallScreening: false,
		ContactImage: '',
		CurrentProfileName: 'Available',
		DatevEnabled: false,
		DeskphonePassword: '',
		DisplayName: '',
		EmailAddress: '',
		EmergencyAdditionalInfo: null,
		EmergencyLocationId: null,
		Enable2FA: false,
		Enabled: true,
		EnableHotdesking: false,
		FirstName: '',
		ForbidRecording: false,
		GoogleCalendarEnabled: false,
		GoogleContactsEnabled: false,
		GoogleSignInEnabled: true,
		HideInPhonebook: false,
		HotdeskingAssignment: null,
		Hours: schedule(),
		Internal: false,
		IsRegistered: false,
		Language: 'EN',
		LastName: '',
		Mobile: '',
		MS365CalendarEnabled: false,
		MS365ContactsEnabled: false,
		MS365SignInEnabled: false,
		MS365TeamsEnabled: false,
		MyPhoneAllowDeleteRecordings: false,
		MyPhoneHideForwardings: false,
		MyPhonePush: true,
		MyPhoneShowRecordings: false,
		OfficeHoursProps: [],
		OutboundCallerID: '',
		PbxDeliversAudio: false,
		PinProtected: false,
		PinProtectTimeout: 0,
		PrimaryGroupId: 1,
		PromptSet: '1e6ed594-af95-4bb4-af56-b957ac87d6d7',
		QueueStatus: 'LoggedOut',
		RecordCalls: false,
		RecordEmailNotify: false,
		RecordExternalCallsOnly: false,
		Require2FA: false,
		SendEmailMissedCalls: true,
		SIPID: '',
		SRTPMode: 'SRTPDisabled',
		Tags: [],
		VMDisablePinAuth: false,
		VMEmailOptions: 'Notification',
		VMEnabled: true,
		VMPIN: '',
		VMPlayCallerID: false,
		VMPlayMsgDateTime: 'None',
		WebMeetingApproveParticipants: false,
		WebMeetingFriendlyName: '',
		// navigation
		Groups: [],
		ForwardingExceptions: [],
		ForwardingProfiles: [],
		Greetings: [],
		Phones: [],
	};
}

/** Pbx.Peer: the DN base of Trunks and Parkings */
function peerBase(id: number): Row {
	return { Id: id, Number: '', TranscriptionMode: 'Inherit' };
}

/** Pbx.Peer plus the click-to-call fields (Users, Groups, Queues, RingGroups) */
function dnBase(id: number): Row {
	return {
		...peerBase(id),
		CallUsEnableChat: false,
		CallUsEnablePhone: false,
		CallUsEnableVideo: false,
		CallUsRequirement: 'Both',
		ClickToCallId: '',
	};
}

export function queueTemplate(id: number): Row {
	return {
		...dnBase(id),
		AgentAvailabilityMode: false,
		AnnounceEstimatedWaitTime: false,
		AnnounceEstimatedWaitTimeInterval: 60,
		AnnouncementInterval: 60,
		AnnounceQueuePosition: false,
		AutoLogoutMissedCalls: 0,
		BreakRoute: null,
		CallbackEnableTime: 0,
		CallbackOfferOnly: false,
		CallbackOfferPrompt: '',
		CallbackPrefix: '',
		ComfortPrompts: [],
		ComfortPromptsEnabled: false,
		ComfortPromptsInterval: 60,
		DestinationNoAnswerPrompt: '',
		EnableIntro: false,
		ForwardNoAnswer: route(),
		GreetingFile: '',
		HolidaysRoute: null,
		IntroFile: '',
		IsRegistered: true,
		MasterTimeout: 1800,
		MaxCallersInQueue: 10,
		MaxWaitStrategyEnabled: false,
		MaxWaitTimeSkillGroupValues: [],
		Name: '',
		NotifyCodes: [],
		OnHoldFile: '',
		OutOfOfficeRoute: null,
		PlayFullPrompt: false,
		PollingStrategy: 'RingAll',
		PriorityQueue: false,
		PromptSet: '',
		Recording: 'Disabled',
		ResetQueueStatisticsSchedule: null,
		ResetStatisticsScheduleEnabled: false,
		RingTimeout: 20,
		SkillBasedRingAllCumulativePollingEnabled: false,
		SLATime: 60,
		StopBackgroundWhenPrompt: false,
		TypeOfChatOwnershipType: 'TakeManually',
		VMEmailList: '',
		VMEmailOptions: 'None',
		WrapUpTime: 0,
		Groups: [],
		Agents: [],
		Managers: [],
	};
}

export function groupTemplate(id: number): Row {
	return {
		...dnBase(id),
		AllowCallService: true,
		AnswerAfter: 0,
		BreakRoute: null,
		BreakTime: schedule(),
		CallHandlingMode: [],
		CurrentGroupHours: 'Default',
		CustomOperator: null,
		CustomPrompt: '',
		DisableCustomPrompt: false,
		GloballyVisible: false,
		HasMembers: false,
		HolidaysRoute: null,
		Hours: schedule(),
		IsDefault: false,
		Language: 'EN',
		LastLoginTime: null,
		MusicOnHold: '',
		Name: '',
		OfficeRoute: null,
		OutOfOfficeRoute: null,
		OverrideExpiresAt: null,
		OverrideHolidays: false,
		PromptSet: '',
		Props: null,
		TimeZoneId: '51',
		Groups: [],
		Members: [],
		OfficeHolidays: [],
		Rights: [],
	};
}

export function ringGroupTemplate(id: number): Row {
	return {
		...dnBase(id),
		BreakRoute: null,
		ForwardNoAnswer: route(),
		GreetingFile: '',
		HolidaysRoute: null,
		IsRegistered: true,
		MulticastAddress: '',
		MulticastCodec: 'PCMU',
		MulticastPacketTime: 20,
		MulticastPort: 0,
		Name: '',
		OutOfOfficeRoute: null,
		RingStrategy: 'RingAll',
		RingTime: 20,
		VMEmailList: '',
		VMEmailOptions: 'None',
		Groups: [],
		Members: [],
	};
}

export function trunkTemplate(id: number): Row {
	return {
		...peerBase(id),
		AuthID: '',
		AuthPassword: '',
		Certificate: null,
		CertificateExpirationDate: null,
		CertificateName: null,
		ConfigurationIssue: '',
		DidNumbers: [],
		Direction: 'Both',
		DisableCallTransfer: false,
		DisableVideo: false,
		DiversionHeader: false,
		E164CountryCode: '',
		E164ProcessIncomingNumber: false,
		EnableInboundCalls: true,
		EnableOutboundCalls: true,
		ExternalNumber: '',
		Gateway: { Host: '', Port: 5060, Type: 'Provider', Name: '', Codecs: ['PCMU', 'PCMA', 'G722'] },
		InCIDFormatting: [],
		IPRestriction: 'Any',
		IsOnline: true,
		Messaging: null,
		OutboundCallerID: '',
		OutCIDFormatting: [],
		PublicInfoGroups: [],
		PublicIPinSIP: '',
		PublishInfo: false,
		ReceiveInfo: false,
		RemoteMyPhoneUriHost: '',
		RemotePBXPreffix: '',
		ScriptName: '',
		SecondaryRegistrar: '',
		SeparateAuthId: '',
		SimultaneousCalls: 10,
		Tags: [],
		TransportRestriction: 'Any',
		TrunkRegTimes: [],
		TunnelEnabled: false,
		TunnelRemoteAddr: '',
		TunnelRemotePort: 0,
		UseSeparateAuthId: false,
		Groups: [],
		EmergencyGeoLocations: [],
		ReceiveExtensions: [],
		RoutingRules: [],
	};
}

export function contactTemplate(id: number): Row {
	return {
		Business: '',
		Business2: '',
		BusinessFax: '',
		CompanyName: '',
		ContactType: 'Company',
		Department: '',
		Email: '',
		FirstName: '',
		Home: '',
		Id: id,
		LastName: '',
		Mobile2: '',
		Other: '',
		Pager: '',
		PhoneNumber: '',
		Tag: '',
		Title: '',
	};
}

export function parkingTemplate(id: number): Row {
	return { ...peerBase(id), Groups: [] };
}

export function recordingTemplate(id: number): Row {
	return {
		ArchivedUrl: null,
		CallType: 'Local',
		CanBeTranscribed: true,
		EndTime: null,
		FromCallerNumber: '',
		FromCrmContact: null,
		FromDidNumber: null,
		FromDisplayName: '',
		FromDn: '',
		FromDnType: 0,
		FromIdParticipant: 0,
		Id: id,
		IsArchived: false,
		IsTranscribed: false,
		RecordingUrl: '',
		RefParticipantId: 0,
		SentimentScore: null,
		StartTime: null,
		Summary: null,
		ToCallerNumber: '',
		ToCrmContact: null,
		ToDidNumber: null,
		ToDisplayName: '',
		ToDn: '',
		ToDnType: 0,
		ToIdParticipant: 0,
		Transcription: null,
		TranscriptionResult: 0,
	};
}

export function callHistoryTemplate(id: number): Row {
	return {
		CallAnswered: false,
		CallTime: 'PT0S',
		DstCallerNumber: '',
		DstDisplayName: '',
		DstDn: '',
		DstDnType: 0,
		DstExtendedDisplayName: '',
		DstExternal: false,
		DstId: 0,
		DstInternal: true,
		DstParticipantId: 0,
		DstRecId: null,
		SegmentActionId: 1,
		SegmentEndTime: null,
		SegmentId: id,
		SegmentStartTime: null,
		SegmentType: 1,
		SrcCallerNumber: '',
		SrcDisplayName: '',
		SrcDn: '',
		SrcDnType: 0,
		SrcExtendedDisplayName: '',
		SrcExternal: false,
		SrcId: 0,
		SrcInternal: true,
		SrcParticipantId: 0,
		SrcRecId: null,
	};
}

export function eventLogTemplate(id: number): Row {
	return { EventId: 0, Group: '', GroupName: '', Id: id, Message: '', Params: [], Source: '', TimeGenerated: null, Type: 'Info' };
}

export function activeCallTemplate(id: number): Row {
	return { Callee: '', Caller: '', EstablishedAt: null, Id: id, LastChangeStatus: null, ServerNow: null, Status: 'Talking' };
}

export function faxTemplate(id: number): Row {
	return { ...peerBase(id), AuthID: '', AuthPassword: '', FaxServer: false, OutboundCallerId: '', Groups: [] };
}

export function receptionistTemplate(id: number): Row {
	return {
		...peerBase(id),
		BreakRoute: null,
		ForwardSmsTo: '',
		HolidaysRoute: null,
		InvalidKeyForwardDN: '',
		IsRegistered: true,
		IVRType: 'Default',
		Name: '',
		OutOfOfficeRoute: null,
		PromptFilename: '',
		PromptSet: '',
		Timeout: 10,
		TimeoutForwardDN: '',
		TimeoutForwardPeerType: 'None',
		TimeoutForwardType: 'EndCall',
		TransferEnable: false,
		UseMSExchange: false,
		Groups: [],
		Forwards: [],
	};
}

export function servicePrincipalTemplate(id: number): Row {
	return {
		...peerBase(id),
		CallControlEnabled: false,
		IsSystem: false,
		LastUsed: null,
		MyPhoneEnabled: false,
		XAPIEnabled: true,
		Groups: [],
		Peers: [],
	};
}
