// The LuvHive sandbox's additions to the emulator's page: a guide from "add two users" to
// "they chat", and the operator panel: the bot's /readyz, mode, limits, moderation level, queues,
// FloodWaits, alerts and runtime settings, with the CLI's actions and the emulator's fault buttons.

import {button, el} from '/ui/dom.js';

const REFRESH_MS = 1000;
const STORM = {duration_ms: 10000, error_code: 429, retry_after: 3};
const SENDS = ['sendMessage', 'copyMessage'];

function section(title, id) {
  const box = el('section', 'ops-section');
  box.id = id;
  box.append(el('h3', '', title));
  return box;
}

/** A panel section holding a table of figures; returns both. */
function figures(title, id) {
  const box = section(title, id);
  const table = el('table');
  box.append(table);
  return [box, table];
}

function row(table, label, value, id) {
  const line = el('tr');
  const cell = el('td', 'value', value);
  if (id) {
    cell.id = id;
  }
  line.append(el('th', '', label), cell);
  table.append(line);
  return cell;
}

function clock(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString();
}

function seconds(ms) {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** Texts the bot sends at the milestones the guide follows. */
const MILESTONES = {
  onboarded: "You're all set",
  matched: 'Partner found',
};

function has(store, userId, fragment) {
  return store.entries(userId).some((entry) => entry.from_bot && (entry.message.text || '').includes(fragment));
}

function chattedAfterMatch(store, userId) {
  let matched = false;
  for (const entry of store.entries(userId)) {
    if (entry.from_bot && (entry.message.text || '').includes(MILESTONES.matched)) {
      matched = true;
    } else if (matched && !entry.from_bot && !(entry.message.text || '').startsWith('/')) {
      return true;
    }
  }
  return false;
}

class Guide {
  constructor(page) {
    this.page = page;
    this.region = page.regions.guide;
    this.region.hidden = false;
    this.list = el('ol', 'guide-steps');
    const hide = button('ghost guide-hide', 'Hide guide');
    hide.addEventListener('click', () => {
      this.region.hidden = true;
    });
    this.region.append(el('strong', 'guide-title', 'Try it:'), this.list, hide);
    this.steps = [
      {text: 'Add two users', done: (users) => users.length >= 2, action: () => this.addTwo()},
      {text: 'Press START in both chats and answer the bot', title: 'Accept, pick a gender, type an age (18+), '
          + 'a country and a city, tap some interests, then Done', done: (users, store) => users.filter((user) =>
        has(store, user.id, MILESTONES.onboarded)).length >= 2},
      {text: 'Send /find in both chats', title: 'Tap /find in the bot\'s message, or pick it from ☰',
        done: (users, store) => users.filter((user) => has(store, user.id, MILESTONES.matched)).length >= 2},
      {text: 'Chat: text, 📎 a photo, ↩ reply, ✎ edit', title: 'Type in one panel and read it in the other: the bot '
          + 'relays every message anonymously', done: (users, store) => users.some((user) =>
        chattedAfterMatch(store, user.id))},
      {text: 'Then try /stop, report, /premium, a 429 storm', title: 'Rate or report after /stop; pay a premium '
          + 'pack with test Stars; watch the operator panel during the emulator\'s faults', done: () => false},
    ];
    page.store.onChange(() => this.render());
    this.render();
  }

  addTwo() {
    this.page.addUsers(this.page.nextNames(2).map((name) => ({first_name: name})))
      .catch((e) => this.page.toast(e.message, 'error'));
  }

  render() {
    const users = this.page.store.userList();
    this.list.replaceChildren();
    let current = false;
    this.steps.forEach((step, index) => {
      const done = step.done(users, this.page.store);
      const item = el('li', done ? 'done' : current ? 'todo' : 'current', step.text);
      if (step.title) {
        item.title = step.title;
      }
      item.dataset.step = index + 1;
      if (!done && !current) {
        current = true;
        if (step.action) {
          const go = button('primary small', 'Do it');
          go.addEventListener('click', step.action);
          item.append(' ', go);
        }
      }
      this.list.append(item);
    });
  }
}

class OperatorPanel {
  constructor(page) {
    this.page = page;
    this.side = page.regions.side;
    this.side.hidden = false;
    this.side.replaceChildren(el('h2', 'ops-title', 'Operator panel'));
    this.build();
    this.refresh();
    setInterval(() => this.refresh(), REFRESH_MS);
  }

  build() {
    const [bot, botTable] = figures('Bot', 'ops-bot');
    this.readiness = row(botTable, '/readyz', '…', 'ops-readiness');
    this.checks = row(botTable, 'checks', '');
    this.mode = row(botTable, 'mode', '…', 'ops-mode');
    const modes = el('div', 'ops-actions');
    this.pollingButton = button('secondary', 'Switch to polling', 'luvhive switch-mode polling');
    this.webhookButton = button('secondary', 'Switch to webhook', 'luvhive switch-mode webhook (to this bot\'s port)');
    this.pollingButton.dataset.mode = 'polling';
    this.webhookButton.dataset.mode = 'webhook';
    for (const choice of [this.pollingButton, this.webhookButton]) {
      choice.addEventListener('click', () => this.post('/sandbox/mode', {mode: choice.dataset.mode},
          `Switched to ${choice.dataset.mode}`));
      modes.append(choice);
    }
    bot.append(modes);

    const [limits, limitsTable] = figures('Limits', 'ops-limits');
    this.profile = row(limitsTable, 'profile', '…', 'ops-profile');
    this.limitsText = row(limitsTable, 'applied', '');
    this.limitsBy = row(limitsTable, 'set by', '');
    const choose = el('div', 'ops-actions');
    this.profileSelect = el('select');
    this.profileSelect.id = 'ops-profile-select';
    this.profileSelect.setAttribute('aria-label', 'Limits profile');
    const apply = button('secondary', 'Set profile', 'luvhive set-limits --profile …');
    apply.id = 'ops-profile-apply';
    apply.addEventListener('click', () => this.post('/sandbox/limits', {profile: this.profileSelect.value},
        `Limits set to ${this.profileSelect.value}`));
    choose.append(this.profileSelect, apply);
    limits.append(choose);

    const [moderation, moderationTable] = figures('Moderation', 'ops-moderation');
    this.strictness = row(moderationTable, 'strictness', '…', 'ops-strictness');
    this.strictnessBy = row(moderationTable, 'set by', '');
    const level = el('div', 'ops-actions');
    this.strictnessSelect = el('select');
    this.strictnessSelect.id = 'ops-strictness-select';
    this.strictnessSelect.setAttribute('aria-label', 'Moderation strictness');
    const setLevel = button('secondary', 'Set level', 'luvhive moderation strictness …');
    setLevel.id = 'ops-strictness-apply';
    setLevel.addEventListener('click', () => this.post('/sandbox/moderation', {level: this.strictnessSelect.value},
        `Moderation strictness set to ${this.strictnessSelect.value}`));
    level.append(this.strictnessSelect, setLevel);
    moderation.append(level);

    const [queues, queueTable] = figures('Queues', 'ops-queues');
    this.outbox = row(queueTable, 'outbox depth', '…', 'ops-outbox-depth');
    this.oldest = row(queueTable, 'oldest waiting', '');
    this.parked = row(queueTable, 'parked', '');
    this.inbox = row(queueTable, 'inbox waiting', '');

    const [floods, floodTable] = figures('FloodWaits', 'ops-floods');
    this.floodTotal = row(floodTable, 'since start', '…', 'ops-floodwaits');
    this.floodList = el('ol', 'ops-log');
    this.floodList.id = 'ops-floodwait-log';
    floods.append(this.floodList);

    const faults = section('Emulator faults', 'ops-faults');
    const faultButtons = el('div', 'ops-actions');
    const storm = button('danger', '429 storm (10 s)', 'Telegram answers every send with 429 retry_after 3 for 10 s');
    storm.id = 'ops-storm';
    storm.addEventListener('click', () => this.fault(SENDS.map((method) => ({method, ...STORM})),
        '429 storm: every send refused for 10 s'));
    const outage = button('danger', '5xx for 10 s', 'Telegram answers every call with 502 Bad Gateway for 10 s');
    outage.id = 'ops-outage';
    outage.addEventListener('click', () => this.fault([{duration_ms: 10000, error_code: 502}],
        'Telegram answers 502 to everything for 10 s'));
    const clear = button('secondary', 'Clear faults');
    clear.addEventListener('click', () => this.page.api.clearFaults().then(() => this.refresh()));
    faultButtons.append(storm, outage, clear);
    const emulatorTable = el('table');
    this.faultRules = row(emulatorTable, 'active fault rules', '…', 'ops-fault-rules');
    this.answered = row(emulatorTable, 'errors answered', '');
    faults.append(faultButtons, emulatorTable);

    const alerts = section('Alerts', 'ops-alerts');
    this.alertTable = el('table', 'alerts');
    alerts.append(this.alertTable);

    const settings = section('Runtime settings', 'ops-settings');
    settings.append(el('p', 'muted small', 'What the luvhive commands store and every bot follows within a second.'));
    this.settingsTable = el('table', 'settings');
    settings.append(this.settingsTable);

    this.error = el('p', 'ops-error');
    this.error.hidden = true;
    this.side.append(this.error, bot, limits, moderation, queues, floods, faults, alerts, settings);
  }

  async refresh() {
    if (this.loading) {
      return;
    }
    this.loading = true;
    try {
      const response = await fetch('/sandbox/state');
      const json = await response.json();
      if (!json.ok) {
        throw new Error(json.description);
      }
      this.error.hidden = true;
      this.render(json.result);
    } catch (e) {
      this.error.textContent = `The panel cannot read the bot: ${e.message}`;
      this.error.hidden = false;
    } finally {
      this.loading = false;
    }
  }

  render(state) {
    const ready = state.readiness;
    this.readiness.textContent = ready.status === 200 ? '● ready (200)'
      : ready.status === 0 ? `● unreachable: ${ready.error}` : `● not ready (${ready.status})`;
    this.readiness.dataset.state = ready.status === 200 ? 'ok' : 'bad';
    const checks = ready.body?.checks;
    this.checks.textContent = checks && typeof checks === 'object'
      ? Object.entries(checks).map(([name, check]) => `${name} ${check.ok ? 'ok' : `failed (${check.error})`}`
          + (check.latency_ms !== undefined ? ` ${check.latency_ms} ms` : '')).join(', ')
      : '';
    this.mode.textContent = state.mode.running === state.mode.stored ? state.mode.running
      : `${state.mode.running} (switching to ${state.mode.stored})`;
    this.pollingButton.disabled = state.mode.stored === 'polling';
    this.webhookButton.disabled = state.mode.stored === 'webhook';

    this.profile.textContent = state.limits.profile;
    this.limitsText.textContent = state.limits.applied;
    this.limitsBy.textContent = state.limits.updated_by
      ? `${state.limits.updated_by}, ${clock(state.limits.updated_at)}` : 'defaults';
    if (this.profileSelect.options.length === 0) {
      for (const profile of state.limits.profiles) {
        const option = el('option', '', profile);
        option.value = profile;
        this.profileSelect.append(option);
      }
      this.profileSelect.value = state.limits.profiles.includes(state.limits.profile) ? state.limits.profile : 'normal';
    }

    const strictness = state.moderation;
    this.strictness.textContent = !strictness.applied || strictness.applied === strictness.level ? strictness.level
      : `${strictness.applied} (switching to ${strictness.level})`;
    this.strictnessBy.textContent = strictness.updated_by
      ? `${strictness.updated_by}, ${clock(strictness.updated_at)}` : 'default';
    if (this.strictnessSelect.options.length === 0) {
      for (const code of strictness.levels) {
        const option = el('option', '', code);
        option.value = code;
        this.strictnessSelect.append(option);
      }
      this.strictnessSelect.value = strictness.level;
    }

    this.outbox.textContent = state.queues.outbox_depth;
    this.oldest.textContent = state.queues.outbox_depth > 0 ? seconds(state.queues.outbox_oldest_ms) : '–';
    this.parked.textContent = state.queues.outbox_parked;
    this.inbox.textContent = state.queues.inbox_waiting;

    this.floodTotal.textContent = state.floodwaits.total;
    this.floodTotal.dataset.state = state.floodwaits.total > 0 ? 'bad' : 'ok';
    this.floodList.replaceChildren(...state.floodwaits.recent.map((line) => el('li', '',
        `${clock(line.time)} ${line.method} chat ${line.chat}: retry after ${line.retry_after} s (${line.scope})`)));

    this.faultRules.textContent = state.emulator.fault_rules;
    this.answered.textContent = `${state.emulator.http_429} × 429, ${state.emulator.http_5xx} × 5xx`;

    this.alertTable.replaceChildren(...state.alerts.map((alert) => {
      const line = el('tr');
      line.dataset.alert = alert.alert;
      line.dataset.state = alert.state;
      line.append(el('th', '', alert.title), el('td', '', `${alert.value ?? ''} / ${alert.threshold ?? ''}`),
          el('td', `state ${alert.state === 'FIRING' ? 'bad' : 'ok'}`, alert.state));
      return line;
    }));
    if (state.alerts.length === 0) {
      this.alertTable.replaceChildren(el('tr', '', 'No evaluation yet (every 5 s).'));
    }

    this.settingsTable.replaceChildren(...state.settings.map((setting) => {
      const line = el('tr');
      line.dataset.key = setting.key;
      const value = setting.value.length > 48 ? `${setting.value.slice(0, 48)}…` : setting.value;
      line.append(el('th', '', setting.key), el('td', 'value', value));
      line.title = `${setting.value}\nset by ${setting.updated_by}, ${setting.updated_at}`;
      return line;
    }));
    if (state.settings.length === 0) {
      this.settingsTable.replaceChildren(el('tr', 'muted', 'None stored yet: the configuration applies.'));
    }
  }

  async post(path, body, done) {
    try {
      const response = await fetch(path, {method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify(body)});
      const json = await response.json();
      if (!json.ok) {
        throw new Error(json.description);
      }
      this.page.toast(done);
      this.refresh();
    } catch (e) {
      this.page.toast(e.message, 'error');
    }
  }

  async fault(rules, done) {
    try {
      for (const rule of rules) {
        await this.page.api.addFault(rule);
      }
      this.page.toast(done);
      this.refresh();
    } catch (e) {
      this.page.toast(e.message, 'error');
    }
  }
}

export function install(page) {
  document.title = 'LuvHive sandbox';
  document.getElementById('title').textContent = 'LuvHive sandbox';
  const stylesheet = el('link');
  stylesheet.rel = 'stylesheet';
  stylesheet.href = '/sandbox/sandbox.css';
  document.head.append(stylesheet);
  const welcome = page.regions.welcome;
  welcome.querySelector('h2').textContent = 'Two strangers, one screen';
  welcome.querySelector('p').textContent = 'You play both: each user gets a Telegram-like chat with the real LuvHive '
      + 'bot. Press START in both chats, answer the bot, send /find in both, and they meet anonymously.';
  new Guide(page);
  new OperatorPanel(page);
}
