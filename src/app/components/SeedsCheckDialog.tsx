import { useModalDialog } from './useModalDialog';
import type { SeedResult } from '../../worker/poolApi';
import { seedCountChoices, useSeeds, type SeedCount } from '../store/seedsStore';
import { useRun } from '../store/runStore';
import { secondsLeft, seedsSummary } from './seedsSummary';

/** Seeds with a violation listed at most; the rest are counted. */
const violatingSeedsShownMax = 60;

/**
 * "Check over seeds": runs the current scenario under many seeds on the worker pool and says
 * how often each invariant broke, with each failing seed one click from the simulator. A
 * modal `<dialog>` like the help; the check goes on if it is closed, and its results stay.
 */
export default function SeedsCheckDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialogRef = useModalDialog(open);

  return (
    <dialog
      ref={dialogRef}
      className="help-dialog seeds-dialog"
      data-testid="seeds-dialog"
      aria-labelledby="seeds-title"
      onClose={onClose}
    >
      <header className="help-header">
        <h2 id="seeds-title">Check over seeds</h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close the seeds check"
          onClick={() => dialogRef.current?.close()}
        >
          ✕
        </button>
      </header>
      {open && <SeedsCheckBody onOpenSeed={() => dialogRef.current?.close()} />}
    </dialog>
  );
}

function SeedsCheckBody({ onOpenSeed }: { onOpenSeed: () => void }) {
  const scenario = useRun((state) => state.scenario);
  const { seedCount, status, workerCount } = useSeeds();
  const running = status === 'running';
  const first = scenario?.seed ?? 0;
  return (
    <>
      <p className="seeds-lede">
        Runs this scenario{scenario?.name ? ` (${scenario.name})` : ''} under seeds {first} to{' '}
        {first + seedCount - 1}, in background workers, and counts the runs in which an
        invariant turned red. Every run is reproducible: open a seed to replay it.
      </p>
      <div className="seeds-controls">
        <label>
          Seeds{' '}
          <select
            data-testid="seeds-count"
            value={seedCount}
            disabled={running}
            onChange={(event) => useSeeds.getState().setSeedCount(Number(event.target.value) as SeedCount)}
          >
            {seedCountChoices.map((count) => (
              <option key={count} value={count}>
                {count}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          data-testid="seeds-run"
          disabled={running || scenario === null}
          onClick={() => void useSeeds.getState().start()}
        >
          Run {seedCount} seeds
        </button>
        <button
          type="button"
          data-testid="seeds-cancel"
          disabled={!running}
          onClick={() => useSeeds.getState().cancel()}
        >
          Cancel
        </button>
        {workerCount > 0 && (
          <span className="seeds-workers">
            {workerCount} worker{workerCount === 1 ? '' : 's'}
          </span>
        )}
      </div>
      <SeedsProgress />
      <SeedsResult onOpenSeed={onOpenSeed} />
    </>
  );
}

function SeedsProgress() {
  const { status, done, total, elapsedMs, error } = useSeeds();
  if (status === 'idle') return null;
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const left = status === 'running' ? secondsLeft(done, total, elapsedMs) : null;
  return (
    <div className="seeds-progress" data-testid="seeds-progress" data-done={done} data-total={total}>
      <progress value={done} max={Math.max(total, 1)} aria-label="Runs finished" />
      <span className="seeds-progress-text">
        {done} / {total} runs
        {rate > 0 && ` · ${rate.toFixed(1)} runs/s`}
        {left !== null && ` · about ${Math.ceil(left)} s left`}
        {status === 'cancelled' && ' · cancelled'}
      </span>
      {error !== null && (
        <p className="seeds-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function SeedsResult({ onOpenSeed }: { onOpenSeed: () => void }) {
  const { status, results, total, scenario } = useSeeds();
  if (results.length === 0 || scenario === null) return null;
  const summary = seedsSummary(results);
  const partial = status !== 'done';
  const share = summary.rounds === 0 ? 0 : (100 * summary.roundsCommitted) / summary.rounds;
  return (
    <section className="seeds-result" data-testid="seeds-result" data-status={status}>
      <h3>
        {partial ? `Partial: ${summary.runs} of ${total} runs` : `${summary.runs} runs`}
        {status === 'cancelled' && ' (cancelled)'}
      </h3>
      <p className="seeds-checked">
        {scenario.name ?? 'this scenario'}, seeds {scenario.seed} to {scenario.seed + total - 1}
      </p>
      <ul className="seeds-figures">
        <li data-testid="seeds-violations" className={summary.runsWithViolation > 0 ? 'broken' : 'ok'}>
          {summary.runsWithViolation === 0 ? '✓ every invariant green in every run' : (
            <>
              ✗ {summary.runsWithViolation} of {summary.runs} runs had a red invariant:{' '}
              {summary.invariants.map((inv) => `${inv.name} (${inv.runs})`).join(', ')}
            </>
          )}
        </li>
        {summary.rounds > 0 && (
          <li>
            rounds committed {share.toFixed(1)}% ({summary.roundsCommitted} of {summary.rounds})
          </li>
        )}
        {summary.ticksPerCommitMean !== null && (
          <li>ticks per committed round {summary.ticksPerCommitMean.toFixed(1)} (mean)</li>
        )}
        <li>view changes {summary.viewChangesMean.toFixed(2)} per run (mean)</li>
      </ul>
      {summary.violatingSeeds.length > 0 && (
        <ViolatingSeeds seeds={summary.violatingSeeds} results={results} onOpenSeed={onOpenSeed} />
      )}
    </section>
  );
}

/** Each seed carries its run's trace hash, which the simulator shows again once it opens it. */
function ViolatingSeeds(props: { seeds: number[]; results: readonly SeedResult[]; onOpenSeed: () => void }) {
  const { seeds, results, onOpenSeed } = props;
  const shown = seeds.slice(0, violatingSeedsShownMax);
  const hashes = new Map(results.map((run) => [run.seed, run.traceHash]));
  return (
    <div className="seeds-violating">
      <span>Seeds with a red invariant (open one in the simulator):</span>
      <ul>
        {shown.map((seed) => (
          <li key={seed}>
            <button
              type="button"
              className="seeds-open-seed"
              data-testid="seeds-open-seed"
              data-seed={seed}
              data-trace-hash={hashes.get(seed)}
              onClick={() => {
                onOpenSeed();
                void useSeeds.getState().openSeed(seed);
              }}
            >
              seed {seed}
            </button>
          </li>
        ))}
      </ul>
      {seeds.length > shown.length && <span>and {seeds.length - shown.length} more</span>}
    </div>
  );
}
