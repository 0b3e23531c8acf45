import { OPERATIONS } from '../generated';
import { requestBuilder } from './request';
import { requestRunner } from './run';
import { responseShaper } from './response';

/** The three declarative-routing hooks shared by every operation of the node. */
export const buildXapiRequest = requestBuilder(OPERATIONS);
export const runXapiRequest = requestRunner(OPERATIONS);
export const shapeXapiResponse = responseShaper(OPERATIONS);
