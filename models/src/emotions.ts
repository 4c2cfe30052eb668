/** The seven expression classes the emotion monitor recognises (FER2013 / face-api order-independent). */
export const EMOTIONS = ['neutral', 'happy', 'surprise', 'sad', 'angry', 'fear', 'disgust'] as const;
export type Emotion = (typeof EMOTIONS)[number];

export type Valence = 'positive' | 'negative' | 'neither';

/** METRICS.md: positive = happy; negative = sad, angry, fear, disgust; neutral and surprise count in neither. */
export function valenceOf(emotion: Emotion): Valence {
  switch (emotion) {
    case 'happy':
      return 'positive';
    case 'sad':
    case 'angry':
    case 'fear':
    case 'disgust':
      return 'negative';
    case 'neutral':
    case 'surprise':
      return 'neither';
  }
}

export function isEmotion(label: string): label is Emotion {
  return (EMOTIONS as readonly string[]).includes(label);
}
