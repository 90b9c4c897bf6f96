import { describe, expect, it } from 'vitest';
import {
  Decision,
  isCritical,
  isVoteValue,
  ProposalAction,
  ProposalStatus,
  VoteValue,
} from './types';

describe('council vocabulary', () => {
  it('spells every value as the reference does', () => {
    expect(Object.values(VoteValue)).toEqual(['approve', 'reject', 'abstain']);
    expect(Object.values(Decision)).toEqual(['approved', 'rejected', 'no_quorum', 'pending']);
    expect(Object.values(ProposalStatus)).toEqual(['open', 'decided', 'executed', 'expired']);
    expect(Object.values(ProposalAction)).toEqual([
      'quarantine',
      'terminate',
      'escalate',
      'release',
      'restrict',
    ]);
  });

  it('treats only terminate and escalate as critical, by raw string', () => {
    expect(isCritical('terminate')).toBe(true);
    expect(isCritical('escalate')).toBe(true);
    expect(isCritical('quarantine')).toBe(false);
    expect(isCritical('release')).toBe(false);
    expect(isCritical('restrict')).toBe(false);
    expect(isCritical('TERMINATE')).toBe(false);
  });

  it('recognises exactly the three vote values', () => {
    expect(isVoteValue('approve')).toBe(true);
    expect(isVoteValue('abstain')).toBe(true);
    expect(isVoteValue('APPROVE')).toBe(false);
    expect(isVoteValue(undefined)).toBe(false);
  });
});
