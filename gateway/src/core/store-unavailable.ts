/** A write refused because the store cannot take writes now (full or read-only disk); StoreHealth has logged it. */
export class StoreUnavailable extends Error {}

/** A catch handler for a write that failed: reports it, unless the store is unavailable (StoreHealth logs that, once a minute). */
export function unlessStoreUnavailable(report: (error: Error) => void): (error: Error) => void {
  return (error) => {
    if (!(error instanceof StoreUnavailable)) report(error);
  };
}
