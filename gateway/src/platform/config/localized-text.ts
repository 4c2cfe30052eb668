import { Type } from '@sinclair/typebox';

/** The languages customers read on terminals and phones. */
export const TEXT_LANGUAGES = ['ru', 'en', 'zh'] as const;

export const TextLanguage = Type.Union(TEXT_LANGUAGES.map((l) => Type.Literal(l)));

/**
 * Text a customer reads (a question, a "why" choice): one string for every language, or one per
 * language ({ru: …, en: …, zh: …}); a terminal shows the one in its language, else English, else
 * the first given.
 */
export const LocalizedText = (maxLength: number) =>
  Type.Union([
    Type.String({ minLength: 1, maxLength }),
    Type.Object(Object.fromEntries(TEXT_LANGUAGES.map((l) => [l, Type.Optional(Type.String({ minLength: 1, maxLength }))])), {
      additionalProperties: false,
      minProperties: 1,
    }),
  ]);
