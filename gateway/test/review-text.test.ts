import { describe, expect, it } from 'vitest';
import { sentimentOf, sentimentOfText } from '../src/modules/reviews/sentiment.ts';
import { replyDraft } from '../src/modules/reviews/reply-drafts.ts';
import type { Sentiment } from '../src/modules/reviews/review.ts';

/**
 * A small labelled sample, written for this test (not taken from any platform): short reviews as
 * people write them, 12 per language, 4 of each sentiment. The README reports the accuracy.
 */
const SAMPLE: Record<'en' | 'ru' | 'zh', [string, Sentiment][]> = {
  en: [
    ['Great coffee and very friendly staff', 'positive'],
    ['Fast service, clean tables, will recommend', 'positive'],
    ['Loved the pastries, thank you!', 'positive'],
    ['Everything was perfect as always', 'positive'],
    ['Waited 30 minutes in the queue, staff were rude', 'negative'],
    ['The soup was cold and the bread stale', 'negative'],
    ['Terrible experience, never again', 'negative'],
    ['Not friendly at all, and the order was wrong', 'negative'],
    ['It is a shop on the corner', 'neutral'],
    ['Came in for a parcel', 'neutral'],
    ['Opening hours are 9 to 6', 'neutral'],
    ['Ordered a latte', 'neutral'],
  ],
  ru: [
    ['Отличный сервис, вежливые кассиры', 'positive'],
    ['Очень вкусно и быстро, спасибо!', 'positive'],
    ['Всё понравилось, рекомендую', 'positive'],
    ['Чисто, уютно, приятная музыка', 'positive'],
    ['Ужасное обслуживание, хамство на кассе', 'negative'],
    ['Долго ждали заказ, кофе холодный', 'negative'],
    ['Грязно и дорого, разочарован', 'negative'],
    ['Не вкусно и не быстро', 'negative'],
    ['Зашёл за посылкой', 'neutral'],
    ['Магазин у метро', 'neutral'],
    ['Работают до десяти вечера', 'neutral'],
    ['Купил хлеб и молоко', 'neutral'],
  ],
  zh: [
    ['服务很好，员工很热情', 'positive'],
    ['咖啡好喝，环境干净，推荐', 'positive'],
    ['非常满意，谢谢', 'positive'],
    ['上菜快，味道不错', 'positive'],
    ['排队等了半小时，态度不好', 'negative'],
    ['菜是冷的，很失望', 'negative'],
    ['太贵了，而且很脏', 'negative'],
    ['不满意，服务太慢', 'negative'],
    ['在地铁站旁边', 'neutral'],
    ['买了一杯拿铁', 'neutral'],
    ['营业时间是九点到六点', 'neutral'],
    ['来取快递', 'neutral'],
  ],
};

describe('review sentiment', () => {
  it('takes the rating when there is one', () => {
    expect(sentimentOf({ rating: 5, text: 'terrible' })).toEqual({ sentiment: 'positive', from: 'rating' });
    expect(sentimentOf({ rating: 3, text: null })).toEqual({ sentiment: 'neutral', from: 'rating' });
    expect(sentimentOf({ rating: 1.5, text: 'great' })).toEqual({ sentiment: 'negative', from: 'rating' });
    expect(sentimentOf({ rating: null, text: 'great' })).toEqual({ sentiment: 'positive', from: 'text' });
  });

  for (const [language, sample] of Object.entries(SAMPLE)) {
    it(`reads the text of ${language} reviews right at least 10 times in 12`, () => {
      const wrong = sample
        .filter(([text, label]) => sentimentOfText(text) !== label)
        .map(([text, label]) => `${text} (${label}, read ${sentimentOfText(text)})`);
      expect(wrong.length, wrong.join('; ')).toBeLessThanOrEqual(2);
    });
  }

  it('flips a negated word', () => {
    expect(sentimentOfText('not good')).toBe('negative');
    expect(sentimentOfText('не плохо')).toBe('positive');
    expect(sentimentOfText('不好')).toBe('negative');
  });
});

describe('reply drafts follow the tone rules', () => {
  const site = { siteName: 'Branch 1' };
  it('positive: thanks and a personal mention', () => {
    const draft = replyDraft(
      { author: 'Maria Ivanova', text: 'The croissants were amazing. Will be back', sentiment: 'positive' },
      site,
      'en',
    );
    expect(draft).toMatch(/^Dear Maria,/);
    expect(draft).toMatch(/thank you/i);
    expect(draft).toMatch(/The croissants were amazing/);
  });
  it('neutral: thanks and a question on what to improve', () => {
    const draft = replyDraft({ author: null, text: 'ok', sentiment: 'neutral' }, site, 'ru');
    expect(draft).toMatch(/Спасибо/);
    expect(draft).toMatch(/\?/);
  });
  it('negative: apology, responsibility and a remedy, without arguing', () => {
    for (const language of ['en', 'ru', 'zh'] as const) {
      const draft = replyDraft({ author: 'Li', text: 'Rude staff. Cold soup', sentiment: 'negative' }, site, language);
      expect(draft).toMatch({ en: /sorry/, ru: /извинения/, zh: /抱歉/ }[language]);
      expect(draft).toMatch({ en: /responsibility/, ru: /ответственность/, zh: /责任/ }[language]);
      expect(draft).toMatch({ en: /call you back/, ru: /свяжется/, zh: /联系/ }[language]);
      expect(draft).not.toMatch(/\b(but|however|actually)\b|однако|но на самом деле|但是/i);
    }
  });
});
