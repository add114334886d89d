import 'reflect-metadata';

import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  validate,
  ValidateIf,
  ValidateNested,
  ValidateBy,
  type ValidatorOptions,
} from 'class-validator';

import { ValidationPlans } from './validation-plan';

const PIPE_OPTIONS: ValidatorOptions = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };

const AsyncAlwaysTrue = () => ValidateBy({ name: 'asyncAlwaysTrue', async: true, validator: { validate: async () => true } });

class ModifierDto {
  @Matches(/^[A-Z0-9]{2}$/) code: string;
}

class BaseLineDto {
  @IsInt() @Min(1) @Max(99) units: number;
}

class LineDto extends BaseLineDto {
  @ValidateNested({ each: true }) @Type(() => ModifierDto) modifiers: ModifierDto[];
  @IsOptional() @IsISO8601({ strict: true }) start?: string;
  @ValidateIf((line: LineDto) => line.units > 1) @IsIn(['a', 'b']) reason?: string;
  @IsOptional() @IsString({ each: true }) @ArrayMaxSize(2) notes?: string[];
}

class ClaimDto {
  @IsDefined() @ValidateNested() @Type(() => LineDto) first: LineDto;
  @IsOptional() @ValidateNested({ each: true }) @Type(() => LineDto) more?: LineDto[];
}

class AsyncDto {
  @AsyncAlwaysTrue() value: string;
}

const goodLine = { units: 2, modifiers: [{ code: 'GT' }], start: '2026-01-05T09:00:00Z', reason: 'a', notes: ['x'] };

/** Bodies class-validator accepts and refuses, each a change of one thing from a good one. */
const bodies: Array<[string, unknown]> = [
  ['good', { first: goodLine }],
  ['good with optional list', { first: goodLine, more: [{ units: 1, modifiers: [] }] }],
  ['condition off skips its rule', { first: { units: 1, modifiers: [], reason: 'zzz' } }],
  ['unknown top-level field', { first: goodLine, tenantId: 't' }],
  ['unknown nested field', { first: { ...goodLine, paid: true } }],
  ['inherited rule broken', { first: { ...goodLine, units: 0 } }],
  ['nested array item broken', { first: { ...goodLine, modifiers: [{ code: 'GT' }, { code: 'g' }] } }],
  ['nested array item primitive', { first: { ...goodLine, modifiers: ['GT'] } }],
  ['nested array item null', { first: { ...goodLine, modifiers: [null] } }],
  ['nested object is a string', { first: 'line' }],
  ['required nested missing', {}],
  ['optional null', { first: { ...goodLine, start: null } }],
  ['strict date broken', { first: { ...goodLine, start: '2026-02-30T09:00:00Z' } }],
  ['condition on, rule broken', { first: { ...goodLine, reason: 'c' } }],
  ['each item broken', { first: { ...goodLine, notes: ['x', 3] } }],
  ['array too long', { first: { ...goodLine, notes: ['x', 'y', 'z'] } }],
  ['each on a non-array', { first: { ...goodLine, notes: 'x' } }],
  ['optional list item not an object', { first: goodLine, more: [1] }],
];

describe('ValidationPlans', () => {
  const plans = new ValidationPlans();

  it.each(bodies)('%s: clean exactly when class-validator finds nothing', async (_name, body) => {
    const instance = plainToInstance(ClaimDto, body);
    const errors = await validate(instance, PIPE_OPTIONS);
    expect(plans.isClean(instance)).toBe(errors.length === 0);
  });

  it('given the same class twice, then answers from the plan already built', () => {
    const instance = plainToInstance(ClaimDto, { first: goodLine });
    expect(plans.isClean(instance)).toBe(true);
    expect(plans.isClean(plainToInstance(ClaimDto, { first: { ...goodLine, units: 100 } }))).toBe(false);
  });

  it('given a class without rules or a plain object, then leaves the answer to class-validator', () => {
    class Bare {
      value = 1;
    }
    expect(plans.isClean(new Bare())).toBe(false);
    expect(plans.isClean({ first: goodLine })).toBe(false);
  });

  it('given an asynchronous rule, then leaves the answer to class-validator', async () => {
    const instance = plainToInstance(AsyncDto, { value: 'x' });
    expect(await validate(instance, PIPE_OPTIONS)).toEqual([]);
    expect(plans.isClean(instance)).toBe(false);
  });
});
