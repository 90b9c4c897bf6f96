import { useEffect } from 'react';
import { useLab } from './store/labStore';
import { Header } from './components/Header';
import { PlaybackBar } from './components/PlaybackBar';
import { AuditChainPanel } from './panels/AuditChainPanel';
import { CouncilPanel } from './panels/CouncilPanel';
import { InvariantsPanel } from './panels/InvariantsPanel';
import { EventLogPanel } from './panels/eventLog/EventLogPanel';
import { RingPanel } from './panels/network/RingPanel';
import { OpinionPanel } from './panels/opinion/OpinionPanel';
import { QuorumPanel } from './panels/quorum/QuorumPanel';
import { TrustPanel } from './panels/trust/TrustPanel';
import { RoundsPanel } from './panels/RoundsPanel';
import { ConfigPanel } from './panels/config/ConfigPanel';

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
  return (
    <div className="app">
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
      <div className="workspace">
      <ConfigPanel />
      <main className="layout">
        <RingPanel scenario={scenario} events={trace} tick={cursor} selectedAgent={selectedAgent} onSelectAgent={selectAgent} />
        <div className="side-column">
          {!council && (
            <QuorumPanel scenario={scenario} events={trace} tick={cursor} selectedAgent={selectedAgent} onSelectAgent={selectAgent} />
          )}
          <InvariantsPanel summary={summary} trace={trace} tick={cursor} ended={ended} />
          {council && <AuditChainPanel report={report} />}
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
          <div className="wide-row">
            <CouncilPanel report={report} />
          </div>
        ) : (
          <>
            <RoundsPanel summary={summary} tick={cursor} ended={ended} onSeek={seek} />
            <OpinionPanel events={trace} tick={cursor} selectedAgent={selectedAgent} onSelectAgent={selectAgent} />
          </>
        )}
        <div className="wide-row">
          <EventLogPanel events={trace} tick={cursor} selectedAgent={selectedAgent} onSeek={seek} />
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
    </div>
  );
}
