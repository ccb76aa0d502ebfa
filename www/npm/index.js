// Browser and bundler entry of whosaid. Call `await init()` once; it fetches
// `whosaid_bg.wasm` from beside this file (bundlers such as Vite and webpack
// see the `new URL(…, import.meta.url)` and copy the file), then `annotate`,
// `annotateMarkdown` and `version` are synchronous.
import wasmInit, { initSync as wasmInitSync } from "./whosaid.js";
import { makeApi } from "./api.js";
import { WorkerClient } from "./worker-client.js";

let ready = false;
let loading = null;

/**
 * Loads the WebAssembly module. Safe to call many times; later calls return the
 * first call's promise. `input.module_or_path` may be a URL, a Response, bytes
 * or a WebAssembly.Module, for pages that serve the wasm from elsewhere.
 */
export function init(input = {}) {
  if (!loading) {
    const module_or_path = input.module_or_path ?? new URL("./whosaid_bg.wasm", import.meta.url);
    loading = wasmInit({ module_or_path }).then(
      () => {
        ready = true;
      },
      (error) => {
        loading = null;
        throw error;
      },
    );
  }
  return loading;
}

/** Loads the module synchronously from bytes or a compiled WebAssembly.Module. */
export function initSync(input) {
  if (!ready) {
    wasmInitSync({ module: input?.module });
    ready = true;
    loading = Promise.resolve();
  }
}

const api = makeApi((name) => {
  if (!ready) {
    throw new Error(`whosaid: ${name}() was called before the WebAssembly module was loaded; call \`await init()\` first`);
  }
});

export const annotate = api.annotate;
export const annotateMarkdown = api.annotateMarkdown;
export const version = api.version;

/**
 * Runs annotate/annotateMarkdown in a Web Worker so that a big article never
 * blocks the page. Same results as the synchronous functions, as promises;
 * no `init()` needed. Call `terminate()` when done.
 */
export class WorkerAnnotator {
  #client;

  constructor() {
    // Written out literally so that bundlers (Vite, webpack) find and bundle the worker.
    const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    this.#client = new WorkerClient(
      (message) => worker.postMessage(message),
      () => worker.terminate(),
    );
    worker.addEventListener("message", (event) => this.#client.settle(event.data));
    worker.addEventListener("error", (event) => {
      event.preventDefault?.();
      this.#client.failAll(new Error(`whosaid: the worker failed: ${event.message ?? "unknown error"}`));
    });
  }

  annotate(text, options) {
    return this.#client.call("annotate", text, options);
  }

  annotateMarkdown(markdown, options) {
    return this.#client.call("annotateMarkdown", markdown, options);
  }

  terminate() {
    this.#client.terminate();
  }
}
