import { EventSchemaRegistry } from './upcasters';

describe('event schema upcasting', () => {
  const registry = new EventSchemaRegistry().register('test.FeeCharged', 3, {
    // v1 carried dollars as a string; v2 moved to cents; v3 renamed the field.
    1: (data) => ({ cents: Math.round(Number((data as { dollars: string }).dollars) * 100) }),
    2: (data) => ({ amountCents: (data as { cents: number }).cents }),
  });

  it('lifts a v1 payload step by step to the current version', () => {
    const event = registry.upcast({ type: 'test.FeeCharged', schemaVersion: 1, data: { dollars: '25.00' } });
    expect(event).toEqual({ type: 'test.FeeCharged', schemaVersion: 3, data: { amountCents: 2500 } });
  });

  it('lifts from an intermediate version', () => {
    expect(registry.upcast({ type: 'test.FeeCharged', schemaVersion: 2, data: { cents: 700 } }).data).toEqual({ amountCents: 700 });
  });

  it('leaves current and unregistered events as they are', () => {
    const current = { type: 'test.FeeCharged', schemaVersion: 3, data: { amountCents: 1 } };
    expect(registry.upcast(current)).toBe(current);
    const other = { type: 'test.Other', schemaVersion: 1, data: {} };
    expect(registry.upcast(other)).toBe(other);
    expect(registry.currentVersion('test.Other')).toBe(1);
  });

  it('refuses a registration with a missing step', () => {
    expect(() => new EventSchemaRegistry().register('test.Gap', 3, { 1: (d) => d })).toThrow(/upcaster from v2/);
  });
});
