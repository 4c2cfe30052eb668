import type { Box, Detection } from './frame-analyzer.ts';

export interface TrackedDetection extends Detection {
  trackId: number;
}

export function iou(a: Box, b: Box): number {
  const x1 = Math.max(a.x, b.x);
  const y1 = Math.max(a.y, b.y);
  const x2 = Math.min(a.x + a.width, b.x + b.width);
  const y2 = Math.min(a.y + a.height, b.y + b.height);
  const inter = Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
  const union = a.width * a.height + b.width * b.height - inter;
  return union > 0 ? inter / union : 0;
}

/**
 * A light tracker: a face overlapping a face of the previous frames (IoU ≥ threshold) keeps its
 * track; a track unseen for `maxGapMs` ends. Only boxes are kept, never images or embeddings.
 */
export class Tracker {
  private tracks: { id: number; box: Box; lastSeen: number }[] = [];
  private nextId = 1;

  constructor(private readonly options: { minIou: number; maxGapMs: number } = { minIou: 0.3, maxGapMs: 1500 }) {}

  update(detections: Detection[], at: number): TrackedDetection[] {
    this.tracks = this.tracks.filter((t) => at - t.lastSeen <= this.options.maxGapMs);
    const free = new Set(this.tracks);
    const pairs = detections
      .flatMap((d, i) => this.tracks.map((t) => ({ i, t, overlap: iou(d.box, t.box) })))
      .filter((p) => p.overlap >= this.options.minIou)
      .sort((a, b) => b.overlap - a.overlap);
    const assigned = new Map<number, number>();
    for (const { i, t } of pairs) {
      if (assigned.has(i) || !free.has(t)) continue;
      assigned.set(i, t.id);
      free.delete(t);
      t.box = detections[i]!.box;
      t.lastSeen = at;
    }
    return detections.map((d, i) => {
      let trackId = assigned.get(i);
      if (trackId === undefined) {
        trackId = this.nextId++;
        this.tracks.push({ id: trackId, box: d.box, lastSeen: at });
      }
      return { ...d, trackId };
    });
  }
}
