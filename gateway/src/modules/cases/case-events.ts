/** The events this module puts on the bus, added to the platform's event map. */
import type { Case, CaseChange } from './case.ts';

declare module '../../platform/events/bus.ts' {
  interface BusEvents {
    /** a case opened, changed, or missed a deadline (and was escalated) */
    'case:changed': [CaseChange, Case];
  }
}
