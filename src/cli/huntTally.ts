import type { RunVerdict } from '../core/sim/hunt/checkRun';
import { unsafeSwitchTargets, type UnsafeSwitchName } from '../core/sim/hunt/unsafeSwitch';

/** Rounds decided out of rounds run. */
interface RoundCount {
  decided: number;
  total: number;
}

/**
 * What a search has seen so far, in constant memory: runs, violations by kind, and the
 * rounds decided with and without drops (the SPEC §9 targets: 100% without drops when
 * partitions heal, at least 99% with drops).
 */
export class HuntTally {
  runs = 0;
  violationCount = 0;
  private readonly byKind = new Map<string, number>();
  private readonly runsByKind = new Map<string, number>();
  private readonly withoutDrops: RoundCount = { decided: 0, total: 0 };
  private readonly withDrops: RoundCount = { decided: 0, total: 0 };

  add(verdict: RunVerdict): void {
    this.runs += 1;
    this.violationCount += verdict.violations.length;
    for (const { invariant } of verdict.violations) {
      this.byKind.set(invariant, (this.byKind.get(invariant) ?? 0) + 1);
    }
    for (const invariant of new Set(verdict.violations.map((v) => v.invariant))) {
      this.runsByKind.set(invariant, (this.runsByKind.get(invariant) ?? 0) + 1);
    }
    const count = verdict.drops ? this.withDrops : this.withoutDrops;
    count.decided += verdict.roundsDecided;
    count.total += verdict.rounds;
  }

  /** `hunt: 200 runs in 41 s (seeds 1..200): 0 violations; rounds decided: …`. */
  summaryLine(seconds: number, label: string): string {
    const kinds = [...this.byKind].sort(([a], [b]) => a.localeCompare(b));
    const listed = kinds.map(([kind, count]) => `${kind} ${count}`).join(', ');
    const found = kinds.length === 0 ? '' : ` (${listed})`;
    const decided =
      `rounds decided: no drops ${share(this.withoutDrops)}, drops ${share(this.withDrops)}`;
    const time = seconds < 10 ? seconds.toFixed(1) : seconds.toFixed(0);
    return `hunt: ${this.runs} runs in ${time} s (${label}): ` +
      `${this.violationCount} violations${found}; ${decided}`;
  }

  /** The checker's self-test: did the switch break the invariant it exists to break? */
  selfTestLine(name: UnsafeSwitchName): string {
    const target = unsafeSwitchTargets[name];
    const kinds = [...this.runsByKind].sort(([a], [b]) => a.localeCompare(b));
    const runs = kinds.map(([kind, count]) => `${kind} in ${count} runs`);
    const listed = kinds.length === 0 ? 'none' : runs.join(', ');
    const verdict = this.runsByKind.has(target) ? 'found' : 'NOT found';
    return `hunt: --unsafe ${name} expects ${target}: ${verdict}; violation kinds found: ${listed}`;
  }
}

/**
 * A percentage that reads 100% only when every round was decided: 99.96% is shown as
 * 99.9%, never rounded up to look perfect.
 */
function share({ decided, total }: RoundCount): string {
  if (total === 0) return 'n/a (0/0)';
  const floored = Math.floor((decided / total) * 1000) / 10;
  const percent = decided === total ? '100' : floored.toFixed(1);
  return `${percent}% (${decided}/${total})`;
}
