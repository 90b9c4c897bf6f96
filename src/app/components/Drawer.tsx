import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface DrawerTab {
  /** Stable id: the tab button's test id is `drawer-tab-{id}`. */
  id: string;
  label: string;
  content: ReactNode;
}

/**
 * The tabbed drawer under the playback bar (UI.md): one panel at a time, so the page stays one
 * screen tall. Follows the WAI-ARIA tabs pattern: arrow keys move between tabs, Home and End
 * jump to the ends, and only the active tab is in the tab order.
 */
export function Drawer({ tabs, label }: { tabs: DrawerTab[]; label: string }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const baseId = useId();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  if (tabs.length === 0) return null;
  const activeIndex = Math.max(0, tabs.findIndex((tab) => tab.id === chosen));
  const active = tabs[activeIndex]!;

  const focusTab = (index: number) => {
    const wrapped = (index + tabs.length) % tabs.length;
    setChosen(tabs[wrapped]!.id);
    buttons.current[wrapped]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowRight: activeIndex + 1,
      ArrowLeft: activeIndex - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    // The playback bar listens for arrows on the page; inside the tab list they move tabs.
    event.stopPropagation();
    focusTab(target);
  };

  return (
    <section className="drawer" aria-label={label}>
      <div className="drawer-tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((tab, index) => (
          <button
            key={tab.id}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${tab.id}`}
            data-testid={`drawer-tab-${tab.id}`}
            aria-selected={tab === active}
            aria-controls={`${baseId}-panel`}
            tabIndex={tab === active ? 0 : -1}
            onClick={() => setChosen(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div className="drawer-panel" role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${active.id}`}>
        {active.content}
      </div>
    </section>
  );
}
