/** Vite's `?raw` imports (a file's text), for the configurations without `vite/client`. */
declare module '*?raw' {
  const text: string;
  export default text;
}
