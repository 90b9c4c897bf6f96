import { create } from 'zustand';

export type ThemeChoice = 'system' | 'light' | 'dark';
export const themeChoices: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** The localStorage key of the theme choice. */
export const themeStorageKey = 'bft-lab.theme';

export interface UiState {
  /** Presenter mode (UI.md): larger type, configuration hidden, the narration under the ring. */
  presenter: boolean;
  theme: ThemeChoice;
  helpOpen: boolean;
  togglePresenter(): void;
  setTheme(theme: ThemeChoice): void;
  setHelpOpen(open: boolean): void;
}

/** A stored theme choice, or 'system' for anything else (absent, edited, from another version). */
export function parseThemeChoice(value: string | null | undefined): ThemeChoice {
  return themeChoices.find((choice) => choice === value) ?? 'system';
}

/**
 * The browser's localStorage, or null. Policy: reading it can throw (storage disabled, a
 * sandboxed frame, privacy modes), and a lost preference must never break the page.
 */
function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function readTheme(): ThemeChoice {
  try {
    return parseThemeChoice(storage()?.getItem(themeStorageKey));
  } catch {
    return 'system';
  }
}

function writeTheme(theme: ThemeChoice): void {
  try {
    if (theme === 'system') storage()?.removeItem(themeStorageKey);
    else storage()?.setItem(themeStorageKey, theme);
  } catch {
    // Full or refused storage: the choice still holds for this visit.
  }
}

/**
 * How the page is shown, apart from the run: a second store so the run's store stays about
 * the run. The other zustand stores (run, playback, selection, seeds, explore) are in this folder.
 */
export const useUi = create<UiState>()((set) => ({
  presenter: false,
  theme: readTheme(),
  helpOpen: false,
  togglePresenter: () => set((state) => ({ presenter: !state.presenter })),
  setTheme(theme) {
    writeTheme(theme);
    set({ theme });
  },
  setHelpOpen: (helpOpen) => set({ helpOpen }),
}));
