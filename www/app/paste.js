// Turns pasted rich text into plain paragraphs, and guesses whether a text is
// Markdown. The clipboard's HTML is parsed by DOMParser into an inert document:
// it has no browsing context, so its scripts never run and its images, styles
// and frames are never fetched; the document is read and thrown away, never
// inserted.

const BLOCK = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DETAILS", "DIV", "DL", "DT",
  "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5",
  "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "SUMMARY",
  "TABLE", "TR", "UL", "CAPTION",
]);
const SKIP = new Set([
  "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "OBJECT", "EMBED", "HEAD",
  "TITLE", "META", "LINK", "SVG", "MATH", "CANVAS", "VIDEO", "AUDIO", "SELECT",
  "BUTTON", "INPUT", "TEXTAREA",
]);

/** Plain text of an HTML fragment: one paragraph per block, separated by a
 *  blank line; whitespace inside a paragraph collapsed (kept inside <pre>). */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const paragraphs = [];
  let current = "";
  const flush = () => {
    const p = current.replace(/[ \t\f\r\n]+/g, " ").trim();
    if (p) paragraphs.push(p);
    current = "";
  };
  const walk = (node, pre) => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        current += pre ? n.data.replace(/\n/g, "\u2028") : n.data;
      } else if (n.nodeType === 1) {
        const tag = n.nodeName.toUpperCase();
        if (SKIP.has(tag)) continue;
        if (tag === "BR") {
          current += "\u2028";
          continue;
        }
        if (tag === "TD" || tag === "TH") current += " ";
        const block = BLOCK.has(tag);
        if (block) flush();
        walk(n, pre || tag === "PRE");
        if (block) flush();
      }
    }
  };
  if (doc.body) walk(doc.body, false);
  flush();
  // Line breaks from <br> and <pre> survive as single newlines.
  return paragraphs.map((p) => p.replace(/ ?\u2028 ?/g, "\n").trim()).join("\n\n");
}

const MARKDOWN_HINTS = [
  /^#{1,6}\s+\S/m, // ATX heading
  /^\s{0,3}>\s/m, // block quote
  /^\s{0,3}[-*+]\s+\S/m, // bullet
  /\[[^\]\n]+\]\([^)\s]+\)/, // link
  /(\*\*|__)[^*_\n]+\1/, // strong
  /^```/m, // fence
];

/** True when `text` looks like Markdown (two or more distinct hints, or a
 *  heading or fence, which plain prose almost never starts a line with). */
export function looksLikeMarkdown(text) {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  let hits = 0;
  for (const re of MARKDOWN_HINTS) if (re.test(sample)) hits++;
  return hits >= 2 || /^#{1,6}\s+\S/m.test(sample) || /^```/m.test(sample);
}
