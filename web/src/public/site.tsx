/** Which public page to show; App's router picks it from the path. */
export type PublicPage = 'home' | 'report' | 'check';

/** The public portal: home, the guided report form, and "check a number or a website" (to be built). */
export default function PublicSite({ page }: { page: PublicPage }) {
  return (
    <main id="main">
      <h1>{page}</h1>
    </main>
  );
}
