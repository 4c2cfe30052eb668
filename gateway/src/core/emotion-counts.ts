import type { Emotion } from '@feedback/models';

/** Faces observed (each counted once per track per window) and their expressions. */
export type EmotionCounts = { faces: number } & Record<Emotion, number>;

export function emptyEmotionCounts(): EmotionCounts {
  return { faces: 0, neutral: 0, happy: 0, surprise: 0, sad: 0, angry: 0, fear: 0, disgust: 0 };
}

/** One camera's counts for one window: all the emotion monitor ever stores (no frames, no faces). */
export interface EmotionWindowRecord extends EmotionCounts {
  cameraId: string;
  siteId: string;
  pointId: string | null;
  tag: string;
  windowStart: number;
  windowMs: number;
}
