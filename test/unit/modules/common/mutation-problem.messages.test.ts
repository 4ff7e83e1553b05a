import { describe, expect, it } from 'vitest';
import type { WriteProblem } from '../../../../src/graph/writes/write-result.js';
import { argumentPath, problemMessage } from '../../../../src/modules/common/mutation-problem.messages.js';
import { toPayload } from '../../../../src/modules/common/mutation-problem.type.js';

describe('argumentPath', () => {
  it('puts every argument of a creation in its input, the id too', () => {
    expect(argumentPath('organisation.create', 'id')).toBe('input.id');
    expect(argumentPath('innovation.create', 'source.documentId')).toBe('input.source.documentId');
  });

  it('keeps the id of an update beside its input', () => {
    expect(argumentPath('organisation.update', 'id')).toBe('id');
    expect(argumentPath('organisation.update', 'parentId')).toBe('input.parentId');
  });

  it('names the arguments of mutations without an input as they are', () => {
    expect(argumentPath('relation.addPartnership', 'organisationId')).toBe('organisationId');
    expect(argumentPath('merge.person', 'mergeId')).toBe('mergeId');
    expect(argumentPath('relation.recordAdoption', 'organisationId')).toBe('input.organisationId');
  });
});

describe('problemMessage', () => {
  it('lists every id an argument names that does not exist', () => {
    const problem: WriteProblem = { code: 'NOT_FOUND', reason: 'unknownReference', argument: 'themeIds', kind: 'theme', ids: ['a', 'b'] };
    expect(problemMessage('innovation.update', problem)).toBe('input.themeIds names no theme: "a", "b"');
  });

  it('names both arguments of a merge by their paths', () => {
    const problem: WriteProblem = { code: 'CONFLICT', reason: 'sameNode', argument: 'mergeId', other: 'keepId', label: 'Person', id: 'p' };
    expect(problemMessage('merge.person', problem)).toBe('keepId and mergeId must name two different people, got "p" for both');
  });

  it('says where a merged id went', () => {
    const problem: WriteProblem = { code: 'NOT_FOUND', reason: 'unknownNode', argument: 'id', label: 'Organisation', id: 'old', mergedInto: 'new' };
    expect(problemMessage('organisation.update', problem)).toBe('The organisation "old" was merged into "new" already; use "new".');
  });

  it('words a key taken by another transaction as the thrown error does', () => {
    const problem: WriteProblem = { code: 'ALREADY_EXISTS', reason: 'keyTaken', argument: 'id', label: 'Organisation', value: 'x' };
    expect(problemMessage('organisation.create', problem)).toBe('An organisation with id "x" exists already; update it instead, or give another id.');
  });
});

describe('toPayload', () => {
  it('gives the problem its code, sentence and the path of its argument, and no value', () => {
    const payload = toPayload('organisation', { ok: false, write: 'organisation.update', problem: { code: 'CONFLICT', reason: 'itself', argument: 'parentId', id: 'o' } });
    expect(payload).toEqual({ organisation: null, problem: { code: 'CONFLICT', message: 'input.parentId cannot be the organisation itself', field: 'input.parentId' } });
  });
});
