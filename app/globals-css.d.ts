// app/globals.css is compiled to a string by scripts/css-text-loader.cjs (next.config.ts).
declare module '@/app/globals.css' {
  const css: string;
  export default css;
}
