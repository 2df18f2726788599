// Vite's `?raw` import (a file as text), used by tests that read the README.
declare module '*.md?raw' {
  const text: string;
  export default text;
}
