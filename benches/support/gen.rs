//! Input generators shared by the benchmarks (`benches/pipeline.rs`) and the
//! hostile-input tests (`tests/hostile.rs`, which include this file with `#[path]`).
//!
//! Everything is deterministic: the same size gives the same text, so numbers from
//! different runs compare. "News" is built from the hand-written articles in
//! `benches/data/`, with the speakers' names varied per copy so a long document is
//! not one article's speakers over and over.
#![allow(dead_code)]

/// The hand-written articles, `(name, text)`.
pub const ARTICLES: &[(&str, &str)] = &[
    ("tech", include_str!("../data/tech.txt")),
    ("council", include_str!("../data/council.txt")),
    ("court", include_str!("../data/court.txt")),
    ("europe", include_str!("../data/europe.txt")),
];

/// Names in the articles that get varied copy by copy.
const VARIED: &[&str] = &[
    "Ren", "Hale", "Ortiz", "Vane", "Brenner", "Wu", "Park", "Ruiz", "Xu", "Hofmann",
];

/// Replacement surnames for the varied copies.
const SURNAMES: &[&str] = &[
    "Adeyemi",
    "Bergström",
    "Castillo",
    "Dubois",
    "Eriksen",
    "Fontaine",
    "García",
    "Haddad",
    "Ivanova",
    "Jensen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "O'Brien",
    "Petrović",
    "Quinn",
    "Rossi",
    "Søndergaard",
    "Tanaka",
];

/// A tiny deterministic generator (xorshift64*), so no `rand` dependency.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (0 is replaced).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// One of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Copy `k` of the corpus: article `k % 4` with its speakers renamed.
pub fn article_copy(k: usize) -> String {
    let (_, text) = ARTICLES[k % ARTICLES.len()];
    if k < ARTICLES.len() {
        return text.to_string();
    }
    let mut out = text.to_string();
    for (j, name) in VARIED.iter().enumerate() {
        let new = SURNAMES[(k / ARTICLES.len() + j * 7) % SURNAMES.len()];
        out = out.replace(name, new);
    }
    out
}

/// News text of at least `size` bytes: article copies separated by blank lines.
pub fn news(size: usize) -> String {
    let mut out = String::with_capacity(size + 4096);
    let mut k = 0;
    while out.len() < size {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&article_copy(k));
        k += 1;
    }
    out
}

/// Repeats `unit` until the text has at least `size` bytes.
pub fn repeat_to(unit: &str, size: usize) -> String {
    unit.repeat(size.div_ceil(unit.len().max(1)).max(1))
}

/// Words and unbalanced quotation marks of every style in one paragraph: each
/// opening mark is never closed, so a pairing that scans ahead to a closing mark
/// for every open one is quadratic.
pub fn unbalanced_marks(size: usize) -> String {
    const OPEN: &[&str] = &["\"", "“", "‘", "«", "‹", "„", "»", "「", "『", "'", "”"];
    const WORDS: &[&str] = &[
        "he",
        "said",
        "the",
        "plan",
        "was",
        "Ren",
        "told",
        "reporters",
        "and",
        "it",
    ];
    let mut rng = Rng::new(7);
    let mut out = String::with_capacity(size + 16);
    while out.len() < size {
        out.push_str(rng.pick(WORDS));
        out.push(' ');
        out.push_str(rng.pick(OPEN));
        out.push_str(rng.pick(WORDS));
        out.push(' ');
    }
    out
}

/// Apostrophes in every position, in one paragraph (`don't`, `Huawei’s`, `’90s`,
/// `rock ’n’ roll`, `the Joneses’`, doubled and stray ones).
pub fn apostrophe_storm(size: usize) -> String {
    repeat_to(
        "don't Huawei’s ’90s rock ’n’ roll the Joneses’ o'clock '' ’’ it's ' ‘tis ",
        size,
    )
}

/// The news corpus as one paragraph: every line break replaced by a space.
pub fn giant_paragraph(size: usize) -> String {
    news(size).replace('\n', " ")
}

/// The news corpus with one word per line.
pub fn word_per_line(size: usize) -> String {
    news(size).split_whitespace().collect::<Vec<_>>().join("\n")
}

