// Building elements without markup: children are nodes or strings (which become text, never HTML).

import { hrefOf } from './state.js';

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes))
    if (value !== undefined && value !== null && value !== false)
      node.setAttribute(name, value === true ? '' : String(value));
  node.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

/**
 * A link to another state of the page. The page follows it without reloading (see app.js);
 * a `data-focus` attribute names what to focus once the new state is shown (a CSS selector).
 */
export const navLink = (state, attributes, ...children) =>
  el('a', { href: hrefOf(state), 'data-nav': true, ...attributes }, ...children);

/** The ISO date kept visible beside the Arabic one. */
export const dateOf = (day, formatted) =>
  el('span', { class: 'date' },
    el('time', { datetime: day, title: day }, formatted),
    ' ',
    el('span', { class: 'iso', dir: 'ltr' }, day));
