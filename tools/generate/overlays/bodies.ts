/**
 * Request body hints by schema name (`Pbx.User`). The spec marks nothing read-only; properties
 * listed here are computed by the PBX and left out of the create/update fields (JSON body mode
 * can still send them).
 */
import type { BodyOverlay } from './types';

export const bodyOverlays: Record<string, BodyOverlay> = {
	'Pbx.User': {
		// Id: the key; MyUser's path has none, so it would otherwise become an update field.
		readOnly: ['Id', 'IsRegistered'],
		properties: {
			QueueStatus: { description: 'LoggedIn or LoggedOut: logs the user in or out of all their queues' },
			CurrentProfileName: { description: 'Name of the forwarding profile to switch to, e.g. Available, Away, Out of office' },
		},
	},
	'Pbx.Group': { readOnly: ['Id'] },
};
