// One message as a Telegram client draws it: forward and reply headers, media, text with
// formatting, time and "edited", the bot's reaction, inline keyboard, and the actions a
// user has on it (reply; edit for their own text messages).

import {button, el} from './dom.js';
import {appendFormatted} from './entities.js';

const MEDIA_LABELS = {
  video: '🎬 Video', voice: '🎤 Voice message', video_note: '⏺ Video message', audio: '🎵 Audio',
  animation: 'GIF', document: '📄 Document',
};

function duration(seconds) {
  const s = Number(seconds || 0);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function size(bytes) {
  if (!bytes) {
    return '';
  }
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function time(unixSeconds) {
  const date = new Date(unixSeconds * 1000);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** A short text standing for a message, for reply headers and the reply bar. */
export function summary(message) {
  if (message.text) {
    return message.text;
  }
  for (const [field, label] of Object.entries({photo: '🖼 Photo', sticker: `${message.sticker?.emoji || ''} Sticker`,
    location: '📍 Location', contact: '👤 Contact', invoice: '🧾 Invoice', successful_payment: '⭐ Payment',
    ...MEDIA_LABELS})) {
    if (message[field]) {
      return message.caption ? `${label}: ${message.caption}` : label;
    }
  }
  return 'Message';
}

function mediaBlock(message, ctx) {
  const files = ctx.botApi;
  if (message.photo) {
    const sizes = message.photo;
    const shown = sizes.find((photo) => photo.width >= 320) || sizes[sizes.length - 1];
    const image = el('img', 'photo');
    image.src = files.fileUrl(shown.file_id);
    image.alt = message.caption ? `Photo: ${message.caption}` : 'Photo';
    image.loading = 'lazy';
    image.addEventListener('load', () => ctx.onMediaLoaded?.());
    return image;
  }
  if (message.sticker) {
    const sticker = el('figure', 'sticker');
    const image = el('img');
    image.src = files.fileUrl(message.sticker.file_id);
    image.alt = `Sticker ${message.sticker.emoji || ''}`;
    image.addEventListener('load', () => ctx.onMediaLoaded?.());
    sticker.append(image);
    return sticker;
  }
  if (message.location) {
    const box = el('div', 'location');
    box.append(el('span', 'pin', '📍'), el('span', '',
        `${message.location.latitude.toFixed(5)}, ${message.location.longitude.toFixed(5)}`));
    return box;
  }
  if (message.contact) {
    const contact = message.contact;
    const box = el('div', 'contact');
    box.append(el('span', 'avatar small', (contact.first_name || '?').slice(0, 1)),
        el('span', '', `${contact.first_name || ''} ${contact.last_name || ''}`.trim()),
        el('span', 'muted', contact.phone_number || ''));
    return box;
  }
  for (const field of ['video', 'animation', 'video_note', 'voice', 'audio', 'document']) {
    const file = message[field];
    if (!file) {
      continue;
    }
    const box = el('div', `file file-${field}`);
    let label = MEDIA_LABELS[field];
    if (field === 'audio') {
      label = `🎵 ${file.performer ? `${file.performer} – ` : ''}${file.title || file.file_name || 'Audio'}`;
    } else if (field === 'document') {
      label = `📄 ${file.file_name || 'Document'}`;
    }
    box.append(el('span', 'file-label', label));
    const details = [file.duration !== undefined ? duration(file.duration) : '', size(file.file_size)]
      .filter(Boolean).join(' · ');
    if (details) {
      box.append(el('span', 'muted', details));
    }
    if (field === 'document') {
      const link = el('a', 'download', 'Download');
      link.href = files.fileUrl(file.file_id);
      link.download = file.file_name || 'document';
      box.append(link);
    }
    return box;
  }
  return null;
}

function invoiceBlock(message, ctx, entry) {
  const invoice = message.invoice;
  const box = el('div', 'invoice');
  box.append(el('strong', '', invoice.title), el('p', '', invoice.description));
  const price = invoice.currency === 'XTR' ? `⭐ ${invoice.total_amount}` : `${invoice.total_amount} ${invoice.currency}`;
  const pay = button('pay', `Pay ${price}`, `Pay ${price} in test Stars`, () => ctx.onPay(entry, pay));
  box.append(pay);
  return box;
}

function paymentBlock(message) {
  const payment = message.successful_payment;
  const price = payment.currency === 'XTR' ? `⭐ ${payment.total_amount}` : `${payment.total_amount} ${payment.currency}`;
  return el('div', 'service', `You paid ${price}`);
}

function keyboard(entry, ctx) {
  const rows = entry.message.reply_markup?.inline_keyboard;
  if (!rows || rows.length === 0) {
    return null;
  }
  const box = el('div', 'inline-keyboard');
  for (const row of rows) {
    const line = el('div', 'keyboard-row');
    for (const key of row) {
      let element;
      if (key.url) {
        element = el('a', 'inline-button url', `${key.text} ↗`);
        element.href = key.url;
        element.target = '_blank';
        element.rel = 'noopener noreferrer';
      } else {
        element = button('inline-button', key.text);
        if (key.callback_data !== undefined) {
          element.dataset.callbackData = key.callback_data;
          element.addEventListener('click', () => ctx.onPress(entry, key.callback_data, element));
        } else if (key.pay) {
          element.addEventListener('click', () => ctx.onPay(entry, element));
        } else {
          element.disabled = true;
          element.title = 'Not available in the emulator';
        }
      }
      line.append(element);
    }
    box.append(line);
  }
  return box;
}

/** The list item for one chat entry. */
export function renderMessage(entry, ctx) {
  const message = entry.message;
  const item = el('li', `msg ${entry.from_bot ? 'from-bot' : 'from-user'}`);
  item.dataset.messageId = message.message_id;
  item.id = `m-${message.chat.id}-${message.message_id}`;
  const bubble = el('div', 'bubble');
  item.append(bubble);
  if (message.forward_origin) {
    const origin = message.forward_origin;
    const name = origin.sender_user?.first_name || origin.sender_user_name || origin.chat?.title || 'someone';
    bubble.append(el('div', 'forwarded', `Forwarded from ${name}`));
  }
  if (message.reply_to_message) {
    // Clients show the replied message as it is now (edited since, perhaps), when they have it.
    const current = ctx.lookup?.(message.reply_to_message.message_id);
    bubble.append(button('reply-quote', summary(current ? current.message : message.reply_to_message),
        'Show the message this replies to', () => ctx.onShow(message.reply_to_message.message_id)));
  }
  const media = mediaBlock(message, ctx);
  if (media) {
    bubble.append(media);
    if (message.media_group_id) {
      item.dataset.album = message.media_group_id;
    }
  }
  if (message.invoice) {
    bubble.append(invoiceBlock(message, ctx, entry));
  }
  if (message.successful_payment) {
    item.classList.add('service-item');
    bubble.append(paymentBlock(message));
  }
  const text = message.text ?? message.caption;
  if (text) {
    const body = el('div', 'text');
    appendFormatted(body, text, message.text !== undefined ? message.entities : message.caption_entities,
        ctx.onCommand);
    bubble.append(body);
  }
  const meta = el('span', 'meta');
  if (message.edit_date) {
    meta.append(el('span', 'edited', 'edited'));
  }
  meta.append(el('time', '', time(message.date)));
  bubble.append(meta);
  if (entry.reactions && entry.reactions.length > 0) {
    const reactions = el('div', 'reactions');
    for (const reaction of entry.reactions) {
      reactions.append(el('span', 'reaction', reaction.emoji || '★'));
    }
    item.append(reactions);
  }
  const buttons = keyboard(entry, ctx);
  if (buttons) {
    item.append(buttons);
  }
  if (!message.successful_payment) {
    const actions = el('div', 'msg-actions');
    actions.append(button('reply-action', '↩', 'Reply', () => ctx.onReply(entry)));
    if (!entry.from_bot && message.text !== undefined) {
      actions.append(button('edit-action', '✎', 'Edit (↑ in an empty message box edits your last one)',
          () => ctx.onEdit(entry)));
    }
    item.append(actions);
  }
  return item;
}
