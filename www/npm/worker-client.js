// The calling side of WorkerAnnotator, shared by browsers (Web Worker) and
// Node (worker_threads): numbered requests, answered in any order.
export class WorkerClient {
  #post;
  #stop;
  #pending = new Map();
  #next = 0;
  #onIdle;
  #onBusy;

  constructor(post, stop, onIdle = () => {}, onBusy = () => {}) {
    this.#post = post;
    this.#stop = stop;
    this.#onIdle = onIdle;
    this.#onBusy = onBusy;
  }

  call(method, text, options) {
    if (typeof text !== "string") {
      return Promise.reject(new TypeError(`whosaid: ${method}() expects a string, got ${text === null ? "null" : typeof text}`));
    }
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      if (this.#pending.size === 0) this.#onBusy();
      this.#pending.set(id, { resolve, reject });
      try {
        this.#post({ id, method, text, options });
      } catch (error) {
        this.#pending.delete(id);
        reject(error);
      }
    });
  }

  settle({ id, result, error }) {
    const p = this.#pending.get(id);
    if (!p) return;
    this.#pending.delete(id);
    if (error !== undefined) p.reject(new Error(error));
    else p.resolve(result);
    if (this.#pending.size === 0) this.#onIdle();
  }

  failAll(error) {
    for (const p of this.#pending.values()) p.reject(error);
    this.#pending.clear();
    this.#onIdle();
  }

  terminate() {
    this.#stop();
    this.failAll(new Error("whosaid: the WorkerAnnotator was terminated"));
  }
}

// The worker side: one message in, one message out, in order.
export function serve(ready, api, receive, reply) {
  receive(async ({ id, method, text, options }) => {
    try {
      await ready;
      const fn = method === "annotateMarkdown" ? api.annotateMarkdown : api.annotate;
      reply({ id, result: fn(text, options) });
    } catch (error) {
      reply({ id, error: String(error?.message ?? error) });
    }
  });
}
