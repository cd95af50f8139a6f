// The /sim control API, as the page uses it. Every call answers {ok, result} or throws an
// Error carrying the emulator's one-line description.

async function call(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : {'Content-Type': 'application/json'},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let json;
  try {
    json = await response.json();
  } catch (e) {
    throw new Error(`${method} ${path}: HTTP ${response.status}`);
  }
  if (!json.ok) {
    throw new Error(json.description || `${method} ${path}: HTTP ${response.status}`);
  }
  return json.result;
}

export const sim = {
  get: (path) => call('GET', `/sim${path}`),
  post: (path, body = {}) => call('POST', `/sim${path}`, body),
  del: (path) => call('DELETE', `/sim${path}`),
};

/** The calls for one bot: users, their actions, files, faults. */
export class BotApi {
  constructor(botId) {
    this.botId = botId;
    this.base = `/bots/${botId}`;
  }

  addUser(firstName, languageCode) {
    return sim.post(`${this.base}/users`, {first_name: firstName, language_code: languageCode});
  }

  send(userId, payload) {
    return sim.post(`${this.base}/users/${userId}/send`, payload);
  }

  edit(userId, messageId, text) {
    return sim.post(`${this.base}/users/${userId}/edit`, {message_id: messageId, text});
  }

  press(userId, messageId, callbackData) {
    return sim.post(`${this.base}/users/${userId}/press`, {message_id: messageId, callback_data: callbackData});
  }

  pay(userId, messageId) {
    return sim.post(`${this.base}/users/${userId}/pay`, {message_id: messageId});
  }

  block(userId, blocked) {
    return sim.post(`${this.base}/users/${userId}/${blocked ? 'block' : 'unblock'}`);
  }

  fileUrl(fileId) {
    return `/sim${this.base}/files/${encodeURIComponent(fileId)}`;
  }

  addFault(rule) {
    return sim.post(`${this.base}/faults`, rule);
  }

  clearFaults() {
    return sim.del(`${this.base}/faults`);
  }

  stats() {
    return sim.get(`${this.base}/stats`);
  }

  eventsUrl() {
    return `/sim${this.base}/events`;
  }
}
