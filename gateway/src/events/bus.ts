import { EventEmitter } from 'node:events';
import type { Answer } from '../domain/answer.ts';
import type { Alert, AlertChange } from '../domain/alert.ts';
import type { DeviceSignal } from '../domain/device-inbox.ts';
import type { Case, CaseChange } from '../domain/case.ts';
import type { AnswerNote } from '../domain/answer-note.ts';

/** Everything the in-process event bus carries, by event name. */
export interface BusEvents {
  /** answers durably committed in one group commit (duplicates excluded) */
  'answers:stored': [Answer[]];
  /** an alert fired, was acknowledged, or closed */
  'alert:changed': [AlertChange, Alert];
  /** a case opened, changed, or missed a deadline (and was escalated) */
  'case:changed': [CaseChange, Case];
  /** a customer's follow-up reasons, comment or callback request, stored with their answer */
  'note:stored': [AnswerNote];
  /** a device said hello, beat, went on- or offline, or had a message refused */
  'device:signal': [DeviceSignal];
  /** sessions signed out or ended, and tokens revoked: their live sockets must close */
  'access:ended': [{ sessionIds?: string[]; tokenIds?: number[] }];
  /** the catalog (sites, points, devices, surveys, alert rules, webhooks) changed and is applied */
  'catalog:changed': [{ version: number }];
}

/** A typed, in-process event bus; subscribers are realtime push, alerts and case rules. */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(100);
  }

  on<K extends keyof BusEvents>(event: K, listener: (...args: BusEvents[K]) => void): () => void {
    this.emitter.on(event, listener as (...args: unknown[]) => void);
    return () => this.emitter.off(event, listener as (...args: unknown[]) => void);
  }

  emit<K extends keyof BusEvents>(event: K, ...args: BusEvents[K]): void {
    this.emitter.emit(event, ...args);
  }
}
