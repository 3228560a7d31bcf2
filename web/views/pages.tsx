/**
 * Every page as a function of its props: the one module the web routes import, on the first page
 * request. A call to the JSON API (a search's cold start above all) never loads the views or the
 * JSX runtime, about 48 KB of the api bundle's code.
 */
import type { JSX } from 'hono/jsx/jsx-runtime';
import { DocumentPage, type DocumentPageProps } from './document-page.tsx';
import { ErrorPage } from './error-page.tsx';
import { QuotesPage, type QuotesPageProps } from './quotes-page.tsx';
import { SearchPage, type SearchPageProps } from './search-page.tsx';
import { SpeakerPage } from './speaker-page.tsx';
import { UploadPage } from './upload-page.tsx';

type PropsOf<T> = T extends (props: infer P) => unknown ? P : never;

/** The pages the web routes render, by name. */
export const pages = {
  search: (props: SearchPageProps): JSX.Element => <SearchPage {...props} />,
  document: (props: DocumentPageProps): JSX.Element => <DocumentPage {...props} />,
  quotes: (props: QuotesPageProps): JSX.Element => <QuotesPage {...props} />,
  speaker: (props: PropsOf<typeof SpeakerPage>): JSX.Element => <SpeakerPage {...props} />,
  upload: (props: PropsOf<typeof UploadPage>): JSX.Element => <UploadPage {...props} />,
  error: (status: number, message: string): JSX.Element => <ErrorPage status={status} message={message} />,
};

/** What {@link pages} holds, for the routes' type-only import. */
export type Pages = typeof pages;
