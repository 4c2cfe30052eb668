import { runServer } from '../src/main/run-server.ts';

/** The gateway as `npm start` runs it, but without `responses` and the response rollups: the ingest benchmark's baseline for what counting people costs. */
await runServer({ withoutResponses: true });
