/*
 * Verbatim's client script: only what needs JavaScript. Pages are complete without it.
 * - copy buttons (citation, quote permalinks),
 * - centring the passage a reader came for,
 * - keyboard shortcuts: `/` focuses the search box, `j`/`k` move through search results,
 * - name suggestions (speakers, publishers) under the search box and the "Who said it?" field,
 * - the uploader: sign in, drop/pick/paste files, pre-filled details, progress, results.
 * Everything from a file or the server is written with textContent, never as HTML, and the
 * uploader's token is kept in sessionStorage only and never shown or logged.
 */

const TOKEN_KEY = 'verbatim.uploadToken';

/* ---------- copy buttons ---------- */

function initCopyButtons() {
  for (const button of document.querySelectorAll('.copy-button')) {
    button.hidden = false;
    const label = button.textContent;
    button.addEventListener('click', async () => {
      const from = button.dataset.copyFrom ? document.getElementById(button.dataset.copyFrom) : null;
      const text = button.dataset.copy ?? from?.textContent?.trim() ?? '';
      try {
        await navigator.clipboard.writeText(text);
        button.textContent = 'Copied';
      } catch {
        // Clipboard refused (permissions, insecure origin): select the text so Ctrl+C works.
        if (from) window.getSelection()?.selectAllChildren(from);
        button.textContent = 'Press Ctrl+C to copy';
      }
      setTimeout(() => {
        button.textContent = label;
      }, 2000);
    });
  }
}

/* ---------- the passage a reader came for ---------- */

function revealTarget() {
  let hash = '';
  try {
    hash = decodeURIComponent(location.hash.slice(1));
  } catch {
    // A malformed fragment (`#%E0%A4`): fall back to the highlighted passage.
  }
  const target = (hash && document.getElementById(hash)) || document.getElementById('at');
  if (!target || !target.closest('.document__text')) return;
  // The fragment already scrolled it to the top edge; the middle of the screen reads better.
  target.scrollIntoView({ block: 'center' });
  const focusable = document.getElementById('at');
  if (focusable && (target === focusable || focusable.contains(target) || target.contains(focusable)))
    focusable.focus({ preventScroll: true });
}

/* ---------- keyboard shortcuts ---------- */

// Typing in a field (or with a modifier held) is text, never a shortcut.
const isTyping = (event) =>
  event.ctrlKey ||
  event.metaKey ||
  event.altKey ||
  event.target.closest?.('input, textarea, select, [contenteditable=""], [contenteditable="true"]');

function initShortcuts() {
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || isTyping(event)) return;
    if (event.key === '/') {
      const search = document.getElementById('q');
      if (!search) return;
      event.preventDefault();
      search.focus();
      search.select();
      return;
    }
    if (event.key !== 'j' && event.key !== 'k') return;
    const results = [...document.querySelectorAll('.result')];
    if (results.length === 0) return;
    event.preventDefault();
    const current = results.findIndex((r) => r.classList.contains('is-current'));
    const next = current === -1 ? 0 : Math.min(results.length - 1, Math.max(0, current + (event.key === 'j' ? 1 : -1)));
    results[current]?.classList.remove('is-current');
    results[next].classList.add('is-current');
    // Focus the title link: Enter then opens it, and screen readers announce the result.
    results[next].querySelector('.result__title a')?.focus({ preventScroll: true });
    results[next].scrollIntoView({ block: 'nearest' });
  });
}

/* ---------- the uploader ---------- */

const formatBytes = (bytes) =>
  bytes < 1024
    ? `${bytes} bytes`
    : bytes < 1048576
      ? `${Math.round(bytes / 1024)} KB`
      : `${(bytes / 1048576).toFixed(1)} MB`;

async function errorMessage(response) {
  try {
    const body = await response.json();
    if (body?.error?.message) return body.error.message;
  } catch {
    // Not JSON: fall through to the status line.
  }
  return `The server answered ${response.status} ${response.statusText}.`;
}