/// `n` copies of one quotation mark, nothing else.
pub fn marks_only(mark: char, n: usize) -> String {
    std::iter::repeat_n(mark, n).collect()
}

/// News text with NUL and other control characters sprinkled every few bytes.
pub fn with_controls(size: usize) -> String {
    const CONTROLS: &[char] = &[
        '\0', '\u{1}', '\u{7}', '\u{8}', '\u{b}', '\u{c}', '\u{1b}', '\u{7f}', '\u{85}', '\r',
    ];
    let mut rng = Rng::new(11);
    let mut out = String::with_capacity(size + size / 4);
    for c in news(size).chars() {
        out.push(c);
        if rng.next() % 8 == 0 {
            out.push(CONTROLS[(rng.next() % CONTROLS.len() as u64) as usize]);
        }
    }
    out
}

/// What JavaScript's lone surrogates become on the way into Rust: U+FFFD, here
/// next to quote marks, in names and on its own.
pub fn replacement_chars(size: usize) -> String {
    repeat_to("\u{fffd}“\u{fffd}We will win,\u{fffd}” said Ren\u{fffd} Zhengfei. \u{fffd}\u{fffd} \"\u{fffd}\" ", size)
}

/// Right-to-left text (Hebrew, Arabic) with bidi controls and quote marks.
pub fn rtl(size: usize) -> String {
    repeat_to(
        "\u{202b}”שלום עולם,“ אמר ראש הממשלה.\u{202c} «مرحبا بالعالم» قال الوزير. \u{200f}\"נדבר מחר\"\u{200f}, he said.\n",
        size,
    )
}

/// News text with zero-width characters inside words and next to quote marks.
pub fn zero_width(size: usize) -> String {
    const ZW: &[char] = &['\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}'];
    let mut rng = Rng::new(13);
    let mut out = String::with_capacity(size + size / 2);
    for c in news(size).chars() {
        out.push(c);
        if rng.next() % 5 == 0 {
            out.push(ZW[(rng.next() % ZW.len() as u64) as usize]);
        }
    }
    out
}

/// A name made of four syllables picked by the digits of `i` (`Kakakaka`,
/// `Lokakaka`, …), then one `x` per 10,000 (so every `i` has its own).
fn syllable_name(i: usize) -> String {
    const SYLLABLES: &[&str] = &["ka", "lo", "mi", "ru", "se", "ta", "vo", "ne", "pi", "da"];
    let mut k = i;
    let mut name = String::new();
    for _ in 0..4 {
        name.push_str(SYLLABLES[k % SYLLABLES.len()]);
        k /= SYLLABLES.len();
    }
    name[..1].to_uppercase() + &name[1..] + &"x".repeat(k)
}

/// Lines `line(syllable_name(i))` for i = 0, 1, … until `size` bytes: a roll
/// of different people, each on a line of their own.
fn roll(size: usize, line: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(size + 80);
    let mut i = 0usize;
    while out.len() < size {
        out.push_str(&line(&syllable_name(i)));
        i += 1;
    }
    out
}

/// A long roll of different people who share a given name (`Maria …`), each
/// quoted and then named again with a slip (`Marai …x`): every name is matched
/// against the entities before it that share a word, so this is the input
/// where speaker resolution costs the most per byte (see the README's limits).
pub fn shared_given_name(size: usize) -> String {
    roll(size, |n| {
        format!("\"We will win,\" said Maria {n}. Later Marai {n}x agreed.\n")
    })
}

/// A long roll of different people who share a surname (`Kakakaka Smith`,
/// `Lokakaka Smith`, …), each quoted and then named by the surname alone: the
/// bare `Smith` fits every one of them, and each speaker lists all of them
/// among its mentions, so the output grows with the square of the roll (see
/// the README's limits).
pub fn shared_surname(size: usize) -> String {
    roll(size, |n| {
        format!("\"We will win,\" said {n} Smith. Later Smith agreed.\n")
    })
}

/// A new person on every line (`Kakakaka Kakakakason`, then `Kakakaka`):
/// quotes and names far denser than news, no word shared between lines'
/// people but the suffix pattern.
pub fn new_person_per_line(size: usize) -> String {
    roll(size, |n| {
        format!("\"We will win,\" said {n} {n}son. Later {n} agreed.\n")
    })
}
