import { afterEach, describe, expect, it } from 'vitest';
import { storeFixture, type StoreFixture } from './helpers/store-fixture.ts';
import { CaseRepo } from '../src/modules/cases/case-repo.ts';
import { CaseService } from '../src/modules/cases/case-service.ts';
import { startCaseRules } from '../src/modules/cases/case-rules.ts';
import { siteCalendars } from '../src/modules/cases/site-calendars.ts';
import { EventBus } from '../src/platform/events/bus.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import { validateConfig } from '../src/platform/config/load.ts';
import { AnswerNoteRepo } from '../src/modules/ingest/answer-note-repo.ts';
import { AnswerNotes } from '../src/modules/ingest/answer-notes.ts';

/**
 * Privacy (issue 25): a customer's contact is kept only for a case's callback, where it can be erased.
 * One given with a note that opens no case (callbacks switched off, a misuse-flagged answer) is not kept.
 */
const SITE = { id: 'berlin', name: 'Berlin', timeZone: 'Europe/Berlin' };
const AT = Date.UTC(2026, 10, 23, 9);

let f: StoreFixture | undefined;
afterEach(() => {
  f?.close();
  f = undefined;
});

async function setUp(rules: { callbackRequest: boolean }) {
  const config = validateConfig({
    sites: [SITE],
    points: [{ id: 'desk', siteId: 'berlin', name: 'Desk' }],
    cases: { rules: { ...rules, detractorWithComment: true, unhappyReason: true, firedAlert: false } },
  });
  f = storeFixture({ sites: config.sites, points: [{ id: 'desk', siteId: 'berlin' }] });
  const bus = new EventBus();
  const repo = new CaseRepo(f.db);
  const notesRepo = new AnswerNoteRepo(f.db);
  const cases = new CaseService({ repo, bus, config: config.cases, calendarOf: siteCalendars(config.sites), now: () => AT });
  startCaseRules({
    bus,
    cases,
    config: config.cases,
    siteOfPoint: () => 'berlin',
    forgetContact: (n) => notesRepo.forgetContact(n),
    logger: createLogger('silent'),
  });
  const notes = new AnswerNotes({ notes: notesRepo, bus, now: () => AT });
  const kept = (seq: number) =>
    (f!.db.prepare('SELECT contact FROM answer_notes WHERE device_id = ? AND seq = ?').get('dev-desk', seq) as { contact: string | null })
      .contact;
  return { notes, repo, kept };
}

const answer = (seq: number, value: number, misuse = false) =>
  f!.write([{ deviceId: 'dev-desk', seq, scale: 'csat5', value, misuse, occurredAt: AT - 60_000, receivedAt: AT - 60_000 }]);
const CONTACT = { kind: 'phone' as const, value: '+49 30 1234567' };

describe('a contact is kept only where a case can use it, and erase it', () => {
  it('keeps the contact of a callback request on its case', async () => {
    const s = await setUp({ callbackRequest: true });
    await answer(1, 5);
    s.notes.store({ deviceId: 'dev-desk', boot: 1, seq: 1 }, { contact: CONTACT });
    expect(s.kept(1)).toBe('+49301234567');
    expect(s.repo.list({ limit: 5 })[0]?.contact).toBe('+49301234567');
  });

  it('forgets a contact that opens no case (callbacks switched off, a happy answer)', async () => {
    const s = await setUp({ callbackRequest: false });
    await answer(2, 5);
    expect(s.notes.store({ deviceId: 'dev-desk', boot: 1, seq: 2 }, { contact: CONTACT }).outcome).toBe('stored');
    expect(s.kept(2)).toBeNull();
    expect(s.repo.list({ limit: 5 })).toEqual([]);
  });

  it('does not keep the contact given with a misuse-flagged answer', async () => {
    const s = await setUp({ callbackRequest: true });
    await answer(3, 1, true);
    expect(s.notes.store({ deviceId: 'dev-desk', boot: 1, seq: 3 }, { contact: CONTACT, comment: 'bad' }).flags).toContain('misuse');
    expect(s.kept(3)).toBeNull();
    expect(s.repo.list({ limit: 5 })).toEqual([]);
  });
});
