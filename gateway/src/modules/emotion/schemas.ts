import { Type } from '@sinclair/typebox';

/** The emotion monitor's state, in /health and /api/cameras. */
export const EmotionBody = Type.Object({
  state: Type.Union([Type.Literal('off'), Type.Literal('starting'), Type.Literal('ready'), Type.Literal('failed')]),
  backend: Type.Union([Type.String(), Type.Null()], { description: 'tensorflow (tfjs-node) or wasm' }),
  model: Type.Union([Type.String(), Type.Null()], {
    description: 'the expression model running: ensemble, miniXception or faceExpressionNet',
  }),
  error: Type.Union([Type.String(), Type.Null()]),
});
