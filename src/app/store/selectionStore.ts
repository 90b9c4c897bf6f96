import { create } from 'zustand';
import type { AgentCardReply } from '../../worker/api';
import { usePlayback } from './playbackStore';
import { labClient, useRun } from './runStore';

/**
 * Selection: the agent the user picked on the ring (or in a panel), and its hidden state from
 * the worker for the inspector. Cleared when another scenario is loaded.
 */
export interface SelectionState {
  selectedAgent: number | null;
  /**
   * The agent inspector's hidden state of the selected agent (persona, sealed record, seal and
   * signature checks), from the worker; tagged with the epoch, tick and agent it answers.
   */
  inspection: AgentCardReply | null;
  selectAgent(agent: number | null): void;
  /**
   * Asks the worker for the selected agent's card at the cursor's tick. Called whenever the
   * selection, the cursor's tick or the run changes; throttled to one call in flight and at
   * most one every `inspectIntervalMs`, so playback does not flood the worker; a reply for
   * another run or agent is dropped, and one for an earlier tick is followed by a fresh call.
   */
  inspectSelected(): void;
}

/** The shortest wall time between two inspector calls while the cursor moves (≤ 4 a second). */
export const inspectIntervalMs = 250;

export const useSelection = create<SelectionState>()((set, get) => {
  /** What the inspector should show now, or null when there is nothing to ask for. */
  const wantedCard = () => {
    const { selectedAgent } = get();
    const { status, epoch, frontier } = useRun.getState();
    if (selectedAgent === null || status === 'starting' || status === 'ready') return null;
    const tick = Math.floor(usePlayback.getState().cursor);
    return tick <= frontier ? { epoch, tick, agent: selectedAgent } : null;
  };
  const answers = (reply: AgentCardReply | null, wanted: ReturnType<typeof wantedCard>) =>
    reply !== null && wanted !== null &&
    reply.epoch === wanted.epoch && reply.tick === wanted.tick && reply.agent === wanted.agent;

  const inspector = {
    busy: false,
    again: false,
    lastCallMs: -Infinity,
    timer: null as ReturnType<typeof setTimeout> | null,
    request(): void {
      const wanted = wantedCard();
      if (wanted === null || answers(get().inspection, wanted)) return;
      if (this.busy) {
        this.again = true;
        return;
      }
      const waitMs = this.lastCallMs + inspectIntervalMs - performance.now();
      if (waitMs > 0) {
        this.timer ??= setTimeout(() => {
          this.timer = null;
          this.request();
        }, waitMs);
        return;
      }
      this.busy = true;
      this.lastCallMs = performance.now();
      labClient
        .inspectAgent(wanted.epoch, wanted.tick, wanted.agent)
        .then((reply) => {
          // Policy: a reply for another run or agent is dropped; one for an earlier tick of
          // this agent is kept (the panel marks its tick) until the next arrives, or while
          // playing every reply would be stale by the time it came back and none would show.
          const now = wantedCard();
          if (now !== null && reply.epoch === now.epoch && reply.agent === now.agent) set({ inspection: reply });
        })
        .catch((error: unknown) => {
          // A run replaced meanwhile is not a problem: its card is simply no longer wanted.
          if (wantedCard()?.epoch === wanted.epoch) useRun.getState().warn(error instanceof Error ? error.message : String(error));
        })
        .finally(() => {
          this.busy = false;
          if (this.again) {
            this.again = false;
            this.request();
          }
        });
    },
  };

  return {
    selectedAgent: null,
    inspection: null,
    selectAgent: (selectedAgent) => set({ selectedAgent }),
    inspectSelected: () => inspector.request(),
  };
});

// Policy: the store, not a panel, decides when the worker is asked for the inspector's card,
// so a hidden or unmounted inspector costs nothing and every panel sees the same card.
const inspect = () => useSelection.getState().inspectSelected();
useSelection.subscribe((state, previous) => {
  if (state.selectedAgent !== previous.selectedAgent) inspect();
});
usePlayback.subscribe((state, previous) => {
  if (Math.floor(state.cursor) !== Math.floor(previous.cursor)) inspect();
});
useRun.subscribe((state, previous) => {
  // Another scenario: nobody is selected in it yet.
  if (state.scenario !== previous.scenario) useSelection.setState({ selectedAgent: null });
  if (state.epoch !== previous.epoch || state.status !== previous.status) inspect();
});
