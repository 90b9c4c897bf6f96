import { lazy, Suspense, useEffect, useMemo, useRef } from 'react';
import { useRun } from './store/runStore';
import { useCursorTrace, useEnded, usePlayback, useStepEvent, useWholeTick } from './store/playbackStore';
import { useSelection } from './store/selectionStore';
import { Drawer } from './components/Drawer';
import { Header } from './components/Header';
import { HelpDialog } from './components/HelpDialog';
import { PlaybackBar } from './components/PlaybackBar';
import { PresenterNarration } from './components/PresenterNarration';
import { ScenarioBrief } from './components/ScenarioBrief';
import { useFileDrop, usePageShortcuts, useThemeAttribute } from './components/usePageKeys';
import { useUi } from './store/uiStore';
import { AccountabilityPanel } from './panels/council/AccountabilityPanel';
import { AuditChainPanel } from './panels/council/AuditChainPanel';
import { CouncilPanel } from './panels/council/CouncilPanel';
import { InvariantsPanel } from './panels/InvariantsPanel';
import { AgentInspector } from './panels/inspector/AgentInspector';
import { EventLogPanel } from './panels/eventLog/EventLogPanel';
import { RingPanel } from './panels/network/RingPanel';
import { OpinionPanel } from './panels/opinion/OpinionPanel';
import { PentadicPanel } from './panels/pentadic/PentadicPanel';
import { QuorumPanel } from './panels/quorum/QuorumPanel';
import { TrustPanel } from './panels/trust/TrustPanel';
import { CommitTimelinePanel } from './panels/timeline/CommitTimelinePanel';
import { ConfigPanel } from './panels/config/ConfigPanel';
import { useExplore } from './store/exploreStore';
import { useStaggered } from './components/useStaggered';
import type { TraceIndex } from './trace/traceIndex';
import { byzantineAgents } from './trace/decidedValues';
import { useExploreAddress } from './explore/useExploreAddress';
import { useLesson } from './store/lessonStore';
import { LessonPanel } from './lessons/LessonPanel';
import { LessonMaker } from './lessons/LessonMaker';
import { useLessonMaker } from './store/lessonMakerStore';
import { useLessonAddress } from './lessons/useLessonAddress';
import { usePhoneLessonFit } from './lessons/usePhoneLessonFit';
import { useNarrowScreen } from './components/useMediaQuery';
import type { Highlight } from './lessons/lesson';
import { useCompare } from './store/compareStore';
import { useCompareAddress } from './compare/useCompareAddress';

/** Explore (issue 13) loads with its first use, so the simulator's first load stays small. */
const ExplorePage = lazy(() => import('./explore/ExplorePage'));
/** Compare ("what if" forks) too. */
const ComparePage = lazy(() => import('./compare/ComparePage'));
import { performAction } from './components/performAction';

/**
 * `?embed` (SPEC §7): only the ring, the lesson or narration line and the playback bar, sized
 * to the frame, for slides and course pages. Read once: an embedded page stays embedded.
 */
const embedded = typeof location !== 'undefined' && new URLSearchParams(location.search).has('embed');

