import { useEffect } from 'react';
import { useLab } from './store/labStore';
import { Header } from './components/Header';
import { AuditChainPanel } from './panels/AuditChainPanel';
import { CouncilPanel } from './panels/CouncilPanel';

export function App() {
  const init = useLab((state) => state.init);
  const report = useLab((state) => state.report);
  const error = useLab((state) => state.error);
  const dismissError = useLab((state) => state.dismissError);

  useEffect(() => {
    void init();
  }, [init]);

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
      <main className="layout">
        <CouncilPanel report={report} />
        <AuditChainPanel report={report} />
      </main>
    </div>
  );
}
