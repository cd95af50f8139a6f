// One simulated user's chat with the bot, drawn like a Telegram client: header, messages,
// the bot's reply keyboard, and a composer with attachments, replies and edits.

import {button, el} from './dom.js';
import {renderMessage, summary} from './message-view.js';

const ATTACHMENTS = [
  ['photo', '🖼 Photo'], ['video', '🎬 Video'], ['voice', '🎤 Voice message'], ['video_note', '⏺ Video message'],
  ['audio', '🎵 Audio'], ['document', '📄 Document'], ['sticker', '🙂 Sticker'], ['animation', '🎞 GIF'],
  ['location', '📍 Location'], ['contact', '👤 Contact'],
];
const AVATAR_COLOURS = ['#e17076', '#7bc862', '#65aadd', '#a695e7', '#ee7aae', '#6ec9cb', '#faa774'];

export class ChatPanel {
  constructor(page, user) {
    this.page = page;
    this.api = page.api;
    this.store = page.store;
    this.user = user;
    this.mode = null;            // {kind: 'reply'|'edit', entry}
    this.pendingQueries = new Map();
    this.typingTimer = null;
    this.build();
    this.renderAll();
  }

  get userId() {
    return this.user.id;
  }

  /** Puts the keyboard focus where this user acts next: START, or the message box. */
  focus() {
    (this.startBar.hidden ? this.input : this.startBar.querySelector('button')).focus();
  }

