import { installArgs, installReason } from '../../tools/bootstrap/dev-dependencies';

describe('dev-dependency bootstrap of npm start / npm test', () => {
	it.each([
		[{ installed: undefined, lock: 1000 }, 'node_modules is missing'],
		[{ installed: undefined, lock: undefined }, 'node_modules is missing'],
		[{ installed: 1000, lock: 2000 }, 'package-lock.json is newer than node_modules'],
		[{ installed: 2000, lock: 1000 }, undefined],
		[{ installed: 2000, lock: 2000 }, undefined],
		[{ installed: 2000, lock: undefined }, undefined],
	])('%j → %s', (state, reason) => {
		expect(installReason(state)).toBe(reason);
	});

	it('uses npm ci with a lock and npm install without one', () => {
		expect(installArgs({ lock: 1 })).toEqual(['ci', '--no-audit', '--no-fund']);
		expect(installArgs({ lock: undefined })).toEqual(['install', '--no-audit', '--no-fund']);
	});
});
