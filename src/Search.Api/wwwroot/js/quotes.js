// A document's body with its quotations marked with their speakers (issue 21), keeping the query's
// <mark>s. The service sends the quotations as offsets into the plain body and the matches as
// escaped text with <mark> tags: the marked text is read back to plain text and its mark positions
// (marks.js), both kinds of span are cut at each other's edges and at paragraphs, and the DOM is built
// from text nodes, <mark>s and <q>s only. A quotation that does not fit the body is left out.

import { el } from './dom.js';
import { readMarked } from './marks.js';

/** The line breaks .NET's ReplaceLineEndings turns into "\n" in the marked body (CR LF counts as one). */
const lineBreak = /[\r\n\f\u0085\u2028\u2029]/;

/**
 * Where each offset of `body` lies in `text` (the body with its line breaks made "\n"): a function
 * from body offsets to text offsets, or null when the two do not agree.
 */
function offsetsInto(body, text) {
  if (body === text) return (i) => i;
  const map = new Int32Array(body.length + 1);
  let j = 0;
  for (let i = 0; i < body.length; i++) {
    map[i] = j;
    if (body[i] === text[j] && body[i] !== '\r') j++;
    else if (body[i] === '\r' && body[i + 1] === '\n') continue;
    else if (lineBreak.test(body[i]) && text[j] === '\n') j++;
    else return null;
  }
  map[body.length] = j;
  return j === text.length ? (i) => map[i] : null;
}

/** The quotations that fit the body, in order, none overlapping the one before; in text offsets. */
function placedQuotes(quotes, body, toText) {
  const placed = [];
  const valid = quotes
    .filter((q) => q && Number.isInteger(q.start) && Number.isInteger(q.end) && q.start >= 0 && q.start < q.end && q.end <= body.length
      && (typeof q.text !== 'string' || body.slice(q.start, q.end) === q.text))
    .sort((a, b) => a.start - b.start);
  for (const q of valid) {
    if (placed.length && q.start < placed[placed.length - 1].bodyEnd) continue;
    placed.push({ start: toText(q.start), end: toText(q.end), bodyEnd: q.end, speaker: q.speaker || null, role: q.role || null });
  }
  return placed;
}

/** A quotation's element (one a paragraph it runs through); the last one is labelled with the speaker. */
function quoteElement(quote) {
  const who = [quote.speaker, quote.role].filter(Boolean).join(' — ');
  return el('q', { class: 'quote', 'data-speaker': quote.speaker, title: who || 'اقتباس لم يُذكر قائله' });
}

/**
 * The body's paragraphs with quotations and matches marked: { body, matches }, or null when there
 * is nothing to mark as quotations (no quotation fits) or the marked body is not the document's body.
 */
export function quotedBody(doc, bodyHtml) {
  if (!Array.isArray(doc.quotes) || doc.quotes.length === 0 || typeof doc.body !== 'string') return null;
  const { text, marks } = readMarked(bodyHtml);
  const toText = offsetsInto(doc.body, text);
  if (!toText) return null;
  const quotes = placedQuotes(doc.quotes, doc.body, toText);
  if (!quotes.length) return null;

  // Every place where something starts or ends: paragraph breaks, marks, quotations.
  const cuts = new Set([0, text.length]);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) cuts.add(i).add(i + 1);
  for (const span of [...marks, ...quotes]) cuts.add(span.start).add(span.end);
  const edges = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);

  const body = el('div', { class: 'body', id: 'doc-body' });
  let paragraph = el('p');
  let open = null; // the <q> being filled, and the quotation it is part of
  let m = 0;
  let k = 0;
  const endParagraph = () => {
    if (paragraph.textContent.trim()) body.append(paragraph);
    paragraph = el('p');
    open = null;
  };
  for (let e = 0; e + 1 < edges.length; e++) {
    const [a, b] = [edges[e], edges[e + 1]];
    if (text[a] === '\n') {
      endParagraph();
      continue;
    }
    while (m < marks.length && marks[m].end <= a) m++;
    while (k < quotes.length && quotes[k].end <= a) k++;
    const piece = text.slice(a, b);
    const node = m < marks.length && marks[m].start <= a ? el('mark', {}, piece) : document.createTextNode(piece);
    const quote = k < quotes.length && quotes[k].start <= a ? quotes[k] : null;
    if (!quote) {
      open = null;
      paragraph.append(node);
      continue;
    }
    if (open?.quote !== quote) {
      open = { quote, element: quoteElement(quote) };
      paragraph.append(open.element);
    }
    open.element.append(node);
    // The speaker's name is drawn after the quotation by the style sheet, so the text stays the body's own.
    if (b === quote.end && quote.speaker) open.element.setAttribute('data-label', quote.speaker);
  }
  endParagraph();
  return { body, matches: marks.length };
}
