import { useEffect, useState } from 'react';
import { importFile } from '../store/fileActions';
import { useLab } from '../store/labStore';
import { useUi } from '../store/uiStore';
import { isTypingTarget, shortcutFor } from './shortcuts';

/** The preset the last key press asked for, until it has loaded. */
let stepFrom: string | null = null;

/** Presenter, help and preset keys (the playback bar answers space and the arrows). */
export function usePageShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      const ui = useUi.getState();
      const shortcut = shortcutFor(event, ui.presenter);
      if (shortcut === null) return;
      event.preventDefault();
      if (shortcut.kind === 'presenter') ui.togglePresenter();
      else if (shortcut.kind === 'help') ui.setHelpOpen(true);
      else {
        const { presets, presetName, selectPreset } = useLab.getState();
        let index: number;
        if (shortcut.kind === 'preset') index = shortcut.presetIndex;
        else {
          // Steps count from the last preset asked for, so quick presses add up while the
          // first is still loading. From a custom scenario, ] opens the first preset and [ the last.
          const current = presets.findIndex((preset) => preset.name === (stepFrom ?? presetName));
          const from = current === -1 ? (shortcut.delta === 1 ? -1 : 0) : current;
          index = (from + shortcut.delta + presets.length) % presets.length;
        }
        const preset = presets[index];
        if (preset === undefined) return;
        stepFrom = preset.name;
        void selectPreset(preset.name).finally(() => {
          if (stepFrom === preset.name) stepFrom = null;
        });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Puts the theme choice on the root element, where the CSS tokens pick it up. */
export function useThemeAttribute(): void {
  const theme = useUi((state) => state.theme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}

/** Opens a file dropped anywhere on the page; true while one is dragged over it. */
export function useFileDrop(): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const onLeave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file) void importFile(file);
    };
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  return dragging;
}
