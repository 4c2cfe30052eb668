import type { Sentiment } from './review.ts';

/**
 * Sentiment of a review: from its rating when it has one (4–5 positive, 3 neutral, 1–2 negative on
 * a 1–5 scale), otherwise from its text with small lexicons for Russian, English and Chinese.
 * The text rule counts positive and negative stems (a negation just before a word flips it); a
 * tie is neutral. How well it does on a labelled sample is measured in the tests and the README.
 */
const POSITIVE = [
  // English
  'good',
  'great',
  'excellent',
  'amazing',
  'friendly',
  'helpful',
  'love',
  'loved',
  'nice',
  'fast',
  'quick',
  'clean',
  'polite',
  'perfect',
  'recommend',
  'thank',
  'best',
  'wonderful',
  'pleasant',
  'tasty',
  'delicious',
  'fresh',
  'happy',
  'enjoy',
  // Russian (stems)
  'хорош',
  'отличн',
  'прекрасн',
  'вежлив',
  'быстр',
  'чист',
  'приятн',
  'вкусн',
  'спасибо',
  'рекоменд',
  'лучш',
  'доволен',
  'довольн',
  'замечательн',
  'внимательн',
  'уютн',
  'свеж',
  'понравил',
  'супер',
  'класс',
];
const NEGATIVE = [
  'bad',
  'terrible',
  'awful',
  'rude',
  'slow',
  'dirty',
  'cold',
  'wait',
  'waited',
  'worst',
  'never',
  'horrible',
  'disappoint',
  'broken',
  'expensive',
  'poor',
  'unfriendly',
  'ignored',
  'mistake',
  'wrong',
  'stale',
  'late',
  'queue',
  'hate',
  'плох',
  'ужасн',
  'груб',
  'медленн',
  'грязн',
  'холодн',
  'ждал',
  'очеред',
  'худш',
  'отвратительн',
  'разочарова',
  'дорог',
  'хамств',
  'хамил',
  'невкусн',
  'ошибк',
  'обман',
  'кошмар',
  'долго',
  'сломан',
];
const POSITIVE_ZH = [
  '好',
  '很好',
  '不错',
  '棒',
  '优秀',
  '满意',
  '友好',
  '热情',
  '干净',
  '快',
  '推荐',
  '喜欢',
  '谢谢',
  '美味',
  '好吃',
  '新鲜',
  '舒服',
  '专业',
];
const NEGATIVE_ZH = [
  '差',
  '很差',
  '糟糕',
  '慢',
  '脏',
  '冷',
  '等了',
  '排队',
  '粗鲁',
  '失望',
  '难吃',
  '贵',
  '态度不好',
  '不满意',
  '错',
  '坏了',
  '不新鲜',
  '骗',
];
const NEGATIONS = new Set(['not', "n't", 'no', 'never', 'не', 'нет', 'ни']);
const NEGATION_ZH = /(不|没|没有|别)$/;

/** A rating on any 1..max scale, as 1–5. */
export function ratingOutOfFive(rating: number, max = 5): number {
  return max === 5 ? rating : 1 + ((rating - 1) * 4) / (max - 1);
}

export function sentimentOfRating(rating: number): Sentiment {
  return rating >= 4 ? 'positive' : rating > 2 ? 'neutral' : 'negative';
}

function chineseScore(text: string): number {
  let score = 0;
  const scan = (words: string[], sign: number) => {
    // The longest words first, each character used once ("很好" before "好", "不新鲜" before "新鲜").
    let rest = text;
    for (const word of [...words].sort((a, b) => b.length - a.length)) {
      let at = rest.indexOf(word);
      while (at >= 0) {
        const negated = NEGATION_ZH.test(rest.slice(Math.max(0, at - 2), at));
        score += negated ? -sign : sign;
        rest = rest.slice(0, at) + ' '.repeat(word.length) + rest.slice(at + word.length);
        at = rest.indexOf(word);
      }
    }
    text = rest;
  };
  scan(NEGATIVE_ZH, -1);
  scan(POSITIVE_ZH, 1);
  return score;
}

export function sentimentOfText(text: string): Sentiment {
  const lower = text.toLowerCase().replace(/n't\b/g, " n't");
  let score = 0;
  const words = lower.split(/[^\p{L}']+/u).filter(Boolean);
  words.forEach((word, i) => {
    const sign = POSITIVE.some((s) => word.startsWith(s)) ? 1 : NEGATIVE.some((s) => word.startsWith(s)) ? -1 : 0;
    if (sign === 0) return;
    const negated = NEGATIONS.has(words[i - 1] ?? '') || NEGATIONS.has(words[i - 2] ?? '');
    score += negated ? -sign : sign;
  });
  if (/\p{Script=Han}/u.test(text)) score += chineseScore(text);
  return score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';
}

export function sentimentOf(review: { rating: number | null; text: string | null }): { sentiment: Sentiment; from: 'rating' | 'text' } {
  if (review.rating !== null) return { sentiment: sentimentOfRating(review.rating), from: 'rating' };
  return { sentiment: sentimentOfText(review.text ?? ''), from: 'text' };
}
