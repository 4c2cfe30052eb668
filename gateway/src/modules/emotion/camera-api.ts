import { Type } from '@sinclair/typebox';
import { EmotionBody } from './schemas.ts';

/** The schemas of camera-routes.ts by "METHOD /path": the routes validate with them; main/contract.ts derives the endpoint map from them. */
export const cameraApi = {
  'GET /api/cameras': {
    tags: ['emotion'],
    description: 'The emotion monitor and each camera: state, last error, frames analysed and dropped. No image is ever kept.',
    response: {
      200: Type.Object({
        emotion: EmotionBody,
        cameras: Type.Array(
          Type.Object({
            id: Type.String(),
            tag: Type.String(),
            state: Type.String(),
            error: Type.Union([Type.String(), Type.Null()]),
            framesAnalysed: Type.Integer(),
            framesDropped: Type.Integer(),
            lastWindowAt: Type.Union([Type.Integer(), Type.Null()]),
          }),
        ),
      }),
    },
  },
};
