import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, closeDatabase, type Db } from '../../src/platform/store/database.ts';
import { TopologyRepo } from '../../src/platform/settings/topology-repo.ts';
import { AnswerWriter } from '../../src/modules/ingest/answer-writer.ts';
import type { IndexService } from '../../src/modules/indices/index-service.ts';
import { indexServiceOn } from '../../src/modules/indices/index-service-on.ts';
import type { Answer } from '../../src/core/answer.ts';
import type { SiteConfig, SurveyConfig } from '../../src/platform/config/schema.ts';

export interface StoreFixture {
  db: Db;
  writer: AnswerWriter;
  indices: IndexService;
  topology: TopologyRepo;
  /** writes answers through the real writer (one group commit) */
  write(events: Partial<Answer>[]): Promise<void>;
  close(): void;
}

let seq = 0;

/** A real SQLite file with sites, points and devices, written through the real AnswerWriter. */
export function storeFixture(options: {
  sites: SiteConfig[];
  points: { id: string; siteId: string }[];
  surveys?: SurveyConfig[];
  minAnswers?: number;
}): StoreFixture {
  const dir = mkdtempSync(join(tmpdir(), 'fb-store-'));
  const db = openDatabase(join(dir, 'test.db'));
  const topology = new TopologyRepo(db);
  topology.sync(
    options.sites,
    options.points.map((p) => ({ ...p, name: p.id })),
    options.points.map((p) => ({ id: `dev-${p.id}`, pointId: p.id, kind: 'button' as const, buttons: 4 })),
  );
  const writer = new AnswerWriter(db);
  const indices = indexServiceOn(db, topology, { minAnswers: options.minAnswers ?? 1, minFaces: 5, surveys: options.surveys ?? [] });
  const siteOf = new Map(options.points.map((p) => [p.id, p.siteId]));
  return {
    db,
    writer,
    indices,
    topology,
    write: async (events) => {
      await Promise.all(
        events.map((e) => {
          const pointId = e.pointId ?? options.points[0]!.id;
          const answerSeq = ++seq;
          return writer.submit({
            deviceId: `dev-${pointId}`,
            boot: 1,
            seq: answerSeq,
            siteId: siteOf.get(pointId)!,
            pointId,
            staffId: null,
            surveyId: null,
            questionId: null,
            scale: 'smiley4',
            value: 3,
            occurredAt: Date.UTC(2026, 5, 1, 12),
            receivedAt: Date.UTC(2026, 5, 1, 12),
            misuse: false,
            source: 'mqtt',
            responseKey: `dev-${pointId}/1/${answerSeq}`,
            headline: e.questionId === undefined || e.questionId === null,
            ...e,
          });
        }),
      );
    },
    close: () => {
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