function initUploader(root) {
  const tokenRequired = root.dataset.tokenRequired === 'true';
  const maxBytes = Number(root.dataset.maxBytes) || Infinity;
  // Format names come from the server's one format table (core/formats/source-formats.ts).
  const formatNames = JSON.parse(root.dataset.formatNames || '{}');
  const template = document.getElementById('upload-item-template');
  const queue = document.getElementById('queue');
  const uploadAll = document.getElementById('upload-all');
  const summary = document.getElementById('queue-summary');
  const signin = document.getElementById('signin');
  const signinForm = document.getElementById('signin-form');
  const signinState = document.getElementById('signin-state');
  const signout = document.getElementById('signout');
  const tokenInput = document.getElementById('token');
  const fileInput = document.getElementById('files');
  const dropzone = document.getElementById('dropzone');
  const pasteText = document.getElementById('paste-text');
  const pasteAdd = document.getElementById('paste-add');
  const items = [];
  let counter = 0;
  let token = tokenRequired ? (sessionStorage.getItem(TOKEN_KEY) ?? '') : '';
  let uploading = false;

  const signedIn = () => !tokenRequired || token !== '';
  const authHeaders = () => (tokenRequired && token ? { authorization: `Bearer ${token}` } : {});

  function renderSignin(message, isError = false) {
    if (!tokenRequired) return;
    signinForm.hidden = signedIn();
    signout.hidden = !signedIn();
    signinState.classList.toggle('is-error', isError);
    signinState.textContent =
      message ?? (signedIn() ? 'Signed in for this browser session.' : 'Sign in with the uploader token to add files.');
    signin.hidden = false;
  }

  function setState(item, state, status) {
    item.state = state;
    item.el.dataset.state = state;
    // A finished item needs only its outcome: the details were sent (or cannot be).
    const finished = state === 'added' || state === 'duplicate' || state === 'refused';
    item.el.querySelector('[data-slot="fields"]').hidden = finished;
    item.el.querySelector('[data-slot="preview"]').hidden = state === 'refused';
    item.el.querySelector('[data-slot="progress"]').hidden = state === 'refused' || state === 'waiting';
    const slot = item.el.querySelector('[data-slot="status"]');
    slot.textContent = '';
    if (typeof status === 'string') slot.textContent = status;
    else if (status) slot.append(...status);
    renderSummary();
  }

  function link(href, text) {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    return a;
  }

  function renderSummary() {
    const count = (state) => items.filter((i) => i.state === state).length;
    const ready = count('ready');
    uploadAll.disabled = uploading || !signedIn() || ready === 0;
    uploadAll.textContent = ready > 1 ? `Archive ${ready} files` : 'Archive';
    const parts = [
      [count('added'), 'added'],
      [count('duplicate'), 'already in the archive'],
      [count('refused'), 'refused'],
      [ready, 'ready'],
    ].filter(([n]) => n > 0);
    summary.textContent = parts.map(([n, what]) => `${n} ${what}`).join(' · ');
  }

  const DATE_SOURCES = { metadata: "date from the file's metadata", text: 'date from the dateline in the text' };

  async function extract(item) {
    setState(item, 'reading', 'Reading the file…');
    const form = new FormData();
    form.append('file', item.file, item.file.name);
    let response;
    try {
      response = await fetch('/api/extract', { method: 'POST', headers: authHeaders(), body: form });
    } catch {
      setState(item, 'ready', 'Could not read the file in advance; it will be checked when archived.');
      return;
    }
    if (response.status === 401) {
      forgetToken('Your token was not accepted; sign in again.');
      setState(item, 'waiting', 'Waiting for sign-in.');
      return;
    }
    if (!response.ok) {
      setState(item, 'refused', `Cannot be archived: ${await errorMessage(response)}`);
      return;
    }
    const found = await response.json();
    for (const input of item.el.querySelectorAll('[data-field]')) {
      const value = found.metadata?.[input.dataset.field];
      // Remembered so that an unchanged pre-filled value is not sent back as the uploader's own:
      // the server reads it from the file again and keeps where it came from.
      if (value && !input.value) input.value = input.dataset.prefilled = value;
    }
    const facts = [
      formatNames[found.format] ?? found.format,
      formatBytes(item.file.size),
      `${found.wordCount.toLocaleString()} words`,
    ];
    if (found.metadata?.publishedAt) facts.push(`${DATE_SOURCES[found.metadata.publishedAtSource] ?? 'date'}`);
    if (found.metadata?.fileCreatedAt)
      facts.push(`file created ${found.metadata.fileCreatedAt.slice(0, 10)} (not a publication date)`);
    for (const note of found.notes ?? []) facts.push(note);
    item.el.querySelector('[data-slot="info"]').textContent = facts.join(' · ');
    item.el.querySelector('[data-slot="preview"]').textContent = found.preview;
    setState(item, 'ready', 'Ready to archive. Check the details below.');
  }

  function addFile(file) {
    const id = `item-${++counter}`;
    const el = template.content.firstElementChild.cloneNode(true);
    el.id = id;
    for (const input of el.querySelectorAll('[data-field]')) {
      input.id = `${id}-${input.dataset.field}`;
      el.querySelector(`[data-field-label="${input.dataset.field}"]`).htmlFor = input.id;
    }
    el.querySelector('[data-slot="name"]').textContent = file.name;
    el.querySelector('[data-slot="info"]').textContent = formatBytes(file.size);
    const item = { file, el, state: 'waiting' };
    el.querySelector('[data-action="remove"]').addEventListener('click', () => {
      if (item.state === 'uploading') return;
      items.splice(items.indexOf(item), 1);
      el.remove();
      renderSummary();
    });
    items.push(item);
    queue.append(el);
    if (file.size === 0) {
      setState(item, 'refused', 'Cannot be archived: the file is empty.');
    } else if (file.size > maxBytes) {
      setState(
        item,
        'refused',
        `Cannot be archived: it is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}.`,
      );
    } else if (signedIn()) {
      extract(item);
    } else {
      setState(item, 'waiting', 'Sign in above to archive this file.');
    }
  }

  function upload(item) {
    return new Promise((resolve) => {
      const form = new FormData();
      form.append('file', item.file, item.file.name);
      for (const input of item.el.querySelectorAll('[data-field]')) {
        const value = input.value.trim();
        if (value && value !== input.dataset.prefilled) form.append(input.dataset.field, value);
      }
      const progress = item.el.querySelector('[data-slot="progress"]');
      const xhr = new XMLHttpRequest();
      xhr.open('POST', '/api/documents');
      for (const [name, value] of Object.entries(authHeaders())) xhr.setRequestHeader(name, value);
      xhr.responseType = 'json';
      setState(item, 'uploading', 'Uploading…');
      xhr.upload.addEventListener('progress', (event) => {
        // The last tenth is the server reading the file and finding its quotes.
        if (event.lengthComputable) progress.value = Math.round((event.loaded / event.total) * 90);
      });
      xhr.upload.addEventListener('load', () => {
        progress.value = 90;
        setState(item, 'uploading', 'Processing…');
      });
      xhr.addEventListener('load', () => {
        const body = xhr.response;
        progress.value = 100;
        if (xhr.status === 201) {
          setState(item, 'added', ['Added: ', link(`/documents/${body.id}`, body.title)]);
        } else if (xhr.status === 200) {
          setState(item, 'duplicate', ['Already in the archive: ', link(`/documents/${body.id}`, body.title)]);
        } else {
          if (xhr.status === 401) forgetToken('Your token was not accepted; sign in again.');
          const reason = body?.error?.message ?? `The server answered ${xhr.status}.`;
          setState(item, xhr.status === 401 ? 'waiting' : 'refused', `Refused: ${reason}`);
        }
        resolve();
      });
      xhr.addEventListener('error', () => {
        progress.value = 0;
        setState(item, 'ready', 'The upload did not reach the server (network error). Try again.');
        resolve();
      });
      xhr.send(form);
    });
  }

  function forgetToken(message) {
    token = '';
    sessionStorage.removeItem(TOKEN_KEY);
    renderSignin(message, Boolean(message));
    renderSummary();
  }

  signinForm?.addEventListener('submit', async (event) => {
    event.preventDefault();
    const candidate = tokenInput.value.trim();
    if (!candidate) return;
    signinState.textContent = 'Checking…';
    // An empty form: a wrong token is refused (401) before the missing file is noticed (400).
    const response = await fetch('/api/extract', {
      method: 'POST',
      headers: { authorization: `Bearer ${candidate}` },
      body: new FormData(),
    }).catch(() => null);
    if (!response) return renderSignin('Could not reach the server. Try again.', true);
    if (response.status === 401) return renderSignin('That token was not accepted. Check it and try again.', true);
    // With a valid token the empty form is refused for its missing file (400); anything else is a server problem.
    if (response.status !== 400)
      return renderSignin(`The server could not check the token (${response.status}). Try again.`, true);
    token = candidate;
    tokenInput.value = '';
    sessionStorage.setItem(TOKEN_KEY, token);
    renderSignin();
    for (const item of items) if (item.state === 'waiting') extract(item);
    renderSummary();
  });

  signout?.addEventListener('click', () => {
    forgetToken();
    tokenInput.focus();
  });

  fileInput.addEventListener('change', () => {
    for (const file of fileInput.files) addFile(file);
    fileInput.value = '';
  });

  for (const type of ['dragenter', 'dragover']) {
    root.addEventListener(type, (event) => {
      event.preventDefault();
      dropzone.classList.add('is-over');
    });
  }
  for (const type of ['dragleave', 'drop']) {
    root.addEventListener(type, (event) => {
      event.preventDefault();
      if (type === 'drop' || !root.contains(event.relatedTarget)) dropzone.classList.remove('is-over');
    });
  }
  root.addEventListener('drop', (event) => {
    for (const file of event.dataTransfer?.files ?? []) addFile(file);
  });

  pasteAdd.addEventListener('click', () => {
    const text = pasteText.value;
    if (!text.trim()) {
      pasteText.focus();
      return;
    }
    addFile(new File([text], `pasted-text-${counter + 1}.txt`, { type: 'text/plain' }));
    pasteText.value = '';
  });

  uploadAll.addEventListener('click', async () => {
    uploading = true;
    renderSummary();
    // One at a time: each upload is parsed on arrival, and order keeps the progress readable.
    for (const item of items.filter((i) => i.state === 'ready')) await upload(item);
    uploading = false;
    renderSummary();
  });

  renderSignin();
  renderSummary();
  // Shown only once everything is wired: a half-initialised uploader must never take input.
  root.hidden = false;
}

