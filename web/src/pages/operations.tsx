/** Operations (to be built). */
export function OperationsPage() {
  return <h1>Operations</h1>;
}
