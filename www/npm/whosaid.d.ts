// Type declarations of the npm package `whosaid`, written by hand to match the
// data model of the Rust crate (src/model.rs). Every offset is a UTF-16 code
// unit index, half-open: `text.slice(span.start, span.end)` is the span's text.

/** What a quote is. */
export type QuoteKind =
  /** Words inside quotation marks, attributed to someone. */
  | "direct"
  /** Reported speech without marks: `X said (that) …`, `according to X, …`. */
  | "indirect"
  /** Reported speech containing a quoted fragment: `She said it was "a disaster".` */
  | "mixed"
  /** Scare quotes, titles, words mentioned as words; only with `includeMentions`. */
  | "mention";

/** What kind of entity a speaker is. */
export type SpeakerKind = "person" | "organization" | "group" | "unknown";

/** What kind of thing a source is. */
export type SourceKind = "outlet" | "document" | "organization" | "other";

/**
 * A half-open range of the input text in UTF-16 code units, so that
 * `text.slice(start, end)` is its text. It never splits a surrogate pair.
 */
export interface Span {
  /** First UTF-16 code unit of the span. */
  start: number;
  /** One past the last UTF-16 code unit of the span. */
  end: number;
}

/** One quote: its content, its cue, and who said it. */
export interface Quote {
  /** Index of this quote in `Annotations.quotes`. */
  id: number;
  /** Direct, indirect, mixed or mention. */
  kind: QuoteKind;
  /** Start of the quoted content (UTF-16), without the quotation marks. */
  start: number;
  /** End of the quoted content (UTF-16, exclusive), without the quotation marks. */
  end: number;
  /** The word or phrase that signals the attribution (`said`, `according to`), or null. */
  cue: Span | null;
  /** Index into `Annotations.speakers`, or null when no speaker was found. */
  speaker: number | null;
  /**
   * The words that name the speaker for this quote (`he`, `the minister`), or null.
   * A pronoun that resolves to no one is kept here with `speaker` null.
   */
  mention: Span | null;
  /** Index into `Annotations.sources` (`told the BBC`), or null. */
  source: number | null;
  /** How sure the attribution is, from 0 to 1. */
  confidence: number;
  /** Name of the rule that made the attribution (or found the quote), for explanations. */
  rule: string;
  /** For a pronoun or role mention: the earlier mention it was resolved to. Absent otherwise. */
  antecedent?: Span;
  /**
   * For the second piece of a quote interrupted by its attribution
   * (`"We will win," she said, "and soon."`): the id of the quote it continues.
   * Absent otherwise. Both pieces share the speaker.
   */
  continues?: number;
}

/** Someone who is quoted: one entity with all its mentions. */
export interface Speaker {
  /** Index of this speaker in `Annotations.speakers`. */
  id: number;
  /** The canonical name: the fullest form seen in the text. */
  name: string;
  /** Person, organization, group or unknown. */
  kind: SpeakerKind;
  /** A role or affiliation the text gives (`Huawei's CEO`), or null. */
  role: string | null;
  /** Every mention of the speaker (names, surnames, pronouns, roles), in text order. */
  mentions: Span[];
}

/** An outlet or document that information is attributed to. */
export interface Source {
  /** Index of this source in `Annotations.sources`. */
  id: number;
  /** The name as first written (`the BBC`, `a Reuters report`). */
  name: string;
  /** Outlet, document, organization or other. */
  kind: SourceKind;
  /** Every mention of the source, in text order. */
  mentions: Span[];
}

/** Everything found in one text. Plain data: `JSON.stringify` keeps all of it. */
export interface Annotations {
  /** The quotes in text order; `quotes[i].id === i`. */
  quotes: Quote[];
  /** The speakers in order of first quote; `speakers[i].id === i`. */
  speakers: Speaker[];
  /** The outlets and documents quotes are attributed to; `sources[i].id === i`. */
  sources: Source[];
}

/** Options of `annotate` and `annotateMarkdown`. An unknown key is an Error naming it. */
export interface AnnotateOptions {
  /** Report scare quotes, titles and words-as-words as quotes of kind `"mention"`. Default `false`. */
  includeMentions?: boolean;
  /** Find indirect (reported) speech without quotation marks. Default `true`. */
  indirect?: boolean;
  /** Extra cue verbs or phrases, lower case, each inflection listed separately. Default `[]`. */
  extraCues?: string[];
  /** Extra outlet names (`"Nets Daily"`) added to the built-in list. Default `[]`. */
  extraOutlets?: string[];
  /** Extra given names (`"Ngozi"`) read as female, so `she` may resolve to them and `he` may not. Default `[]`. */
  extraFemaleNames?: string[];
  /** Extra given names read as male (see `extraFemaleNames`). Default `[]`. */
  extraMaleNames?: string[];
}

/**
 * The WebAssembly module or where to get it: a `WebAssembly.Module`, an
 * `ArrayBuffer` or typed array of its bytes, a `URL`, or (browsers) a `Response`
 * or a promise of one. Typed as `object` so that these declarations need no DOM
 * library and work in Node-only TypeScript projects.
 */
export type WasmSource = object;

/** Where `init` takes the WebAssembly module from. */
export interface InitInput {
  /**
   * A URL string (in Node, also a file path) or a `WasmSource`.
   * Default: `whosaid_bg.wasm` beside the package's JavaScript.
   */
  module_or_path?: string | WasmSource;
}

/** Where `initSync` takes the WebAssembly module from. */
export interface InitSyncInput {
  /** The bytes or a compiled `WebAssembly.Module` (in Node also a file path or file URL). */
  module?: string | WasmSource;
}

/**
 * Loads the WebAssembly module; call and await it once before the other
 * functions. Calling it again returns the same promise. In Node it loads the
 * module from disk synchronously and resolves at once.
 */
export function init(input?: InitInput): Promise<void>;

/** Loads the WebAssembly module synchronously from bytes or a compiled module. */
export function initSync(input?: InitSyncInput): void;

/**
 * Finds the quotes, speakers, cues and sources in plain text.
 * Offsets are UTF-16 code units into `text`.
 * @throws {Error} before `init()` has finished (browsers), or when an option is unknown or of the wrong type.
 */
export function annotate(text: string, options?: AnnotateOptions): Annotations;

/**
 * Like `annotate`, for Markdown: offsets are UTF-16 code units into the Markdown
 * source; raw HTML is read as text.
 * @throws {Error} before `init()` has finished (browsers), or when an option is unknown or of the wrong type.
 */
export function annotateMarkdown(markdown: string, options?: AnnotateOptions): Annotations;

/** The version of the engine (equal to the package version). */
export function version(): string;

/**
 * Runs `annotate` and `annotateMarkdown` off the main thread (a Web Worker in
 * browsers and bundlers, a worker thread in Node), with the same results as
 * promises. It loads the module itself: no `init()` needed.
 */
export class WorkerAnnotator {
  /** Starts the worker. */
  constructor();
  /** Like `annotate`, in the worker. Rejects with an Error on a bad option. */
  annotate(text: string, options?: AnnotateOptions): Promise<Annotations>;
  /** Like `annotateMarkdown`, in the worker. */
  annotateMarkdown(markdown: string, options?: AnnotateOptions): Promise<Annotations>;
  /** Stops the worker; pending calls reject. */
  terminate(): void;
}
