// Text with MessageEntity formatting, built as DOM nodes (never innerHTML): offsets and
// lengths are UTF-16 code units, which is what JavaScript strings index.

/**
 * Appends `text` formatted by `entities` to `parent`. `onCommand(command)` is called when
 * a /command is clicked, as Telegram clients send it.
 */
export function appendFormatted(parent, text, entities, onCommand) {
  const list = (entities || [])
    .filter((entity) => entity.length > 0 && entity.offset >= 0 && entity.offset < text.length)
    .sort((a, b) => a.offset - b.offset || b.length - a.length);
  appendRange(parent, text, 0, text.length, list, onCommand);
}

function appendRange(parent, text, start, end, list, onCommand) {
  let position = start;
  let index = 0;
  while (index < list.length && list[index].offset < end) {
    const entity = list[index];
    const entityStart = Math.max(entity.offset, position);
    const entityEnd = Math.min(entity.offset + entity.length, end);
    if (entityStart > position) {
      parent.append(text.slice(position, entityStart));
    }
    const inner = [];
    let next = index + 1;
    while (next < list.length && list[next].offset < entityEnd) {
      inner.push(list[next]);
      next++;
    }
    if (entityEnd > entityStart) {
      const element = elementFor(entity, text.slice(entityStart, entityEnd), onCommand);
      const target = element.querySelector('code') || element;
      appendRange(target, text, entityStart, entityEnd, inner, onCommand);
      parent.append(element);
      position = entityEnd;
    }
    index = next;
  }
  if (position < end) {
    parent.append(text.slice(position, end));
  }
}

function elementFor(entity, covered, onCommand) {
  switch (entity.type) {
    case 'bold': return document.createElement('strong');
    case 'italic': return document.createElement('em');
    case 'underline': return document.createElement('u');
    case 'strikethrough': return document.createElement('s');
    case 'code': return document.createElement('code');
    case 'pre': {
      const pre = document.createElement('pre');
      const code = document.createElement('code');
      if (entity.language) {
        pre.dataset.language = entity.language;
      }
      pre.append(code);
      return pre;
    }
    case 'blockquote':
    case 'expandable_blockquote': {
      const quote = document.createElement('blockquote');
      if (entity.type === 'expandable_blockquote') {
        quote.classList.add('expandable');
        quote.tabIndex = 0;
        quote.addEventListener('click', () => quote.classList.toggle('expanded'));
      }
      return quote;
    }
    case 'spoiler': {
      const spoiler = document.createElement('span');
      spoiler.className = 'spoiler';
      spoiler.tabIndex = 0;
      spoiler.title = 'Spoiler: click to reveal';
      const reveal = () => spoiler.classList.add('revealed');
      spoiler.addEventListener('click', reveal);
      spoiler.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          reveal();
        }
      });
      return spoiler;
    }
    case 'text_link':
    case 'url': {
      const link = document.createElement('a');
      const href = entity.type === 'url' ? covered : entity.url;
      link.href = /^[a-z][a-z0-9+.-]*:/i.test(href) ? href : `http://${href}`;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      return link;
    }
    case 'email': {
      const link = document.createElement('a');
      link.href = `mailto:${covered}`;
      return link;
    }
    case 'bot_command': {
      const link = document.createElement('a');
      link.href = '#';
      link.className = 'command';
      link.title = `Send ${covered}`;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        if (onCommand) {
          onCommand(covered.split('@')[0]);
        }
      });
      return link;
    }
    case 'mention':
    case 'hashtag':
    case 'cashtag':
    case 'text_mention':
    case 'custom_emoji': {
      const span = document.createElement('span');
      span.className = `entity-${entity.type}`;
      return span;
    }
    default:
      return document.createElement('span');
  }
}
