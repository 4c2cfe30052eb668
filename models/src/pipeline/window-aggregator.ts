import { EMOTIONS, type Emotion } from '../emotions.ts';
import type { Probabilities } from '../expression-model.ts';
import type { TrackedDetection } from './tracker.ts';

/** What leaves the pipeline: counts per window, nothing else. */
export interface EmotionWindow {
  windowStart: number;
  windowMs: number;
  faces: number;
  counts: Record<Emotion, number>;
}

/**
 * Counts each tracked face once per window, with the expression most probable over all the frames
 * it was seen in during the window (so one person is not counted 25 times a second).
 */
export class WindowAggregator {
  private windowStart: number | undefined;
  private tracks = new Map<number, Probabilities>();

  constructor(
    private readonly windowMs: number,
    private readonly emit: (w: EmotionWindow) => void,
  ) {}

  add(detections: TrackedDetection[], at: number): void {
    this.rollTo(at);
    for (const d of detections) {
      const sum = this.tracks.get(d.trackId) ?? (Object.fromEntries(EMOTIONS.map((e) => [e, 0])) as Probabilities);
      for (const e of EMOTIONS) sum[e] += d.expressions[e];
      this.tracks.set(d.trackId, sum);
    }
  }

  /** Closes the window if `at` is past it (also called on a timer, for windows with no frames). */
  rollTo(at: number): void {
    const start = Math.floor(at / this.windowMs) * this.windowMs;
    if (this.windowStart === undefined) this.windowStart = start;
    if (start === this.windowStart) return;
    this.flush();
    this.windowStart = start;
  }

  /** Emits the current window (as it stands) and starts empty. */
  flush(): void {
    if (this.windowStart === undefined) return;
    const counts = Object.fromEntries(EMOTIONS.map((e) => [e, 0])) as Record<Emotion, number>;
    for (const sum of this.tracks.values()) counts[EMOTIONS.reduce((best, e) => (sum[e] > sum[best] ? e : best), EMOTIONS[0])]++;
    this.emit({ windowStart: this.windowStart, windowMs: this.windowMs, faces: this.tracks.size, counts });
    this.tracks = new Map();
  }
}
