/**
 * Operation names by spec operationId, where the default (CRUD names, or the operationId split
 * into words) is not right. `value` must never change once released.
 */
import type { OperationOverlay } from './types';

export const operationOverlays: Record<string, OperationOverlay> = {
	APIToken: { action: 'Get an API token' },
	MakeCall: { description: 'Make a call from a user\'s extension (dn) to a destination number' },
	DropCall: { description: 'Drop (hang up) an active call' },
};
