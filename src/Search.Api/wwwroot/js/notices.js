// The friendly states: nothing found, a query the service refuses, the service not ready.

import { formatNumber } from './arabic.js';
import { el, navLink } from './dom.js';
import { hasFilters, withChanges, withoutDates, withoutFilters } from './state.js';

const fieldNames = { q: 'نص البحث', from: 'من', to: 'إلى', source: 'المصدر', lang: 'اللغة', speaker: 'المتحدث', in: 'البحث داخل', sort: 'الترتيب', page: 'الصفحة', size: 'حجم الصفحة', interval: 'الفترة' };

export function noResults(state) {
  const actions = [];
  if (state.from || state.to) actions.push(navLink(withoutDates(state), { class: 'button', 'data-focus': '#summary' }, 'إزالة فلتر التاريخ'));
  if (state.source) actions.push(navLink(withChanges(state, { source: '' }), { class: 'button', 'data-focus': '#summary' }, 'إزالة فلتر المصدر'));
  if (state.lang) actions.push(navLink(withChanges(state, { lang: '' }), { class: 'button', 'data-focus': '#summary' }, 'إزالة فلتر اللغة'));
  if (state.speaker) actions.push(navLink(withChanges(state, { speaker: '' }), { class: 'button', 'data-focus': '#summary' }, 'إزالة فلتر المتحدث'));
  if (state.in) actions.push(navLink(withChanges(state, { in: '' }), { class: 'button', 'data-focus': '#summary' }, 'البحث في النص كله'));
  if (actions.length > 1)
    actions.push(navLink(withoutFilters(state), { class: 'button', 'data-focus': '#summary' }, 'إزالة كل الفلاتر'));
  return el('div', { class: 'notice', id: 'no-results' },
    el('h2', {}, 'لا توجد نتائج'),
    el('p', {}, hasFilters(state)
      ? 'لم نجد ما يطابق البحث ضمن الفلاتر المختارة. جرّب إزالة بعضها:'
      : 'لم نجد ما يطابق البحث. جرّب كلمات أخرى أو أقل، أو تهجئة مختلفة.'),
    actions.length ? el('p', { class: 'actions' }, actions) : null);
}

/** A page number past the last page (an old or edited address): offer the first page. */
export function pastTheEnd(state) {
  return el('div', { class: 'notice', id: 'past-the-end' },
    el('h2', {}, 'لا نتائج في هذه الصفحة'),
    el('p', {}, 'رقم الصفحة بعد آخر صفحة من النتائج.'),
    el('p', { class: 'actions' }, navLink({ ...state, page: 1 }, { class: 'button', 'data-focus': '#summary' }, 'الصفحة الأولى')));
}

/** A 400 from the service, said in Arabic: what is wrong with the query and where, or which value is not valid. */
export function refused(problem, state) {
  const errors = Object.keys(problem?.errors ?? {});
  const items = errors.length ? errors.map((name) => el('li', {}, name === 'q' ? queryMistake(problem, state.q) : valueMistake(name, state))) : [el('li', {}, 'تعذّر قراءة الطلب.')];
  const query = errors.includes('q') && problem.position ? markedQuery(state.q, problem.position) : null;
  return el('div', { class: 'notice error', id: 'refused', role: 'alert' },
    el('h2', {}, 'تعذّر فهم الاستعلام'),
    el('ul', { class: 'service-messages' }, items),
    query);
}

/** What the service's code says, in Arabic, with the position (from 1, in the query as typed) in Arabic digits. */
function queryMistake(problem, q) {
  const at = problem.position ?? 0;
  const where = `عند الحرف ${formatNumber(at)}`;
  switch (problem.code) {
    case 'tooLong': return 'نص البحث أطول من المسموح به: اختصره.';
    case 'tooManyWords': return 'كلمات البحث أكثر من المسموح به: قلّل عددها.';
    default: return `تعذّر فهم نص البحث ${where}.`;
  }
}

function valueMistake(name, state) {
  if (name === 'from' || name === 'to') return dateNotRead(name, state[name], 400);
  return `قيمة «${fieldNames[name] ?? name}» في العنوان غير صالحة: عُد إلى الصفحة الأولى أو ابدأ بحثًا جديدًا.`;
}

/** Under the date fields: the service could not read the date typed (or could not be asked). */
export function dateNotRead(name, text, status) {
  if (status !== 400) return 'تعذّر الاتصال بخدمة البحث لقراءة التاريخ. أعد المحاولة بعد قليل.';
  return `لم نفهم التاريخ «${text}» في خانة «${fieldNames[name]}». اكتبه مثل ٢٧/٧/٢٠٢١ أو ٢٧ يوليو ٢٠٢١ أو ١٥ ذو الحجة ١٤٤٢ هـ.`;
}

/** The query as typed, the character at the position (from 1) marked. */
function markedQuery(q, position) {
  const at = Math.min(Math.max(position - 1, 0), q.length);
  return el('p', { class: 'query-at' }, 'نص البحث: ',
    el('bdi', { class: 'query-text' }, q.slice(0, at), el('mark', {}, q.slice(at, at + 1) || ' '), q.slice(at + 1)));
}

/** Latin text (OR, AND, a sign) kept in its own direction inside an Arabic sentence. */
const bidiText = (text) => el('bdi', { dir: 'ltr' }, text);

const unavailableTexts = {
  'not-ready': ['الخدمة غير جاهزة بعد', 'لم يكتمل تشغيل خدمة البحث أو تعذّر الاتصال بها. ستُعاد المحاولة تلقائيًا بعد بضع ثوانٍ.'],
  busy: ['طلبات كثيرة في وقت قصير', 'طلبت الخدمة التمهّل قليلًا. ستُعاد المحاولة تلقائيًا بعد لحظات.'],
  failed: ['تعذّر إكمال البحث', 'حدث خطأ في الخدمة أثناء البحث. أعد المحاولة بعد قليل.'],
};

/** The service cannot answer: `not-ready` (not started, not ready or unreachable), `busy` (429) or `failed`; `retry` asks again. */
export function unavailable(kind, retry) {
  const [title, text] = unavailableTexts[kind];
  return el('div', { class: 'notice error', id: 'unavailable', role: 'alert' },
    el('h2', {}, title),
    el('p', {}, text),
    el('p', { class: 'actions' }, button('أعد المحاولة', retry)));
}

function button(text, onClick) {
  const node = el('button', { type: 'button', class: 'button' }, text);
  node.addEventListener('click', onClick);
  return node;
}
