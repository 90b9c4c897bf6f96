import { assert } from '../../assert';
import type { FaultBook } from './faultBook';
import { honestReplica } from './replica/honestReplica';
import { freshReplica } from './replica/out';
import type { Effect, Handler, Input, ReplicaContext, ReplicaState } from './replica/types';
import { equivocateStrategy } from './strategies/equivocate';
import { forgeStrategy } from './strategies/forge';
import { twinStep, type TwinState } from './strategies/twin';

/** One agent's state machine: its state and the handler of its behaviour. */
export type Machine =
  | { kind: 'replica'; state: ReplicaState; step: Handler<ReplicaState> }
  | { kind: 'twin'; state: TwinState; step: Handler<TwinState> };

/** A machine without its handler: plain data, which the agent's fault turns back into one. */
export type MachineState =
  | { kind: 'replica'; state: ReplicaState }
  | { kind: 'twin'; state: TwinState };

/**
 * The machine an agent runs, by its fault (SPEC §4): the honest replica, or a strategy that
 * wraps it. Faults that only change what an agent seals (tamper, biased, sycophant,
 * impersonate) act in the engine's sealing; silent and garble act in the transport.
 */
export function machineFor(index: number, faults: FaultBook, state: ReplicaState): Machine {
  if (faults.of(index, 'twin')) {
    return { kind: 'twin', state: { copies: [state, freshReplica(index)] }, step: twinStep };
  }
  return { kind: 'replica', state, step: replicaStep(index, faults) };
}

/** The machine of a restored engine: the saved state with the handler of the agent's fault. */
export function restoredMachine(index: number, faults: FaultBook, saved: MachineState): Machine {
  const twin = faults.of(index, 'twin') !== undefined;
  assert(twin === (saved.kind === 'twin'), `a${index}: a saved ${saved.kind} machine, wrong fault`);
  return saved.kind === 'twin'
    ? { kind: 'twin', state: saved.state, step: twinStep }
    : { kind: 'replica', state: saved.state, step: replicaStep(index, faults) };
}

/** The machine's state without its handler, by reference (not a copy). */
export function machineState(machine: Machine): MachineState {
  return machine.kind === 'twin'
    ? { kind: 'twin', state: machine.state }
    : { kind: 'replica', state: machine.state };
}

/**
 * The handler of an agent that is not a twin: a strategy wrapping the replica, or the replica.
 * With faults that start at a tick (`from`), the strategy is chosen again at every step, so
 * the agent follows the protocol until its fault begins.
 */
function replicaStep(index: number, faults: FaultBook): Handler<ReplicaState> {
  if (!faults.timed) return strategyNow(index, faults);
  return (state, input, ctx) => strategyNow(index, faults)(state, input, ctx);
}

/** The strategy of the agent's fault acting now (the honest replica when none does). */
function strategyNow(index: number, faults: FaultBook): Handler<ReplicaState> {
  if (faults.of(index, 'equivocate')) {
    const colluders: number[] = [];
    for (let i = 0; i < faults.agentCount; i++) if (faults.of(i, 'equivocate')) colluders.push(i);
    return equivocateStrategy(colluders);
  }
  if (faults.of(index, 'forge')) return forgeStrategy;
  return honestReplica;
}

/** The replica state the trace and the inspector show (a twin: its first copy). */
export function replicaOf(machine: Machine): ReplicaState {
  return machine.kind === 'twin' ? machine.state.copies[0] : machine.state;
}

/** Steps an agent's machine with one input; its state is updated, its effects returned. */
export function runMachine(machine: Machine, input: Input, ctx: ReplicaContext): Effect[] {
  return machine.kind === 'twin' ? stepped(machine, input, ctx) : stepped(machine, input, ctx);
}

/** One step of a machine of state type S (the union above needs one call site per member). */
function stepped<S>(machine: { state: S; step: Handler<S> }, input: Input, ctx: ReplicaContext): Effect[] {
  const result = machine.step(machine.state, input, ctx);
  machine.state = result.state;
  return result.effects;
}
