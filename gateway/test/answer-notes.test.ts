import { afterEach, describe, expect, it } from 'vitest';
import { storeFixture, type StoreFixture } from './helpers/store-fixture.ts';
import { AnswerNotes } from '../src/modules/ingest/answer-notes.ts';
import { AnswerNoteRepo } from '../src/modules/ingest/answer-note-repo.ts';
import { EventBus } from '../src/platform/events/bus.ts';
import { Refused } from '../src/core/refused.ts';
import type { AnswerNote } from '../src/modules/ingest/answer-note.ts';

let f: StoreFixture | undefined;
afterEach(() => {
  f?.close();
  f = undefined;
});

/** Ingest's note service on a real database, with one good answer (seq 1, the worst face) and one flagged as misuse (seq 2). */
async function setUp() {
  f = storeFixture({ sites: [{ id: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin' }], points: [{ id: 'desk', siteId: 'berlin' }] });
  const answer = { deviceId: 'dev-desk', boot: 7, siteId: 'berlin', pointId: 'desk', scale: 'smiley4' as const };
  const unsurveyed = { staffId: null, surveyId: null, questionId: null };
  const at = Date.UTC(2026, 5, 1, 12);
  await Promise.all([
    f.writer.submit({
      ...answer,
      ...unsurveyed,
      seq: 1,
      value: 0,
      occurredAt: at,
      receivedAt: at,
      misuse: false,
      source: 'kiosk',
      responseKey: 'dev-desk/7/1',
      headline: true,
    }),
    f.writer.submit({
      ...answer,
      ...unsurveyed,
      seq: 2,
      value: 0,
      occurredAt: at,
      receivedAt: at,
      misuse: true,
      source: 'kiosk',
      responseKey: 'dev-desk/7/2',
      headline: true,
    }),
  ]);
  const bus = new EventBus();
  const heard: AnswerNote[] = [];
  bus.on('note:stored', (note) => heard.push(note));
  return { notes: new AnswerNotes({ notes: new AnswerNoteRepo(f.db), bus }), heard };
}

const refusal = (run: () => unknown): Refused => {
  try {
    run();
  } catch (error) {
    if (error instanceof Refused) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe('notes on answers, kept by ingest', () => {
  it('stores a note once, with its contact normalised, and tells the bus', async () => {
    const { notes, heard } = await setUp();
    const note = { reasons: ['wait', 'wait'], comment: '  too slow  ', contact: { kind: 'email' as const, value: 'Ann@Example.org' } };
    expect(notes.store({ deviceId: 'dev-desk', boot: 7, seq: 1 }, note)).toEqual({ outcome: 'stored', flags: [] });
    expect(notes.store({ deviceId: 'dev-desk', boot: 7, seq: 1 }, note)).toEqual({ outcome: 'duplicate', flags: [] });
    expect(heard).toHaveLength(1);
    expect(heard[0]).toMatchObject({ reasons: ['wait'], comment: 'too slow', negative: true, pointId: 'desk' });
    expect(heard[0]!.contact).toMatch(/ann@example\.org/i);
  });

  it('refuses, as domain refusals, a note before its answer and a contact that is neither phone nor e-mail', async () => {
    const { notes, heard } = await setUp();
    expect(refusal(() => notes.store({ deviceId: 'dev-desk', boot: 7, seq: 9 }, {})).reason).toBe('conflict');
    expect(
      refusal(() => notes.store({ deviceId: 'dev-desk', boot: 7, seq: 1 }, { contact: { kind: 'phone', value: 'call me' } })).reason,
    ).toBe('invalid');
    expect(heard).toEqual([]);
  });

  it('keeps a note on a misuse answer, flagged, and opens nothing', async () => {
    const { notes, heard } = await setUp();
    expect(notes.store({ deviceId: 'dev-desk', boot: 7, seq: 2 }, { comment: 'hello' })).toEqual({ outcome: 'stored', flags: ['misuse'] });
    expect(heard).toEqual([]);
  });
});
