import { useEffect, useState } from 'react';
import { importFile } from '../store/fileActions';
import { useUi } from '../store/uiStore';
import { useLesson } from '../store/lessonStore';
import { intentForKey, isTypingTarget } from './actions';
import { performAction } from './performAction';

/**
 * The page's one key handler: every key of the actions table (`actions.ts`), performed as the
 * buttons perform them. Keys typed into a field or pressed in an open dialog are not actions,
 * and a focused button answers the space bar itself.
 */
export function usePageShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target, event.key)) return;
      const intent = intentForKey(event, useUi.getState().presenter, useLesson.getState().lesson !== null);
      if (intent === null) return;
      const onButton = event.target instanceof Element && event.target.closest('button') !== null;
      if (intent.id === 'play-pause' && onButton) return;
      event.preventDefault();
      void performAction(intent);
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
