import { useState } from 'react';
import { useModalDialog } from '../components/useModalDialog';
import { agentId } from '../../core/values';
import type { ForkChange, ForkFaultKind, ForkUnsafeRule, Scenario } from '../../worker/api';
import { faultKindsFor } from '../panels/config/draftEdits';
import { unsafeSwitches } from '../panels/config/UnsafeSection';
import { useCompare } from '../store/compareStore';
import './fork.css';

type ChangeKind = ForkChange['kind'];

const changeLabels: Record<ChangeKind, string> = {
  crash: 'Crash an agent',
  silence: 'Silence an agent (sends and answers nothing)',
  'drop-next': 'Drop the next message an agent sends',
  fault: 'Make an agent Byzantine',
  unsafe: 'Switch a safety rule off (unsafe)',
};

/** Fault kinds a fork can give an agent: not `silent` (its own change) nor `twin` (from the start only). */
function forkFaults(scenario: Scenario): ForkFaultKind[] {
  const accountable = scenario.resonance?.accountability === true;
  return faultKindsFor(scenario.protocol).filter(
    (kind): kind is ForkFaultKind => kind !== 'silent' && kind !== 'twin' && (kind !== 'accuse' || accountable),
  );
}

/** The unsafe rules still on their safe setting in the scenario. */
function safeRules(scenario: Scenario): ForkUnsafeRule[] {
  if (scenario.protocol !== 'resonance') return [];
  const unsafe: Partial<Record<ForkUnsafeRule, string>> = scenario.resonance?.unsafe ?? {};
  return unsafeSwitches.map((item) => item.key as ForkUnsafeRule).filter((key) => unsafe[key] === undefined);
}

/**
 * "What if" at the cursor (SPEC §7 Compare, `fork-open`): fork the run at a tick with one
 * change and compare the two runs side by side. A modal `<dialog>` like the help.
 */
export function ForkDialog({ scenario, tick, open, onClose }: {
  scenario: Scenario;
  /** The tick the dialog opens on: the cursor's. */
  tick: number;
  open: boolean;
  onClose: () => void;
}) {
  const dialogRef = useModalDialog(open);
  return (
    <dialog ref={dialogRef} className="help-dialog fork-dialog" data-testid="fork-dialog" aria-labelledby="fork-title" onClose={onClose}>
      <header className="help-header">
        <h2 id="fork-title">What if…</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={() => dialogRef.current?.close()}>
          ✕
        </button>
      </header>
      {open && <ForkForm scenario={scenario} initialTick={tick} onDone={() => dialogRef.current?.close()} />}
    </dialog>
  );
}

function ForkForm({ scenario, initialTick, onDone }: { scenario: Scenario; initialTick: number; onDone: () => void }) {
  const rules = safeRules(scenario);
  const faults = forkFaults(scenario);
  const kinds = (Object.keys(changeLabels) as ChangeKind[]).filter((kind) =>
    kind === 'unsafe' ? rules.length > 0 : kind === 'fault' ? faults.length > 0 : true);
  const [tick, setTick] = useState(String(initialTick));
  const [kind, setKind] = useState<ChangeKind>('crash');
  const [agent, setAgent] = useState(0);
  const [victim, setVictim] = useState(scenario.n > 1 ? 1 : 0);
  const [fault, setFault] = useState<ForkFaultKind>(faults[0] ?? 'biased');
  const [rule, setRule] = useState<ForkUnsafeRule>(rules[0] ?? 'quorum');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const agents = Array.from({ length: scenario.n }, (_, index) => index);
  const needsVictim = kind === 'fault' && (fault === 'impersonate' || fault === 'accuse');

  const change = (): ForkChange => {
    if (kind === 'unsafe') return { kind, rule };
    if (kind === 'fault') return needsVictim ? { kind, fault, agent, victim } : { kind, fault, agent };
    return { kind, agent };
  };
  const submit = async () => {
    const at = Number(tick);
    if (tick.trim() === '' || !Number.isInteger(at) || at < 0) {
      setProblem(`The fork tick must be a whole number of ticks, 0 or more (not “${tick}”).`);
      return;
    }
    setBusy(true);
    const message = await useCompare.getState().startFork(scenario, at, change());
    setBusy(false);
    if (message === null) onDone();
    else setProblem(`This fork cannot be made: ${message}.`);
  };

  return (
    <form className="fork-form" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <p className="seeds-lede">
        Runs this scenario twice: as it is, and with one change from the tick you choose. Both runs
        then play side by side on one time cursor, and the first event where they differ is marked.
      </p>
      <label>
        From tick
        <input data-testid="fork-tick" inputMode="numeric" value={tick} onChange={(event) => setTick(event.target.value)} />
      </label>
      <label>
        Change
        <select data-testid="fork-change" value={kind} onChange={(event) => setKind(event.target.value as ChangeKind)}>
          {kinds.map((item) => <option key={item} value={item}>{changeLabels[item]}</option>)}
        </select>
      </label>
      {kind === 'unsafe' ? (
        <label>
          Rule
          <select data-testid="fork-rule" value={rule} onChange={(event) => setRule(event.target.value as ForkUnsafeRule)}>
            {unsafeSwitches.filter((item) => rules.includes(item.key as ForkUnsafeRule)).map((item) => (
              <option key={item.key} value={item.key}>{item.label}</option>
            ))}
          </select>
        </label>
      ) : (
        <label>
          Agent
          <select data-testid="fork-agent" value={agent} onChange={(event) => setAgent(Number(event.target.value))}>
            {agents.map((index) => <option key={index} value={index}>{agentId(index)}</option>)}
          </select>
        </label>
      )}
      {kind === 'fault' && (
        <label>
          Fault
          <select data-testid="fork-fault" value={fault} onChange={(event) => setFault(event.target.value as ForkFaultKind)}>
            {faults.map((item) => <option key={item} value={item}>{item}</option>)}
          </select>
        </label>
      )}
      {needsVictim && (
        <label>
          Victim
          <select data-testid="fork-victim" value={victim} onChange={(event) => setVictim(Number(event.target.value))}>
            {agents.map((index) => <option key={index} value={index}>{agentId(index)}</option>)}
          </select>
        </label>
      )}
      {problem !== null && <p className="fork-problem" role="alert" data-testid="fork-problem">{problem}</p>}
      <div className="fork-actions">
        <button type="submit" className="primary" data-testid="fork-run" disabled={busy}>Fork and compare</button>
      </div>
    </form>
  );
}
