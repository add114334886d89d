import { Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { ValidationFailed } from '@revcycle/kernel';

import { createValidationPipe, MAX_ARRAY_ITEMS, MAX_BODY_DEPTH, shapeViolation } from './validation.pipe';

class ModifierDto {
  @IsString()
  code: string;
}

class LineDto {
  @IsInt()
  @Min(1)
  units: number;

  @ValidateNested({ each: true })
  @Type(() => ModifierDto)
  modifiers: ModifierDto[];
}

class ClaimDto {
  @ValidateNested({ each: true })
  @Type(() => LineDto)
  lines: LineDto[];
}

const validate = (value: unknown) => createValidationPipe().transform(value, { type: 'body', metatype: ClaimDto });

describe('createValidationPipe', () => {
  it('reports nested array paths, one violation per broken rule', async () => {
    const error = await validate({
      lines: [{ units: 1, modifiers: [] }, { units: 0, modifiers: [{ code: 'GT' }, { code: 95 }] }],
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).violations).toEqual([
      { path: 'lines[1].units', message: 'must not be less than 1' },
      { path: 'lines[1].modifiers[1].code', message: 'must be a string' },
    ]);
  });

  it('refuses unknown fields at any depth instead of dropping them', async () => {
    const error = await validate({ tenantId: 't-2', lines: [{ units: 1, modifiers: [], paid: true }] }).catch((caught: unknown) => caught);
    expect((error as ValidationFailed).violations).toEqual([
      { path: 'tenantId', message: 'is not an accepted field' },
      { path: 'lines[0].paid', message: 'is not an accepted field' },
    ]);
  });

  it('returns an instance of the DTO for valid input', async () => {
    await expect(validate({ lines: [{ units: 2, modifiers: [{ code: 'GT' }] }] })).resolves.toBeInstanceOf(ClaimDto);
  });
});

describe('body shape limits (security.md LIM-2)', () => {
  const nested = (levels: number): unknown => (levels === 0 ? 'leaf' : { next: nested(levels - 1) });

  it('accepts a body as deep and as long as the limits', () => {
    expect(shapeViolation(nested(MAX_BODY_DEPTH - 1))).toBeUndefined();
    expect(shapeViolation({ lines: Array.from({ length: MAX_ARRAY_ITEMS }, () => ({ units: 1 })) })).toBeUndefined();
  });

  it('names where a body nests too deep', () => {
    const violation = shapeViolation(nested(MAX_BODY_DEPTH + 5));
    expect(violation?.message).toMatch(/nests deeper than 32 levels/);
    expect(violation?.path.startsWith('next.next.')).toBe(true);
  });

  it('names an array with too many items', () => {
    expect(shapeViolation({ lines: [{ codes: Array.from({ length: MAX_ARRAY_ITEMS + 1 }, () => 'x') }] })).toEqual({
      path: 'lines[0].codes',
      message: 'lists more than 1000 items',
    });
  });

  it('refuses such a body through the pipe as a validation failure', async () => {
    await expect(createValidationPipe().transform(nested(40), { type: 'body', metatype: Object })).rejects.toMatchObject({ code: 'VALIDATION.FAILED' });
  });
});
