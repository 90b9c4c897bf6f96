import { useEffect, useState } from 'react';

/** Time between two animated deliberation steps, in wall milliseconds. */
const stepIntervalMs = 450;

export interface StepPlayer {
  /** The step drawn: the user's choice for this round, else the last step. */
  step: number;
  playing: boolean;
  setStep(step: number): void;
  /** Plays from step 0 (or from the step shown, if not at the end) to the last step. */
  toggle(): void;
}

/**
 * The step shown of one round. Policy: the choice belongs to a round (`key`); a new round
 * starts at its last step, so the panel at a tick is the same whoever scrubbed before.
 */
export function useStepPlayer(key: string, lastStep: number): StepPlayer {
  const [choice, setChoice] = useState<{ key: string; step: number; playing: boolean } | null>(null);
  const current = choice !== null && choice.key === key ? choice : null;
  const step = Math.min(current?.step ?? lastStep, lastStep);
  const playing = current?.playing ?? false;

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setChoice((previous) => {
        if (previous === null || previous.key !== key) return previous;
        const next = Math.min(previous.step + 1, lastStep);
        return { key, step: next, playing: next < lastStep };
      });
    }, stepIntervalMs);
    return () => clearInterval(timer);
  }, [playing, key, lastStep]);

  return {
    step,
    playing,
    setStep: (next) => setChoice({ key, step: Math.min(Math.max(next, 0), lastStep), playing: false }),
    toggle: () => {
      if (playing) setChoice({ key, step, playing: false });
      else setChoice({ key, step: step >= lastStep ? 0 : step, playing: lastStep > 0 });
    },
  };
}
