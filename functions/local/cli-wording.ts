/**
 * The archive's rejection messages are written for the upload page ("Choose the file again, or
 * paste the text"). `npm run import` reads files from disk, so it rewords the web page's advice
 * into what a command-line user can do; the rest of the message (what was wrong) stays as written.
 */

/** Web-page phrases and their command-line wording, applied in order. */
const REWORDINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/Choose the file again, or paste the text\./g, 'Check the file on disk, or import the text as a .txt file.'],
  [/,? or paste the text instead\./g, ', or import the text as a .txt file.'],
  [/,? or paste the text\./g, ', or import the text as a .txt file.'],
  [/\bupload (it again|the new file|that file)\b/g, 'import $1'],
  [/\bupload it as (\.pdf or \.docx)/g, 'name it with $1'],
  [/\bUpload plain text\b/g, 'Import plain text'],
  [/\bUpload a PDF\b/g, 'Import a PDF'],
  [/\bThe upload\b/g, 'The file'],
];

/**
 * @example
 * ```ts
 * cliWording('The file is empty. Choose the file again, or paste the text.');
 * // 'The file is empty. Check the file on disk, or import the text as a .txt file.'
 * ```
 */
export function cliWording(message: string): string {
  return REWORDINGS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), message);
}
