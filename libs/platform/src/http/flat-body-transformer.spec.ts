import 'reflect-metadata';

import { Exclude, Expose, plainToInstance, Transform, Type } from 'class-transformer';

import { flatBodyTransformer, flatInstance } from './flat-body-transformer';

class Session {
  patientId!: string;
  units!: number;
  telehealth?: boolean;
}

class SeriesSession extends Session {
  note?: string | null;
  get label(): string {
    return `${this.patientId}:${this.units}`;
  }
  describe(): string {
    return this.label;
  }
}

class Trimmed {
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)) code!: string;
}

class Line {
  code!: string;
}

class Claim {
  @Type(() => Line) lines!: Line[];
  payer!: string;
}

@Exclude()
class Hidden {
  @Expose() shown!: string;
  secret?: string;
}

class Renamed {
  @Expose({ name: 'member_id' }) memberId!: string;
}

class ChildOfTransformed extends Trimmed {
  extra?: string;
}

const cases: Array<[string, new () => object, unknown]> = [
  ['flat body', Session, { patientId: 'p-1', units: 2, telehealth: false }],
  ['unknown field kept for the whitelist to refuse', Session, { patientId: 'p-1', tenantId: 't-9' }],
  ['null value', SeriesSession, { patientId: 'p-1', units: 1, note: null }],
  ['getter and method names skipped', SeriesSession, { patientId: 'p-1', units: 1, label: 'forged', describe: 'forged' }],
  ['prototype names skipped', Session, JSON.parse('{"patientId":"p","__proto__":{"polluted":true},"constructor":"x"}')],
  ['@Transform applied', Trimmed, { code: '  90837 ' }],
  ['inherited @Transform applied', ChildOfTransformed, { code: ' 90791 ', extra: 'e' }],
  ['nested @Type', Claim, { payer: 'x', lines: [{ code: '90837' }] }],
  ['class-level @Exclude', Hidden, { shown: 'a', secret: 'b' }],
  ['@Expose with another name', Renamed, { member_id: 'M1' }],
  ['nested object without @Type', Session, { patientId: { first: 'x' } }],
  ['empty body', Session, {}],
];

describe('the flat body transformer', () => {
  it.each(cases)('builds what class-transformer builds: %s', (_name, cls, plain) => {
    const ours = flatBodyTransformer.plainToInstance(cls, plain) as object;
    const theirs = plainToInstance(cls, plain) as object;
    expect(Object.getPrototypeOf(ours)).toBe(Object.getPrototypeOf(theirs));
    expect(Object.entries(ours)).toEqual(Object.entries(theirs));
  });

  it('takes the shortcut only for flat bodies bound for classes without transformer decorators', () => {
    expect(flatInstance(Session, { patientId: 'p-1', units: 2 }, undefined)).toBeInstanceOf(Session);
    expect(flatInstance(SeriesSession, { patientId: 'p-1' }, undefined)).toBeInstanceOf(SeriesSession);
    expect(flatInstance(Session, { patientId: 'p-1' }, { enableImplicitConversion: true })).toBeUndefined();
    expect(flatInstance(Trimmed, { code: ' x ' }, undefined)).toBeUndefined();
    expect(flatInstance(ChildOfTransformed, { code: ' x ' }, undefined)).toBeUndefined();
    expect(flatInstance(Claim, { payer: 'x' }, undefined)).toBeInstanceOf(Claim);
    expect(flatInstance(Claim, { lines: [] }, undefined)).toBeUndefined();
    expect(flatInstance(Hidden, { shown: 'a' }, undefined)).toBeUndefined();
    expect(flatInstance(Renamed, { memberId: 'a' }, undefined)).toBeUndefined();
    expect(flatInstance(Session, [{ patientId: 'p' }], undefined)).toBeUndefined();
  });
});
