// The service sends snippets and highlighted documents as HTML-escaped text with <mark>…</mark>
// around matches. Nothing it sends is ever parsed as markup here: the text is split on exactly
// those two tags, each piece is decoded by hand, and only text nodes and our own <mark> elements
// are created. A document holding "<script>" shows those characters and runs nothing.

const named = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the entities an HTML encoder writes (&lt; &gt; &amp; &quot; &apos; &#39; &#x27;). */
function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name) => {
    if (name[0] !== '#') return named[name.toLowerCase()] ?? entity;
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : entity;
  });
}

/** Appends marked text to an element; returns how many matches it holds. */
export function appendMarked(parent, markedText) {
  let inMark = false;
  let matches = 0;
  for (const piece of markedText.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') inMark = true;
    else if (piece === '</mark>') inMark = false;
    else if (piece) {
      const text = document.createTextNode(decodeEntities(piece));
      if (inMark) {
        const mark = document.createElement('mark');
        mark.append(text);
        parent.append(mark);
        matches++;
      } else {
        parent.append(text);
      }
    }
  }
  return matches;
}

/** Marked text read back: the plain text and where its matches are in it ({ start, end }, in order). */
export function readMarked(markedText) {
  let inMark = false;
  let text = '';
  const marks = [];
  for (const piece of markedText.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') inMark = true;
    else if (piece === '</mark>') inMark = false;
    else if (piece) {
      const decoded = decodeEntities(piece);
      if (inMark) marks.push({ start: text.length, end: text.length + decoded.length });
      text += decoded;
    }
  }
  return { text, marks };
}
