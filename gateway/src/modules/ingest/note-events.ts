/** The events this module puts on the bus, added to the platform's event map. */
import type { AnswerNote } from './answer-note.ts';

declare module '../../platform/events/bus.ts' {
  interface BusEvents {
    /** a customer's follow-up reasons, comment or callback request, stored with their answer */
    'note:stored': [AnswerNote];
  }
}