  build() {
    const root = el('section', 'chat');
    root.dataset.userId = this.user.id;
    root.dataset.userName = this.user.first_name;
    root.setAttribute('aria-label', `Chat of ${this.user.first_name}`);

    const head = el('header', 'chat-head');
    const avatar = el('span', 'avatar', this.user.first_name.slice(0, 1).toUpperCase());
    avatar.style.background = AVATAR_COLOURS[this.user.id % AVATAR_COLOURS.length];
    const names = el('div', 'names');
    this.title = el('strong', 'name', this.user.first_name);
    this.subtitle = el('span', 'muted subtitle');
    names.append(this.title, this.subtitle);
    this.blockButton = button('ghost block-toggle', '', 'Block or unblock the bot as this user');
    this.blockButton.addEventListener('click', () => this.toggleBlock());
    head.append(avatar, names, this.blockButton);

    this.list = el('ol', 'messages');
    this.atEnd = true;
    this.list.addEventListener('scroll', () => {
      this.atEnd = this.isNearEnd();
    });
    this.list.setAttribute('role', 'log');
    this.list.setAttribute('aria-label', `Messages of ${this.user.first_name}`);
    this.notice = el('div', 'chat-notice');
    this.notice.hidden = true;
    this.notice.setAttribute('role', 'alert');

    this.modeBar = el('div', 'mode-bar');
    this.modeBar.hidden = true;
    this.modeLabel = el('span', 'mode-label');
    const cancel = button('ghost', '✕', 'Cancel (Esc)');
    cancel.addEventListener('click', () => this.setMode(null));
    this.modeBar.append(this.modeLabel, cancel);

    this.replyKeyboard = el('div', 'reply-keyboard');
    this.replyKeyboard.hidden = true;

    this.startBar = el('div', 'start-bar');
    const start = button('primary start', 'START', 'Open the bot: sends /start, as Telegram does');
    start.addEventListener('click', () => this.send({command: 'start'}));
    this.startBar.append(start);

    this.blockedBar = el('div', 'blocked-bar');
    const unblock = button('primary unblock', 'UNBLOCK BOT', 'Unblock: Telegram then sends /start');
    unblock.addEventListener('click', () => this.setBlocked(false));
    this.blockedBar.append(el('span', 'muted', `${this.user.first_name} blocked the bot.`), unblock);

    this.composer = el('form', 'composer');
    this.menuButton = button('ghost commands-button', '☰', "The bot's commands");
    this.menuButton.addEventListener('click', () => this.toggle(this.commandsMenu));
    this.attachButton = button('ghost attach', '📎', 'Attach: photo, video, voice, sticker, document, location, contact');
    this.attachButton.addEventListener('click', () => this.toggle(this.attachMenu));
    this.input = el('textarea', 'input');
    this.input.rows = 1;
    this.input.placeholder = 'Message';
    this.input.setAttribute('aria-label', `Message from ${this.user.first_name}`);
    this.input.addEventListener('keydown', (event) => this.onKey(event));
    this.input.addEventListener('input', () => this.fitInput());
    const send = button('send primary', '➤', 'Send (Enter)');
    send.type = 'submit';
    this.composer.append(this.menuButton, this.attachButton, this.input, send);
    this.composer.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });

    this.attachMenu = el('div', 'popup attach-menu');
    this.attachMenu.hidden = true;
    for (const [kind, label] of ATTACHMENTS) {
      const item = button('popup-item', label);
      item.dataset.kind = kind;
      item.addEventListener('click', () => this.attach(kind));
      this.attachMenu.append(item);
    }
    this.commandsMenu = el('div', 'popup commands-menu');
    this.commandsMenu.hidden = true;

    const bottom = el('div', 'chat-bottom');
    bottom.append(this.attachMenu, this.commandsMenu, this.modeBar, this.replyKeyboard, this.startBar,
        this.blockedBar, this.composer);
    root.append(head, this.notice, this.list, bottom);
    root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        this.attachMenu.hidden = true;
        this.commandsMenu.hidden = true;
        this.setMode(null);
      }
    });
    this.root = root;
  }

  /** Redraws everything from the store (after a snapshot). */
  renderAll() {
    this.list.replaceChildren();
    for (const entry of this.store.entries(this.userId)) {
      this.list.append(this.render(entry));
    }
    this.renderCommands();
    this.refreshState();
    this.scrollToEnd();
  }

  render(entry) {
    return renderMessage(entry, {
      botApi: this.api,
      onReply: (target) => this.setMode({kind: 'reply', entry: target}),
      onEdit: (target) => this.setMode({kind: 'edit', entry: target}),
      onPress: (target, data, element) => this.press(target, data, element),
      onPay: (target, element) => this.pay(target, element),
      onCommand: (command) => this.send({text: command}),
      onShow: (messageId) => this.show(messageId),
      lookup: (messageId) => this.store.entry(this.userId, messageId),
      onMediaLoaded: () => {
        if (this.atEnd) {
          this.scrollToEnd();
        }
      },
    });
  }

  /** A message was added, changed or deleted. */
  messageChanged(messageId, entry) {
    const existing = this.list.querySelector(`li[data-message-id="${messageId}"]`);
    if (!entry) {
      existing?.remove();
      this.refreshState();
      return;
    }
    const nearEnd = this.atEnd || this.isNearEnd();
    const item = this.render(entry);
    if (existing) {
      existing.replaceWith(item);
      this.redrawRepliesTo(messageId);
    } else {
      const after = [...this.list.children].find((child) => Number(child.dataset.messageId) > messageId);
      this.list.insertBefore(item, after || null);
      if (entry.from_bot) {
        clearTimeout(this.typingTimer);
        this.subtitle.classList.remove('active');
      }
    }
    this.refreshState();
    if (!existing && (nearEnd || !entry.from_bot)) {
      this.scrollToEnd();
    }
  }

  /** Replies quote the message as it is now, so an edit redraws them too. */
  redrawRepliesTo(messageId) {
    for (const reply of this.store.entries(this.userId)) {
      if (reply.message.reply_to_message?.message_id === messageId) {
        this.list.querySelector(`li[data-message-id="${reply.message.message_id}"]`)?.replaceWith(this.render(reply));
      }
    }
  }

  userChanged(user) {
    this.user = user;
    this.refreshState();
  }

  callbackAnswered(queryId, answer) {
    const element = this.pendingQueries.get(queryId);
    this.pendingQueries.delete(queryId);
    element?.classList.remove('pending');
    if (answer.text) {
      this.showNotice(answer.text, answer.show_alert);
    }
    if (answer.url) {
      this.showNotice(`The bot opens ${answer.url}`, false);
    }
  }

  chatAction(action) {
    this.subtitle.textContent = action === 'typing' ? 'typing…' : `${action.replaceAll('_', ' ')}…`;
    this.subtitle.classList.add('active');
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => {
      this.subtitle.classList.remove('active');
      this.subtitle.textContent = this.subtitleText();
    }, 5000);
  }

  subtitleText() {
    return `id ${this.user.id} · ${this.user.language_code || 'no language'}`;
  }

  refreshState() {
    const blocked = Boolean(this.user.blocked);
    const empty = this.list.children.length === 0;
    this.root.classList.toggle('blocked', blocked);
    this.blockButton.textContent = blocked ? 'Unblock' : 'Block';
    this.blockedBar.hidden = !blocked;
    this.startBar.hidden = blocked || !empty;
    this.composer.hidden = blocked || empty;
    if (!this.subtitle.classList.contains('active')) {
      this.subtitle.textContent = this.subtitleText();
    }
    this.renderReplyKeyboard();
  }

  renderCommands() {
    const commands = this.store.commands;
    this.menuButton.hidden = commands.length === 0;
    this.commandsMenu.replaceChildren();
    for (const command of commands) {
      const item = button('popup-item command-item');
      item.dataset.command = command.command;
      item.append(el('strong', '', `/${command.command}`), el('span', 'muted', command.description));
      item.addEventListener('click', () => {
        this.commandsMenu.hidden = true;
        this.send({text: `/${command.command}`});
      });
      this.commandsMenu.append(item);
    }
  }

  /** The newest reply keyboard the bot sent, unless a later message removed it or it was used once. */
  renderReplyKeyboard() {
    let markup = null;
    for (const entry of this.store.entries(this.userId)) {
      if (!entry.from_bot || !entry.reply_markup) {
        continue;
      }
      if (entry.reply_markup.keyboard) {
        markup = entry.reply_markup;
      } else if (entry.reply_markup.remove_keyboard) {
        markup = null;
      }
    }
    this.replyKeyboard.replaceChildren();
    this.replyKeyboard.hidden = !markup || this.usedOnce === markup;
    if (!markup || this.usedOnce === markup) {
      return;
    }
    for (const row of markup.keyboard) {
      const line = el('div', 'keyboard-row');
      for (const key of row) {
        const label = typeof key === 'string' ? key : key.text;
        const element = button('reply-key', label);
        element.addEventListener('click', () => {
          if (markup.one_time_keyboard) {
            this.usedOnce = markup;
          }
          this.send({text: label});
        });
        line.append(element);
      }
      this.replyKeyboard.append(line);
    }
  }

  onKey(event) {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      this.submit();
    } else if (event.key === 'ArrowUp' && this.input.value === '' && !this.mode) {
      const own = this.store.entries(this.userId).filter((entry) => !entry.from_bot && entry.message.text !== undefined);
      if (own.length > 0) {
        event.preventDefault();
        this.setMode({kind: 'edit', entry: own[own.length - 1]});
      }
    }
  }

  fitInput() {
    this.input.style.height = 'auto';
    this.input.style.height = `${Math.min(this.input.scrollHeight, 140)}px`;
    this.input.style.overflowY = this.input.scrollHeight > 140 ? 'auto' : 'hidden';
  }

  setMode(mode) {
    this.mode = mode;
    this.modeBar.hidden = !mode;
    this.root.querySelectorAll('li.msg.targeted').forEach((item) => item.classList.remove('targeted'));
    if (!mode) {
      if (this.input.dataset.editing) {
        this.input.value = '';
        delete this.input.dataset.editing;
      }
      return;
    }
    const text = summary(mode.entry.message);
    this.modeLabel.textContent = `${mode.kind === 'reply' ? 'Reply to' : 'Edit'}: ${text.slice(0, 80)}`;
    this.modeBar.dataset.kind = mode.kind;
    this.list.querySelector(`li[data-message-id="${mode.entry.message.message_id}"]`)?.classList.add('targeted');
    if (mode.kind === 'edit') {
      this.input.value = mode.entry.message.text;
      this.input.dataset.editing = 'true';
    }
    this.fitInput();
    this.input.focus();
  }

  async submit() {
    const text = this.input.value;
    if (text.trim() === '') {
      return;
    }
    const mode = this.mode;
    this.input.value = '';
    delete this.input.dataset.editing;
    this.fitInput();
    this.setMode(null);
    try {
      if (mode?.kind === 'edit') {
        await this.api.edit(this.userId, mode.entry.message.message_id, text);
      } else if (mode?.kind === 'reply') {
        await this.api.send(this.userId, {text, reply_to_message_id: mode.entry.message.message_id});
      } else {
        await this.api.send(this.userId, {text});
      }
    } catch (e) {
      this.input.value = text;
      this.page.toast(`${this.user.first_name}: ${e.message}`, 'error');
    }
  }

  async send(payload) {
    try {
      await this.api.send(this.userId, payload);
    } catch (e) {
      this.page.toast(`${this.user.first_name}: ${e.message}`, 'error');
    }
  }

  attach(kind) {
    this.attachMenu.hidden = true;
    if (kind === 'location') {
      const jitter = () => (Math.random() - 0.5) / 50;
      return this.send({location: {latitude: 52.52 + jitter(), longitude: 13.405 + jitter()}});
    }
    if (kind === 'contact') {
      const digits = String(this.user.id).padStart(7, '0').slice(-7);
      return this.send({contact: {phone_number: `+49 30 ${digits}`, first_name: this.user.first_name}});
    }
    const caption = this.input.value.trim();
    this.input.value = '';
    this.fitInput();
    return this.send({media: kind, caption: caption || null});
  }

  async press(entry, data, element) {
    element.classList.add('pending');
    try {
      const result = await this.api.press(this.userId, entry.message.message_id, data);
      this.pendingQueries.set(result.callback_query_id, element);
      setTimeout(() => element.classList.remove('pending'), 15000);
    } catch (e) {
      element.classList.remove('pending');
      this.page.toast(`${this.user.first_name}: ${e.message}`, 'error');
    }
  }

  async pay(entry, element) {
    element.disabled = true;
    element.classList.add('pending');
    try {
      const outcome = await this.api.pay(this.userId, entry.message.message_id);
      const text = outcome.status === 'PAID' ? 'Payment done: the bot accepted it.'
        : outcome.status === 'DECLINED' ? `The bot declined: ${outcome.error_message || 'no reason given'}`
          : 'The bot did not answer the pre-checkout query in time.';
      this.showNotice(text, outcome.status !== 'PAID');
    } catch (e) {
      this.page.toast(`${this.user.first_name}: ${e.message}`, 'error');
    } finally {
      element.disabled = false;
      element.classList.remove('pending');
    }
  }

  async toggleBlock() {
    await this.setBlocked(!this.user.blocked);
  }

  async setBlocked(blocked) {
    try {
      await this.api.block(this.userId, blocked);
    } catch (e) {
      this.page.toast(`${this.user.first_name}: ${e.message}`, 'error');
    }
  }

  showNotice(text, alert) {
    this.notice.textContent = text;
    this.notice.classList.toggle('alert', Boolean(alert));
    this.notice.hidden = false;
    clearTimeout(this.noticeTimer);
    if (alert) {
      const ok = button('primary', 'OK');
      ok.addEventListener('click', () => {
        this.notice.hidden = true;
      });
      this.notice.append(ok);
      ok.focus();
    } else {
      this.noticeTimer = setTimeout(() => {
        this.notice.hidden = true;
      }, 4000);
    }
  }

  show(messageId) {
    const item = this.list.querySelector(`li[data-message-id="${messageId}"]`);
    if (item) {
      item.scrollIntoView({block: 'center', behavior: 'smooth'});
      item.classList.add('flash');
      setTimeout(() => item.classList.remove('flash'), 1200);
    }
  }

  toggle(popup) {
    const open = popup.hidden;
    this.attachMenu.hidden = true;
    this.commandsMenu.hidden = true;
    popup.hidden = !open;
    if (open) {
      popup.querySelector('button')?.focus();
    }
  }

  isNearEnd() {
    return this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 80;
  }

  /** Instantly: a smooth scroll's own scroll events would read as the user scrolling away. */
  scrollToEnd() {
    this.atEnd = true;
    requestAnimationFrame(() => {
      this.list.scrollTop = this.list.scrollHeight;
    });
  }
}
