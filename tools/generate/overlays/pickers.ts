/**
 * Pickers ("From List" resource locators) of entity sets whose rows the schema rule in
 * model/pickers.ts (Number – FirstName LastName, Number – Name, Name, DisplayName, Number) does not name
 * well, by entity set. Every property must be a string property of the set's rows.
 */
import type { PickerOverlay } from './types';

export const pickerOverlays: Record<string, PickerOverlay> = {
	ActiveCalls: { display: [['Caller'], ['Callee']] },
	Blocklist: { display: [['IPAddrMask'], ['Description']], displayName: 'Blocked Address' },
	Contacts: { display: [['FirstName', 'LastName'], ['CompanyName']] },
	DeviceInfos: { display: [['MAC'], ['Vendor', 'Model']], displayName: 'Device' },
	InboundRules: { display: [['RuleName']] },
	PromptSets: { display: [['PromptSetName']] },
	// Rows carry no readable name (Id, provisioning link, password).
	SipDevices: { none: true },
};
