import { isInstant } from './instant';

describe('isInstant', () => {
  it.each(['2025-03-04T14:00:00Z', '2025-03-04T14:00:00.123Z', '2024-02-29T23:59:59-05:00', '2025-11-02t01:30:00+14:00', '2025-03-04T14:00:00.123456789z'])(
    'accepts %s',
    (value) => expect(isInstant(value)).toBe(true),
  );

  it.each([
    ['no offset', '2025-03-04T14:00:00'],
    ['no seconds', '2025-03-04T14:00Z'],
    ['date only', '2025-03-04'],
    ['a day that does not exist', '2025-02-29T10:00:00Z'],
    ['hour 24', '2025-03-04T24:00:00Z'],
    ['minute 60', '2025-03-04T14:60:00Z'],
    ['an offset hour past 23', '2025-03-04T14:00:00+24:00'],
    ['an offset without a colon', '2025-03-04T14:00:00+0500'],
    ['a space instead of T', '2025-03-04 14:00:00Z'],
    ['a number', 1741096800000],
  ])('refuses %s', (_reason, value) => expect(isInstant(value)).toBe(false));
});
