// The page: picks the emulated bot, follows its event stream, and shows one chat panel per
// simulated user. Extensions named by /sim/ui are imported and given the page to add
// panels of their own (the LuvHive sandbox adds its operator panel and guide this way).

import {BotApi, sim} from './api.js';
import {Store} from './store.js';
import {ChatPanel} from './chat-panel.js';

const NAMES = ['Alice', 'Bob', 'Carol', 'Dave', 'Erin', 'Frank', 'Grace', 'Heidi', 'Ivan', 'Judy', 'Mallory',
  'Niaj', 'Olivia', 'Peggy', 'Rupert', 'Sybil', 'Trent', 'Victor', 'Walter'];

/** What extensions get: the API, the store, the page's regions and a few helpers. */
class Page {
  constructor(bot) {
    this.bot = bot;
    this.api = new BotApi(bot.id);
    this.store = new Store();
    this.panels = new Map();
    this.regions = {
      guide: document.getElementById('guide'),
      side: document.getElementById('side'),
      chats: document.getElementById('chats'),
      welcome: document.getElementById('welcome'),
    };
    this.store.onChange((change) => this.onChange(change));
  }

  /** Adds users by first name (language "en" unless given), in order. */
  async addUsers(users) {
    const added = [];
    for (const user of users) {
      added.push(await this.api.addUser(user.first_name, user.language_code || 'en'));
    }
    return added;
  }

  /** The next unused names from the list, e.g. Alice and Bob for a fresh page. */
  nextNames(count) {
    const taken = new Set(this.store.userList().map((user) => user.first_name));
    const free = NAMES.filter((name) => !taken.has(name));
    const names = [];
    for (let index = 0; names.length < count; index++) {
      names.push(free[index] || `User ${this.store.users.size + names.length + 1}`);
    }
    return names;
  }

  panel(userId) {
    return this.panels.get(userId);
  }

  toast(text, kind = 'info') {
    const toast = document.createElement('div');
    toast.className = `toast ${kind}`;
    toast.textContent = text;
    document.getElementById('toasts').append(toast);
    setTimeout(() => toast.remove(), kind === 'error' ? 8000 : 4000);
  }

  onChange(change) {
    switch (change.kind) {
      case 'reset':
        for (const panel of this.panels.values()) {
          panel.root.remove();
        }
        this.panels.clear();
        this.store.userList().forEach((user) => this.addPanel(user));
        break;
      case 'user':
        if (this.panels.has(change.user.id)) {
          this.panels.get(change.user.id).userChanged(change.user);
        } else {
          this.addPanel(change.user).focus();
        }
        break;
      case 'message':
        this.panels.get(change.chatId)?.messageChanged(change.messageId, change.entry);
        break;
      case 'callback_answer':
        this.panels.get(change.chatId)?.callbackAnswered(change.queryId, change.answer);
        break;
      case 'chat_action':
        this.panels.get(change.chatId)?.chatAction(change.action);
        break;
      case 'commands':
        this.panels.forEach((panel) => panel.renderCommands());
        break;
      default:
        break;
    }
    this.regions.welcome.hidden = this.store.users.size > 0;
  }

  addPanel(user) {
    const panel = new ChatPanel(this, user);
    this.panels.set(user.id, panel);
    this.regions.chats.append(panel.root);
    return panel;
  }

  connect() {
    const status = document.getElementById('connection');
    const source = new EventSource(this.api.eventsUrl());
    source.onopen = () => {
      status.dataset.state = 'live';
      status.textContent = 'live';
    };
    source.onerror = () => {
      status.dataset.state = 'reconnecting';
      status.textContent = 'reconnecting…';
    };
    source.onmessage = (message) => this.store.apply(JSON.parse(message.data));
  }
}

async function waitForBot() {
  for (;;) {
    const bots = await sim.get('/bots');
    if (bots.length > 0) {
      const wanted = new URLSearchParams(location.search).get('bot');
      return bots.find((bot) => String(bot.id) === wanted) || bots[0];
    }
    document.getElementById('bot-name').textContent = 'waiting for a bot to call the API…';
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

function wireAddUser(page) {
  const dialog = document.getElementById('add-user-dialog');
  const form = document.getElementById('add-user-form');
  const open = () => {
    form.elements.first_name.value = page.nextNames(1)[0];
    dialog.showModal();
    form.elements.first_name.select();
  };
  document.getElementById('add-user').addEventListener('click', open);
  document.getElementById('add-one').addEventListener('click', open);
  document.getElementById('add-user-cancel').addEventListener('click', () => dialog.close());
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    dialog.close();
    try {
      await page.addUsers([{first_name: form.elements.first_name.value.trim() || page.nextNames(1)[0],
        language_code: form.elements.language_code.value}]);
    } catch (e) {
      page.toast(e.message, 'error');
    }
  });
  document.getElementById('add-two').addEventListener('click', () => page.addUsers(
      page.nextNames(2).map((name) => ({first_name: name}))).catch((e) => page.toast(e.message, 'error')));
  document.addEventListener('keydown', (event) => {
    if (event.altKey && (event.key === 'n' || event.key === 'N')) {
      event.preventDefault();
      open();
    }
  });
}

async function main() {
  const ui = await sim.get('/ui');
  const bot = await waitForBot();
  document.getElementById('bot-name').textContent = `@${bot.username}`;
  const page = new Page(bot);
  wireAddUser(page);
  for (const url of ui.extensions || []) {
    try {
      const extension = await import(url);
      await extension.install(page);
    } catch (e) {
      console.error(`extension ${url} failed`, e);
      page.toast(`The page extension ${url} failed: ${e.message}`, 'error');
    }
  }
  page.connect();
}

main().catch((e) => {
  document.getElementById('connection').textContent = `failed: ${e.message}`;
  console.error(e);
});
