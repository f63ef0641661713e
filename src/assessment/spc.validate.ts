// Checks an SPC request from outside (JSON from the API or the CLI) and names the field at fault. Kept free of
// web imports: the API turns SpcInputError into a ValidationError, the CLI into a message and exit code 2.

import type { SpcPolarity, SpcRequest } from './spc.ts';

export class SpcInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const polarities: readonly SpcPolarity[] = ['up', 'down', 'neutral'];

export function validateSpcRequest(input: unknown): SpcRequest {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new SpcInputError('request', 'The request must be a JSON object');
  }
  const { values, polarity, target, fixAfter, phases, screenMovingRanges } = input as Record<string, unknown>;
  if (!Array.isArray(values) || values.length === 0) {
    throw new SpcInputError(
      'values',
      'values must be a non-empty array of numbers (null for a missing period)',
    );
  }
  values.forEach((v, i) => {
    if (v !== null && !isFinite(v)) {
      throw new SpcInputError('values', `values[${i}] must be a number or null`);
    }
  });
  const series = values as (number | null)[];
  if (series.every((v) => v === null))
    throw new SpcInputError('values', 'values must hold at least one number');
  if (!polarities.includes(polarity as SpcPolarity)) {
    throw new SpcInputError('polarity', 'polarity must be one of up, down or neutral');
  }
  const request: SpcRequest = { values: series, polarity: polarity as SpcPolarity };
  if (target !== undefined && target !== null) {
    if (!isFinite(target)) throw new SpcInputError('target', 'target must be a number');
    request.target = target;
  }
  if (phases !== undefined && phases !== null) {
    if (!Array.isArray(phases)) throw new SpcInputError('phases', 'phases must be an array of indexes');
    let previous = 0;
    phases.forEach((p, i) => {
      if (!Number.isInteger(p) || (p as number) <= 0 || (p as number) >= series.length) {
        throw new SpcInputError('phases', `phases[${i}] must be an index from 1 to ${series.length - 1}`);
      }
      if ((p as number) <= previous) throw new SpcInputError('phases', 'phases must be in increasing order');
      previous = p as number;
    });
    const starts = [0, ...(phases as number[]), series.length];
    for (let k = 0; k + 1 < starts.length; k++) {
      const slice = series.slice(starts[k], starts[k + 1]);
      if (slice.every((v) => v === null)) {
        throw new SpcInputError('phases', `the phase starting at ${starts[k]} has no values`);
      }
    }
    request.phases = phases as number[];
  }
  if (fixAfter !== undefined && fixAfter !== null) {
    const firstPhase = request.phases?.[0] ?? series.length;
    if (!Number.isInteger(fixAfter) || (fixAfter as number) < 2 || (fixAfter as number) > firstPhase) {
      throw new SpcInputError('fixAfter', `fixAfter must be a whole number from 2 to ${firstPhase}`);
    }
    request.fixAfter = fixAfter as number;
  }
  if (screenMovingRanges !== undefined && screenMovingRanges !== null) {
    if (typeof screenMovingRanges !== 'boolean') {
      throw new SpcInputError('screenMovingRanges', 'screenMovingRanges must be true or false');
    }
    request.screenMovingRanges = screenMovingRanges;
  }
  return request;
}

function isFinite(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}
