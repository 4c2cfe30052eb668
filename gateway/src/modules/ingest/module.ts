import type { Feature } from '../../platform/modules/feature-module.ts';
import type { PlatformParts } from '../../platform/modules/platform-parts.ts';
import type { DeviceRegistry } from '../devices/device-registry.ts';
import type { CustomersRepo } from '../traffic/customers-repo.ts';
import type { ShiftRepo } from '../staff/shift-repo.ts';
import { DropLog } from '../transports/adapters/drop-log.ts';
import { AnswerWriter } from './answer-writer.ts';
import { IngestInbox } from './device-inbox.ts';
import { MisuseRules } from './misuse.ts';
import { DeviceHistory } from './device-history-repo.ts';
import { AnswerNoteRepo } from './answer-note-repo.ts';
import { LossRepo } from './loss-repo.ts';

/** The one way in for answers: the inbox (checks, misuse, dedupe) and the group-commit writer; plus the notes left with answers. */
export function ingestModule(
  p: PlatformParts,
  deps: { devices: DeviceRegistry; customers: CustomersRepo; shifts: ShiftRepo },
): Feature<{ writer: AnswerWriter; inbox: IngestInbox; notes: AnswerNoteRepo; losses: LossRepo }> {
  const { db, bus, metrics, logger, config } = p;
  if (p.withoutRollups) logger.warn('started without rollups (a benchmark): answers are stored but no index will count them');
  const writer = new AnswerWriter(db, {
    withoutRollups: p.withoutRollups,
    withoutResponses: p.withoutResponses,
    health: p.storeHealth,
    onCommit: (stored, batchSize) => {
      metrics.answersStored.inc(stored.length);
      metrics.answersDuplicate.inc(batchSize - stored.length);
      metrics.commitBatch.observe(batchSize);
      if (stored.length > 0) bus.emit('answers:stored', stored);
    },
  });
  const drops = new DropLog(logger, (reason) => metrics.inputDropped.inc({ reason }));
  const history = new DeviceHistory(db);
  const losses = new LossRepo(db);
  const inbox = new IngestInbox({
    losses,
    writer,
    registry: deps.devices,
    customers: deps.customers,
    bus,
    misuse: new MisuseRules((deviceId) => history.lastCounted(deviceId)),
    storedSeqs: (deviceId, boot) => history.storedSeqs(deviceId, boot),
    staffAt: (pointId, ms) => deps.shifts.staffAt(pointId, ms),
    surveys: config.surveys,
    drop: (reason, detail) => drops.drop(reason, detail),
  });
  return { name: 'ingest', services: { writer, inbox, notes: new AnswerNoteRepo(db), losses }, stop: () => writer.close() };
}
