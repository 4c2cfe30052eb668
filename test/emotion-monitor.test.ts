import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SimulatedButton } from '@feedback/firmware-protocol';
import { DEVICES, SITE, startTestGateway, type TestGateway } from './helpers/test-gateway.ts';
import { samplePhotos, sampleVideo } from './helpers/sample-video.ts';
import { tempDir } from './helpers/temp-dir.ts';
import { metric } from './helpers/metrics.ts';

const media = tempDir('fb-media-');
let video: string;
beforeAll(() => {
  video = sampleVideo(media.path);
});
afterAll(() => media.remove());

interface CameraStatus {
  id: string;
  state: string;
  error: string | null;
  framesAnalysed: number;
  framesDropped: number;
}

async function cameras(
  t: TestGateway,
): Promise<{ emotion: { state: string; backend: string | null; error: string | null }; cameras: CameraStatus[] }> {
  return t.get('/api/cameras');
}

describe('the emotion monitor', () => {
  it('runs a video through detection, tracking and windows to stored counts and an emotional NPS, keeping nothing else', async () => {
    const t = await startTestGateway({
      cameras: [{ id: 'exit-cam', siteId: SITE.id, tag: 'exit', source: { kind: 'ffmpeg', input: video, fps: 4, realtime: true } }],
      emotion: { windowMs: 2000, inputSize: 320, workers: 1 },
    });
    try {
      await expect.poll(async () => (await cameras(t)).emotion.state, { timeout: 60_000 }).toBe('ready');
      expect(((await (await fetch(`${t.gateway.httpUrl}/health`)).json()) as { emotion: unknown }).emotion).toMatchObject({
        state: 'ready',
        backend: 'wasm',
        model: 'ensemble',
      });
      await expect
        .poll(async () => (await cameras(t)).cameras[0]?.framesAnalysed ?? 0, { timeout: 60_000, interval: 500 })
        .toBeGreaterThan(10);
      const range = `siteId=${SITE.id}&from=0&to=${Date.now() + 60_000}`;
      await expect
        .poll(async () => (await t.get<{ result: { n: number } }>(`/api/indices/emotionalNps?${range}`)).result.n, { timeout: 30_000 })
        .toBeGreaterThan(0);
      const nps = await t.get<{ result: { n: number; value: number } }>(`/api/indices/emotionalNps?${range}`);
      expect(nps.result.value).toBeGreaterThanOrEqual(-100);
      expect(nps.result.value).toBeLessThanOrEqual(100);
      // One person seen in many frames of a window counts once: far fewer faces than face-frames.
      const db = new Database(join(t.dataDir, 'feedback.db'), { readonly: true });
      try {
        const windows = db.prepare('SELECT * FROM emotion_windows').all() as Record<string, unknown>[];
        expect(windows.length).toBeGreaterThan(0);
        const faces = windows.reduce((n, w) => n + (w.faces as number), 0);
        const perWindowMax = Math.max(...windows.map((w) => w.faces as number));
        expect(perWindowMax).toBeLessThan(30);
        expect(faces).toBeGreaterThan(0);
        // Privacy: only counts are stored: no blob, no long text, in any table.
        const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]).filter(
          (n) => !n.startsWith('sqlite_'),
        );
        // Reports are the one kind of document kept (HTML, PDF, XLSX of aggregated figures): never an image.
        for (const { format, content } of db.prepare('SELECT format, content FROM report_files').all() as {
          format: string;
          content: Buffer;
        }[]) {
          expect(content.subarray(0, 4).toString('latin1'), format).toBe({ html: '<!do', pdf: '%PDF', xlsx: 'PK\u0003\u0004' }[format]);
        }
        // The settings and their audit log are JSON text of the configuration, never an image.
        for (const document of db
          .prepare('SELECT document FROM catalog UNION ALL SELECT before FROM audit_log UNION ALL SELECT after FROM audit_log')
          .pluck()
          .all() as (string | null)[]) {
          if (document === null) continue;
          expect(typeof document).toBe('string');
          expect(() => JSON.parse(document) as unknown).not.toThrow();
        }
        expect(Object.keys(JSON.parse(db.prepare('SELECT document FROM catalog').pluck().get() as string) as object).sort()).toEqual([
          'alerts',
          'devices',
          'points',
          'sites',
          'surveys',
          'webhooks',
        ]);
        for (const table of tables.filter((name) => !['report_files', 'catalog', 'audit_log'].includes(name))) {
          const big = db
            .prepare(
              `SELECT COUNT(*) FROM ${table} WHERE ${(db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => `(typeof(${c.name}) = 'blob' OR length(${c.name}) > 512)`).join(' OR ')}`,
            )
            .pluck()
            .get();
          expect(big, table).toBe(0);
        }
      } finally {
        db.close();
      }
      // Privacy: nothing but the database, the folder lock and the installation key (and the generated
      // first-admin password, if any) in the data folder: no frame, crop or face was written.
      const expected = /^(feedback\.db(-wal|-shm)?|gateway\.(lock|pid)|installation\.key|initial-admin-password)$/;
      expect(readdirSync(t.dataDir).filter((f) => !expected.test(f))).toEqual([]);
    } finally {
      await t.close();
    }
  }, 180_000);

  it('drops frames it cannot keep up with, counting them, instead of queueing', async () => {
    const t = await startTestGateway({
      cameras: [{ id: 'flood', siteId: SITE.id, tag: 'entry', source: { kind: 'ffmpeg', input: video, fps: 30, realtime: false } }],
      emotion: { windowMs: 5000, workers: 1 },
    });
    try {
      // The first inference is slow (WASM warm-up): wait until frames were both analysed and dropped.
      await expect
        .poll(
          async () => {
            const c = (await cameras(t)).cameras[0];
            return Math.min(c?.framesDropped ?? 0, 21 * (c?.framesAnalysed ?? 0));
          },
          { timeout: 60_000, interval: 500 },
        )
        .toBeGreaterThan(20);
      const status = (await cameras(t)).cameras[0]!;
      expect(status.framesAnalysed).toBeGreaterThan(0);
      expect(status.framesDropped).toBeGreaterThan(status.framesAnalysed);
      expect(await metric(t.gateway.httpUrl, 'feedback_camera_frames_total', 'camera="flood",outcome="dropped"')).toBeGreaterThan(20);
    } finally {
      await t.close();
    }
  }, 120_000);

  it('reports a missing model file and an unreadable camera clearly, while buttons keep working', async () => {
    const empty = tempDir('fb-nomodels-');
    const noModel = await startTestGateway({
      cameras: [{ id: 'cam', siteId: SITE.id, tag: 'desk', source: { kind: 'folder', path: empty.path, fps: 1, loop: true } }],
      emotion: { modelDir: empty.path },
    });
    try {
      await expect.poll(async () => (await cameras(noModel)).emotion.state).toBe('failed');
      expect((await cameras(noModel)).emotion.error).toMatch(/Model file missing: .*tiny_face_detector_model-weights_manifest\.json/);
      const health = await fetch(`${noModel.gateway.httpUrl}/health`);
      expect(health.status).toBe(200);
      const button = new SimulatedButton({
        brokerUrl: noModel.gateway.mqttUrl,
        siteId: SITE.id,
        deviceId: DEVICES[0]!.id,
        buttons: 4,
        password: DEVICES[0]!.mqttPassword,
      });
      await button.connect();
      button.press(3);
      await button.drained();
      await button.close();
    } finally {
      await noModel.close();
      empty.remove();
    }

    const badCamera = await startTestGateway({
      cameras: [
        {
          id: 'gone',
          siteId: SITE.id,
          tag: 'entry',
          source: { kind: 'ffmpeg', input: join(media.path, 'no-such-camera.mp4'), fps: 2, realtime: true },
        },
      ],
    });
    try {
      await expect
        .poll(async () => (await cameras(badCamera)).cameras[0]?.error ?? '', { timeout: 60_000 })
        .toMatch(/ffmpeg could not read .*no-such-camera\.mp4/);
      expect((await cameras(badCamera)).cameras[0]!.state).toBe('retrying');
      expect((await fetch(`${badCamera.gateway.httpUrl}/health`)).status).toBe(200);
    } finally {
      await badCamera.close();
    }
  }, 120_000);

  it("polls an IP camera's JPEG snapshot URL, and reports one that does not answer", async () => {
    const photo = readFileSync(samplePhotos()[1]!);
    let requests = 0;
    const camera = createServer((_req, res) => {
      requests++;
      res.setHeader('content-type', 'image/jpeg');
      res.end(photo);
    });
    await new Promise<void>((r) => camera.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(camera.address() as AddressInfo).port}/snapshot.jpg`;
    const t = await startTestGateway({
      cameras: [
        { id: 'ip-cam', siteId: SITE.id, tag: 'desk', source: { kind: 'snapshot', url, intervalMs: 200 } },
        {
          id: 'dead-cam',
          siteId: SITE.id,
          tag: 'entry',
          source: { kind: 'snapshot', url: 'http://127.0.0.1:9/snapshot.jpg', intervalMs: 200 },
        },
      ],
    });
    try {
      await expect
        .poll(async () => (await cameras(t)).cameras.find((c) => c.id === 'ip-cam')?.framesAnalysed ?? 0, { timeout: 60_000 })
        .toBeGreaterThan(2);
      expect(requests).toBeGreaterThan(2);
      await expect
        .poll(async () => (await cameras(t)).cameras.find((c) => c.id === 'dead-cam')?.error ?? '')
        .toMatch(/cannot read the snapshot http:\/\/127\.0\.0\.1:9/);
    } finally {
      await t.close();
      await new Promise((r) => camera.close(r));
    }
  }, 120_000);
});
