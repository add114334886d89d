import 'reflect-metadata';

import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { EvaluateCodingDto } from './evaluate-coding.dto';

const valid = {
  dateOfService: '2026-03-04',
  serviceCategory: 'individual_psychotherapy',
  minutes: 45,
  modality: 'video',
  patientAtHome: true,
  providerCredential: ' LCSW ',
  payerKind: 'commercial',
  diagnoses: ['F33.1', 'Z630'],
  interactiveComplexity: false,
  instruments: ['PHQ-9'],
};
const invalidFields = (body: Record<string, unknown>) =>
  validateSync(plainToInstance(EvaluateCodingDto, body), { whitelist: true, forbidNonWhitelisted: true }).map((error) => error.property);

describe('EvaluateCodingDto', () => {
  it('accepts the documented request and trims the credential', () => {
    expect(invalidFields(valid)).toEqual([]);
    expect(plainToInstance(EvaluateCodingDto, valid).providerCredential).toBe('LCSW');
  });

  it('accepts a payer id without a payer kind', () => {
    expect(invalidFields({ ...valid, payerKind: undefined, payerId: 'aetna-ppo' })).toEqual([]);
  });

  it.each([
    [{ dateOfService: '03/04/2026' }, 'dateOfService'],
    [{ serviceCategory: 'massage' }, 'serviceCategory'],
    [{ minutes: -1 }, 'minutes'],
    [{ minutes: 30.5 }, 'minutes'],
    [{ modality: 'phone' }, 'modality'],
    [{ placeOfService: '1' }, 'placeOfService'],
    [{ providerCredential: '' }, 'providerCredential'],
    [{ payerKind: undefined }, 'payerKind'],
    [{ payerKind: 'tricare' }, 'payerKind'],
    [{ diagnoses: ['F33.1', 'depression'] }, 'diagnoses'],
    [{ diagnoses: 'F33.1' }, 'diagnoses'],
    [{ emCode: '9921' }, 'emCode'],
    [{ patientAtHome: 'yes' }, 'patientAtHome'],
    [{ unexpected: 1 }, 'unexpected'],
  ])('refuses %j', (change, field) => {
    expect(invalidFields({ ...valid, ...change })).toEqual([field]);
  });
});
