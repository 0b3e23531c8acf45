/**
 * The seeded rows of the entity sets: the directory (groups, users, queues, ring groups, trunks,
 * parkings, receptionists, fax, service principals, contacts) here, then the activity that refers
 * to its users (seed/activity.ts).
 * Every row comes from `Rng(seed, kind, index)`, so the same seed gives the same PBX.
 */
import type { Row } from '../odata/query';
import {
	contactTemplate,
	faxTemplate,
	groupTemplate,
	parkingTemplate,
	queueTemplate,
	receptionistTemplate,
	ringGroupTemplate,
	servicePrincipalTemplate,
	trunkTemplate,
	userTemplate,
} from '../entities/templates';
import { seedActivity } from './activity';
import { QUEUE_COUNT, RING_GROUP_COUNT, queueAgentIndices, queueName, queueNumber, userPerson } from './people';
import { COMPANIES, FIRST_NAMES, LAST_NAMES, Rng, externalNumber } from './random';

export interface SeedOptions {
	seed: number;
	users: number;
	contacts: number;
	/** the simulator's base URL, for RecordingUrl etc. */
	baseUrl: string;
}

/** Stores one seeded row in its set. */
export type AddRow = (set: string, row: Row) => void;

export function seedEntities(opts: SeedOptions, add: AddRow): void {
	const users = seedGroupsAndUsers(opts, add);
	seedQueuesAndRingGroups(opts.seed, users, add);
	seedTrunksAndParkings(opts.seed, add);
	seedOtherDns(opts.seed, add);
	seedContacts(opts, add);
	seedActivity(opts, users, add);
}

const GROUP_NAMES = ['DEFAULT', 'Sales', 'Support'];

/** A user's membership of group gi (Users(id)/Groups and Groups(id)/Members). */
function userGroup(gi: number, u: Row): Row {
	return {
		CanDelete: gi !== 0,
		GroupId: gi + 1,
		GroupRights: { RoleName: 'users' },
		Id: u.Id,
		MemberName: `${u.FirstName} ${u.LastName}`,
		Name: GROUP_NAMES[gi],
		Number: u.Number,
		Rights: { RoleName: 'users' },
		Tags: [],
		TranscriptionMode: 'Inherit',
		Type: 'Extension',
	};
}

/** The users, in index order (user i has Id i + 1). */
function seedGroupsAndUsers({ seed, users }: SeedOptions, add: AddRow): Row[] {
	const groups: Row[] = GROUP_NAMES.map((name, gi) => ({ ...groupTemplate(gi + 1), Number: `GRP${String(gi).padStart(4, '0')}`, Name: name, IsDefault: gi === 0, HasMembers: true }));
	groups.forEach((g) => add('Groups', g));
	const list: Row[] = [];
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
		add('Users', u);
		list.push(u);
	}
	groups.forEach((g, gi) => {
		g.Members = list.filter((u) => (u.Groups as Row[]).some((x) => x.GroupId === gi + 1)).map((u) => userGroup(gi, u));
	});
	return list;
}

/** A user as a queue agent, manager or ring group member; `extra` comes before `Tags` as on the PBX. */
function member(u: Row, extra: Row = {}): Row {
	return { Id: u.Id, Name: `${u.FirstName} ${u.LastName}`, Number: u.Number, ...extra, Tags: [] };
}

function seedQueuesAndRingGroups(seed: number, users: Row[], add: AddRow): void {
	for (let q = 0; q < QUEUE_COUNT; q++) {
		const r = new Rng(seed, 'queue', q);
		const agents = queueAgentIndices(users.length, q).map((k) => users[k]);
		add('Queues', {
			...queueTemplate(1000 + q),
			Number: queueNumber(q),
			Name: queueName(q),
			PollingStrategy: r.pick(['RingAll', 'Hunt', 'LongestWaiting', 'LeastTalkTime']),
			SLATime: r.pick([20, 30, 60]),
			Agents: agents.map((u) => member(u, { SkillGroup: r.pick(['1', '2', '3']) })),
			Managers: agents.slice(0, 1).map((u) => member(u)),
		});
	}
	for (let g = 0; g < RING_GROUP_COUNT; g++) {
		const members = users.filter((_, k) => k % RING_GROUP_COUNT === g).slice(0, 8);
		add('RingGroups', {
			...ringGroupTemplate(2000 + g),
			Number: String(700 + g),
			Name: ['Front desk', 'Warehouse', 'Management'][g],
			Members: members.map((u) => member(u)),
		});
	}
}

function seedTrunksAndParkings(seed: number, add: AddRow): void {
	['SIP Provider A', 'SIP Provider B'].forEach((name, t) => {
		const r = new Rng(seed, 'trunk', t);
		const did = Array.from({ length: 5 }, () => externalNumber(r));
		add('Trunks', {
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
	for (let p = 0; p < 2; p++) add('Parkings', { ...parkingTemplate(4000 + p), Number: `SP${p}` });
}

/** Digital receptionists (IVRs), fax extensions and one API client (service principal). */
function seedOtherDns(seed: number, add: AddRow): void {
	['Main menu', 'After hours'].forEach((name, i) => add('Receptionists', { ...receptionistTemplate(5000 + i), Number: String(8500 + i), Name: name }));
	for (let i = 0; i < 2; i++) {
		const r = new Rng(seed, 'fax', i);
		add('Fax', { ...faxTemplate(6000 + i), Number: String(8550 + i), AuthID: r.password(8), AuthPassword: r.password(12) });
	}
	add('ServicePrincipals', { ...servicePrincipalTemplate(7000), Number: '8590', CallControlEnabled: true });
}

function seedContacts({ seed, contacts }: SeedOptions, add: AddRow): void {
	for (let c = 0; c < contacts; c++) {
		const r = new Rng(seed, 'contact', c);
		const first = r.pick(FIRST_NAMES);
		const last = r.pick(LAST_NAMES);
		const company = r.pick(COMPANIES);
		add('Contacts', {
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
}
