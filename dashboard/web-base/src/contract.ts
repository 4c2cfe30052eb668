/**
 * The gateway's API contract, for types only: derived from its route schemas, never copied by
 * hand (see gateway/src/main/contract.ts).
 */
export type * from '../../../gateway/src/main/contract.ts';