export function App() {
  const init = useRun((state) => state.init);
  const scenario = useRun((state) => state.scenario);
  const presets = useRun((state) => state.presets);
  const presetName = useRun((state) => state.presetName);
  const notice = useRun((state) => state.notice);
  const presenter = useUi((state) => state.presenter);
  usePageShortcuts();
  useThemeAttribute();
  const dropping = useFileDrop();
  const exploring = useExplore((state) => state.open);
  const comparing = useCompare((state) => state.open);
  useExploreAddress();
  useLessonAddress();
  const lessonOpen = useLesson((state) => state.lesson !== null);
  const makerOpen = useLessonMaker((state) => state.open);
  const highlight = useLesson((state) => state.lesson?.steps[state.stepIndex]?.highlight);
  useCompareAddress();
  const appRef = useRef<HTMLDivElement>(null);
  // On a phone the ring, the lesson and the playback bar share the first screen.
  usePhoneLessonFit(appRef, useNarrowScreen() && lessonOpen && !embedded);

  useEffect(() => {
    void init();
  }, [init]);

  // A link pasted into the address bar of this tab, or Back and Forward between scenarios,
  // loads as a fresh page would (the store ignores the fragments it wrote itself).
  useEffect(() => {
    const open = () => void useRun.getState().openAddress();
    window.addEventListener('hashchange', open);
    window.addEventListener('popstate', open);
    return () => {
      window.removeEventListener('hashchange', open);
      window.removeEventListener('popstate', open);
    };
  }, []);

  const explanation = presets.find((preset) => preset.name === presetName)?.explanation;
  const council = scenario?.protocol === 'council';
  const accountable = !council && scenario?.resonance?.accountability === true;
  const drawerTabs = [
    { id: 'event-log', label: 'Event log', content: <EventLogSlot /> },
    ...(council ? [] : [{ id: 'pentadic', label: 'Pentadic report', content: <PentadicSlot /> }]),
  ];
  if (embedded) {
    return (
      <div className={`app embed${presenter ? ' presenter' : ''}`} {...lessonFocusAttributes(highlight)}>
        <ErrorBanner />
        <main className="embed-main">
          <RingSlot />
          {lessonOpen ? <LessonPanel /> : <PresenterNarration />}
        </main>
        <footer className="app-footer">
          <PlaybackBar />
        </footer>
      </div>
    );
  }
  if (comparing) {
    return (
      <div className="app">
        <Header />
        <Suspense fallback={<p className="empty-state">Loading the comparison…</p>}>
          <ComparePage />
        </Suspense>
        <HelpDialog />
      </div>
    );
  }
  if (exploring) {
    return (
      <div className="app">
        <Header />
        <Suspense fallback={<p className="empty-state">Loading Explore…</p>}>
          <ExplorePage />
        </Suspense>
        <HelpDialog />
      </div>
    );
  }
  return (
    <div
      ref={appRef}
      className={`app${presenter ? ' presenter' : ''}${dropping ? ' dropping' : ''}${lessonOpen ? ' lesson-open' : ''}`}
      {...lessonFocusAttributes(highlight)}
    >
      <Header />
      <ErrorBanner />
      {notice !== null && (
        <p className="notice" role="status" data-testid="notice">
          {notice}
        </p>
      )}
      {/* A lesson's text takes the place of the preset's paragraph. */}
      {explanation && !lessonOpen && <ScenarioBrief text={explanation} presenter={presenter} />}
      <div className="workspace">
        <ConfigPanel />
        <main className="layout">
          <div className="top-row">
            <div className="ring-column">
              <RingSlot />
              {presenter && !lessonOpen && <PresenterNarration />}
            </div>
            <div className="side-column">
              {lessonOpen && <LessonPanel />}
              {makerOpen && <LessonMaker />}
              {!council && <QuorumSlot />}
              <InvariantsSlot />
              <AgentInspector />
            </div>
          </div>
          {council ? (
            <div className="bottom-row council">
              <CouncilSlot />
              <div className="stacked-column">
                <AuditChainSlot />
                <TrustSlot />
              </div>
              <div className="wide-row">
                <TimelineSlot />
              </div>
            </div>
          ) : (
            <>
              <div className="bottom-row">
                <OpinionSlot />
                <TrustSlot />
                <TimelineSlot />
              </div>
              {accountable && (
                <div className="bottom-row accountability">
                  <AccountabilitySlot />
                  <AuditChainSlot />
                </div>
              )}
            </>
          )}
          <div className="wide-row">
            <Drawer label="More panels" tabs={drawerTabs} />
          </div>
        </main>
      </div>
      <footer className="app-footer">
        <PlaybackBar />
        <TraceHashFooter />
      </footer>
      <HelpDialog />
    </div>
  );
}

/*
 * Policy: each slot below subscribes to what its panel draws, so a frame re-renders the panel
 * that follows the exact cursor (the ring, whose dots travel), a new tick those that draw
 * whole ticks, and nothing else; the page shell above never re-renders during playback.
 * The panels are memoised and their props stable: the cursor's trace is the same object until
 * an event passes under the cursor (`useCursorTrace`), so a batch simulated ahead of the cursor
 * re-renders a slot but redraws no panel unless it draws the frontier (the timeline's scale).
 */

/**
 * The cursor's trace and whole tick, for a panel that draws whole ticks. In a run of more than
 * `staggerAgentsAbove` agents each such panel takes a new tick in a task of its own
 * (`useStaggered`), a few milliseconds after the ring, so no tick is one long task of a dozen
 * panels' redraws.
 */
function useWholeTickCursor(): { trace: TraceIndex; tick: number } {
  const large = useRun((state) => (state.scenario?.n ?? 0) > staggerAgentsAbove);
  const trace = useCursorTrace();
  const tick = useWholeTick();
  const [shownTrace, shownTick] = useStaggered([trace, tick] as const, large);
  return { trace: shownTrace, tick: shownTick };
}

/**
 * Above this many agents whole-tick panels take a new tick one by one. Policy: at a commit every
 * panel redraws; together they made one main-thread task of 60–100 ms of CPU at 100 agents and
 * at 200 (`hk-classic`), and up to 50 at 49 (SPEC §8: none over 50 ms during playback). The
 * teaching presets (7 to 12 agents) draw a tick in one task, well under that.
 */
const staggerAgentsAbove = 32;

/** The shared selection props of the panels that select an agent. */
function useSelectionProps() {
  const selectedAgent = useSelection((state) => state.selectedAgent);
  const onSelectAgent = useSelection((state) => state.selectAgent);
  return { selectedAgent, onSelectAgent };
}

/** Pauses and moves the cursor: what a click on a mark, a row or a violation does. */
function seek(tick: number): void {
  void performAction({ id: 'seek', tick });
}

/**
 * What a lesson step talks about, as attributes of the page that the lesson stylesheet outlines
 * and labels (panels, an invariant's row, the quorum bar, a message type in the ring's legend).
 */
