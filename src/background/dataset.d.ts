/** The merged dataset, validated at build time and bundled by scripts/build.ts. */
declare module 'ledgerlens:dataset' {
  const records: unknown;
  export default records;
}
