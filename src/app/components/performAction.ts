import { usePlayback } from '../store/playbackStore';
import { useRun } from '../store/runStore';
import { useUi } from '../store/uiStore';
import { useLesson } from '../store/lessonStore';
import type { Intent } from './actions';

/** The preset the last key press asked for, until it has loaded. */
let stepFrom: string | null = null;

/** Carries out a user's intent (`actions.ts`), from a key or a control. */
export async function performAction(intent: Intent): Promise<void> {
  const playback = usePlayback.getState();
  const run = useRun.getState();
  switch (intent.id) {
    case 'play-pause':
      return playback.togglePlay();
    case 'step':
      return playback.step();
    case 'back':
      return playback.back();
    case 'run-end':
      return playback.runToEnd();
    case 'seek':
      return playback.seek(intent.tick);
    case 'share':
      return run.share();
    case 'present':
      return useUi.getState().togglePresenter();
    case 'help':
      return useUi.getState().setHelpOpen(true);
    case 'tamper':
      await run.tamperAudit(intent.index, intent.entryTick);
      return;
    case 'lesson-next':
      return useLesson.getState().next();
    case 'lesson-back':
      return useLesson.getState().back();
    case 'preset':
    case 'preset-step': {
      const { presets, presetName } = run;
      let index: number;
      if (intent.id === 'preset') index = intent.presetIndex;
      else {
        // Steps count from the last preset asked for, so quick presses add up while the
        // first is still loading. From a custom scenario, ] opens the first preset and [ the last.
        const current = presets.findIndex((preset) => preset.name === (stepFrom ?? presetName));
        const from = current === -1 ? (intent.delta === 1 ? -1 : 0) : current;
        index = (from + intent.delta + presets.length) % presets.length;
      }
      const preset = presets[index];
      if (preset === undefined) return;
      stepFrom = preset.name;
      try {
        await run.selectPreset(preset.name);
      } finally {
        if (stepFrom === preset.name) stepFrom = null;
      }
      return;
    }
    default: {
      const unknown: never = intent;
      throw new Error(`Unknown action ${JSON.stringify(unknown)}`);
    }
  }
}
