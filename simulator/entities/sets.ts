/** Which entity sets the simulator models, and how each one behaves. */
import type { Row } from '../odata/query';
import {
	activeCallTemplate,
	callHistoryTemplate,
	contactTemplate,
	eventLogTemplate,
	faxTemplate,
	groupTemplate,
	parkingTemplate,
	queueTemplate,
	receptionistTemplate,
	recordingTemplate,
	ringGroupTemplate,
	servicePrincipalTemplate,
	trunkTemplate,
	userTemplate,
} from './templates';

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

export const SET_DEFS: Record<string, EntitySetDef> = {
	Users: { name: 'Users', type: 'Pbx.User', writable: true, numberKey: true, topCap: 100, dn: true, template: userTemplate, nav: ['Groups', 'ForwardingExceptions', 'ForwardingProfiles', 'Greetings', 'Phones'] },
	Groups: { name: 'Groups', type: 'Pbx.Group', writable: true, numberKey: false, dn: false, template: groupTemplate, nav: ['Groups', 'Members', 'OfficeHolidays', 'Rights'] },
	Queues: { name: 'Queues', type: 'Pbx.Queue', writable: true, numberKey: true, dn: true, template: queueTemplate, nav: ['Groups', 'Agents', 'Managers'] },
	RingGroups: { name: 'RingGroups', type: 'Pbx.RingGroup', writable: true, numberKey: true, dn: true, template: ringGroupTemplate, nav: ['Groups', 'Members'] },
	Trunks: { name: 'Trunks', type: 'Pbx.Trunk', writable: true, numberKey: true, dn: true, template: trunkTemplate, nav: ['Groups', 'EmergencyGeoLocations', 'ReceiveExtensions', 'RoutingRules'] },
	Contacts: { name: 'Contacts', type: 'Pbx.Contact', writable: true, numberKey: false, topCap: 100, dn: false, template: contactTemplate, nav: [] },
	Parkings: { name: 'Parkings', type: 'Pbx.Parking', writable: true, numberKey: true, dn: true, template: parkingTemplate, nav: ['Groups'] },
	Receptionists: { name: 'Receptionists', type: 'Pbx.Receptionist', writable: true, numberKey: true, dn: true, template: receptionistTemplate, nav: ['Groups', 'Forwards'] },
	Fax: { name: 'Fax', type: 'Pbx.Fax', writable: true, numberKey: true, dn: true, template: faxTemplate, nav: ['Groups'] },
	ServicePrincipals: { name: 'ServicePrincipals', type: 'Pbx.ServicePrincipal', writable: true, numberKey: false, dn: true, template: servicePrincipalTemplate, nav: ['Groups', 'Peers'] },
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
