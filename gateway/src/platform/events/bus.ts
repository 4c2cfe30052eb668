import { EventEmitter } from 'node:events';
import type { Answer } from '../../core/answer.ts';
import type { DeviceSignal } from '../../core/device-inbox.ts';

/**
 * Everything the in-process event bus carries, by event name. The platform's own events are here;
 * each module adds its events beside the types they carry, by declaration merging
 * (`declare module '.../platform/events/bus.ts' { interface BusEvents { ... } }`), so the platform
 * never imports a module.
 */
export interface BusEvents {
  /** answers durably committed in one group commit (duplicates excluded) */
  'answers:stored': [Answer[]];
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
