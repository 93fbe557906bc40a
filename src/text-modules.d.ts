// Runbook YAML files are embedded as text by esbuild and by the Vite loader in tests.
declare module '*.yaml' {
  const text: string;
  export default text;
}
