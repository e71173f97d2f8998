// Makes the app's wasm load after the static first paint (index.html's `mingbaiFirstPaint`), not
// in parallel with the render-blocking CSS: on a slow phone network the CSS and the first paint
// (the hotline and the app frame) get the whole bandwidth, and the wasm, the biggest download,
// follows at once. Removes trunk's <link rel="preload"> of the wasm and makes trunk's inline
// module script await the promise before `init`. Called by tools/csp-hook.mjs on the staged
// index.html before it hashes the inline scripts (trunk may run the hooks of a stage together).

/** The built index.html with the wasm deferred; throws when trunk's module script is not found. */
export function wasmAfterFirstPaint(html) {
  let out = html.replace(/<link rel="preload" href="[^"]*\.wasm"[^>]*>\s*/g, '');
  out = out.replace(/(<script type="module">[\s\S]*?)(const wasm = await init\()/, (_, head, init) =>
    head.includes('mingbaiFirstPaint') ? head + init : `${head}await window.mingbaiFirstPaint;\n${init}`);
  if (!out.includes('await window.mingbaiFirstPaint;')) {
    throw new Error("trunk's module script (const wasm = await init(…)) not found in index.html");
  }
  return out;
}
