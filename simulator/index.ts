/**
 * 3CX XAPI simulator (dev/test tooling, not shipped): `startSimulator()` starts a loopback PBX.
 */
export { startSimulator } from './server';
export type { Fault, RequestRecord, Simulator, SimulatorOptions, SimulatorStats } from './api';
export { specDir, specFile } from './spec';
