/**
 * The one stylesheet of the customer pages (help site, survey, web chat frame): readable on a phone, high
 * contrast, visible focus, respects the reader's font size and reduced motion.
 */
export const PUBLIC_CSS = `
:root { color-scheme: light; --ink: #1a1b1e; --muted: #495057; --line: #ced4da; --accent: #1864ab; --accent-ink: #fff; --bad: #c92a2a; --bg: #fff; --soft: #f1f3f5; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; line-height: 1.5; color: var(--ink); background: var(--bg); }
body { margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
main.narrow { max-width: 32rem; }
h1 { font-size: 1.5rem; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.15rem; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.langs { display: flex; gap: 0.75rem; justify-content: flex-end; padding: 0.5rem 1rem; font-size: 0.9rem; }
.langs a[aria-current] { font-weight: 700; text-decoration: none; color: var(--ink); }
.muted { color: var(--muted); }
.error { color: var(--bad); font-weight: 600; }
.notice { background: var(--soft); border-left: 4px solid var(--accent); padding: 0.75rem 1rem; }
form.search { display: flex; gap: 0.5rem; margin-bottom: 1rem; }
input[type=search], input[type=text], input[type=email], textarea { font: inherit; width: 100%; padding: 0.5rem 0.6rem; border: 1px solid var(--line); border-radius: 6px; }
button { font: inherit; padding: 0.5rem 1rem; border: 0; border-radius: 6px; background: var(--accent); color: var(--accent-ink); cursor: pointer; }
button.secondary { background: var(--soft); color: var(--ink); border: 1px solid var(--line); }
ul.articles { list-style: none; padding: 0; }
ul.articles li { border-bottom: 1px solid var(--line); padding: 0.75rem 0; }
header.site { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem; max-width: 46rem; margin: 0 auto; padding: 0.5rem 1rem; border-bottom: 1px solid var(--line); }
header.site .langs { padding: 0; }
.site-name { font-weight: 700; text-decoration: none; color: var(--ink); }
.skip { position: absolute; left: 0.5rem; top: -3rem; padding: 0.5rem 1rem; background: var(--accent); color: var(--accent-ink); z-index: 1; }
.skip:focus { top: 0.5rem; }
form.search { flex-wrap: wrap; align-items: center; }
form.search label { flex-basis: 100%; font-weight: 600; }
form.search input[type=search] { flex: 1; width: auto; min-width: 12rem; }
ul.articles li p { margin: 0.25rem 0 0; }
mark { background: #fff3bf; color: inherit; padding: 0 0.1em; }
.article-body p { white-space: pre-line; }
section.notice { margin: 1.5rem 0; }
section.notice h2 { margin-top: 0; }
fieldset.scale { border: 0; padding: 0; margin: 0 0 1rem; }
fieldset.scale legend { font-weight: 600; margin-bottom: 0.5rem; }
.scale-options { display: grid; grid-template-columns: repeat(5, minmax(2.75rem, 1fr)); gap: 0.5rem; }
.scale-options label { position: relative; display: flex; align-items: center; justify-content: center; min-height: 2.75rem; border: 1px solid var(--line); border-radius: 6px; cursor: pointer; }
.scale-options input { position: absolute; opacity: 0; width: 1px; height: 1px; }
.scale-options input:checked + span { font-weight: 700; }
.scale-options label:has(input:checked) { background: var(--accent); color: var(--accent-ink); border-color: var(--accent); }
.scale-options label:has(input:focus-visible) { outline: 3px solid var(--accent); outline-offset: 2px; }
.scale-ends { display: flex; justify-content: space-between; font-size: 0.85rem; color: var(--muted); }
form.survey > label { display: block; font-weight: 600; margin: 1rem 0 0.25rem; }
form.survey textarea { resize: vertical; }
form.survey [aria-invalid=true] { border-color: var(--bad); }
blockquote.answer { margin: 0.25rem 0 0.75rem; padding: 0.5rem 0.75rem; border-left: 4px solid var(--line); white-space: pre-wrap; overflow-wrap: anywhere; }
.shop-nav { padding: 0.25rem 1rem 0.75rem; border-bottom: 1px solid var(--line); }
.shop-nav a[aria-current] { font-weight: 700; color: var(--ink); text-decoration: none; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;
