/** The most customers one point can report for one period (a queue system, POS or people counter). */
export const MAX_CUSTOMERS = 1_000_000;
