import { runServer } from '../src/main/run-server.ts';

/** The gateway as `npm start` runs it, but storing answers without rollups: the ingest benchmark's baseline for what rollups cost. */
await runServer({ withoutRollups: true });
