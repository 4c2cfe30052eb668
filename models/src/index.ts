export { EMOTIONS, valenceOf, isEmotion, type Emotion, type Valence } from './emotions.ts';
