import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { decodeImage, ENSEMBLE, EMOTIONS, ExpressionModel, FrameAnalyzer, loadClassifier, MiniXception, topEmotion } from '../src/index.ts';
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
        for (const [emotion, p] of Object.entries(offline))
          expect(detection.expressions[emotion as keyof typeof offline]).toBeCloseTo(p, 6);
        faces++;
      }
    }
    expect(faces).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('lets a confident FaceExpressionNet decide, and averages the two networks otherwise', async () => {
    const analyzer = await FrameAnalyzer.create({ model: 'ensemble' });
    const faceNet = await ExpressionModel.load({ detector: false });
    const xception = await MiniXception.load();
    const seen = { confident: 0, averaged: 0 };
    for (const i of [1, 2, 3]) {
      const frame = decodeImage(readFileSync(join(demo, `sample${i}.jpg`)));
      for (const detection of await analyzer.analyze(frame, { inputSize: 416, scoreThreshold: 0.5 })) {
        // the crop a little off the detector's box as well, so that both rules are met
        for (const shift of [0, 0.25]) {
          const face = crop(frame, { ...detection.box, y: detection.box.y + shift * detection.box.height });
          const [ensemble, f, x] = [await analyzer.classifier.classify(face), await faceNet.classify(face), await xception.classify(face)];
          const confident = Math.max(...EMOTIONS.map((e) => f[e])) >= ENSEMBLE.confident;
          seen[confident ? 'confident' : 'averaged']++;
          const w = ENSEMBLE.weights;
          for (const e of EMOTIONS)
            expect(ensemble[e]).toBeCloseTo(confident ? f[e] : w.miniXception * x[e] + w.faceExpressionNet * f[e], 6);
        }
      }
    }
    expect(seen.confident).toBeGreaterThan(0);
    expect(seen.averaged).toBeGreaterThan(0);
  }, 120_000);
});
