import { activeCallChanges, snapshotOf } from '../../../nodes/ThreeCxTrigger/poll/activeCalls';

const NOW = Date.UTC(2026, 0, 10, 12, 0, 0);
const call = (Id: number, EstablishedAt = '2026-01-10T11:59:00Z') => ({ Id, Caller: '100 Ann', Callee: '+441234', EstablishedAt, Status: 'Talking' });

describe('activeCallChanges', () => {
	it('first poll: nothing started or ended, the list becomes the snapshot', () => {
		const changes = activeCallChanges(undefined, [call(1), call(2)], NOW);
		expect(changes.started).toEqual([]);
		expect(changes.ended).toEqual([]);
		expect(Object.keys(changes.snapshot)).toEqual(['1', '2']);
	});

	it('a new Id started (at EstablishedAt), a missing Id ended (now, with its last row)', () => {
		const previous = snapshotOf([call(1), call(2)]);
		const changes = activeCallChanges(previous, [call(2), call(3, '2026-01-10T11:59:30Z')], NOW);
		expect(changes.started).toEqual([{ key: 'active:3:started', timeMs: Date.parse('2026-01-10T11:59:30Z'), data: call(3, '2026-01-10T11:59:30Z') }]);
		expect(changes.ended).toEqual([{ key: 'active:1:ended', timeMs: NOW, data: call(1) }]);
		expect(Object.keys(changes.snapshot)).toEqual(['2', '3']);
	});

	it('a call without EstablishedAt started now; rows without Id are ignored', () => {
		const changes = activeCallChanges({}, [{ Id: 9, EstablishedAt: null }, { Caller: 'x' }], NOW);
		expect(changes.started.map((e) => [e.key, e.timeMs])).toEqual([['active:9:started', NOW]]);
		expect(Object.keys(changes.snapshot)).toEqual(['9']);
	});
});
