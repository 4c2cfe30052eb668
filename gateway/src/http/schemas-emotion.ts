import { Type } from '@sinclair/typebox';

/** The emotion monitor's state, in /health and /api/cameras. */
export const EmotionBody = Type.Object({
  state: Type.Union([Type.Literal('off'), Type.Literal('starting'), Type.Literal('ready'), Type.Literal('failed')]),
  backend: Type.Union([Type.String(), Type.Null()], { description: 'tensorflow (tfjs-node) or wasm' }),
  error: Type.Union([Type.String(), Type.Null()]),
});
