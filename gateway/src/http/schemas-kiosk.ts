import { Type } from '@sinclair/typebox';

const Question = Type.Object({ id: Type.String(), number: Type.Integer(), scale: Type.String(), label: Type.String() });
const Choice = Type.Object({ id: Type.String(), label: Type.String() });
export const FollowUpSchema = Type.Object({
  question: Type.Integer(),
  /** the values of that question that count as positive and as negative (METRICS.md's halves) */
  positiveValues: Type.Array(Type.Integer()),
  negativeValues: Type.Array(Type.Integer()),
  positive: Type.Array(Choice),
  negative: Type.Array(Choice),
  comment: Type.Boolean(),
  callback: Type.Boolean(),
});

/** What a kiosk token reads: its device's survey, with the follow-up if the survey has one. */
export const KioskSurveySchema = Type.Object({
  deviceId: Type.String(),
  survey: Type.Object({
    id: Type.String(),
    name: Type.String(),
    questions: Type.Array(Question),
    followUp: Type.Optional(FollowUpSchema),
    idle: Type.Object({ afterSeconds: Type.Integer(), partial: Type.Union([Type.Literal('submit'), Type.Literal('discard')]) }),
  }),
});
