/** `.wasm` imports exist only in the action bundle, where esbuild's `binary` loader makes them bytes. */
declare module '*.wasm' {
  const bytes: Uint8Array;
  export default bytes;
}
