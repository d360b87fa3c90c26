'use client';

import { useServerInsertedHTML } from 'next/navigation';
import { useRef } from 'react';

/**
 * The site's whole stylesheet (app/globals.css, compiled by scripts/css-text-loader.cjs),
 * written once into the <head> of the server-rendered HTML, instead of a linked
 * stylesheet. On 2G the page then paints as the HTML streams in, with JavaScript on as
 * early as off: a linked stylesheet shared the thin line with the framework's scripts
 * (issue 11). Inserted HTML (useServerInsertedHTML) is neither in the RSC payload nor in
 * the browser's bundle: `typeof window` is fixed at build time, so the browser build drops
 * the branch and never carries the CSS text a second time. The <style> then stays in the
 * document across client-side navigations.
 */
export function InlineStyles() {
  const written = useRef(false);
  useServerInsertedHTML(() => {
    if (written.current || typeof window !== 'undefined') return null;
    written.current = true;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- server-only branch, dropped from the browser build
    const css = (require('@/app/globals.css') as typeof import('@/app/globals.css')).default;
    return <style dangerouslySetInnerHTML={{ __html: css }} />;
  });
  return null;
}
