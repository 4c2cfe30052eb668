import { describe, expect, it } from 'vitest';
import { EMOTIONS, isEmotion, valenceOf } from '../src/index.ts';

describe('emotion valence (METRICS.md)', () => {
  it('counts happy as the only positive class', () => {
    expect(EMOTIONS.filter((e) => valenceOf(e) === 'positive')).toEqual(['happy']);
  });

  it('counts sad, angry, fear and disgust as negative', () => {
    expect(EMOTIONS.filter((e) => valenceOf(e) === 'negative').sort()).toEqual(['angry', 'disgust', 'fear', 'sad']);
  });

  it('counts neutral and surprise in neither half', () => {
    expect(EMOTIONS.filter((e) => valenceOf(e) === 'neither').sort()).toEqual(['neutral', 'surprise']);
  });

  it('recognises only the seven labels', () => {
    expect(isEmotion('happy')).toBe(true);
    expect(isEmotion('contempt')).toBe(false);
  });
});
