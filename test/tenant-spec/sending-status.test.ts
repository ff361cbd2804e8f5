import { declaredSendingStatus, parseSesSendingStatus, SENDING_STATUSES, sesSendingStatus } from '../../src/tenant-spec';

describe('sending status: the spec spelling and SES spelling, mapped in one place', () => {
  test.each([
    ['enabled', 'ENABLED'],
    ['disabled', 'DISABLED'],
  ] as const)('declared %s is SES %s, and back', (declared, ses) => {
    expect(sesSendingStatus(declared)).toBe(ses);
    expect(declaredSendingStatus(ses)).toBe(declared);
  });

  test('REINSTATED (sending despite findings) and no status at all read as enabled', () => {
    expect(declaredSendingStatus('REINSTATED')).toBe('enabled');
    expect(declaredSendingStatus(null)).toBe('enabled');
    expect(declaredSendingStatus(undefined)).toBe('enabled');
  });

  test('every declared status round-trips', () => {
    for (const s of SENDING_STATUSES) expect(declaredSendingStatus(sesSendingStatus(s))).toBe(s);
  });

  test.each(['ENABLED', 'DISABLED', 'REINSTATED'])('SES answer %s is known', (s) => expect(parseSesSendingStatus(s)).toBe(s));
  test.each(['enabled', 'PAUSED', '', undefined, null])('SES answer %j is not', (s) => expect(parseSesSendingStatus(s)).toBeUndefined());
});
