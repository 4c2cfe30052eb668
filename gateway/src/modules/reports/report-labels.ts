import type { IndexName } from '../../core/index-names.ts';
// the indices' names, one catalogue for the reports and the web apps' screens
import INDEX_LABELS from '../../core/index-labels.json' with { type: 'json' };

export type ReportLanguage = 'en' | 'ru' | 'zh';

/** Every word a report prints, in each language a report can be made in. */
export interface ReportLabels {
  title: string;
  period: string;
  generated: string;
  indices: string;
  index: string;
  value: string;
  interval: string;
  answers: string;
  previousPeriod: string;
  change: string;
  notEnough: string;
  daily: string;
  day: string;
  cases: string;
  casesOpened: string;
  category: string;
  severity: string;
  count: string;
  share: string;
  serviceLevels: string;
  measure: string;
  due: string;
  met: string;
  target: string;
  firstResponse: string;
  medianMinutes: string;
  respondInTime: string;
  resolveInTime: string;
  completion: string;
  collection: string;
  lossesNotRecorded: string;
  responseRate: string;
  repeatShare: string;
  overdue: string;
  noOverdue: string;
  owner: string;
  escalatedTo: string;
  summary: string;
  problems: string;
  reasons: string;
  categories: string;
  hours: string;
  points: string;
  rootCauses: string;
  negative: string;
  none: string;
  reviews: string;
  total: string;
  averageRating: string;
  answeredInTime: string;
  reviewsOverdue: string;
  checkViolations: string;
  emotions: string;
  sentiment: Record<'positive' | 'neutral' | 'negative', string>;
  categoryNames: Record<string, string>;
  indexNames: Record<IndexName, string>;
}

