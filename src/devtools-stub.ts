// Ink imports react-devtools-core statically; the shipped bundle never uses it.
// esbuild aliases the package to this stub (see scripts/build.mjs).
export default {initialize(): void {}, connectToDevTools(): void {}};
