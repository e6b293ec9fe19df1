/** Operation (to be built). */
export function OperationPage() {
  return <h1>Operation</h1>;
}
