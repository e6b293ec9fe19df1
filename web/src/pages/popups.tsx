/** Popups (to be built). */
export function PopupsPage() {
  return <h1>Popups</h1>;
}
