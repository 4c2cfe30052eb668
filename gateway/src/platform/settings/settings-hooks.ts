import type { Config } from '../config/schema.ts';
import { Refused } from '../../core/refused.ts';

/** A settings owner's say in a change, from any door (API, YAML import, first-run file, a head-office push). */
export interface SettingsHook {
  /** who owns the state this hook guards, for messages and logs (e.g. 'alerts', 'rollups') */
  owner: string;
  /** refuse a change: return a message naming the key (e.g. 'sites/branch-1.timeZone: ...'), or undefined to accept */
  validate?(old: Config, next: Config): string | undefined;
  /** apply an accepted change to the state this owner keeps */
  apply?(old: Config, next: Config): void | Promise<void>;
}

/**
 * The owners that guard and follow the settings. Every change, from whichever door, asks every
 * owner first (any may refuse) and, once stored, tells every owner in the order they were added.
 */
export class SettingsHooks {
  private readonly hooks: SettingsHook[] = [];

  constructor(private readonly onApplyError: (owner: string, error: unknown) => void) {}

  add(hook: SettingsHook): () => void {
    this.hooks.push(hook);
    return () => {
      const at = this.hooks.indexOf(hook);
      if (at >= 0) this.hooks.splice(at, 1);
    };
  }

  /** Refuses the change (400) with every owner's message when any owner refuses it. */
  validate(old: Config, next: Config): void {
    const refusals = this.hooks.flatMap((hook) => {
      const message = hook.validate?.(old, next);
      return message === undefined ? [] : [message];
    });
    if (refusals.length > 0) throw new Refused('invalid', refusals.join('; '));
  }

  /** Applies a stored change; an owner that fails is reported and the others still apply it. */
  async apply(old: Config, next: Config): Promise<void> {
    for (const hook of this.hooks) {
      try {
        await hook.apply?.(old, next);
      } catch (error) {
        this.onApplyError(hook.owner, error);
      }
    }
  }
}
