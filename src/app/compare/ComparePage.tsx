import { useEffect, useMemo, useState } from 'react';
import type { StreamEvent } from '../../worker/api';
import { HashText } from '../components/HashText';
import { EventLogPanel } from '../panels/eventLog/EventLogPanel';
import { narrate } from '../panels/eventLog/narrate';
import { InvariantsPanel } from '../panels/InvariantsPanel';
import { RingPanel } from '../panels/network/RingPanel';
import { CommitTimelinePanel } from '../panels/timeline/CommitTimelinePanel';
import { compareEndTick, useCompare, type CompareRun } from '../store/compareStore';
import type { TraceDivergence } from '../trace/traceDivergence';
import { CompareBar } from './CompareBar';
import './compare.css';

/**
 * Compare (SPEC §7; UI.md Compare): a run and its "what if" fork as two simulator columns under
 * one playback bar (rings, invariants, timelines and event logs side by side, stacked on a
 * phone), the first event where they differ marked on the shared scrubber, both timelines and
 * both logs and named in words, and a one-line caption of the single change between them.
 */
export default function ComparePage() {
  const caption = useCompare((state) => state.caption);
  const status = useCompare((state) => state.status);
  const error = useCompare((state) => state.error);
  const base = useCompare((state) => state.base);
  const fork = useCompare((state) => state.fork);
  const divergence = useCompare((state) => state.divergence);
  const pairLink = useCompare((state) => state.pairLink);
  const at = useCompare((state) => state.comparison?.at ?? 0);
  // Policy: the pair's own selection, not the simulator's (whose inspector would ask the
  // simulation worker about an agent of another run): an agent clicked in one ring is
  // highlighted in both.
  const [selectedAgent, onSelectAgent] = useState<number | null>(null);
  const selection = { selectedAgent, onSelectAgent };
  useCompareKeys();

  return (
    <div className="compare-page" data-testid="compare-view" data-status={status}>
      <div className="compare-bar-top">
        <div className="compare-heading">
          <h2 data-testid="compare-caption">What if {caption}?</h2>
          <DivergenceLine status={status} divergence={divergence} at={at} />
        </div>
        <div className="compare-links">
          {pairLink !== null && (
            <a href={pairLink} data-testid="compare-pair-link" title="This pair, shareable: it reproduces both runs">
              Link to this pair
            </a>
          )}
          <button type="button" data-testid="compare-close" onClick={() => void useCompare.getState().close()}>
            Back to the simulator
          </button>
        </div>
      </div>
      {error !== null && (
        <div className="error-banner" role="alert" data-testid="compare-error">
          <span>{error}</span>
        </div>
      )}
      <div className="compare-columns">
        <RunColumn which="base" title="As it was" run={base} divergence={divergence} {...selection} />
        <RunColumn which="fork" title={`What if ${caption}`} run={fork} divergence={divergence} {...selection} />
      </div>
      <footer className="app-footer">
        <CompareBar />
      </footer>
    </div>
  );
}

/** The first difference in words, or why there is none (yet). */
function DivergenceLine({ status, divergence, at }: { status: string; divergence: TraceDivergence | null; at: number }) {
  if (status === 'simulating') return <p className="panel-caption" data-testid="compare-divergence">Simulating both runs…</p>;
  if (status !== 'ready') return null;
  if (divergence === null) {
    return (
      <p className="panel-caption" data-testid="compare-divergence" data-tick="">
        The two runs never differ: the change from tick {at} has no effect on this run.
      </p>
    );
  }
  return (
    <p className="compare-divergence" data-testid="compare-divergence" data-tick={divergence.tick}>
      <span className="divergence-glyph" aria-hidden="true">≠</span> First difference at tick {divergence.tick} (event{' '}
      {divergence.index + 1}): {said(divergence.a, 'the run had ended')} in the first run,{' '}
      {said(divergence.b, 'the run had ended')} in the fork.
    </p>
  );
}

