/** Triage (to be built). */
export function TriagePage() {
  return <h1>Triage</h1>;
}
