import { isEnvelope, isSecretKey, isTemplateAnswer, rowsOf, stripSecrets } from '../../../nodes/ThreeCx/xapi/odata/output';

describe('secrets', () => {
	test.each([
		'AuthPassword', 'VMPIN', 'DeskphonePassword', 'AccessPassword', 'VoicemailPIN', 'PinNumber', 'ClientSecret',
		'Secret', 'SecretKey', 'TranscribeSecretKey', 'ApiKey', 'APIKey', 'ManagementAPIKey', 'AccessKey',
		'PrivateKey', 'SftpPrivateKey', 'ServiceAccountCredentials', 'Token', 'RefreshTokens', 'Password', 'password',
	])('%s is secret', (key) => expect(isSecretKey(key)).toBe(true));

	test.each(['Number', 'AuthID', 'NextPageToken', 'PinProtected', 'TokenEndpoint', 'DisplayName', 'Pinned1'])(
		'%s is not secret',
		(key) => expect(isSecretKey(key)).toBe(false),
	);

	test('stripped at any depth, booleans and nulls of settings kept', () => {
		const user = {
			Id: 1,
			AuthPassword: "p'w",
			VMPIN: '1234',
			AllowChangePassword: true,
			EnablePin: false,
			Phones: [{ MacAddress: 'x', Settings: { PhoneWebPassword: 'y', Secret: null } }],
			Nested: { DeskphonePassword: 'z', AccessPassword: '' },
		};
		expect(stripSecrets(user)).toEqual({
			Id: 1,
			AllowChangePassword: true,
			EnablePin: false,
			Phones: [{ MacAddress: 'x', Settings: {} }],
			Nested: {},
		});
		// In place: the parsed answer is not kept anywhere else.
		expect(user).not.toHaveProperty('AuthPassword');
	});

	test.each([null, undefined, 'AuthPassword', 3, [1, 'a']])('passes %p through', (value) => {
		expect(stripSecrets(value)).toEqual(value);
	});
});

test.each([
	['/Fax/Pbx.InitFax()', true],
	['/Trunks/Pbx.InitTrunk(template={template})', true],
	['/Trunks/Pbx.InitMasterBridge()', true],
	['/Users/Pbx.InitialSetup()', false],
	['/Fax', false],
	['/Users({Id})', false],
	['/Trunks/Pbx.GetFirstAvailableTrunkNumber()', false],
	['/Pbx.Initiate', false],
])('isTemplateAnswer(%p) = %p', (path, expected) => expect(isTemplateAnswer(path)).toBe(expected));

describe('rowsOf', () => {
	test.each<[unknown, unknown[]]>([
		[{ '@odata.context': 'c', '@odata.count': 2, value: [{ Id: 1 }, { Id: 2 }] }, [{ Id: 1 }, { Id: 2 }]],
		[{ '@odata.context': 'c', value: [] }, []],
		[{ value: ['a', 1, null] }, [{ value: 'a' }, { value: 1 }, { value: null }]],
		[{ '@odata.context': 'c', value: 'Custom/x.wav' }, [{ value: 'Custom/x.wav' }]],
		[{ value: { Number: '100' } }, [{ Number: '100' }]],
		[{ '@odata.context': 'c', Id: 29, Number: '100' }, [{ Id: 29, Number: '100' }]],
		[{ Id: 1, value: 3 }, [{ Id: 1, value: 3 }]],
		[[{ a: 1 }, 'b'], [{ a: 1 }, { value: 'b' }]],
		[true, [{ value: true }]],
		['', []],
		[null, []],
		[undefined, []],
	])('%p', (body, rows) => expect(rowsOf(body)).toEqual(rows));

	test('isEnvelope', () => {
		expect(isEnvelope({ value: [] })).toBe(true);
		expect(isEnvelope({ value: 1, Id: 2 })).toBe(false);
	});
});
