import { themeChoices, useUi, type ThemeChoice } from '../store/uiStore';

const themeLabels: Record<ThemeChoice, string> = {
  system: '◐ System',
  light: '☀ Light',
  dark: '☾ Dark',
};

/** Theme, presenter mode and help: how the page is shown, at the right of the header. */
export function ViewControls() {
  const theme = useUi((state) => state.theme);
  const presenter = useUi((state) => state.presenter);
  const ui = useUi.getState;
  return (
    <div className="view-controls">
      <label className="theme-picker">
        <span className="visually-hidden">Theme</span>
        <select
          data-testid="theme-select"
          value={theme}
          onChange={(event) => ui().setTheme(event.target.value as ThemeChoice)}
        >
          {themeChoices.map((choice) => (
            <option key={choice} value={choice}>
              {themeLabels[choice]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        data-testid="presenter-toggle"
        aria-pressed={presenter}
        title="Presenter mode (P)"
        onClick={() => ui().togglePresenter()}
      >
        Present
      </button>
      <button
        type="button"
        className="help-button"
        data-testid="help-button"
        aria-label="Help: keyboard shortcuts and a tour of the panels"
        title="Help (?)"
        onClick={() => ui().setHelpOpen(true)}
      >
        ?
      </button>
    </div>
  );
}
