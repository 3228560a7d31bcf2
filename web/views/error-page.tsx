/** An error as a page, for people (the API answers errors in JSON). */
import { Layout } from './layout.tsx';

/**
 * @example
 * ```tsx
 * c.html(<ErrorPage status={404} message="There is no document with id …" />, 404)
 * ```
 */
export function ErrorPage(props: { status: number; message: string }) {
  const title = props.status === 404 ? 'Not found' : props.status >= 500 ? 'Something went wrong' : 'That did not work';
  return (
    <Layout title={title} section="error">
      <div class="callout callout--error">
        <h1>{title}</h1>
        <p>{props.message}</p>
        <p>
          <a href="/">Search the archive</a>
        </p>
      </div>
    </Layout>
  );
}
