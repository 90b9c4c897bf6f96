import { lazy, Suspense, useEffect } from 'react';
import { useLab } from './store/labStore';
import { Drawer } from './components/Drawer';
import { Header } from './components/Header';
import { HelpDialog } from './components/HelpDialog';
import { PlaybackBar } from './components/PlaybackBar';
import { PresenterNarration } from './components/PresenterNarration';
import { ScenarioBrief } from './components/ScenarioBrief';
import { useFileDrop, usePageShortcuts, useThemeAttribute } from './components/usePageKeys';
import { useUi } from './store/uiStore';
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
import { useExploreAddress } from './explore/useExploreAddress';

/** Explore (issue 13) loads with its first use, so the simulator's first load stays small. */
const ExplorePage = lazy(() => import('./explore/ExplorePage'));

export function App() {
  const init = useLab((state) => state.init);
  const scenario = useLab((state) => state.scenario);
  const presets = useLab((state) => state.presets);
  const presetName = useLab((state) => state.presetName);
  const status = useLab((state) => state.status);
  const report = useLab((state) => state.report);
  const summary = useLab((state) => state.summary);
  const trace = useLab((state) => state.trace);
  const cursor = useLab((state) => state.cursor);
  const endTick = useLab((state) => state.endTick);
  const error = useLab((state) => state.error);
  const notice = useLab((state) => state.notice);
  const dismissError = useLab((state) => state.dismissError);
  const selectedAgent = useLab((state) => state.selectedAgent);
  const selectAgent = useLab((state) => state.selectAgent);
  const setCursor = useLab((state) => state.setCursor);
  const pause = useLab((state) => state.pause);
  const presenter = useUi((state) => state.presenter);
  usePageShortcuts();
  useThemeAttribute();
  const dropping = useFileDrop();
  const exploring = useExplore((state) => state.open);
  useExploreAddress();

  useEffect(() => {
    void init();
  }, [init]);

  // A link pasted into the address bar of this tab, or Back and Forward between scenarios,
  // loads as a fresh page would (the store ignores the fragments it wrote itself).
  useEffect(() => {
    const open = () => void useLab.getState().openAddress();
    window.addEventListener('hashchange', open);
    window.addEventListener('popstate', open);
    return () => {
      window.removeEventListener('hashchange', open);
      window.removeEventListener('popstate', open);
    };
  }, []);

  const seek = (tick: number) => {
    pause();
    setCursor(tick);
  };
  const explanation = presets.find((preset) => preset.name === presetName)?.explanation;
  const council = scenario?.protocol === 'council';
  const ended = status === 'loaded' && cursor >= endTick;
  // Every event happens at a whole tick, so panels that only show the trace up to the cursor
  // get the whole tick: their memoised work reruns once per tick, not once per animation
  // frame. The ring and the quorum panel animate messages in flight and take the exact cursor.
  const tick = Math.floor(cursor);
  const timeline = { scenario, events: trace, tick, endTick, ended, onSeek: seek };
  const agentProps = { events: trace, tick, selectedAgent, onSelectAgent: selectAgent };
  const animatedProps = { ...agentProps, tick: cursor };
  const drawerTabs = [
    {
      id: 'event-log',
      label: 'Event log',
      content: <EventLogPanel events={trace} tick={tick} selectedAgent={selectedAgent} onSeek={seek} />,
    },
    ...(council ? [] : [{ id: 'pentadic', label: 'Pentadic report', content: <PentadicPanel {...agentProps} /> }]),
  ];
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
    <div className={`app${presenter ? ' presenter' : ''}${dropping ? ' dropping' : ''}`}>
      <Header />
      {error !== null && (
        <div className="error-banner" role="alert" data-testid="error-banner">
          <span>{error}</span>
          <button type="button" onClick={dismissError} aria-label="Dismiss message">
            ✕
          </button>
        </div>
      )}
      {notice !== null && (
        <p className="notice" role="status" data-testid="notice">
          {notice}
        </p>
      )}
      {explanation && <ScenarioBrief text={explanation} presenter={presenter} />}
      <div className="workspace">
        <ConfigPanel />
        <main className="layout">
          <div className="top-row">
            <div className="ring-column">
              <RingPanel scenario={scenario} {...animatedProps} />
              {presenter && <PresenterNarration />}
            </div>
            <div className="side-column">
              {!council && <QuorumPanel scenario={scenario} {...animatedProps} />}
              <InvariantsPanel summary={summary} trace={trace} tick={tick} ended={ended} onSeek={seek} />
              <AgentInspector />
            </div>
          </div>
          {council ? (
            <div className="bottom-row council">
              <CouncilPanel report={report} events={trace} tick={tick} ended={ended} />
              <div className="stacked-column">
                <AuditChainPanel report={report} events={trace} tick={tick} />
                <TrustPanel
                  scenario={scenario}
                  agreement={report?.agreement ?? null}
                  blocs={report?.blocs ?? []}
                  {...agentProps}
                />
              </div>
              <div className="wide-row">
                <CommitTimelinePanel {...timeline} />
              </div>
            </div>
          ) : (
            <div className="bottom-row">
              <OpinionPanel {...agentProps} />
              <TrustPanel scenario={scenario} agreement={null} {...agentProps} />
              <CommitTimelinePanel {...timeline} />
            </div>
          )}
          <div className="wide-row">
            <Drawer label="More panels" tabs={drawerTabs} />
          </div>
        </main>
      </div>
      <footer className="app-footer">
        <PlaybackBar />
        <p className="trace-footer">
          trace hash{' '}
          <code className="hash" data-testid="trace-hash">
            {ended && summary ? summary.traceHash : ''}
          </code>
        </p>
      </footer>
      <HelpDialog />
    </div>
  );
}
