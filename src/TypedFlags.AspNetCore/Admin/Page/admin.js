// The TypedFlags admin page: plain JavaScript over the admin API next to it (api/...), no build step, no CDN.
// Every text from the server goes in through textContent, never as HTML.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const state = { flags: [], revision: -1, selected: null, polling: false };

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (name === 'class') node.className = value; else if (name === 'text') node.textContent = value; else node.setAttribute(name, value);
    }
    for (const child of children) node.append(child);
    return node;
  }

  function contextQuery() {
    const query = new URLSearchParams();
    const user = $('context-user').value.trim();
    const tenant = $('context-tenant').value.trim();
    if (user) query.set('user', user);
    if (tenant) query.set('tenant', tenant);
    const text = query.toString();
    return text ? '?' + text : '';
  }

  function showError(message) {
    const box = $('error');
    box.textContent = message || '';
    box.hidden = !message;
  }

  async function load() {
    const response = await fetch('api/flags' + contextQuery(), { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (!response.ok) { showError('Could not load the flags (' + response.status + ').'); return; }
    const body = await response.json();
    state.flags = body.flags;
    state.revision = body.revision;
    $('store').textContent = 'Store ' + body.store + ', revision ' + body.revision;
    render();
    if (state.selected) await showPanel(state.selected, false);
  }

  function isKilled(flag) {
    const o = flag.override;
    return !!o && /^kill(ed)?$/i.test(o.State || o.Value || '');
  }

  function overrideText(o) {
    if (!o) return 'none';
    const parts = [];
    if (o.Value != null) parts.push('value ' + o.Value);
    if (o.State != null) parts.push('state ' + o.State);
    if (o.Rollout != null) parts.push('rollout ' + o.Rollout);
    if (o.Targets && o.Targets.length) parts.push(o.Targets.length + ' target(s)');
    if (o.Allow && o.Allow.length) parts.push('allow ' + o.Allow.join(', '));
    if (o.Deny && o.Deny.length) parts.push('deny ' + o.Deny.join(', '));
    if (o.Expires != null) parts.push('until ' + o.Expires);
    return parts.join('; ');
  }

  function render() {
    const term = $('search').value.trim().toLowerCase();
    const body = $('flags').tBodies[0];
    body.replaceChildren();
    for (const flag of state.flags) {
      const haystack = [flag.key, flag.description, flag.owner, flag.kind].join(' ').toLowerCase();
      if (term && !haystack.includes(term)) continue;
      const badges = el('td', {}, el('span', { class: 'badge badge-' + flag.status, text: flag.status.replace('-', ' ') }));
      if (isKilled(flag)) badges.append(' ', el('span', { class: 'badge badge-killed', text: 'killed' }));
      const open = el('button', { type: 'button', 'data-open': flag.key, 'aria-label': 'Change ' + flag.key, text: 'Change' });
      open.addEventListener('click', () => showPanel(flag.key, true));
      body.append(el('tr', { 'data-key': flag.key },
        el('td', {}, el('code', { text: flag.key }), el('div', { class: 'muted', text: flag.description })),
        badges,
        el('td', { 'data-effective': flag.key }, el('code', { text: String(flag.effective.value) }), el('div', { class: 'muted', text: flag.effective.reason })),
        el('td', { 'data-override': flag.key, text: overrideText(flag.override) }),
        el('td', {}, open)));
    }
  }

  function current() { return state.flags.find((f) => f.key === state.selected); }

  async function showPanel(key, focus) {
    state.selected = key;
    const flag = current();
    if (!flag) return;
    const panel = $('panel');
    panel.hidden = false;
    $('panel-title').textContent = flag.key;
    $('panel-description').textContent = flag.description;
    const facts = $('panel-facts');
    facts.replaceChildren();
    for (const [label, value] of [['Type', flag.type], ['Kind', flag.kind], ['Owner', flag.owner], ['Phase', flag.phase], ['Created', flag.created], ['Expires', flag.expires], ['Launched', flag.launched], ['Status', flag.status], ['Override', overrideText(flag.override)], ['Revision', flag.revision]]) {
      if (value == null) continue;
      facts.append(el('dt', { text: label }), el('dd', { text: String(value) }));
    }
    const bool = flag.type === 'bool';
    $('toggle-group').hidden = !bool;
    $('value-other').hidden = bool;
    $('rollout-group').hidden = !bool;
    const targets = $('targets');
    targets.replaceChildren();
    for (const t of (flag.override && flag.override.Targets) || []) {
      const remove = el('button', { type: 'button', 'aria-label': 'Remove target ' + t.Target, text: 'Remove' });
      remove.addEventListener('click', () => change('DELETE', 'targets/' + encodeURIComponent(t.Target)));
      targets.append(el('li', {}, el('code', { text: t.Target }), ' → ' + (t.Value ?? t.State) + (t.Expires ? ' until ' + t.Expires : '') + ' ', remove));
    }
    await loadHistory(key);
    if (focus) panel.focus();
  }

  function diffLines(before, after) {
    const list = el('ul', { class: 'diff' });
    const keys = new Set([...Object.keys(before || {}), ...Object.keys(after || {})]);
    for (const key of keys) {
      const was = before && before[key] !== undefined ? JSON.stringify(before[key]) : null;
      const now = after && after[key] !== undefined ? JSON.stringify(after[key]) : null;
      if (was === now) continue;
      const item = el('li', {}, key + ': ');
      if (was !== null) item.append(el('span', { class: 'was', text: was }), ' ');
      item.append(el('span', { class: 'now', text: now === null ? '(removed)' : now }));
      list.append(item);
    }
    if (!after) list.append(el('li', { text: 'override removed' }));
    return list;
  }

  async function loadHistory(key) {
    const response = await fetch('api/history?key=' + encodeURIComponent(key) + '&limit=50', { cache: 'no-store' });
    const list = $('history');
    list.replaceChildren();
    if (!response.ok) return;
    for (const entry of (await response.json()).entries) {
      const when = new Date(entry.timestamp).toLocaleString();
      list.append(el('li', { 'data-revision': String(entry.revision) },
        el('strong', { text: entry.actor }), ' — ' + entry.reason + ' ',
        el('span', { class: 'muted', text: '(' + when + ', revision ' + entry.revision + ')' }),
        diffLines(entry.before, entry.after)));
    }
  }

  async function change(method, suffix, fields) {
    const flag = current();
    if (!flag) return;
    const reason = $('reason').value.trim();
    if (!reason) {
      showError('Give a reason for the change.');
      $('reason').setAttribute('aria-invalid', 'true');
      $('reason').focus();
      return;
    }
    $('reason').removeAttribute('aria-invalid');
    const response = await fetch('api/flags/' + encodeURIComponent(flag.key) + (suffix ? '/' + suffix : ''), {
      method,
      headers: { 'Content-Type': 'application/json', 'If-Match': '"' + flag.revision + '"' },
      body: JSON.stringify(Object.assign({ reason }, fields || {})),
    });
    if (response.ok) {
      showError('');
      $('live').textContent = 'Saved ' + flag.key + '.';
      await load();
      return;
    }
    let message = 'The change failed (' + response.status + ').';
    try {
      const problem = await response.json();
      message = problem.detail || message;
      if (problem.errors) message = Object.entries(problem.errors).map(([field, texts]) => field + ': ' + texts.join(' ')).join(' ');
    } catch { /* not JSON */ }
    if (response.status === 412 || response.status === 409) message += ' The page was refreshed with the current state.';
    showError(message);
    await load();
  }

  async function poll() {
    if (state.polling || document.hidden) return;
    state.polling = true;
    try {
      const response = await fetch('api/revision', { cache: 'no-store' });
      if (response.ok) {
        const { revision } = await response.json();
        if (revision !== state.revision) {
          await load();
          $('live').textContent = 'Updated to revision ' + revision + '.';
        }
      }
    } catch { /* offline: try again on the next tick */ } finally {
      state.polling = false;
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('search').addEventListener('input', render);
    $('context-user').addEventListener('change', load);
    $('context-tenant').addEventListener('change', load);
    $('change').addEventListener('submit', (e) => e.preventDefault());
    for (const id of ['turn-on', 'turn-off']) $(id).addEventListener('click', (e) => change('POST', 'value', { value: e.currentTarget.dataset.value }));
    $('set-value').addEventListener('click', () => change('POST', 'value', { value: $('value').value }));
    $('set-rollout').addEventListener('click', () => change('POST', 'rollout', { rollout: $('rollout').value + '%' }));
    $('add-target').addEventListener('click', () => change('PUT', 'targets/' + encodeURIComponent($('target').value.trim()), {
      value: $('target-value').value.trim(), expires: $('target-expires').value || null,
    }));
    $('remove').addEventListener('click', () => change('DELETE', ''));
    $('kill').addEventListener('click', () => {
      if (!$('reason').value.trim()) { change('POST', 'kill'); return; }
      $('confirm-text').textContent = 'Kill ' + state.selected + '? It turns off for everyone at once, before targeting and rollout.';
      $('confirm-kill').showModal();
    });
    $('confirm-kill').addEventListener('close', () => {
      if ($('confirm-kill').returnValue === 'kill') change('POST', 'kill');
      $('kill').focus();
    });
    $('close-panel').addEventListener('click', () => {
      const key = state.selected;
      state.selected = null;
      $('panel').hidden = true;
      const opener = document.querySelector('[data-open="' + CSS.escape(key) + '"]');
      if (opener) opener.focus();
    });
    load();
    // Live refresh: another admin's change bumps the store revision; a cheap poll notices it within a second.
    setInterval(poll, 1000);
  });
})();
