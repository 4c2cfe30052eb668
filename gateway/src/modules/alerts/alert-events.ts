/** The events this module puts on the bus, added to the platform's event map. */
import type { Alert, AlertChange } from './alert.ts';

declare module '../../platform/events/bus.ts' {
  interface BusEvents {
    /** an alert fired, was acknowledged, or closed */
    'alert:changed': [AlertChange, Alert];
  }
}
