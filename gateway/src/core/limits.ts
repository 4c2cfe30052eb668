/** The most customers one point can report for one period (a queue system, POS or people counter). */
export const MAX_CUSTOMERS = 1_000_000;

/** A terminal's answer given sooner than this after its question appeared is flagged misuse: nobody reads a question that fast. */
export const MIN_READ_MS = 600;
