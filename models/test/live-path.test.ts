import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { decodeImage, FrameAnalyzer, loadClassifier, topEmotion } from '../src/index.ts';
import { crop } from '../src/image-ops.ts';

const demo = join(dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')), 'demo');

describe('the live path is the evaluated path', () => {
  it('labels each detector crop of the sample photos exactly as the evaluation classifier does', async () => {
    const analyzer = await FrameAnalyzer.create({ model: 'ensemble' });
    const evaluated = await loadClassifier('ensemble');
    let faces = 0;
    for (const i of [1, 2, 3]) {
      const frame = decodeImage(readFileSync(join(demo, `sample${i}.jpg`)));
      for (const detection of await analyzer.analyze(frame, { inputSize: 416, scoreThreshold: 0.5 })) {
        const offline = await evaluated.classify(crop(frame, detection.box));
        expect(topEmotion(detection.expressions)).toBe(topEmotion(offline));
        for (const [emotion, p] of Object.entries(offline)) expect(detection.expressions[emotion as keyof typeof offline]).toBeCloseTo(p, 6);
        faces++;
      }
    }
    expect(faces).toBeGreaterThanOrEqual(3);
  }, 120_000);
});
