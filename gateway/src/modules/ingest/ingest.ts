import type { AnswerWriter } from './answer-writer.ts';
import type { DeviceRegistry } from '../devices/device-registry.ts';
import { AckWindow } from './ack-window.ts';
import { DeviceClock } from './device-clock.ts';
import type { MisuseRules } from './misuse.ts';
import { responseKeyOf, type Answer, type IncomingAnswer, type IncomingPress } from '../../core/answer.ts';
import { headlineQuestionNumber } from '../../platform/config/survey-headline.ts';
import { smileyScale } from '../../core/scale.ts';
import { surveyAnswerProblem, type SurveyAnswer, type SurveyChannel, type SurveyIntake } from './survey-answer.ts';
import type { SurveyConfig } from '../../platform/config/schema.ts';
import type { Delivery, RefusalCode } from '../../core/device-inbox.ts';
import { MIN_READ_MS } from '../../core/limits.ts';

/** The protocol error a refusal reason is answered with. */
function refusalCode(reason: string): RefusalCode {
  return reason === 'unknown-device' || reason === 'wrong-site' ? 'unknownDevice' : 'badValue';
}

export interface IngestDeps {
  writer: AnswerWriter;
  registry: DeviceRegistry;
  misuse: MisuseRules;
  /** seqs already stored for (device, boot): seeds the ack window after a restart */
  storedSeqs: (deviceId: string, boot: number) => number[];
  /** who served at a point at an instant */
  staffAt: (pointId: string, ms: number) => string | null;
  surveys: SurveyConfig[];
  /** told of every refusal, with the device and boot it came from */
  refused: (reason: string, m: { deviceId: string; boot: number; seq: number }) => void;
}

interface BootState {
  boot: number;
  clock: DeviceClock;
  acks: AckWindow;
}

/**
 * Validates a press against the device registry, dates it, flags misuse, and hands it to the
 * writer. Resolves once the answer is durable, with the cumulative ack the device may be sent.
 */
export class Ingest implements SurveyIntake {
  private readonly boots = new Map<string, BootState>();
  /** terminals' survey runs and whether each is misuse (bounded: the oldest are forgotten) */
  private readonly runs = new Map<string, boolean>();

  constructor(private readonly deps: IngestDeps) {}

  /** The clock and ack window of a device's boot; a new boot replaces the previous one. */
  bootState(deviceId: string, boot: number): BootState {
    const current = this.boots.get(deviceId);
    if (current?.boot === boot) return current;
    const state = { boot, clock: new DeviceClock(), acks: new AckWindow(this.deps.storedSeqs(deviceId, boot)) };
    if (!current || boot > current.boot || boot === 0) this.boots.set(deviceId, state);
    return state;
  }

  /**
   * Refuses a message for good: counted, and (when its device is known) marked handled in its
   * boot's ack window, so the cumulative ack moves past it and the device stops resending it.
   */
  refuse(reason: string, m: { deviceId: string; boot: number; seq: number }, known: boolean, code = refusalCode(reason)): Delivery {
    this.deps.refused(reason, m);
    if (!known || m.seq === 0) return { outcome: 'refused', reason, code };
    return { outcome: 'refused', reason, code, ack: { boot: m.boot, upTo: this.bootState(m.deviceId, m.boot).acks.mark(m.seq) } };
  }

  private async store(event: Answer, m: { deviceId: string; boot: number; seq: number }): Promise<Delivery> {
    const outcome = await this.deps.writer.submit(event);
    return { outcome, ack: { boot: m.boot, upTo: this.bootState(m.deviceId, m.boot).acks.mark(m.seq) } };
  }

  /** The wall time of a device message from its uptime. */
  private dated(m: { deviceId: string; boot: number; uptimeMs: number; receivedAt: number }): number {
    const state = this.bootState(m.deviceId, m.boot);
    state.clock.observe(m.receivedAt, m.uptimeMs);
    return state.clock.wallTime(m.uptimeMs, m.receivedAt);
  }

