import { isUuid, newId, uuidV5 } from './ids';

describe('ids', () => {
  it('derives the RFC 9562 test vector for www.example.com in the DNS namespace', () => {
    // RFC 9562 Appendix A.4 gives this name-based (SHA-1) UUID.
    expect(uuidV5('www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('derives the same id for the same name and different ids for different names', () => {
    expect(uuidV5('policy:event-1')).toBe(uuidV5('policy:event-1'));
    expect(uuidV5('policy:event-1')).not.toBe(uuidV5('policy:event-2'));
    expect(isUuid(uuidV5('anything'))).toBe(true);
  });

  it('makes random version 4 ids', () => {
    const id = newId();
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('4');
    expect(newId()).not.toBe(id);
  });

  it.each(['not-a-uuid', '2ed6657d-e927-568b-95e1-2665a8aea6a', 42])('refuses %p as a uuid', (value) => {
    expect(isUuid(value)).toBe(false);
  });
});
