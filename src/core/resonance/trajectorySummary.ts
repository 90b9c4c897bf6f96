import { AXES, type Axis } from './axes';
import type { ConsensusQuality, ConsensusType, Trajectory } from './types';

/**
 * A trajectory as the round and the outcome carry it: everything but the per-step positions.
 * `readTrajectory` accepts one from an untrusted round (a Byzantine proposer writes the round
 * JSON): every field is checked, and anything that does not read as a trajectory is absent.
 */

const consensusTypes: ReadonlySet<string> = new Set<ConsensusType>([
  'genuine', 'fragile', 'capitulated', 'coerced', 'logrolled', 'coalitional', 'deadlock',
  'polarized', 'unknown',
]);
const reservedKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function trajectorySummary(trajectory: Trajectory): Trajectory {
  const { positions: _positions, ...summary } = trajectory;
  return JSON.parse(JSON.stringify(summary)) as Trajectory;
}

/** A copy of `value` without positions if it is a well-formed trajectory, else undefined. */
export function readTrajectory(value: unknown): Trajectory | undefined {
  if (!isRecord(value)) return undefined;
  const { steps, concessionSymmetry, depth, consensusType } = value;
  if (!Number.isSafeInteger(steps) || (steps as number) < 0) return undefined;
  if (!isFiniteNumber(concessionSymmetry) || !isFiniteNumber(depth)) return undefined;
  const velocities = numbers(value.velocities);
  const axisDeltas = readAxisDeltas(value.axisDeltas);
  const evidenceDelta = readEvidence(value.evidenceDelta);
  const consensusQuality = readQuality(value.consensusQuality);
  if (!velocities || !axisDeltas || !evidenceDelta || !consensusQuality) return undefined;
  const type = typeof consensusType === 'string' && consensusTypes.has(consensusType)
    ? (consensusType as ConsensusType)
    : 'unknown';
  const trajectory: Trajectory = {
    steps: steps as number,
    velocities,
    axisDeltas,
    concessionSymmetry,
    consensusType: type,
    depth,
    evidenceDelta,
    consensusQuality,
  };
  const agents = value.agents;
  if (Array.isArray(agents) && agents.every((aid) => typeof aid === 'string')) {
    trajectory.agents = [...(agents as string[])];
  }
  return trajectory;
}

function readAxisDeltas(value: unknown): Record<Axis, number[]> | undefined {
  if (!isRecord(value)) return undefined;
  const out = {} as Record<Axis, number[]>;
  for (const axis of AXES) {
    const deltas = value[axis] === undefined ? [] : numbers(value[axis]);
    if (!deltas) return undefined;
    out[axis] = deltas;
  }
  return out;
}

function readEvidence(value: unknown): Record<string, number[]> | undefined {
  if (!isRecord(value)) return undefined;
  const out: Record<string, number[]> = {};
  for (const [aid, deltas] of Object.entries(value)) {
    const read = numbers(deltas);
    if (!read || reservedKeys.has(aid)) return undefined;
    out[aid] = read;
  }
  return out;
}

function readQuality(value: unknown): ConsensusQuality | undefined {
  if (!isRecord(value)) return undefined;
  const { independenceRate, capitulationRate, disagreementCollapse } = value;
  if (![independenceRate, capitulationRate, disagreementCollapse].every(isFiniteNumber)) {
    return undefined;
  }
  return { independenceRate, capitulationRate, disagreementCollapse } as ConsensusQuality;
}

function numbers(value: unknown): number[] | undefined {
  return Array.isArray(value) && value.every(isFiniteNumber) ? [...(value as number[])] : undefined;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
