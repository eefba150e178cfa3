// The web client: one WebSocket in the gateway's JSON subprotocol, output rendered from the world's
// markup into DOM text nodes only (never innerHTML: a player's words are data, never markup or code),
// and a session that survives lost connections: the client keeps its resume token and the number of
// the last output it showed, reconnects on its own, and is sent exactly what it missed.
'use strict';

(() => {
  const PROTOCOL = 'v1.json.mud-backbone.org';
  const SCROLLBACK = 2000; // lines kept on the page
  const COLOURS = new Set(['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white',
    'bright-black', 'bright-red', 'bright-green', 'bright-yellow', 'bright-blue', 'bright-magenta',
    'bright-cyan', 'bright-white']);
  const EMPHASIS = new Set(['bold', 'underline', 'italic']);
  const RGB = /^#[0-9a-fA-F]{6}$/;
  const END = {};

  const $ = (id) => document.getElementById(id);
  const output = $('output');
  const form = $('command');
  const lineInput = $('line');
  const secretInput = $('secret');
  const state = $('state');

  let socket = null;
  let ready = false;
  let ended = false;
  let retry = null;
  let backoff = 500;
  let token = sessionStorage.getItem('mud.token');
  let lastSeq = Number(sessionStorage.getItem('mud.seq') ?? '-1');
  const waiting = []; // lines typed while not connected, sent once the session is back
  const history = [];
  let historyAt = 0;

  // ---- markup to DOM ----------------------------------------------------------------------

  function tag(body) {
    if (body === '/') return END;
    const colon = body.indexOf(':');
    const name = colon < 0 ? body : body.substring(0, colon);
    const arg = colon < 0 ? null : body.substring(colon + 1);
    const span = document.createElement('span');
    if (arg === null && COLOURS.has(name)) {
      span.className = 'c-' + name;
    } else if (arg === null && RGB.test(name)) {
      span.style.color = name; // CSSOM, allowed by the page's policy; the value matched #rrggbb
    } else if (arg === null && EMPHASIS.has(name)) {
      span.className = name;
    } else if (name === 'link' && arg) {
      span.className = 'link';
      span.setAttribute('role', 'link');
      span.tabIndex = 0;
      span.dataset.command = arg;
    } else {
      return null; // not a tag this client knows: shown as text, as the gateway's renderers do
    }
    return span;
  }

  function render(markup, kind) {
    const line = document.createElement('div');
    line.className = kind ? 'line ' + kind : 'line';
    const open = [line];
    let text = '';
    const flush = () => {
      if (text) open[open.length - 1].appendChild(document.createTextNode(text));
      text = '';
    };
    for (let i = 0; i < markup.length;) {
      const c = markup[i];
      if (c !== '{') { text += c; i++; continue; }
      if (markup[i + 1] === '{') { text += '{'; i += 2; continue; }
      const close = markup.indexOf('}', i + 1);
      const element = close < 0 ? null : tag(markup.substring(i + 1, close));
      if (element === null) { text += c; i++; continue; }
      flush();
      if (element === END) {
        if (open.length > 1) open.pop();
      } else {
        open[open.length - 1].appendChild(element);
        open.push(element);
      }
      i = close + 1;
    }
    flush();
    return line;
  }

  function show(markup, kind) {
    const atBottom = output.scrollHeight - output.scrollTop - output.clientHeight < 40;
    output.appendChild(render(markup, kind));
    while (output.childElementCount > SCROLLBACK) output.firstElementChild.remove();
    if (atBottom) output.scrollTop = output.scrollHeight;
  }

  const notice = (text) => show(text.replaceAll('{', '{{'), 'notice');

  // ---- the connection ---------------------------------------------------------------------

  function setState(name, text) {
    state.className = 'state ' + name;
    state.textContent = text || name;
  }

  function connect() {
    clearTimeout(retry);
    retry = null;
    if (socket) return;
    ended = false;
    setState('connecting');
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    const ws = new WebSocket(scheme + location.host + '/ws', [PROTOCOL]);
    socket = ws;
    ws.onopen = () => ws.send(JSON.stringify(token
      ? { type: 'resume', token: token, seq: lastSeq }
      : { type: 'hello', client: 'web' }));
    ws.onmessage = (event) => receive(JSON.parse(event.data));
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      ready = false;
      if (ended) {
        setState('offline', 'disconnected: press Enter to play again');
        return;
      }
      setState('offline', 'offline: reconnecting');
      retry = setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, 15000);
    };
  }

  function keep(newToken) {
    token = newToken;
    if (token) sessionStorage.setItem('mud.token', token); else sessionStorage.removeItem('mud.token');
  }

  function seen(seq) {
    if (typeof seq === 'number' && seq > lastSeq) {
      lastSeq = seq;
      sessionStorage.setItem('mud.seq', String(seq));
    }
  }

  function started() {
    ready = true;
    backoff = 500;
    setState('connected');
    while (waiting.length && socket) socket.send(JSON.stringify({ type: 'line', text: waiting.shift() }));
  }

  function receive(message) {
    switch (message.type) {
      case 'session':
        keep(message.token);
        lastSeq = -1;
        sessionStorage.setItem('mud.seq', '-1');
        started();
        break;
      case 'resumed':
        keep(message.token);
        started();
        break;
      case 'text':
        show(message.markup);
        seen(message.seq);
        break;
      case 'prompt':
        prompt(message.plain);
        seen(message.seq);
        break;
      case 'oob':
        status(message.package, message.data);
        seen(message.seq);
        break;
      case 'secret':
        askSecret(message.on);
        break;
      case 'closed':
        show(message.markup, 'notice');
        ended = true;
        keep(null);
        break;
      case 'error':
        if (message.code === 'resume-refused') {
          keep(null);
          if (waiting.length) notice('Not sent (the session had ended): ' + waiting.splice(0).join(' / '));
        }
        notice(message.message);
        break;
      default:
        break; // a message of a later version: nothing to do
    }
  }

  // ---- input ------------------------------------------------------------------------------

  function send(text, echo) {
    if (echo) show(text.replaceAll('{', '{{'), 'echo');
    if (ended) { connect(); waiting.push(text); return; }
    if (ready && socket) {
      socket.send(JSON.stringify({ type: 'line', text: text }));
    } else {
      waiting.push(text);
      if (echo) notice('(sent when the connection is back)');
    }
  }

  function prompt(text) {
    const trimmed = (text || '').trim();
    if (trimmed && trimmed !== '>') show(text.replaceAll('{', '{{'), 'prompt');
    (secretInput.hidden ? lineInput : secretInput).placeholder = trimmed;
  }

  function askSecret(on) {
    secretInput.hidden = !on;
    lineInput.hidden = on;
    (on ? secretInput : lineInput).focus();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!secretInput.hidden) {
      send(secretInput.value, false); // never echoed, never kept in history
      secretInput.value = '';
      return;
    }
    const text = lineInput.value;
    lineInput.value = '';
    if (text && history[history.length - 1] !== text) history.push(text);
    if (history.length > 200) history.shift();
    historyAt = history.length;
    send(text, true);
  });

  lineInput.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowUp' && historyAt > 0) {
      lineInput.value = history[--historyAt];
      event.preventDefault();
    } else if (event.key === 'ArrowDown' && historyAt < history.length) {
      historyAt++;
      lineInput.value = historyAt < history.length ? history[historyAt] : '';
      event.preventDefault();
    }
  });

  function follow(event) {
    const link = event.target.closest('.link');
    if (!link || (event.type === 'keydown' && event.key !== 'Enter')) return;
    event.preventDefault();
    send(link.dataset.command, true);
    lineInput.focus();
  }
  output.addEventListener('click', follow);
  output.addEventListener('keydown', follow);

  // ---- the status area, fed by GMCP -------------------------------------------------------

  function gauge(id, value, max) {
    if (typeof value !== 'number' || typeof max !== 'number') return;
    $(id).max = max;
    $(id).value = value;
    $(id + '-text').textContent = value + ' / ' + max;
  }

  function status(pkg, data) {
    if (pkg === 'Char.Vitals' && data) {
      gauge('hp', data.hp, data.maxhp);
      gauge('mp', data.mp, data.maxmp);
    } else if (pkg === 'Room.Info' && data) {
      $('room-name').textContent = String(data.name ?? '-');
      const exits = $('exits');
      exits.replaceChildren();
      for (const exit of Object.keys(data.exits || {})) {
        exits.appendChild(render('{link:' + exit.replace(/[{}]/g, '') + '}' + exit.replaceAll('{', '{{') + '{/}'));
      }
      exits.querySelectorAll('.line').forEach((line) => { line.className = 'line exit'; });
    }
  }
  $('exits').addEventListener('click', follow);

  // ---- reconnecting at once when the network or the page comes back ----------------------

  window.addEventListener('online', () => { if (!socket && !ended) connect(); });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && !socket && !ended) connect();
  });

  connect();
})();