/* ---------- name suggestions ---------- */

/** Ask for suggestions only after typing pauses this long, and only for this many characters. */
const SUGGEST_DELAY_MS = 150;
const SUGGEST_MIN_CHARS = 2;
const SUGGEST_MAX_CHARS = 200;

/**
 * A <datalist> under each `[data-suggest]` input, filled from /api/suggest: for the speaker field
 * the names themselves; for the search box the last word becomes a `speaker:"…"` or
 * `publisher:"…"` filter, the words before it kept.
 */
function initSuggestions() {
  for (const input of document.querySelectorAll('input[data-suggest]')) {
    const list = document.createElement('datalist');
    list.id = `${input.id}-suggestions`;
    input.after(list);
    input.setAttribute('list', list.id);
    let timer = 0;
    let asked = '';
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const value = input.value;
        const isQuery = input.dataset.suggest === 'query';
        const match = isQuery ? /^(.*?)(\S+)$/.exec(value) : [value, '', value.trim()];
        const typed = match ? match[2].replace(/^(speaker|publisher):"?/, '') : '';
        if (typed.length < SUGGEST_MIN_CHARS || typed.length > SUGGEST_MAX_CHARS || typed === asked) return;
        asked = typed;
        try {
          const response = await fetch(`/api/suggest?q=${encodeURIComponent(typed)}`);
          if (!response.ok || input.value !== value) return;
          const { speakers, publishers } = await response.json();
          const options = speakers.map((s) => ({
            value: isQuery ? `${match[1]}speaker:"${s.name}"` : s.name,
            label: `speaker, ${s.count} articles`,
          }));
          if (isQuery)
            options.push(
              ...publishers.map((p) => ({
                value: `${match[1]}publisher:"${p.name}"`,
                label: `publisher, ${p.count} articles`,
              })),
            );
          list.replaceChildren(
            ...options.map((o) => {
              const option = document.createElement('option');
              option.value = o.value;
              option.label = o.label;
              return option;
            }),
          );
        } catch {
          // Offline or the server is busy: typing goes on without suggestions.
        }
      }, SUGGEST_DELAY_MS);
    });
  }
}

/* ---------- start ---------- */

// Each feature starts on its own: one failing (storage blocked, an odd URL) must not stop the others.
for (const start of [
  initCopyButtons,
  revealTarget,
  initShortcuts,
  initSuggestions,
  () => {
    const uploader = document.getElementById('uploader');
    if (uploader) initUploader(uploader);
  },
]) {
  try {
    start();
  } catch (error) {
    console.error(error);
  }
}
