/**
 * Stateful entity sets (seeded) with the property names of the 3CX 20.0.10 schemas.
 * Navigation properties (per the spec's `x-ms-navigationProperty`) are only returned with `$expand`
 * or through `/Set(Id)/Nav`.
 */
import { ODataError, warning } from './odata';
import { ANCHOR_MS, COMPANIES, FIRST_NAMES, LAST_NAMES, Rng, externalNumber, iso, isoDuration } from './random';

export type Row = Record<string, unknown>;

export interface EntitySetDef {
	name: string;
	type: string; // e.g. Pbx.User
	writable: boolean; // POST/PATCH/DELETE and GET by key
	numberKey: boolean; // alternate key (Number='…')
	topCap?: number;
	nav: readonly string[];
	/** DN sets share one number space: a duplicate Number in any of them is ALREADY_IN_USE */
	dn: boolean;
	/** full default entity for POST (structural props + nav) */
	template: (id: number) => Row;
}

const schedule = () => ({ Type: 'AllHours', Periods: [] as unknown[] });
const route = () => ({ To: 'VoiceMail', Internal: null, External: null, Number: null });

function userTemplate(id: number): Row {
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

function queueTemplate(id: number): Row {
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

function groupTemplate(id: number): Row {
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

function ringGroupTemplate(id: number): Row {
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

function trunkTemplate(id: number): Row {
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

function contactTemplate(id: number): Row {
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

function parkingTemplate(id: number): Row {
	return { ...peerBase(id), Groups: [] };
}

function recordingTemplate(id: number): Row {
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

function callHistoryTemplate(id: number): Row {
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

function eventLogTemplate(id: number): Row {
	return { EventId: 0, Group: '', GroupName: '', Id: id, Message: '', Params: [], Source: '', TimeGenerated: null, Type: 'Info' };
}

function activeCallTemplate(id: number): Row {
	return { Callee: '', Caller: '', EstablishedAt: null, Id: id, LastChangeStatus: null, ServerNow: null, Status: 'Talking' };
}

export const SET_DEFS: Record<string, EntitySetDef> = {
	Users: { name: 'Users', type: 'Pbx.User', writable: true, numberKey: true, topCap: 100, dn: true, template: userTemplate, nav: ['Groups', 'ForwardingExceptions', 'ForwardingProfiles', 'Greetings', 'Phones'] },
	Groups: { name: 'Groups', type: 'Pbx.Group', writable: true, numberKey: false, dn: false, template: groupTemplate, nav: ['Groups', 'Members', 'OfficeHolidays', 'Rights'] },
	Queues: { name: 'Queues', type: 'Pbx.Queue', writable: true, numberKey: true, dn: true, template: queueTemplate, nav: ['Groups', 'Agents', 'Managers'] },
	RingGroups: { name: 'RingGroups', type: 'Pbx.RingGroup', writable: true, numberKey: true, dn: true, template: ringGroupTemplate, nav: ['Groups', 'Members'] },
	Trunks: { name: 'Trunks', type: 'Pbx.Trunk', writable: true, numberKey: true, dn: true, template: trunkTemplate, nav: ['Groups', 'EmergencyGeoLocations', 'ReceiveExtensions', 'RoutingRules'] },
	Contacts: { name: 'Contacts', type: 'Pbx.Contact', writable: true, numberKey: false, topCap: 100, dn: false, template: contactTemplate, nav: [] },
	Parkings: { name: 'Parkings', type: 'Pbx.Parking', writable: true, numberKey: true, dn: true, template: parkingTemplate, nav: ['Groups'] },
	Recordings: { name: 'Recordings', type: 'Pbx.Recording', writable: false, numberKey: false, dn: false, template: recordingTemplate, nav: [] },
	CallHistoryView: { name: 'CallHistoryView', type: 'Pbx.CallHistoryView', writable: false, numberKey: false, dn: false, template: callHistoryTemplate, nav: [] },
	EventLogs: { name: 'EventLogs', type: 'Pbx.EventLog', writable: false, numberKey: false, dn: false, template: eventLogTemplate, nav: [] },
	ActiveCalls: { name: 'ActiveCalls', type: 'Pbx.ActiveCall', writable: false, numberKey: false, dn: false, template: activeCallTemplate, nav: [] },
};

export interface EntitySet {
	def: EntitySetDef;
	rows: Map<number, Row>;
	props: Set<string>; // structural
	nav: Set<string>;
	keyName: string;
}

export interface StoreOptions {
	seed: number;
	users: number;
	contacts: number;
	/** the simulator's base URL, for RecordingUrl etc. */
	baseUrl: string;
}

export const QUEUE_COUNT = 5;
export const RING_GROUP_COUNT = 3;
const QUEUE_NAMES = ['Sales', 'Support', 'Billing', 'Reception', 'Escalations', 'Night shift', 'VIP', 'Partners'];

/** Deterministic person for user index i (also used by the report generators). */
export function userPerson(seed: number, i: number): { first: string; last: string; number: string } {
	const r = new Rng(seed, 'user', i);
	return { first: r.pick(FIRST_NAMES), last: r.pick(LAST_NAMES), number: String(100 + i) };
}

export function queueNumber(i: number): string {
	return String(800 + i);
}

export function queueName(i: number): string {
	return QUEUE_NAMES[i % QUEUE_NAMES.length];
}

export class EntityStore {
	readonly sets = new Map<string, EntitySet>();

	constructor(private readonly opts: StoreOptions) {
		for (const def of Object.values(SET_DEFS)) {
			const tpl = def.template(0);
			const nav = new Set(def.nav);
			const props = new Set(Object.keys(tpl).filter((k) => !nav.has(k)));
			this.sets.set(def.name, { def, rows: new Map(), props, nav, keyName: def.name === 'CallHistoryView' ? 'SegmentId' : 'Id' });
		}
		this.seed();
	}

	get(name: string): EntitySet | undefined {
		return this.sets.get(name);
	}

	private add(set: string, row: Row): Row {
		const s = this.sets.get(set)!;
		s.rows.set(row[s.keyName] as number, row);
		return row;
	}

	private seed(): void {
		const { seed, users, contacts, baseUrl } = this.opts;
		const groupNames = ['DEFAULT', 'Sales', 'Support'];
		groupNames.forEach((name, gi) => {
			this.add('Groups', { ...groupTemplate(gi + 1), Number: `GRP${String(gi).padStart(4, '0')}`, Name: name, IsDefault: gi === 0, HasMembers: true });
		});
		const userGroup = (gi: number, u: Row): Row => ({
			CanDelete: gi !== 0,
			GroupId: gi + 1,
			GroupRights: { RoleName: 'users' },
			Id: u.Id,
			MemberName: `${u.FirstName} ${u.LastName}`,
			Name: groupNames[gi],
			Number: u.Number,
			Rights: { RoleName: 'users' },
			Tags: [],
			TranscriptionMode: 'Inherit',
			Type: 'Extension',
		});
		for (let i = 0; i < users; i++) {
			const r = new Rng(seed, 'user', i);
			const p = userPerson(seed, i);
			r.next();
			r.next(); // consumed by userPerson
			const email = `${p.first}.${p.last}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '');
			const u: Row = {
				...userTemplate(i + 1),
				Number: p.number,
				FirstName: p.first,
				LastName: p.last,
				DisplayName: `${p.first} ${p.last}`,
				EmailAddress: `${email}${i}@example.com`,
				Mobile: r.bool(0.6) ? externalNumber(r) : '',
				AuthID: r.password(10),
				AuthPassword: r.password(10),
				AccessPassword: r.password(12),
				DeskphonePassword: r.password(8),
				VMPIN: r.digits(4),
				SIPID: '',
				ClickToCallId: `${p.first.toLowerCase()}${i}`,
				QueueStatus: r.bool(0.5) ? 'LoggedIn' : 'LoggedOut',
				CurrentProfileName: r.pick(['Available', 'Available', 'Away', 'Out of office', 'Custom 1']),
				IsRegistered: r.bool(0.7),
				Enabled: r.bool(0.95),
				RecordCalls: r.bool(0.2),
				OutboundCallerID: '',
				Language: r.pick(['EN', 'DE', 'FR', 'ES']),
			};
			const gi = i % 3 === 0 ? 0 : i % 3;
			u.Groups = gi === 0 ? [userGroup(0, u)] : [userGroup(0, u), userGroup(gi, u)];
			u.PrimaryGroupId = gi + 1;
			u.ForwardingProfiles = ['Available', 'Away', 'Out of office', 'Custom 1', 'Custom 2'].map((name, k) => ({ Id: k + 1, Name: name }));
			u.Greetings = [{ Type: 'Default', Filename: `vm_greeting_${p.number}.wav`, DisplayName: 'Default greeting' }];
			this.add('Users', u);
		}
		for (const g of this.sets.get('Groups')!.rows.values()) {
			const gi = (g.Id as number) - 1;
			g.Members = [...this.sets.get('Users')!.rows.values()]
				.filter((u) => (u.Groups as Row[]).some((x) => x.GroupId === gi + 1))
				.map((u) => userGroup(gi, u));
		}
		const userList = [...this.sets.get('Users')!.rows.values()];
		const agent = (u: Row, r: Rng): Row => ({ Id: u.Id, Name: `${u.FirstName} ${u.LastName}`, Number: u.Number, SkillGroup: r.pick(['1', '2', '3']), Tags: [] });
		for (let q = 0; q < QUEUE_COUNT; q++) {
			const r = new Rng(seed, 'queue', q);
			const agents = userList.filter((_, k) => k % QUEUE_COUNT === q || k % 7 === q).slice(0, 12);
			this.add('Queues', {
				...queueTemplate(1000 + q),
				Number: queueNumber(q),
				Name: queueName(q),
				PollingStrategy: r.pick(['RingAll', 'Hunt', 'LongestWaiting', 'LeastTalkTime']),
				SLATime: r.pick([20, 30, 60]),
				Agents: agents.map((u) => agent(u, r)),
				Managers: agents.slice(0, 1).map((u) => ({ Id: u.Id, Name: `${u.FirstName} ${u.LastName}`, Number: u.Number, Tags: [] })),
			});
		}
		for (let g = 0; g < RING_GROUP_COUNT; g++) {
			const members = userList.filter((_, k) => k % RING_GROUP_COUNT === g).slice(0, 8);
			this.add('RingGroups', {
				...ringGroupTemplate(2000 + g),
				Number: String(700 + g),
				Name: ['Front desk', 'Warehouse', 'Management'][g],
				Members: members.map((u) => ({ Id: u.Id, Name: `${u.FirstName} ${u.LastName}`, Number: u.Number, Tags: [] })),
			});
		}
		['SIP Provider A', 'SIP Provider B'].forEach((name, t) => {
			const r = new Rng(seed, 'trunk', t);
			const did = Array.from({ length: 5 }, () => externalNumber(r));
			this.add('Trunks', {
				...trunkTemplate(3000 + t),
				Number: String(10000 + t),
				AuthID: r.password(8),
				AuthPassword: r.password(16),
				DidNumbers: did,
				ExternalNumber: did[0],
				OutboundCallerID: did[0],
				Gateway: { Host: `sip${t + 1}.provider.example`, Port: 5060, Type: 'Provider', Name: name, Codecs: ['PCMU', 'PCMA', 'G722'] },
			});
		});
		for (let p = 0; p < 2; p++) this.add('Parkings', { ...parkingTemplate(4000 + p), Number: `SP${p}` });
		for (let c = 0; c < contacts; c++) {
			const r = new Rng(seed, 'contact', c);
			const first = r.pick(FIRST_NAMES);
			const last = r.pick(LAST_NAMES);
			const company = r.pick(COMPANIES);
			this.add('Contacts', {
				...contactTemplate(c + 1),
				FirstName: first,
				LastName: last,
				CompanyName: company,
				ContactType: 'Company',
				Email: `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') + `@${company.toLowerCase().replace(/[^a-z]/g, '')}.example`,
				Business: externalNumber(r),
				Mobile2: r.bool(0.5) ? externalNumber(r) : '',
				PhoneNumber: externalNumber(r),
				Title: r.pick(['', 'Mr', 'Ms', 'Dr']),
				Department: r.pick(['', 'Purchasing', 'IT', 'Finance']),
			});
		}
		const pickUser = (r: Rng): Row | undefined => (userList.length ? r.pick(userList) : undefined);
		for (let k = 0; k < 60; k++) {
			const r = new Rng(seed, 'recording', k);
			const start = ANCHOR_MS - (k + 1) * 3_600_000 + r.int(0, 3_000_000);
			const from = pickUser(r);
			const to = pickUser(r);
			const id = 500 + k;
			this.add('Recordings', {
				...recordingTemplate(id),
				CallType: r.pick(['Local', 'InboundExternal', 'OutboundExternal']),
				StartTime: iso(start),
				EndTime: iso(start + r.int(10, 900) * 1000),
				FromCallerNumber: from ? (from.Number as string) : externalNumber(r),
				FromDisplayName: from ? (from.DisplayName as string) : '',
				FromDn: from ? (from.Number as string) : '',
				ToCallerNumber: to ? (to.Number as string) : externalNumber(r),
				ToDisplayName: to ? (to.DisplayName as string) : '',
				ToDn: to ? (to.Number as string) : '',
				RecordingUrl: `${baseUrl}/xapi/v1/Recordings/Pbx.DownloadRecording(recId=${id})`,
				FromIdParticipant: 10_000 + k * 2,
				ToIdParticipant: 10_001 + k * 2,
			});
		}
		for (let k = 0; k < 200; k++) {
			const r = new Rng(seed, 'callhistory', k);
			const start = ANCHOR_MS - (k + 1) * 900_000;
			const src = pickUser(r);
			const ext = r.bool(0.5);
			const answered = r.bool(0.8);
			const dur = answered ? r.int(5, 1200) : 0;
			this.add('CallHistoryView', {
				...callHistoryTemplate(100_000 + k),
				CallAnswered: answered,
				CallTime: isoDuration(dur),
				SegmentStartTime: iso(start),
				SegmentEndTime: iso(start + dur * 1000),
				SrcCallerNumber: src ? (src.Number as string) : '',
				SrcDisplayName: src ? (src.DisplayName as string) : '',
				SrcDn: src ? (src.Number as string) : '',
				SrcId: src ? (src.Id as number) : 0,
				DstCallerNumber: ext ? externalNumber(r) : String(100 + r.int(0, Math.max(0, users - 1))),
				DstExternal: ext,
				DstInternal: !ext,
				DstDnType: ext ? 1 : 0,
				SrcParticipantId: 200_000 + k * 2,
				DstParticipantId: 200_001 + k * 2,
			});
		}
		for (let k = 0; k < 200; k++) {
			const r = new Rng(seed, 'eventlog', k);
			const type = r.pick(['Info', 'Info', 'Info', 'Warning', 'Error']);
			const ev = r.pick([
				{ id: 12290, src: 'CallFlow', msg: 'Call to {0} failed: {1}' },
				{ id: 4097, src: 'Registrar', msg: 'Extension {0} registered from {1}' },
				{ id: 8193, src: 'Trunk', msg: 'Trunk {0} is not registered' },
				{ id: 3, src: 'Backup', msg: 'Backup {0} completed' },
			]);
			this.add('EventLogs', {
				...eventLogTemplate(k + 1),
				EventId: ev.id,
				Source: ev.src,
				Message: ev.msg,
				Params: [String(100 + r.int(0, 50)), r.pick(['192.0.2.10', 'timeout', '503 Service Unavailable'])],
				Group: 'System',
				GroupName: 'System',
				Type: type,
				TimeGenerated: iso(ANCHOR_MS - k * 600_000),
			});
		}
		for (let k = 0; k < 5; k++) {
			const r = new Rng(seed, 'activecall', k);
			const u = pickUser(r);
			this.add('ActiveCalls', {
				...activeCallTemplate(700 + k),
				Caller: u ? `${u.Number} ${u.DisplayName}` : '100',
				Callee: externalNumber(r),
				EstablishedAt: iso(ANCHOR_MS - r.int(10, 600) * 1000),
				LastChangeStatus: iso(ANCHOR_MS - r.int(1, 9) * 1000),
				ServerNow: iso(ANCHOR_MS),
				Status: r.pick(['Talking', 'Routing', 'Dialing']),
			});
		}
	}

	// ---- lookups and writes -------------------------------------------------------------------

	private numberInUse(number: string, except?: { set: string; id: number }): boolean {
		for (const s of this.sets.values()) {
			if (!s.def.dn) continue;
			for (const row of s.rows.values()) {
				if (row.Number === number && !(except && except.set === s.def.name && except.id === row.Id)) return true;
			}
		}
		return false;
	}

	findByNumber(set: string, number: string): Row | undefined {
		for (const row of this.sets.get(set)!.rows.values()) if (row.Number === number) return row;
		return undefined;
	}

	private checkBody(s: EntitySet, body: unknown): Row {
		if (!body || typeof body !== 'object' || Array.isArray(body))
			throw new ODataError(400, `The request body must be a JSON object of type '${s.def.type}'.`);
		const b = body as Row;
		for (const k of Object.keys(b)) {
			if (k.startsWith('@odata.')) continue;
			if (!s.props.has(k) && !s.nav.has(k))
				throw new ODataError(
					400,
					`The property '${k}' does not exist on type '${s.def.type}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
				);
		}
		if ('QueueStatus' in b && b.QueueStatus !== null && b.QueueStatus !== 'LoggedIn' && b.QueueStatus !== 'LoggedOut')
			throw new ODataError(400, `The value '${String(b.QueueStatus)}' is not a valid member of enum type 'Pbx.QueueStatusType'.`);
		if ('Number' in b && b.Number !== undefined && typeof b.Number !== 'string')
			throw new ODataError(400, `Cannot convert the literal '${String(b.Number)}' to the expected type 'Edm.String'.`);
		const out: Row = {};
		for (const [k, v] of Object.entries(b)) if (!k.startsWith('@odata.')) out[k] = v;
		return out;
	}

	/** First extension number no DN uses (Users/Pbx.GetFirstAvailableExtensionNumber). */
	nextNumber(): string {
		for (let n = 100; ; n++) if (!this.numberInUse(String(n))) return String(n);
	}

	create(setName: string, body: unknown): Row {
		const s = this.sets.get(setName)!;
		const b = this.checkBody(s, body);
		let maxId = 0;
		for (const id of s.rows.keys()) if (id > maxId) maxId = id;
		const id = maxId + 1;
		const row: Row = { ...s.def.template(id), ...b, Id: id };
		if (s.def.dn) {
			if (typeof row.Number !== 'string' || row.Number === '') row.Number = this.nextNumber();
			else if (this.numberInUse(row.Number)) throw warning('Number', 'WARNINGS.XAPI.ALREADY_IN_USE');
		}
		if (setName === 'Contacts' && !row.FirstName && !row.LastName && !row.CompanyName)
			throw warning('FirstName', 'WARNINGS.CONTACTS_SPECIFY_NAME_SURNAME_COMPANY');
		if (setName === 'Users') {
			if (!row.DisplayName) row.DisplayName = `${row.FirstName ?? ''} ${row.LastName ?? ''}`.trim();
			const r = new Rng(this.opts.seed, 'newuser', id);
			for (const k of ['AuthID', 'AuthPassword', 'AccessPassword', 'DeskphonePassword']) if (!row[k]) row[k] = r.password(10);
			if (!row.VMPIN) row.VMPIN = r.digits(4);
		}
		s.rows.set(id, row);
		return row;
	}

	update(setName: string, id: number, body: unknown): void {
		const s = this.sets.get(setName)!;
		const row = s.rows.get(id);
		if (!row) throw notFound(setName, id);
		const b = this.checkBody(s, body);
		delete b.Id;
		if (s.def.dn && typeof b.Number === 'string' && b.Number !== row.Number && this.numberInUse(b.Number, { set: setName, id }))
			throw warning('Number', 'WARNINGS.XAPI.ALREADY_IN_USE');
		Object.assign(row, b);
	}

	remove(setName: string, id: number): void {
		const s = this.sets.get(setName)!;
		if (!s.rows.delete(id)) throw notFound(setName, id);
	}
}

export function notFound(set: string, key: unknown): ODataError {
	return new ODataError(404, `${set} with key '${String(key)}' was not found.`);
}
