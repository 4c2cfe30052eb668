import { createStore, del, delMany, entries, set, type UseStore } from 'idb-keyval';
import { ApiError } from '@feedback/web-base/api-client.ts';
import { sendAnswers, sendNote, sendPulse, type KioskAnswer, type KioskNote, type StaffPulse } from './data/kiosk.ts';

export type { KioskAnswer, KioskNote, StaffPulse };

/** A finished (or abandoned) survey's answers, and their notes, waiting to be sent. */
interface Batch {
  boot: number;
  /** when the boot began by this terminal's clock (sent with the time of sending, so the gateway can date late answers) */
  bootWallMs?: number;
  answers: KioskAnswer[];
  notes?: KioskNote[];
  /** sent on its own (after the group it was in was refused) */
  single?: boolean;
}

/** The gateway's most answers in one request. */
const MAX_ANSWERS_PER_REQUEST = 50;

/**
 * The waiting items sent together from index i: consecutive surveys of the same boot without
 * notes, up to the gateway's limit per request (a survey with notes, a pulse, goes alone).
 */
function sendable(waiting: [string, Batch | StaffPulse][], i: number): [string, Batch][] {
  const [key, first] = waiting[i]!;
  if (key.startsWith('pulse:')) return [[key, first as Batch]];
  const head = first as Batch;
  const group: [string, Batch][] = [[key, head]];
  if (head.notes?.length || head.single) return group;
  let answers = head.answers.length;
  for (let j = i + 1; j < waiting.length; j++) {
    const [k, item] = waiting[j]!;
    const b = item as Batch;
    if (
      k.startsWith('pulse:') ||
      b.boot !== head.boot ||
      b.notes?.length ||
      b.single ||
      answers + b.answers.length > MAX_ANSWERS_PER_REQUEST
    )
      break;
    group.push([k, b]);
    answers += b.answers.length;
  }
  return group;
}

const RETRY_MS = [1000, 2000, 5000, 10_000, 30_000];

/**
 * Every answer goes into IndexedDB first and leaves it only when the gateway has answered for it
 * (stored, a duplicate, or refused for good). Answers carry the terminal's identity (boot, seq),
 * so one that is sent twice (the gateway stored it, the reply was lost) is stored once. A gateway
 * that cannot be reached is retried with growing pauses; nothing is lost to a reload.
 */
export class AnswerQueue {
  private readonly store: UseStore = createStore('fb-kiosk', 'answers');
  private flushing: Promise<void> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  /** answers waiting, and whether the last attempt reached the gateway */
  state = { waiting: 0, reachable: true, refusedToken: false };

  constructor(private readonly changed: () => void) {}

  /** Keeps a survey's answers (durably, before anything is sent) and starts sending. */
  async add(boot: number, bootWallMs: number, answers: KioskAnswer[], notes: KioskNote[] = []): Promise<void> {
    if (answers.length === 0) return;
    await set(`${boot}:${answers[0]!.seq}`, { boot, bootWallMs, answers, notes } satisfies Batch, this.store);
    await this.count();
    void this.flush();
  }

  /** Keeps a staff pulse (durably) and starts sending; it is sent once whatever happens on the way (its key). */
  async addPulse(pulse: StaffPulse): Promise<void> {
    await set(`pulse:${pulse.key}`, pulse, this.store);
    await this.count();
    void this.flush();
  }

  /** Sends what waits, oldest first; one flush at a time. */
  flush(): Promise<void> {
    this.flushing ??= this.send().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  stop(): void {
    clearTimeout(this.retry);
  }

  private async send(): Promise<void> {
    clearTimeout(this.retry);
    const waiting = (await entries<string, Batch | StaffPulse>(this.store)).sort(([a], [b]) => order(a) - order(b));
    for (let i = 0; i < waiting.length;) {
      const group = sendable(waiting, i);
      const [key, item] = waiting[i]!;
      try {
        if (key.startsWith('pulse:')) {
          await sendPulse(item as StaffPulse);
          await del(key, this.store);
        } else if (group.length > 1) {
          await this.sendAnswers(group.map(([, b]) => b));
          await delMany(
            group.map(([k]) => k),
            this.store,
          );
        } else {
          await this.sendBatch(key, item as Batch);
          await del(key, this.store);
        }
        i += group.length;
        this.failures = 0;
        this.state.reachable = true;
      } catch (error) {
        const status = error instanceof ApiError ? error.status : 0;
        this.state.reachable = status !== 0;
        this.state.refusedToken = status === 401 || status === 403;
        // a batch the gateway refuses as malformed would block the queue for ever: it is dropped (400)
        // (a group is resent batch by batch first, so one bad batch never takes the others with it)
        if (status === 400 && group.length > 1) {
          waiting.splice(i, group.length, ...group.map(([k, b]) => [k, { ...b, single: true }] as [string, Batch]));
          continue;
        }
        if (status === 400) {
          await del(key, this.store);
          i++;
          continue;
        }
        await this.count();
        if (!this.state.refusedToken)
          this.retry = setTimeout(() => void this.flush(), RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)]);
        return;
      }
    }
    await this.count();
  }

  /** Answers of one boot in one request (the gateway stores each once, by boot and seq). */
  private async sendAnswers(batches: Batch[]): Promise<void> {
    const { boot, bootWallMs } = batches[0]!;
    const answers = batches.flatMap((b) => b.answers);
    await sendAnswers(boot, answers, bootWallMs === undefined ? undefined : { bootWallMs, sentWallMs: Date.now() });
  }

  private async sendBatch(key: string, batch: Batch): Promise<void> {
    await this.sendAnswers([batch]);
    // Notes follow their answers (the gateway attaches each to a stored answer, once); one sent
    // is taken off the batch, so a failure part-way resends only the rest (and the answers, stored once).
    for (const note of batch.notes ?? []) {
      try {
        await sendNote(batch.boot, note);
      } catch (error) {
        // 400: a note the gateway will never take; 409 right after its answers were accepted: its
        // answer was refused, so the note has nothing to attach to. Either would block the queue.
        if (!(error instanceof ApiError && (error.status === 400 || error.status === 409))) throw error;
      }
      batch.notes = (batch.notes ?? []).filter((n) => n.seq !== note.seq);
      await set(key, batch, this.store);
    }
  }

  private async count(): Promise<void> {
    const all = await entries<string, Batch | StaffPulse>(this.store);
    this.state.waiting = all.reduce((n, [key, b]) => n + (key.startsWith('pulse:') ? 1 : (b as Batch).answers.length), 0);
    this.changed();
  }
}

/** Batches in the order they were answered: by boot, then by first seq; staff pulses after them. */
function order(key: string): number {
  if (key.startsWith('pulse:')) return Number.MAX_SAFE_INTEGER;
  const [boot, seq] = key.split(':').map(Number);
  return boot! * 2 ** 32 + seq!;
}
