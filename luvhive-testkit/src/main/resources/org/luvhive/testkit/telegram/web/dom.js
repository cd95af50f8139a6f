// The few DOM builders every part of the page (and its extensions) uses.

/** An element with a class and a text, both optional. */
export function el(tag, className, text) {
  const element = document.createElement(tag);
  if (className) {
    element.className = className;
  }
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}

/**
 * A button that submits nothing, with a tooltip; for an icon (one or two characters) the
 * tooltip is also its accessible name. `onClick` is optional.
 */
export function button(className, text, title, onClick) {
  const element = el('button', className, text);
  element.type = 'button';
  if (title) {
    element.title = title;
    if ([...(text || '')].length <= 2) {
      element.setAttribute('aria-label', title);
    }
  }
  if (onClick) {
    element.addEventListener('click', onClick);
  }
  return element;
}