export const REPORT_LABELS: Record<ReportLanguage, ReportLabels> = {
  en: {
    title: 'Customer feedback report',
    period: 'Period',
    generated: 'Generated',
    indices: 'Indices',
    index: 'Index',
    value: 'Value',
    interval: '95% interval',
    answers: 'Answers',
    previousPeriod: 'Previous period',
    change: 'Change',
    notEnough: 'not enough answers',
    daily: 'Happy Index by day',
    day: 'Day',
    cases: 'Cases',
    casesOpened: 'Cases opened',
    category: 'Category',
    severity: 'Severity',
    count: 'Count',
    share: 'Share',
    serviceLevels: 'Service levels',
    measure: 'Measure',
    due: 'Due',
    met: 'Met',
    target: 'Target',
    firstResponse: 'First response within 2 h',
    medianMinutes: 'Median time to first response, minutes',
    respondInTime: 'Responded within the deadline',
    resolveInTime: 'Resolved within the deadline',
    completion: 'Case completion',
    collection: 'Feedback collection rate',
    lossesNotRecorded: 'losses not recorded yet',
    responseRate: 'Response rate (customers served)',
    repeatShare: 'Share of repeat complaints',
    overdue: 'Overdue cases',
    noOverdue: 'No overdue cases.',
    owner: 'Owner',
    escalatedTo: 'Escalated to',
    summary: 'Summary',
    problems: 'Recurring problems and root causes',
    reasons: 'Follow-up reasons of negative answers',
    categories: 'Case categories',
    hours: 'Hours with negative answers',
    points: 'Points with negative answers',
    rootCauses: 'Root causes of closed cases',
    negative: 'Negative',
    none: 'none',
    reviews: 'Online reviews',
    total: 'Total',
    averageRating: 'Average rating',
    answeredInTime: 'Answered within 24 h',
    reviewsOverdue: 'Unanswered past the deadline',
    checkViolations: 'Days without the 11:00 check',
    emotions: 'Emotion panel',
    sentiment: { positive: 'positive', neutral: 'neutral', negative: 'negative' },
    categoryNames: { product: 'product', service: 'service', operations: 'operations', suggestion: 'suggestion' },
    indexNames: INDEX_LABELS.en,
  },
  ru: {
    title: 'Отчёт по обратной связи',
    period: 'Период',
    generated: 'Сформирован',
    indices: 'Индексы',
    index: 'Индекс',
    value: 'Значение',
    interval: '95% интервал',
    answers: 'Ответов',
    previousPeriod: 'Прошлый период',
    change: 'Изменение',
    notEnough: 'мало ответов',
    daily: 'Индекс счастья по дням',
    day: 'День',
    cases: 'Обращения',
    casesOpened: 'Открыто обращений',
    category: 'Категория',
    severity: 'Важность',
    count: 'Количество',
    share: 'Доля',
    serviceLevels: 'Уровни сервиса',
    measure: 'Показатель',
    due: 'Срок наступил',
    met: 'В срок',
    target: 'Цель',
    firstResponse: 'Первый ответ за 2 ч',
    medianMinutes: 'Медиана до первого ответа, мин',
    respondInTime: 'Реакция в срок',
    resolveInTime: 'Решено в срок',
    completion: 'Выполнение обращений',
    collection: 'Сбор обратной связи',
    lossesNotRecorded: 'потери пока не учитываются',
    responseRate: 'Доля откликов (обслужено клиентов)',
    repeatShare: 'Доля повторных жалоб',
    overdue: 'Просроченные обращения',
    noOverdue: 'Просроченных обращений нет.',
    owner: 'Ответственный',
    escalatedTo: 'Эскалация',
    summary: 'Суть',
    problems: 'Повторяющиеся проблемы и причины',
    reasons: 'Причины негативных ответов',
    categories: 'Категории обращений',
    hours: 'Часы с негативными ответами',
    points: 'Точки с негативными ответами',
    rootCauses: 'Причины закрытых обращений',
    negative: 'Негативных',
    none: 'нет',
    reviews: 'Отзывы в интернете',
    total: 'Всего',
    averageRating: 'Средняя оценка',
    answeredInTime: 'Отвечено за 24 ч',
    reviewsOverdue: 'Без ответа после срока',
    checkViolations: 'Дней без проверки к 11:00',
    emotions: 'Эмоции',
    sentiment: { positive: 'позитивные', neutral: 'нейтральные', negative: 'негативные' },
    categoryNames: { product: 'продукт', service: 'сервис', operations: 'операции', suggestion: 'предложение' },
    indexNames: INDEX_LABELS.ru,
  },
  zh: {
    title: '顾客反馈报告',
    period: '期间',
    generated: '生成时间',
    indices: '指数',
    index: '指数',
    value: '数值',
    interval: '95% 区间',
    answers: '回答数',
    previousPeriod: '上期',
    change: '变化',
    notEnough: '回答不足',
    daily: '每日幸福指数',
    day: '日期',
    cases: '工单',
    casesOpened: '新开工单',
    category: '类别',
    severity: '严重程度',
    count: '数量',
    share: '占比',
    serviceLevels: '服务水平',
    measure: '指标',
    due: '到期',
    met: '按时',
    target: '目标',
    firstResponse: '2 小时内首次响应',
    medianMinutes: '首次响应中位时间（分钟）',
    respondInTime: '按时响应',
    resolveInTime: '按时解决',
    completion: '工单完成率',
    collection: '反馈收集率',
    lossesNotRecorded: '尚未记录丢失',
    responseRate: '响应率（服务客户数）',
    repeatShare: '重复投诉占比',
    overdue: '逾期工单',
    noOverdue: '没有逾期工单。',
    owner: '负责人',
    escalatedTo: '升级至',
    summary: '摘要',
    problems: '反复出现的问题与根本原因',
    reasons: '负面回答的原因',
    categories: '工单类别',
    hours: '负面回答集中的时段',
    points: '负面回答集中的网点',
    rootCauses: '已关闭工单的根本原因',
    negative: '负面',
    none: '无',
    reviews: '网络评价',
    total: '总数',
    averageRating: '平均评分',
    answeredInTime: '24 小时内回复',
    reviewsOverdue: '逾期未回复',
    checkViolations: '11:00 前未检查的天数',
    emotions: '情绪面板',
    sentiment: { positive: '正面', neutral: '中性', negative: '负面' },
    categoryNames: { product: '产品', service: '服务', operations: '运营', suggestion: '建议' },
    indexNames: INDEX_LABELS.zh,
  },
};
