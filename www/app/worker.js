// The annotation worker: runs the wasm engine off the main thread so that a
// huge paste never freezes typing. Protocol (all messages are plain objects):
//   in  {type: "init", wasm?: ArrayBuffer}   → out {type: "ready", version}
//   in  {type: "annotate", id, text, markdown} → out {type: "result", id, ann, ms}
//                                              or  {type: "error", id, message}
// Without `wasm` bytes the module fetches whosaid_bg.wasm beside whosaid.js.
import init, { initSync, annotate, annotateMarkdown, version } from "../../pkg/whosaid.js";

let ready = null;

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === "init") {
    try {
      ready = msg.wasm ? Promise.resolve(initSync({ module: msg.wasm })) : init();
      await ready;
      self.postMessage({ type: "ready", version: version() });
    } catch (e) {
      self.postMessage({ type: "failed", message: String(e && e.message ? e.message : e) });
    }
    return;
  }
  if (msg.type === "annotate") {
    try {
      await ready;
      const t0 = performance.now();
      const ann = msg.markdown ? annotateMarkdown(msg.text) : annotate(msg.text);
      self.postMessage({ type: "result", id: msg.id, ann, ms: performance.now() - t0 });
    } catch (e) {
      self.postMessage({ type: "error", id: msg.id, message: String(e && e.message ? e.message : e) });
    }
  }
};
