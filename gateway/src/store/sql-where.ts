/** A WHERE clause built from optional conditions, with its parameters in order. */
export class Where {
  readonly conditions: string[] = [];
  readonly params: unknown[] = [];

  /** Adds `condition` with its parameters; skipped when `when` is false. */
  add(condition: string, params: unknown[] = [], when = true): this {
    if (when) {
      this.conditions.push(condition);
      this.params.push(...params);
    }
    return this;
  }

  toString(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}
