// The friendly states: nothing found, a query the service refuses, the service not ready.

import { el, navLink } from './dom.js';
import { hasFilters, withChanges, withoutDates } from './state.js';

const fieldNames = { q: 'نص البحث', from: 'من تاريخ', to: 'إلى تاريخ', source: 'المصدر', sort: 'الترتيب', page: 'الصفحة', size: 'حجم الصفحة', interval: 'الفترة' };

export function noResults(state) {
  const actions = [];
  if (state.from || state.to) actions.push(navLink(withoutDates(state), { class: 'button', 'data-focus': '#summary' }, 'إزالة فلتر التاريخ'));
  if (state.source) actions.push(navLink(withChanges(state, { source: '' }), { class: 'button', 'data-focus': '#summary' }, 'إزالة فلتر المصدر'));
  if (actions.length > 1)
    actions.push(navLink(withChanges(withoutDates(state), { source: '' }), { class: 'button', 'data-focus': '#summary' }, 'إزالة كل الفلاتر'));
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

/** A 400 from the service: an Arabic sentence, then what the service said (in English) about each parameter. */
export function refused(problem) {
  const errors = Object.entries(problem?.errors ?? {});
  return el('div', { class: 'notice error', id: 'refused', role: 'alert' },
    el('h2', {}, 'تعذّر فهم الاستعلام'),
    el('p', {}, errors.some(([name]) => name === 'q')
      ? 'تحقّق من علامات التنصيص والكلمات المستبعدة (-) وكلمتي OR وAND، ثم أعد المحاولة.'
      : 'بعض قيم البحث غير صالحة؛ صحّحها ثم أعد المحاولة.'),
    el('ul', { class: 'service-messages' },
      errors.length
        ? errors.map(([name, messages]) => el('li', {}, `${fieldNames[name] ?? name}: `, el('span', { dir: 'ltr', lang: 'en' }, messages.join(' '))))
        : el('li', { dir: 'ltr', lang: 'en' }, problem?.detail ?? problem?.title ?? '')));
}

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
