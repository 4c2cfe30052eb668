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

  /** `column IN (…)` when a list is given (an empty list matches nothing); skipped when it is undefined. */
  in(column: string, values: readonly unknown[] | undefined): this {
    return this.add(`${column} IN (${(values ?? []).map(() => '?').join(',')})`, [...(values ?? [])], values !== undefined);
  }

  toString(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}
