import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The gateway's Prometheus metrics; one registry per gateway instance. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    answersStored: new Counter({ name: 'feedback_answers_stored_total', help: 'Answers durably stored', registers: [registry] }),
    answersDuplicate: new Counter({
      name: 'feedback_answers_duplicate_total',
      help: 'Retransmitted answers recognised as already stored',
      registers: [registry],
    }),
    inputDropped: new Counter({
      name: 'feedback_input_dropped_total',
      help: 'Messages dropped as bad input, by reason',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    cameraFrames: new Counter({
      name: 'feedback_camera_frames_total',
      help: 'Camera frames analysed, or dropped because inference was busy',
      labelNames: ['camera', 'outcome'] as const,
      registers: [registry],
    }),
    commitBatch: new Histogram({
      name: 'feedback_commit_batch_size',
      help: 'Answers written per group commit',
      buckets: [1, 2, 5, 10, 50, 100, 500, 1000, 5000],
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
