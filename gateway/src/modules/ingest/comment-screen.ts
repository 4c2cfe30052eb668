/**
 * Flags comments that look like spam or abuse, in Russian, English and Chinese. Nothing is deleted:
 * a flagged comment is kept, never opens a case by itself and is never shown on the staff screen.
 */
const LINK = /(https?:\/\/|www\.|\b[a-z0-9-]{2,}\.(com|ru|net|org|info|xyz|top|cn|io|biz|рф)\b)/iu;
const REPEATED = /(.)\1{5,}/u;
/** Word stems, matched at the start of a word (Latin and Cyrillic) or anywhere (Chinese, written without spaces). */
const PROFANITY_STEMS = [
  'fuck',
  'shit',
  'bitch',
  'cunt',
  'asshole',
  'dick',
  'хуй',
  'хуе',
  'хуё',
  'пизд',
  'бля',
  'ебат',
  'ёбан',
  'ебан',
  'сука',
  'мудак',
  'гандон',
];
const PROFANITY_ZH = ['傻逼', '操你', '他妈的', '妈的', '混蛋', '王八蛋', '狗屎'];

export type CommentFlag = 'link' | 'repeated-characters' | 'profanity';

export function screenComment(text: string): CommentFlag[] {
  const flags: CommentFlag[] = [];
  if (LINK.test(text)) flags.push('link');
  if (REPEATED.test(text)) flags.push('repeated-characters');
  const lower = text.toLowerCase();
  const words = lower.split(/[^\p{L}]+/u);
  if (words.some((w) => PROFANITY_STEMS.some((s) => w.startsWith(s))) || PROFANITY_ZH.some((s) => lower.includes(s)))
    flags.push('profanity');
  return flags;
}

/** A phone number (7 to 15 digits, an optional leading +) or an e-mail address, normalised; undefined when it is neither. */
export function normaliseContact(kind: 'phone' | 'email', value: string): string | undefined {
  const trimmed = value.trim();
  if (kind === 'email')
    return /^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$/.test(trimmed) && trimmed.length <= 254 ? trimmed.toLowerCase() : undefined;
  if (!/^\+?[0-9 ()-]+$/.test(trimmed)) return undefined;
  const digits = trimmed.replace(/\D/g, '');
  return digits.length >= 7 && digits.length <= 15 ? `${trimmed.startsWith('+') ? '+' : ''}${digits}` : undefined;
}
