import { Type } from '@sinclair/typebox';
import { LocalizedText, TextLanguage } from '../../platform/config/localized-text.ts';

const Question = Type.Object({ id: Type.String(), number: Type.Integer(), scale: Type.String(), label: LocalizedText(300) });
const Choice = Type.Object({ id: Type.String(), label: LocalizedText(80) });
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
  /** the terminal's language for each new customer, when set */
  language: Type.Optional(TextLanguage),
  survey: Type.Object({
    id: Type.String(),
    name: Type.String(),
    questions: Type.Array(Question),
    followUp: Type.Optional(FollowUpSchema),
    idle: Type.Object({ afterSeconds: Type.Integer(), partial: Type.Union([Type.Literal('submit'), Type.Literal('discard')]) }),
  }),
});
