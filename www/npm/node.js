// Node entry of whosaid (the "node" export condition). Node cannot fetch a
// file: URL, so the wasm bytes are read from disk and compiled synchronously
// on first use: `annotate` works at once, and `await init()` is accepted (and
// resolves immediately) so the same code runs in browsers and in Node.
import { readFileSync } from "node:fs";
import { initSync as wasmInitSync } from "./whosaid.js";
import { Worker } from "node:worker_threads";
import { makeApi } from "./api.js";
import { WorkerClient } from "./worker-client.js";

let ready = false;

// Bytes or a WebAssembly.Module are used as they are; a path or file URL is read.
function load(source) {
  if (ready) return;
  let module = source ?? new URL("./whosaid_bg.wasm", import.meta.url);
  if (typeof module === "string" || module instanceof URL) module = readFileSync(module);
  wasmInitSync({ module });
  ready = true;
}

/** Loads the module now, from `whosaid_bg.wasm` beside this file or from `input.module`. */
export function initSync(input) {
  load(input?.module);
}

/** Same as initSync; returns a promise so `await init()` works everywhere. */
export function init(input) {
  try {
    load(input?.module_or_path);
    return Promise.resolve();
  } catch (error) {
    return Promise.reject(error);
  }
}

const api = makeApi(() => load());

export const annotate = api.annotate;
export const annotateMarkdown = api.annotateMarkdown;
export const version = api.version;

/**
 * Runs annotate/annotateMarkdown in a worker thread, so that the main thread
 * stays free. Same results as the synchronous functions, as promises. The
 * worker does not keep the process alive while no call is pending; call
 * `terminate()` when done.
 */
export class WorkerAnnotator {
  #client;

  constructor() {
    const worker = new Worker(new URL("./worker-node.js", import.meta.url));
    worker.unref();
    this.#client = new WorkerClient(
      (message) => worker.postMessage(message),
      () => void worker.terminate(),
      () => worker.unref(),
      () => worker.ref(),
    );
    worker.on("message", (message) => this.#client.settle(message));
    worker.on("error", (error) => this.#client.failAll(error));
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