/** An event in words, for the divergence line. */
function said(event: StreamEvent | null, none: string): string {
  if (event === null) return none;
  return `“${narrate(event)?.text ?? event.kind}”`;
}

function RunColumn({ which, title, run, divergence, selectedAgent, onSelectAgent }: {
  which: 'base' | 'fork';
  title: string;
  run: CompareRun | null;
  divergence: TraceDivergence | null;
  selectedAgent: number | null;
  onSelectAgent(agent: number | null): void;
}) {
  // The panels follow the whole tick; only the ring (`CompareRing`) reads the exact cursor, which
  // moves every animation frame while playing.
  const tick = useCompare((state) => Math.floor(state.cursor));
  const end = useCompare(compareEndTick);
  const event = divergence === null ? null : which === 'base' ? divergence.a : divergence.b;
  const mark = useMemo(
    () => (divergence === null ? null : { tick: divergence.tick, label: `first difference, tick ${divergence.tick}` }),
    [divergence],
  );
  return (
    <section className="compare-run" data-testid="compare-run" data-run={which} aria-label={title}
      data-trace-hash={run?.summary.traceHash ?? ""}>
      <header className="compare-run-header">
        <h3>{title}</h3>
        {run !== null && (
          <p className="compare-run-meta">
            {run.link !== null && (
              <a href={run.link} data-testid="compare-run-link" title="Open this run alone in the simulator">
                open in the simulator
              </a>
            )}{' '}
            · trace <HashText hash={run.summary.traceHash} label="trace hash" />
          </p>
        )}
        {divergence !== null && run !== null && (
          <p className="compare-run-divergence" data-testid="compare-divergent-event">
            ≠ tick {divergence.tick}: {event === null ? 'no event: this run had ended' : narrate(event)?.text ?? event.kind}
          </p>
        )}
      </header>
      {run === null ? (
        <p className="empty-state">Simulating this run…</p>
      ) : (
        <>
          <CompareRing run={run} selectedAgent={selectedAgent} onSelectAgent={onSelectAgent} />
          <InvariantsPanel summary={run.summary} trace={run.trace} tick={tick} ended={tick >= run.endTick} onSeek={seek} />
          <CommitTimelinePanel scenario={run.scenario} trace={run.trace} tick={tick} endTick={end}
            ended={tick >= run.endTick} onSeek={seek} mark={mark} />
          <EventLogPanel trace={run.trace} tick={tick} selectedAgent={selectedAgent} onSeek={seek}
            markedIndex={event === null ? null : divergence?.index ?? null} />
        </>
      )}
    </section>
  );
}

/** One run's ring at the exact cursor, its dots travelling between ticks. */
function CompareRing({ run, selectedAgent, onSelectAgent }: {
  run: CompareRun;
  selectedAgent: number | null;
  onSelectAgent(agent: number | null): void;
}) {
  const cursor = useCompare((state) => state.cursor);
  return (
    <RingPanel scenario={run.scenario} trace={run.trace} tick={cursor} selectedAgent={selectedAgent} onSelectAgent={onSelectAgent} />
  );
}

/** Pauses the pair and moves its cursor: what a click on a mark, a row or a violation does. */
function seek(tick: number): void {
  useCompare.getState().setPlaying(false);
  useCompare.getState().setCursor(tick);
}

/**
 * Space plays and pauses; the arrows step a tick (the simulator's keys, for the pair). Policy:
 * heard in the capture phase and marked handled, so the simulator hidden behind (whose handler
 * skips handled keys) does not play as well.
 */
function useCompareKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target !== null && /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName)) return;
      const store = useCompare.getState();
      if (event.key === ' ') store.setPlaying(!store.playing);
      else if (event.key === 'ArrowRight') store.setCursor(Math.floor(store.cursor) + 1);
      else if (event.key === 'ArrowLeft') store.setCursor(Math.ceil(store.cursor) - 1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