  async acceptPress(press: IncomingPress): Promise<Delivery> {
    const device = this.deps.registry.get(press.deviceId);
    if (!device) return this.refuse('unknown-device', press, false);
    if (press.siteId !== undefined && press.siteId !== device.siteId) return this.refuse('wrong-site', press, false);
    if (press.buttons !== undefined && press.buttons !== device.buttons) return this.refuse('scale-mismatch', press, true);
    if (press.button >= device.buttons) return this.refuse('bad-button', press, true);
    if (press.seq === 0) return this.refuse('bad-seq', press, true);
    const occurredAt = this.dated(press);
    const event: Answer = {
      deviceId: press.deviceId,
      boot: press.boot,
      seq: press.seq,
      siteId: device.siteId,
      pointId: device.pointId,
      staffId: this.deps.staffAt(device.pointId, occurredAt),
      surveyId: null,
      questionId: null,
      scale: smileyScale(device.buttons),
      value: press.button,
      occurredAt,
      receivedAt: press.receivedAt,
      misuse: this.deps.misuse.isMisuse({
        deviceId: device.id,
        pointId: device.pointId,
        occurredAt,
        responseIntervalMs: device.responseIntervalMs,
        sessionMode: device.sessionMode,
      }),
      source: press.source,
      // a press is its own response, and its headline
      responseKey: responseKeyOf(press.deviceId, press.boot, press.seq),
      headline: true,
    };
    return this.store(event, press);
  }

  /** A terminal's survey answer: the device's survey names the question and its scale; null is a skipped question. */
  async acceptAnswer(answer: IncomingAnswer): Promise<Delivery> {
    const device = this.deps.registry.get(answer.deviceId);
    if (!device) return this.refuse('unknown-device', answer, false);
    if (answer.siteId !== undefined && answer.siteId !== device.siteId) return this.refuse('wrong-site', answer, false);
    const survey = this.deps.surveys.find((s) => s.id === device.surveyId);
    if (!survey) return this.refuse('answer-without-survey', answer, true);
    const { id: deviceId, siteId, pointId, responseIntervalMs } = device;
    const channel = { deviceId, boot: answer.boot, siteId, pointId, survey, responseIntervalMs, source: answer.source };
    return this.surveyAnswer(channel, { ...answer, dated: () => this.dated(answer) });
  }

  /**
   * A survey answer from any channel (a terminal, a phone): the one check against its question,
   * the one misuse rule (read too fast; a run too soon after the channel's last counted one), and
   * the one path to the writer and its 'answers:stored' event.
   */
  async surveyAnswer(channel: SurveyChannel, answer: SurveyAnswer): Promise<Delivery> {
    const m = { deviceId: channel.deviceId, boot: channel.boot, seq: answer.seq };
    const problem = surveyAnswerProblem(channel.survey, answer.questionNumber, answer.value);
    if (problem) return this.refuse(problem, m, true);
    if (answer.seq === 0) return this.refuse('bad-seq', m, true);
    const question = channel.survey.questions.find((q) => q.number === answer.questionNumber)!;
    const occurredAt = answer.dated();
    const tooFast = answer.readMs !== undefined && answer.readMs < MIN_READ_MS;
    const runTooSoon =
      answer.run !== undefined &&
      this.runMisuse(channel.deviceId, channel.boot, answer.run, () =>
        this.deps.misuse.isMisuse({ ...channel, occurredAt, sessionMode: false }),
      );
    return this.store(
      {
        deviceId: channel.deviceId,
        boot: channel.boot,
        seq: answer.seq,
        siteId: channel.siteId,
        pointId: channel.pointId,
        staffId: this.deps.staffAt(channel.pointId, occurredAt),
        surveyId: channel.survey.id,
        questionId: question.id,
        scale: question.scale,
        value: answer.value,
        occurredAt,
        receivedAt: answer.receivedAt,
        misuse: tooFast || runTooSoon,
        source: channel.source,
        // a run's answers (a terminal's, a kiosk's, a phone submission's) share one response; without a run, an answer is its own
        responseKey: responseKeyOf(channel.deviceId, channel.boot, answer.seq, answer.run),
        headline: question.number === headlineQuestionNumber(channel.survey),
      },
      m,
    );
  }

  /**
   * Whether a terminal's survey run counts: decided once per run (by the misuse rule, at the first
   * of its answers to arrive) and remembered for the run's other answers.
   */
  private runMisuse(deviceId: string, boot: number, run: number, decide: () => boolean): boolean {
    const key = `${deviceId}:${boot}:${run}`;
    let misuse = this.runs.get(key);
    if (misuse === undefined) {
      misuse = decide();
      this.runs.set(key, misuse);
      if (this.runs.size > 10_000) this.runs.delete(this.runs.keys().next().value!);
    }
    return misuse;
  }

  /** Any message from a device tells the clock about its boot. */
  observeUptime(deviceId: string, boot: number, uptimeMs: number, receivedAt: number): void {
    if (this.deps.registry.get(deviceId)) this.bootState(deviceId, boot).clock.observe(receivedAt, uptimeMs);
  }
}
