/**
 * The upload page (`/upload`). Uploading needs the client script (progress, the token header), so
 * the page says so without it. Each queued file is built from the `<template>` below by
 * `web/static/app.js`, which sets text with `textContent` only: file names and extracted metadata
 * are untrusted.
 */
import { Layout } from './layout.tsx';
import { SOURCE_FORMATS, SUPPORTED_EXTENSIONS, SUPPORTED_TYPES } from '../../functions/core/formats/source-formats.ts';

// The file picker offers what the upload reads, and the script names formats, from the one format table.
const ACCEPT = [...SUPPORTED_EXTENSIONS, ...SUPPORTED_TYPES].join(',');
const FORMAT_NAMES = JSON.stringify(Object.fromEntries(SOURCE_FORMATS.map((f) => [f.format, f.name])));

const FIELDS: Array<{ name: string; label: string; type: string; hint?: string }> = [
  { name: 'title', label: 'Title', type: 'text' },
  { name: 'url', label: 'Original URL', type: 'url' },
  { name: 'publisher', label: 'Publisher', type: 'text' },
  { name: 'author', label: 'Author', type: 'text' },
  { name: 'publishedAt', label: 'Published', type: 'text', hint: 'YYYY-MM-DD' },
];

function QueueItemTemplate() {
  return (
    <template id="upload-item-template">
      <li class="upload-item" data-state="reading">
        <div class="upload-item__head">
          <p class="upload-item__name" data-slot="name"></p>
          <p class="upload-item__info muted small" data-slot="info"></p>
          <button type="button" class="link-button" data-action="remove">
            Remove
          </button>
        </div>
        <progress class="upload-item__progress" max="100" value="0" data-slot="progress"></progress>
        <p class="upload-item__status" data-slot="status" role="status"></p>
        <p class="upload-item__preview muted small" data-slot="preview"></p>
        <fieldset class="upload-item__fields" data-slot="fields">
          <legend>Details (filled from the file; edit if needed)</legend>
          {FIELDS.map((field) => (
            <div class="field">
              <label data-field-label={field.name}>{field.label}</label>
              <input
                type={field.type}
                name={field.name}
                data-field={field.name}
                placeholder={field.hint}
                autocomplete="off"
              />
            </div>
          ))}
        </fieldset>
      </li>
    </template>
  );
}

/**
 * @example
 * ```tsx
 * c.html(<UploadPage tokenRequired={true} maxUploadBytes={10 << 20} />)
 * ```
 */
export function UploadPage(props: { tokenRequired: boolean; maxUploadBytes: number }) {
  const limitMb = Math.floor(props.maxUploadBytes / (1024 * 1024));
  return (
    <Layout title="Upload" section="upload">
      <h1>Add sources to the archive</h1>
      <p class="lead">
        Upload articles as plain text, Markdown, HTML, PDF or Word (.docx), up to {limitMb} MB each — or paste the text.
        Verbatim stores each original exactly as uploaded and finds its quotes and speakers.
      </p>
      <noscript>
        <div class="callout callout--error">
          <p>
            Uploading from this page needs JavaScript. Without it, use the command line (
            <code>npm run import -- folder</code>) or the API (<code>POST /api/documents</code>).
          </p>
        </div>
      </noscript>
      <div
        id="uploader"
        class="uploader"
        data-token-required={props.tokenRequired ? 'true' : 'false'}
        data-max-bytes={String(props.maxUploadBytes)}
        data-format-names={FORMAT_NAMES}
        hidden
      >
        <section class="panel signin" id="signin" aria-labelledby="signin-title" hidden={!props.tokenRequired}>
          <h2 id="signin-title">Sign in to upload</h2>
          {/* POST and no `name` on the field: should the script fail, the token never lands in a URL. */}
          <form id="signin-form" class="signin__form" method="post" action="/upload">
            <div class="field">
              <label for="token">Uploader token</label>
              <input
                id="token"
                type="password"
                autocomplete="off"
                spellcheck={false}
                required
                aria-describedby="token-hint"
              />
              <p id="token-hint" class="hint">
                Kept in this browser tab's session only, and sent only with your uploads.
              </p>
            </div>
            <button type="submit">Sign in</button>
          </form>
          <p class="signin__state" id="signin-state" role="status" aria-live="polite"></p>
          <button type="button" class="link-button" id="signout" hidden>
            Sign out
          </button>
        </section>

        <section class="panel" aria-labelledby="files-title" id="upload-panel">
          <h2 id="files-title">Files</h2>
          <div class="dropzone" id="dropzone">
            <p class="dropzone__text">
              <strong>Drop files here</strong> or
            </p>
            <label class="button button--secondary" for="files">
              Choose files…
            </label>
            <input id="files" type="file" multiple accept={ACCEPT} class="visually-hidden" />
          </div>
          <details class="paste">
            <summary>Or paste an article's text</summary>
            <div class="field">
              <label for="paste-text">Article text</label>
              <textarea id="paste-text" rows={8}></textarea>
            </div>
            <button type="button" id="paste-add" class="button--secondary">
              Add pasted text
            </button>
          </details>
          <ol class="upload-queue" id="queue" aria-label="Files to archive"></ol>
          <div class="upload-actions">
            <button type="button" id="upload-all" disabled>
              Archive all
            </button>
            <p class="muted small" id="queue-summary" role="status" aria-live="polite"></p>
          </div>
        </section>
        <QueueItemTemplate />
      </div>
    </Layout>
  );
}
