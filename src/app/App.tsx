import { useEffect } from 'react';
import { useLab } from './store/labStore';
import { Header } from './components/Header';
import { HelpDialog } from './components/HelpDialog';
import { PlaybackBar } from './components/PlaybackBar';
import { PresenterNarration } from './components/PresenterNarration';
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

  useEffect(() => {
    void init();
  }, [init]);

  const seek = (tick: number) => {
    pause();
    setCursor(tick);
  };
  const explanation = presets.find((preset) => preset.name === presetName)?.explanation;
  const council = scenario?.protocol === 'council';
  const ended = status === 'loaded' && cursor >= endTick;
  const timeline = { scenario, events: trace, tick: cursor, endTick, ended, onSeek: seek };
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
      {explanation && <p className="scenario-brief">{explanation}</p>}
      <main className="layout">
        <div className="ring-column">
          <RingPanel scenario={scenario} events={trace} tick={cursor} selectedAgent={selectedAgent} onSelectAgent={selectAgent} />
          {presenter && <PresenterNarration />}
        </div>
        <div className="side-column">
          {!council && (
            <QuorumPanel scenario={scenario} events={trace} tick={cursor} selectedAgent={selectedAgent} onSelectAgent={selectAgent} />
          )}
          <InvariantsPanel summary={summary} trace={trace} tick={cursor} ended={ended} />
          <AgentInspector />
          {council && <AuditChainPanel report={report} events={trace} tick={cursor} />}
          <TrustPanel
            scenario={scenario}
            events={trace}
            tick={cursor}
            agreement={report?.agreement ?? null}
            selectedAgent={selectedAgent}
            onSelectAgent={selectAgent}
          />
        </div>
        {council ? (
          <>
            <div className="wide-row">
              <CouncilPanel report={report} events={trace} tick={cursor} ended={ended} />
            </div>
            <div className="wide-row">
              <CommitTimelinePanel {...timeline} />
            </div>
          </>
        ) : (
          <>
            <CommitTimelinePanel {...timeline} />
            <OpinionPanel events={trace} tick={cursor} selectedAgent={selectedAgent} onSelectAgent={selectAgent} />
            <PentadicPanel events={trace} tick={cursor} selectedAgent={selectedAgent} onSelectAgent={selectAgent} />
          </>
        )}
        <div className="wide-row">
          <EventLogPanel events={trace} tick={cursor} selectedAgent={selectedAgent} onSeek={seek} />
        </div>
      </main>
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
