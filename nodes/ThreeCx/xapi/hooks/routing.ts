import { OPERATIONS } from '../../generated';
import { requestPaginator } from './paginate';
import { responseShaper } from './postReceive';
import { requestBuilder } from './preSend';

/** The three declarative-routing hooks shared by every operation of the node, in the order n8n
 * runs them: preSend builds the request, pagination sends it (in pages), postReceive shapes each
 * answer into items. */
export const buildXapiRequest = requestBuilder(OPERATIONS);
export const paginateXapiRequest = requestPaginator(OPERATIONS);
export const shapeXapiResponse = responseShaper(OPERATIONS);
