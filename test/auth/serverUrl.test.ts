import { serverRoot } from '../../nodes/ThreeCx/auth/serverUrl';

describe('serverRoot', () => {
	it.each([
		['https://pbx.example.com:5001', 'https://pbx.example.com:5001'],
		['https://pbx.example.com:5001/', 'https://pbx.example.com:5001'],
		['  https://pbx.example.com// ', 'https://pbx.example.com'],
		['https://pbx.example.com/xapi/v1/', 'https://pbx.example.com'],
		['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
		['https://example.com/pbx/', 'https://example.com/pbx'],
	])('%p → %p', (input, expected) => {
		expect(serverRoot(input)).toBe(expected);
	});

	it.each([[''], ['pbx.example.com'], ['ftp://pbx.example.com'], ['https://pbx/?a=1'], [undefined]])(
		'rejects %p naming the field and the expected form',
		(input) => {
			expect(() => serverRoot(input)).toThrow(/Server URL .*expected .*https:\/\/pbx\.example\.com:5001/);
		},
	);
});