function lessonFocusAttributes(highlight: Highlight | undefined): Record<string, string> {
  if (highlight === undefined) return {};
  const attributes: Record<string, string> = {};
  if (highlight.panel) attributes['data-lesson-panel'] = highlight.panel;
  if (highlight.invariant) attributes['data-lesson-invariant'] = highlight.invariant;
  if (highlight.quorum) attributes['data-lesson-quorum'] = 'true';
  if (highlight.message) attributes['data-lesson-message'] = highlight.message === 'V' ? 'prepare commit' : highlight.message;
  return attributes;
}

/** The agents the open lesson's step talks about (a stable array per step). */
const noAgents: readonly number[] = [];
/** No voting blocs (a stable array, so the memoised trust panel is not redrawn for a new one). */
const noBlocs: readonly (readonly string[])[] = [];

function RingSlot() {
  const scenario = useRun((state) => state.scenario);
  const trace = useCursorTrace();
  const cursor = usePlayback((state) => state.cursor);
  const focusAgents = useLesson((state) => state.lesson?.steps[state.stepIndex]?.highlight?.agents ?? noAgents);
  return <RingPanel scenario={scenario} trace={trace} tick={cursor} focusAgents={focusAgents} {...useSelectionProps()} />;
}

function QuorumSlot() {
  const scenario = useRun((state) => state.scenario);
  // Evaluations arrive at whole ticks: the panel follows the whole tick, not every frame.
  const { trace, tick } = useWholeTickCursor();
  return <QuorumPanel scenario={scenario} trace={trace} tick={tick} {...useSelectionProps()} />;
}

function InvariantsSlot() {
  const summary = useRun((state) => state.summary);
  const { trace, tick } = useWholeTickCursor();
  const ended = useEnded();
  return <InvariantsPanel summary={summary} trace={trace} tick={tick} ended={ended} onSeek={seek} />;
}

function OpinionSlot() {
  const agentCount = useRun((state) => state.scenario?.n ?? 0);
  const { trace, tick } = useWholeTickCursor();
  return <OpinionPanel agentCount={agentCount} trace={trace} tick={tick} {...useSelectionProps()} />;
}

function TrustSlot() {
  const scenario = useRun((state) => state.scenario);
  const report = useRun((state) => state.report);
  const { trace, tick } = useWholeTickCursor();
  const council = scenario?.protocol === 'council';
  return (
    <TrustPanel
      scenario={scenario}
      trace={trace}
      tick={tick}
      agreement={council ? (report?.agreement ?? null) : null}
      blocs={council ? (report?.blocs ?? noBlocs) : noBlocs}
      {...useSelectionProps()}
    />
  );
}

function TimelineSlot() {
  const scenario = useRun((state) => state.scenario);
  const endTick = useRun((state) => state.endTick);
  const { trace, tick } = useWholeTickCursor();
  const ended = useEnded();
  return <CommitTimelinePanel scenario={scenario} trace={trace} tick={tick} endTick={endTick} ended={ended} onSeek={seek} />;
}

function CouncilSlot() {
  const report = useRun((state) => state.report);
  const { trace, tick } = useWholeTickCursor();
  const ended = useEnded();
  return <CouncilPanel report={report} trace={trace} tick={tick} ended={ended} />;
}

function AuditChainSlot() {
  const loaded = useRun((state) => state.scenario !== null);
  const { trace, tick } = useWholeTickCursor();
  return <AuditChainPanel loaded={loaded} trace={trace} tick={tick} />;
}

/** The Council's voters as accountability weighs them: the resolved scenario's weights and faults. */
function AccountabilitySlot() {
  const scenario = useRun((state) => state.scenario);
  const resolved = useRun((state) => state.resolved);
  const { trace, tick } = useWholeTickCursor();
  const voters = useMemo(
    () => ({
      weights: resolved?.council.weights ?? [],
      byzantine: [...byzantineAgents(scenario)],
    }),
    [scenario, resolved],
  );
  return <AccountabilityPanel trace={trace} tick={tick} voters={voters} />;
}

function EventLogSlot() {
  const { trace, tick } = useWholeTickCursor();
  const stepEvent = useStepEvent();
  const selectedAgent = useSelection((state) => state.selectedAgent);
  return <EventLogPanel trace={trace} tick={tick} stepEvent={stepEvent} selectedAgent={selectedAgent} onSeek={seek} />;
}

function PentadicSlot() {
  const { trace, tick } = useWholeTickCursor();
  return <PentadicPanel trace={trace} tick={tick} {...useSelectionProps()} />;
}

/** The run's error message, dismissable (a bad link, file or value: what went wrong, nothing lost). */
function ErrorBanner() {
  const error = useRun((state) => state.error);
  const dismissError = useRun((state) => state.dismissError);
  if (error === null) return null;
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <span>{error}</span>
      <button type="button" onClick={dismissError} aria-label="Dismiss message">
        ✕
      </button>
    </div>
  );
}

function TraceHashFooter() {
  const summary = useRun((state) => state.summary);
  const ended = useEnded();
  return (
    <p className="trace-footer">
      trace hash{' '}
      <code className="hash" data-testid="trace-hash">
        {ended && summary ? summary.traceHash : ''}
      </code>
    </p>
  );
}
