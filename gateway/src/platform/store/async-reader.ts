/** The same methods, answering with promises: what a reader looks like to its callers, whatever store is behind it. */
export type AsyncReader<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

type Method = (...args: unknown[]) => unknown;

/**
 * A repository's read methods behind promises. The SQLite repositories answer synchronously; callers
 * that read through this seam already await, so a networked store (a head office) can stand in later.
 * A method that throws gives a rejected promise, as a failed query would.
 */
export function asyncReader<T extends object, K extends keyof T>(source: T, methods: readonly K[]): AsyncReader<Pick<T, K>> {
  const reader: Partial<Record<K, Method>> = {};
  for (const name of methods) {
    const method = source[name];
    if (typeof method !== 'function') throw new TypeError(`${String(name)} is not a method`);
    reader[name] = async (...args: unknown[]) => (method as Method).apply(source, args);
  }
  return reader as AsyncReader<Pick<T, K>>;
}
