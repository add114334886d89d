import { Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { ValidationFailed } from '@revcycle/kernel';

import { createValidationPipe } from './validation.pipe';

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
