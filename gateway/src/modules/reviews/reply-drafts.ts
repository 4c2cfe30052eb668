import type { Review } from './review.ts';

export type DraftLanguage = 'en' | 'ru' | 'zh';

/** What a draft may name: the site, and the point or a detail from the review to mention personally. */
export interface DraftContext {
  siteName: string;
}

/** The first thing the review praised or blamed, to mention it back in the reply (a few words at most). */
function mention(text: string | null): string | undefined {
  const first = text
    ?.split(/[.!?。！？\n]/u)
    .map((s) => s.trim())
    .find((s) => s.length >= 3);
  if (!first) return undefined;
  return first.length > 60 ? `${first.slice(0, 57).trimEnd()}…` : first;
}

type Parts = {
  greet: (name?: string) => string;
  positive: (site: string, said?: string) => string;
  neutral: (site: string) => string;
  negative: (site: string, said?: string) => string;
  sign: (site: string) => string;
};

const PARTS: Record<DraftLanguage, Parts> = {
  en: {
    greet: (name) => (name ? `Dear ${name},` : 'Hello,'),
    positive: (site, said) =>
      `thank you for your kind words${said ? ` about “${said}”` : ''}! It means a lot to the whole team at ${site}, and we have passed your praise on to them. We look forward to seeing you again.`,
    neutral: (site) =>
      `thank you for taking the time to review ${site}. What is the one thing we could do better so that your next visit earns five stars? Reply here or tell us at the desk — we read every answer.`,
    negative: (site, said) =>
      `we are sorry${said ? ` about “${said}”` : ''} — this is not the experience we want anyone to have at ${site}, and it is our responsibility to put it right. We have passed your review to our quality team, who will look into it. Please write to us with your contact details so that the manager can call you back and offer a remedy.`,
    sign: (site) => `The team at ${site}`,
  },
  ru: {
    greet: (name) => (name ? `${name}, здравствуйте!` : 'Здравствуйте!'),
    positive: (site, said) =>
      `Спасибо за тёплые слова${said ? ` — «${said}»` : ''}! Для всей команды ${site} это очень важно, мы обязательно передали вашу благодарность. Будем рады видеть вас снова.`,
    neutral: (site) =>
      `Спасибо, что нашли время оценить ${site}. Подскажите, что нам сделать лучше, чтобы следующий визит заслужил пять звёзд? Ответьте здесь или скажите на кассе — мы читаем каждый ответ.`,
    negative: (site, said) =>
      `Приносим извинения${said ? ` за «${said}»` : ''} — это не тот опыт, который мы хотим дарить гостям ${site}, и исправить ситуацию — наша ответственность. Мы передали ваш отзыв в службу качества. Пожалуйста, оставьте ваши контакты: управляющий свяжется с вами и предложит решение.`,
    sign: (site) => `Команда ${site}`,
  },
  zh: {
    greet: (name) => (name ? `${name}，您好！` : '您好！'),
    positive: (site, said) =>
      `感谢您的好评${said ? `（“${said}”）` : ''}！这对${site}的全体员工意义重大，我们已将您的赞扬转达给团队。期待您再次光临。`,
    neutral: (site) =>
      `感谢您抽空评价${site}。请告诉我们，怎样做才能让您下次给出五星？欢迎在此回复或在前台告诉我们，我们会认真阅读每一条意见。`,
    negative: (site, said) =>
      `非常抱歉${said ? `（“${said}”）` : ''}，这不是我们希望顾客在${site}得到的体验，改正是我们的责任。我们已将您的评价转交质量团队处理。请留下您的联系方式，店长会与您联系并提供解决方案。`,
    sign: (site) => `${site}团队`,
  },
};

/**
 * A reply draft by the review's sentiment, following METRICS.md's tone rules: positive — thanks and
 * a personal mention; neutral — thanks and a question on what to improve; negative — an apology,
 * responsibility, a concrete remedy, and no argument. A person edits and sends it.
 */
export function replyDraft(review: Pick<Review, 'author' | 'text' | 'sentiment'>, context: DraftContext, language: DraftLanguage): string {
  const p = PARTS[language];
  const name = review.author?.trim().split(/\s+/)[0];
  const said = mention(review.text);
  const body =
    review.sentiment === 'positive'
      ? p.positive(context.siteName, said)
      : review.sentiment === 'neutral'
        ? p.neutral(context.siteName)
        : p.negative(context.siteName, said);
  return `${p.greet(name)}\n\n${body}\n\n${p.sign(context.siteName)}`;
}
