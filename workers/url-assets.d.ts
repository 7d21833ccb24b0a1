// Vite's `?url` imports, for the worker build (which does not load vite/client's DOM types).
declare module '*?url' {
  const url: string;
  export default url;
}
