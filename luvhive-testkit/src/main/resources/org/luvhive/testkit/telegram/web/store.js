// What the page knows: users, every chat's messages, the bot's commands. Filled from the
// event stream: a snapshot first, then one event per change. A message change carries a
// version; an older version than the one held is ignored, so a late event never undoes a
// newer snapshot.

export class Store {
  constructor() {
    this.users = new Map();      // user id -> User object plus "blocked"
    this.chats = new Map();      // chat id -> Map(message id -> entry {version, from_bot, message, reply_markup, reactions})
    this.versions = new Map();   // "chat:message" -> version seen, deletions included
    this.commands = [];
    this.bot = null;
    this.listeners = new Set();
  }

  onChange(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(change) {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (e) {
        console.error('store listener failed', e);
      }
    }
  }

  apply(event) {
    switch (event.type) {
      case 'snapshot': return this.applySnapshot(event);
      case 'message': return this.applyMessage(event);
      case 'user': return this.putUser(event.user);
      case 'commands':
        this.commands = event.commands || [];
        return this.emit({kind: 'commands'});
      case 'callback_answer':
        return this.emit({kind: 'callback_answer', chatId: event.chat_id, queryId: event.callback_query_id,
          answer: event.answer});
      case 'chat_action':
        return this.emit({kind: 'chat_action', chatId: event.chat_id, action: event.action});
      default:
        return undefined;
    }
  }

  applySnapshot(snapshot) {
    this.bot = snapshot.bot;
    this.commands = snapshot.commands || [];
    this.users.clear();
    this.chats.clear();
    this.versions.clear();
    for (const entry of snapshot.users) {
      this.users.set(entry.user.id, entry.user);
      const chat = this.chat(entry.user.id);
      for (const message of entry.messages) {
        chat.set(message.message.message_id, message);
        this.versions.set(`${entry.user.id}:${message.message.message_id}`, message.version);
      }
    }
    this.emit({kind: 'reset'});
  }

  applyMessage(event) {
    const messageId = event.deleted ? event.message_id : event.entry.message.message_id;
    const version = event.deleted ? event.version : event.entry.version;
    const key = `${event.chat_id}:${messageId}`;
    if ((this.versions.get(key) || 0) >= version) {
      return;
    }
    this.versions.set(key, version);
    const chat = this.chat(event.chat_id);
    if (event.deleted) {
      chat.delete(messageId);
      this.emit({kind: 'message', chatId: event.chat_id, messageId, entry: null});
    } else {
      chat.set(messageId, event.entry);
      this.emit({kind: 'message', chatId: event.chat_id, messageId, entry: event.entry});
    }
  }

  putUser(user) {
    const known = this.users.has(user.id);
    this.users.set(user.id, user);
    this.chat(user.id);
    this.emit({kind: 'user', user, added: !known});
  }

  chat(chatId) {
    if (!this.chats.has(chatId)) {
      this.chats.set(chatId, new Map());
    }
    return this.chats.get(chatId);
  }

  /** A chat's messages in order (message ids increase through a chat). */
  entries(chatId) {
    return [...this.chat(chatId).values()].sort((a, b) => a.message.message_id - b.message.message_id);
  }

  entry(chatId, messageId) {
    return this.chat(chatId).get(messageId);
  }

  /** Users in the order they were added. */
  userList() {
    return [...this.users.values()].sort((a, b) => a.id - b.id);
  }
}
