// Hydration after the first paint (issue 17 item 5, ADR 0022). Remix's <Scripts /> writes
// <link rel="modulepreload"> for every module of the page and an inline <script type="module">
// that imports them: the browser fetches all of them at high priority while the stylesheet is
// still arriving, so on a slow connection they share its bandwidth and the page paints late.
// Every page is complete without JavaScript, so the server writes those tags inert (see
// deferred-hydration.server.ts) and this script, rendered after <Scripts />, makes live copies
// once the first contentful paint is on screen. The copies go at the end of <body>, where React's hydration
// leaves extra nodes alone; the inert originals stay where React expects them.

/** The attribute values the server writes instead of Remix's, read back by the script below. */
export const INERT_MODULEPRELOAD = "x-deferred-modulepreload";
export const INERT_MODULE = "x-deferred-module";

export const DEFERRED_HYDRATION_SCRIPT = `(function () {
  function start() {
    var body = document.body;
    document.querySelectorAll('link[rel="${INERT_MODULEPRELOAD}"]').forEach(function (inert) {
      var link = document.createElement("link");
      link.rel = "modulepreload";
      link.href = inert.getAttribute("href");
      if (inert.crossOrigin) link.crossOrigin = inert.crossOrigin;
      body.appendChild(link);
    });
    document.querySelectorAll('script[type="${INERT_MODULE}"]').forEach(function (inert) {
      var script = document.createElement("script");
      script.type = "module";
      script.nonce = inert.nonce;
      script.textContent = inert.textContent;
      body.appendChild(script);
    });
  }
  // Started once the first contentful paint has been presented (the Paint Timing API). A
  // background tab paints nothing until it is shown, so it starts at once; a browser without
  // paint entries waits one frame; and whatever happens, three seconds is the longest wait.
  var started = false;
  function startOnce() {
    if (!started) { started = true; start(); }
  }
  if (document.visibilityState !== "visible") return startOnce();
  setTimeout(startOnce, 3000);
  try {
    var observer = new PerformanceObserver(function (list) {
      if (list.getEntriesByName("first-contentful-paint").length) { observer.disconnect(); startOnce(); }
    });
    observer.observe({ type: "paint", buffered: true });
  } catch (e) {
    requestAnimationFrame(function () { setTimeout(startOnce, 0); });
  }
})();`;
