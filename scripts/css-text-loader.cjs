/**
 * Turbopack loader for app/globals.css (next.config.ts `turbopack.rules`): compiles it
 * with Tailwind (the same PostCSS plugin postcss.config.mjs names), minified, and
 * exports the result as a string. The root layout writes that string into the HTML as
 * an inline <style> (components/ui/inline-styles.tsx), so a first visit needs no
 * stylesheet request: on a thin line the framework's scripts no longer share the
 * bandwidth with a render-blocking stylesheet (issue 11; `npm run bench`, /lapor).
 */
module.exports = function cssTextLoader(source) {
  const callback = this.async();
  Promise.all([import('postcss'), import('@tailwindcss/postcss')])
    .then(([{ default: postcss }, { default: tailwind }]) =>
      postcss([tailwind({ base: process.cwd(), optimize: { minify: true } })]).process(source, { from: this.resourcePath }),
    )
    .then((result) => callback(null, `export default ${JSON.stringify(result.css)};\n`), callback);
};
