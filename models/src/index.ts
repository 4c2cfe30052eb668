export { EMOTIONS, valenceOf, isEmotion, type Emotion, type Valence } from './emotions.ts';
export { ExpressionModel, topEmotion, type Probabilities, type RgbImage } from './expression-model.ts';
export { ModelFileError, checkModelFiles, NETWORKS } from './model-files.ts';
export { loadFaceApi, packagedModelDir, type Backend } from './face-api.ts';
