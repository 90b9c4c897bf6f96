import { Rng, type RngState } from '../../rng';
import type { ResolvedFault, ResolvedScenario } from '../scenario';

/** What changes in a fault book during a run: the state of each stream drawn from so far. */
export interface FaultBookState {
  /** `[agent, state]` in the order the streams were first drawn from. */
  streams: [number, RngState][];
}

/**
 * Which agent has which fault, and the per-agent random streams faults draw from
 * (`faults:a3`), so one agent's garbling never shifts another's. Only the streams change
 * during a run; which agent has which fault is the scenario's.
 *
 * A fault with a start tick (`from`, SPEC §4: a "what if" fork) acts only from that tick on:
 * before it, `of` does not return it and the agent counts as honest, so the run until then is
 * its base's. `silent` faults keep their own period ([from, until), `isSilentAt`).
 */
export class FaultBook {
  private readonly byAgent: Map<number, ResolvedFault[]> = new Map();
  private readonly streams: Map<number, Rng>;
  /** Whether any fault other than `silent` has a start tick (else `of` never reads the clock). */
  readonly timed: boolean;

  /**
   * `now`: the engine's clock, for faults with a start tick. `state`: the streams of a
   * restored engine; default none drawn from yet.
   */
  constructor(
    private readonly scenario: ResolvedScenario,
    private readonly now: () => number,
    state?: FaultBookState,
  ) {
    this.streams = new Map(state?.streams.map(([agent, rng]) => [agent, Rng.restore(rng)]));
    this.timed = scenario.faults.some((fault) => fault.kind !== 'silent' && 'from' in fault);
    for (const fault of scenario.faults) {
      for (const agent of fault.agents) {
        const list = this.byAgent.get(agent) ?? [];
        list.push(fault);
        this.byAgent.set(agent, list);
      }
    }
  }

  get agentCount(): number {
    return this.scenario.n;
  }

  /** The agent's first fault of `kind` that acts now (a `silent` one: at any time). */
  of<K extends ResolvedFault['kind']>(agent: number, kind: K): Extract<ResolvedFault, { kind: K }> | undefined {
    // Policy: a plain loop, not `find` with a closure: this is asked for every delivery.
    const list = this.byAgent.get(agent);
    if (list === undefined) return undefined;
    for (const fault of list) {
      if (fault.kind === kind && this.started(fault)) return fault as Extract<ResolvedFault, { kind: K }>;
    }
    return undefined;
  }

  /** Agents with any fault other than crashing, acting now: they are not counted as honest. */
  isByzantine(agent: number): boolean {
    const list = this.byAgent.get(agent);
    if (list === undefined) return false;
    for (const fault of list) if (fault.kind !== 'silent' && this.started(fault)) return true;
    return false;
  }

  /**
   * Whether the agent's `silent` fault (the first naming it, as `isSilentAt` reads it) has
   * begun: such an agent is not waited for, even once it comes back.
   */
  silentStarted(agent: number): boolean {
    const fault = this.of(agent, 'silent');
    return fault !== undefined && this.now() >= fault.from;
  }

  /** Whether a fault other than `silent` acts now (one without `from` always does). */
  private started(fault: ResolvedFault): boolean {
    if (fault.kind === 'silent' || fault.kind === 'twin' || fault.from === undefined) return true;
    return this.now() >= fault.from;
  }

  /** Crashed by a `silent` fault at `tick` ([from, until)). */
  isSilentAt(agent: number, tick: number): boolean {
    const fault = this.of(agent, 'silent');
    return fault !== undefined && tick >= fault.from && (fault.until === null || tick < fault.until);
  }

  state(): FaultBookState {
    return { streams: [...this.streams].map(([agent, rng]) => [agent, rng.snapshot()]) };
  }

  stream(agent: number): Rng {
    let rng = this.streams.get(agent);
    if (!rng) {
      rng = Rng.stream(this.scenario.seed, `faults:a${agent}`);
      this.streams.set(agent, rng);
    }
    return rng;
  }

  /** Ticks at which a silent agent comes back, to re-arm its timer. */
  restartTicks(): { agent: number; tick: number }[] {
    return this.scenario.faults.flatMap((fault) =>
      fault.kind === 'silent' && fault.until !== null
        ? fault.agents.map((agent) => ({ agent, tick: fault.until as number }))
        : [],
    );
  }
}
