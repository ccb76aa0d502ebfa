//! Coreference for speakers: the mentions that name a quote's speaker are joined
//! into entities (full name, surname or given name alone, pronouns, roles), each
//! entity gets its canonical name (the fullest form seen), and the output
//! [`Annotations`] are assembled.
//!
//! - Names join an entity when their words are a subset of its fullest name
//!   (`Ren` → `Ren Zhengfei`), or differ from it by one edit in a long word
//!   (`Rhen Zhengfei`).
//! - Pronouns resolve to the nearest earlier compatible name outside quotations
//!   (gender from titles, given names and the pronoun; number from the pronoun);
//!   the antecedent is recorded on the quote.
//! - Roles (`the minister`) join the entity an apposition tied them to earlier,
//!   else form their own entity.
//! - Each span is one speaker's mention: a name several speakers' names
//!   contain (`Morrow` for Agnes and Daniel Morrow) is, where it is written,
//!   the one named most recently before it.

use crate::attribution::Attribution;
use crate::mentions::{Mention, MentionKind};
use crate::quotes::Candidate;
use crate::sources::SourceMention;
use crate::text::lower;
use crate::{Annotations, Options, Quote, QuoteKind, Source, Span, Speaker, SpeakerKind};
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::collections::hash_map::Entry;

/// One speaker being gathered. Its name words are borrowed from the
/// [`NameIndex`] when the name is one of the text's (owned otherwise).
struct Entity<'a> {
    name: String,
    name_words: Cow<'a, [&'a str]>,
    /// The [`NameIndex`] ids of `name_words` when the name is one of the
    /// text's (so that [`gather_mentions`] looks none of them up again).
    name_ids: Option<&'a [usize]>,
    kind: SpeakerKind,
    role: Option<String>,
    mentions: Vec<Span>,
}

/// The words of a name without titles (`Dr. Jane Lee` → `Jane`, `Lee`): split
/// at whitespace, trimmed of what is not a letter or digit. Bytes for an ASCII
/// name, chars otherwise.
fn name_words(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    push_name_words(s, &mut out);
    out
}

/// [`name_words`], appended to `out`.
fn push_name_words<'a>(s: &'a str, out: &mut Vec<&'a str>) {
    let keep = |w: &&str| !w.is_empty() && !is_title(w);
    if !s.is_ascii() {
        out.extend(
            s.split(char::is_whitespace)
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(keep),
        );
        return;
    }
    // `char::is_whitespace` on ASCII (which has the vertical tab, unlike
    // `u8::is_ascii_whitespace`).
    let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r');
    let bytes = s.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        let end = bytes[start..]
            .iter()
            .position(|&c| is_space(c))
            .map_or(bytes.len(), |n| start + n);
        let piece = &bytes[start..end];
        let first = piece.iter().position(u8::is_ascii_alphanumeric);
        let last = piece.iter().rposition(u8::is_ascii_alphanumeric);
        if let (Some(f), Some(l)) = (first, last) {
            out.extend(s.get(start + f..start + l + 1).filter(keep));
        }
        start = end + 1;
    }
}

/// Whether `word` is a title ([`crate::lexicon::title`]). Its length and first
/// and last bytes are tested first ([`title_shapes`]): most words of names are
/// no title, and are rejected without hashing.
fn is_title(word: &str) -> bool {
    let t = word.trim_end_matches('.').as_bytes();
    if let (Some(&c), Some(&z), true) = (t.first(), t.last(), t.len() < 16) {
        let shapes = title_shapes();
        if shapes.by_first[usize::from(c)] & shapes.by_last[usize::from(z)] & (1 << t.len()) == 0 {
            return false;
        }
    }
    crate::lexicon::title(word).is_some()
}

/// Which lengths (bits) the titles have by first byte and by last byte.
struct TitleShapes {
    by_first: [u16; 256],
    by_last: [u16; 256],
}

/// The [`TitleShapes`] of [`crate::lexicon::TITLES`], built once. Titles longer
/// than the table holds are never rejected (see [`is_title`]).
fn title_shapes() -> &'static TitleShapes {
    static SHAPES: std::sync::OnceLock<TitleShapes> = std::sync::OnceLock::new();
    SHAPES.get_or_init(|| {
        let mut shapes = TitleShapes {
            by_first: [0; 256],
            by_last: [0; 256],
        };
        for (t, _) in crate::lexicon::TITLES {
            let b = t.as_bytes();
            if let (Some(&c), Some(&z), true) = (b.first(), b.last(), b.len() < 16) {
                shapes.by_first[usize::from(c)] |= 1 << b.len();
                shapes.by_last[usize::from(z)] |= 1 << b.len();
            }
        }
        shapes
    })
}

/// Whether the Levenshtein distance of `a` and `b` (in chars) is at most one:
/// one pass over the common prefix and the rests, without a table.
fn within_one_edit(a: &str, b: &str) -> bool {
    // The common prefix, by bytes, back to the start of the first char that
    // differs (both strings have a char boundary there: their bytes agree).
    let mut p = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    while !a.is_char_boundary(p) {
        p -= 1;
    }
    if p == a.len() && p == b.len() {
        return true;
    }
    // The first difference: substitute (rests after it equal), insert into the
    // shorter (the longer's rest after it equals the shorter's rest).
    let (ra, rb) = (&a[p..], &b[p..]);
    fn skip(r: &str) -> &str {
        let mut cs = r.chars();
        cs.next();
        cs.as_str()
    }
    skip(ra) == skip(rb) || ra == skip(rb) || skip(ra) == rb
}

/// Equal words, or long words one edit apart that start alike (`Rhen` is not
/// long enough; `Zhengfie` ~ `Zhengfei`). Cheap checks first: this runs for
/// every candidate name.
fn word_matches(a: &str, b: &str) -> bool {
    a == b || long_alike(a, b) && within_one_edit(a, b)
}

/// Whether two different words one edit apart [`word_matches`]: both five
/// bytes or longer, their lengths at most one apart, the same first byte.
fn long_alike(a: &str, b: &str) -> bool {
    a.len() >= 5
        && b.len() >= 5
        && a.len().abs_diff(b.len()) <= 1
        && a.as_bytes()[0] == b.as_bytes()[0]
}

/// `Rhen Zhengfei` for `Ren Zhengfei`: full names of two or more words, the
/// same words in order but one, which is one edit from its counterpart (short
/// words too, since the other words vouch for the name).
fn misspelt(a: &[&str], b: &[&str]) -> bool {
    if a.len() < 2 || a.len() != b.len() {
        return false;
    }
    let mut differ = 0;
    for (x, y) in a.iter().zip(b) {
        if x != y {
            differ += 1;
            // Two known given names (`Tim`, `Tom`) are two people.
            let given = |w: &str| crate::lexicon::given_name_gender(w).is_some();
            if differ > 1 || x.chars().count() < 3 || given(x) && given(y) || !within_one_edit(x, y)
            {
                return false;
            }
        }
    }
    differ == 1
        && a.iter()
            .zip(b)
            .any(|(x, y)| x == y && x.chars().count() >= 4)
}

/// Whether every word of `short` matches a word of `long`.
fn subset(short: &[&str], long: &[&str]) -> bool {
    !short.is_empty()
        && short
            .iter()
            .all(|s| long.iter().any(|l| word_matches(s, l)))
}

/// Every distinct name of the text (with the spans where it occurs), indexed by
/// its words, so that finding the names that contain a given name costs the
/// distinct names sharing a word with it, not the mentions.
struct NameIndex<'a> {
    names: Vec<Name<'a>>,
    /// The words of all names, each name's in a run (`Name::words`).
    words: Vec<&'a str>,
    /// The id of each entry of `words` (see `by_word`).
    ids: Vec<usize>,
    /// The spans of all names, each name's in a run in text order (`Name::spans`).
    spans: Vec<Span>,
    /// The distinct words of the names, each with its id: the names with word
    /// `id` are `with_word[word_runs[id]..word_runs[id + 1]]`, in order.
    by_word: HashMap<&'a str, usize>,
    /// The distinct words by id (ids are given in order of first use).
    distinct: Vec<&'a str>,
    /// The distinct words by their one-deletion variants, for the misspelling
    /// search (and [`EntityIndex`]'s): built when a search first needs it.
    edits: OnceCell<EditIndex>,
    /// The matching words of [`NameIndex::containing_by_rarest`] and where
    /// each word's are: kept between searches (no vectors a search).
    scratch: RefCell<(Vec<usize>, Vec<std::ops::Range<usize>>)>,
    /// The names made only of frequent words by [`set_key`] of their words:
    /// built when [`NameIndex::within`] first needs it.
    sets: OnceCell<Chains>,
    /// The words near each word of the names, for
    /// [`NameIndex::push_matching`]: built when first asked.
    neighbours: OnceCell<Neighbours>,
    /// By word id, the names with each frequent word as a bitset
    /// ([`NameIndex::frequent`]); empty until one is made.
    frequent: RefCell<Vec<Option<Vec<u64>>>>,
    with_word: Vec<usize>,
    word_runs: Vec<usize>,
    by_text: HashMap<&'a str, usize>,
}

/// For each distinct word of a [`NameIndex`], the distinct words one edit
/// away ([`within_one_edit`]: those it [`word_matches`] among them, and those
/// [`EntityIndex::near_words`] needs), found in one pass over the variants of
/// an [`EditIndex`]: the words sharing a variant are next to each other
/// there. A long document's index is not in cache: a lookup a word would
/// wait on memory for each of its variants.
struct Neighbours {
    /// Where each word's neighbours start in `ids`, and where the last end.
    at: Vec<u32>,
    /// The neighbours' ids, with [`MATCHES`] set for those the word
    /// [`word_matches`] (so that reading them reads no word).
    ids: Vec<u32>,
}

/// The bit of [`Neighbours::ids`] that says the two words [`word_matches`]
/// (word ids are under 2^31: each word of a text takes two bytes or more,
/// and [`EditIndex`] takes ids up to 2^32).
const MATCHES: u32 = 1 << 31;

/// An entry of [`Neighbours::ids`] and [`NearWords::edits`]: the word id
/// `id`, with [`MATCHES`] set if the words [`word_matches`]. One `u32`, so
/// that both sort as the words' ids do elsewhere (no sort of a pair type
/// in the wasm).
fn near_entry(id: usize, matches: bool) -> u32 {
    debug_assert!(id < MATCHES as usize);
    id as u32 | if matches { MATCHES } else { 0 }
}

/// The word id of a [`near_entry`] and whether the words match.
fn split_near(e: u32) -> (usize, bool) {
    ((e & !MATCHES) as usize, e & MATCHES != 0)
}

impl Neighbours {
    /// The neighbours of the words `words`, indexed by `edits`.
    fn new(edits: &EditIndex, words: &[&str]) -> Neighbours {
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        // Sorted by hash within a bucket, and the buckets by the hash's top
        // bits: a run of one key is one variant (no run spans two buckets).
        // Most variants are one word's: a run of one is passed at once.
        for run in edits.keys.chunk_by(|&x, &y| entry_key(x) == entry_key(y)) {
            if run.len() < 2 {
                continue;
            }
            for (k, &a) in run.iter().enumerate() {
                let a = entry_id(a);
                for &c in &run[k + 1..] {
                    let c = entry_id(c);
                    let (x, y) = (words[a as usize], words[c as usize]);
                    if a != c && a < MATCHES && c < MATCHES && within_one_edit(x, y) {
                        let m = long_alike(x, y);
                        pairs.extend([
                            (a, near_entry(c as usize, m)),
                            (c, near_entry(a as usize, m)),
                        ]);
                    }
                }
            }
        }
        // By word (the pairs are many on a long document: a comparison sort
        // of them cost more than finding them), then each word's few
        // neighbours sorted and each kept once.
        let (starts, mut ids) = group_by_key(&pairs, words.len(), |p| p.0 as usize, |p| p.1);
        let mut at = vec![0u32; words.len() + 1];
        let mut kept = 0;
        for a in 0..words.len() {
            let run = starts[a]..starts[a + 1];
            ids[run.clone()].sort_unstable();
            let n = dedup_sorted(&mut ids[run.clone()]);
            ids.copy_within(run.start..run.start + n, kept);
            at[a] = kept as u32;
            kept += n;
        }
        at[words.len()] = kept as u32;
        ids.truncate(kept);
        Neighbours { at, ids }
    }

    /// The neighbours of word `id`, each with whether the word
    /// [`word_matches`] it (as many as [`Neighbours::count`]).
    fn of(&self, id: usize) -> impl Iterator<Item = (usize, bool)> + '_ {
        self.run(id).iter().map(|&c| split_near(c))
    }

    /// How many neighbours word `id` has (room to reserve for them).
    fn count(&self, id: usize) -> usize {
        self.run(id).len()
    }

    /// The entries of `ids` for word `id`.
    fn run(&self, id: usize) -> &[u32] {
        let run = self
            .at
            .get(id..id + 2)
            .map_or(0..0, |r| r[0] as usize..r[1] as usize);
        &self.ids[run]
    }
}

/// One distinct name of a [`NameIndex`]: its text and where its words and
/// spans lie in the index (flat, so that a name costs no allocation of its own).
struct Name<'a> {
    text: &'a str,
    words: std::ops::Range<usize>,
    spans: std::ops::Range<usize>,
    /// The gender the first of its mentions to tell one tells (a title or a
    /// given name: `Maria Morrow`), for the forms that tell none (`Morrow`).
    gender: Option<bool>,
}

impl<'a> NameIndex<'a> {
    fn new(text: &'a str, mentions: &[Mention]) -> NameIndex<'a> {
        let named = mentions.iter().filter(|m| m.kind == MentionKind::Name);
        // Every table sized once for the most names there can be; `by_word`
        // for one new word a name (words recur: given names, surnames), as
        // a table far larger than its words spreads their inserts over
        // more memory, a cache miss each on a long document (it grows if
        // need be).
        let most = named.clone().count();
        let mut names: Vec<Name<'a>> = Vec::with_capacity(most);
        let mut words: Vec<&'a str> = Vec::with_capacity(2 * most);
        let mut by_text: HashMap<&'a str, usize> =
            HashMap::with_capacity_and_hasher(most, Default::default());
        let mut by_word: HashMap<&'a str, usize> =
            HashMap::with_capacity_and_hasher(most, Default::default());
        let mut distinct: Vec<&'a str> = Vec::with_capacity(2 * most);
        // The word id of each entry of `words`.
        let mut word_ids: Vec<usize> = Vec::with_capacity(2 * most);
        // The name of each name mention, and how many mentions each name has.
        let mut of_mention: Vec<usize> = Vec::with_capacity(most);
        let mut counts: Vec<usize> = Vec::with_capacity(most);
        for m in named.clone() {
            let head = m.head.text(text);
            let i = *by_text.entry(head).or_insert(names.len());
            of_mention.push(i);
            if let Some(n) = counts.get_mut(i) {
                *n += 1;
                let name = &mut names[i];
                name.gender = name.gender.or(m.gender);
                continue;
            }
            counts.push(1);
            let from = words.len();
            push_name_words(head, &mut words);
            for &w in &words[from..] {
                let next = by_word.len();
                let id = *by_word.entry(w).or_insert(next);
                if id == next {
                    distinct.push(w);
                }
                word_ids.push(id);
            }
            names.push(Name {
                text: head,
                words: from..words.len(),
                spans: 0..0,
                gender: m.gender,
            });
        }
        // Each name's spans in one run of `spans`, in text order.
        let mut end = 0;
        for (name, &n) in names.iter_mut().zip(&counts) {
            name.spans = end..end;
            end += n;
        }
        let mut spans = vec![Span::new(0, 0); end];
        for (m, &i) in named.zip(&of_mention) {
            let run = &mut names[i].spans;
            spans[run.end] = m.span;
            run.end += 1;
        }
        for name in &names {
            spans[name.spans.clone()].sort_unstable();
        }
        // Each word's names in one run of `with_word`, in name order.
        let mut word_runs = vec![0; by_word.len() + 1];
        for &id in &word_ids {
            word_runs[id + 1] += 1;
        }
        for k in 1..word_runs.len() {
            word_runs[k] += word_runs[k - 1];
        }
        let mut fill = word_runs.clone();
        let mut with_word = vec![0; word_ids.len()];
        for (i, name) in names.iter().enumerate() {
            for &id in &word_ids[name.words.clone()] {
                with_word[fill[id]] = i;
                fill[id] += 1;
            }
        }
        NameIndex {
            names,
            words,
            ids: word_ids,
            spans,
            by_word,
            distinct,
            edits: OnceCell::new(),
            scratch: RefCell::default(),
            sets: OnceCell::new(),
            neighbours: OnceCell::new(),
            frequent: RefCell::default(),
            with_word,
            word_runs,
            by_text,
        }
    }

    /// The [`EditIndex`] of the distinct words, built when first asked.
    fn edits(&self) -> &EditIndex {
        self.edits.get_or_init(|| EditIndex::new(&self.distinct))
    }

    /// The [`Neighbours`] of the distinct words, built when first asked.
    fn neighbours(&self) -> &Neighbours {
        self.neighbours
            .get_or_init(|| Neighbours::new(self.edits(), &self.distinct))
    }

    /// The names that have the word of id `id`, in order.
    fn names_with(&self, id: usize) -> &[usize] {
        &self.with_word[self.word_runs[id]..self.word_runs[id + 1]]
    }

    /// The id of word `k` of `ws`: read from `ids` (the ids of `ws`, when
    /// they are the words of a name), else looked up.
    fn id_at(&self, ws: &[&str], ids: Option<&[usize]>, k: usize) -> Option<usize> {
        match ids {
            Some(ids) => Some(ids[k]),
            None => self.by_word.get(ws[k]).copied(),
        }
    }

    /// [`NameIndex::push_matching`] of word `k` of `ws` (`ids` as for
    /// [`NameIndex::id_at`]: a known id is not looked up again).
    fn push_matching_at(&self, ws: &[&str], ids: Option<&[usize]>, k: usize, out: &mut Vec<usize>) {
        match ids {
            Some(ids) => self.push_matching_id(ids[k], out),
            None => self.push_matching(ws[k], out),
        }
    }

    /// The words of name `i`.
    fn words(&self, i: usize) -> &[&'a str] {
        &self.words[self.names[i].words.clone()]
    }

    /// The word ids of name `i` (of [`NameIndex::words`], in order).
    fn ids(&self, i: usize) -> &[usize] {
        &self.ids[self.names[i].words.clone()]
    }

    /// The spans of name `i`, in text order.
    fn spans(&self, i: usize) -> &[Span] {
        &self.spans[self.names[i].spans.clone()]
    }

    /// The name whose text is `text`, if it is one of the text's.
    fn name_of(&self, text: &str) -> Option<usize> {
        self.by_text.get(text).copied()
    }

    /// Indices of the names that contain every word of `words` (exactly, or with
    /// one edit in long words when no exact candidate exists). `ids` are the
    /// ids of `words` when they are the words of a name (not looked up again).
    fn containing(&self, words: &[&str], ids: Option<&[usize]>) -> Vec<usize> {
        let Some(first) = words.first() else {
            return Vec::new();
        };
        let on_first = self
            .id_at(words, ids, 0)
            .map_or(&[][..], |id| self.names_with(id));
        if on_first.len() > FEW {
            return self.containing_by_rarest(words, ids);
        }
        let exact: Vec<usize> = on_first
            .iter()
            .copied()
            .filter(|&i| subset(words, self.words(i)))
            .collect();
        if !exact.is_empty() || first.chars().count() < 5 {
            return exact;
        }
        // Misspellings: the distinct words one edit from it. An article's few
        // hundred words are scanned; a long document's are found through
        // their one-deletion variants, not scanned for every search.
        let mut out = Vec::new();
        let near = |id: usize| {
            if word_matches(first, self.distinct[id]) {
                out.extend(
                    self.names_with(id)
                        .iter()
                        .copied()
                        .filter(|&i| subset(words, self.words(i))),
                );
            }
        };
        if self.distinct.len() <= SCANNED_WORDS {
            (0..self.distinct.len()).for_each(near);
        } else {
            self.edits().near(first, near);
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// [`NameIndex::containing`] when many names have the first word (`Maria`
    /// in a roll of Marias): the names holding all of `words` are among those
    /// with a word matching the word of `words` that fewest names match, so
    /// only those are tested, by word id: a name holds `words` when each of
    /// them matches one of its words ([`subset`]). Misspellings are the same
    /// test without the first word itself (see `containing`: every name
    /// holding `words`).
    fn containing_by_rarest(&self, words: &[&str], ids: Option<&[usize]>) -> Vec<usize> {
        let mut scratch = self.scratch.borrow_mut();
        let (matching, runs) = &mut *scratch;
        matching.clear();
        runs.clear();
        for k in 0..words.len() {
            let from = matching.len();
            self.push_matching_at(words, ids, k, matching);
            matching[from..].sort_unstable();
            let kept = dedup_sorted(&mut matching[from..]);
            matching.truncate(from + kept);
            runs.push(from..matching.len());
        }
        let on_names = |r: &std::ops::Range<usize>| -> usize {
            let ids = &matching[r.clone()];
            ids.iter().map(|&id| self.names_with(id).len()).sum()
        };
        let Some((k, rarest, total)) = runs
            .iter()
            .enumerate()
            .map(|(k, r)| (k, r, on_names(r)))
            .min_by_key(|&(_, _, total)| total)
        else {
            return Vec::new();
        };
        let mut cands: Vec<usize> = Vec::with_capacity(total);
        for &id in &matching[rarest.clone()] {
            cands.extend_from_slice(self.names_with(id));
        }
        cands.sort_unstable();
        cands.dedup();
        // Each word of `words` matches a word of the name: the name is on the
        // list of one of its matching words (of the rarest, it is).
        let first = self.id_at(words, ids, 0);
        for &id in matching.iter().chain(&first) {
            self.frequent(id);
        }
        let frequent = self.frequent.borrow();
        let on = |i: usize, id: usize| match frequent.get(id).and_then(Option::as_ref) {
            Some(bits) => bits[i / 64] >> (i % 64) & 1 == 1,
            None => self.names_with(id).binary_search(&i).is_ok(),
        };
        cands.retain(|&i| {
            let mut others = runs.iter().enumerate().filter(|&(j, _)| j != k);
            others.all(|(_, r)| matching[r.clone()].iter().any(|&m| on(i, m)))
        });
        // The exact ones (holding the first word itself), if any, in place.
        let exact = |i: &usize| first.is_some_and(|f| on(*i, f));
        if cands.iter().any(exact) || words[0].chars().count() < 5 {
            cands.retain(exact);
        }
        cands
    }

    /// Makes the bitset of the names with word `id` if that word is frequent
    /// (on more than [`FEW`] names, and a 64th of all: the bitset is no larger
    /// than the list), so that testing a name costs no binary search in it
    /// (nor a read of the name: on a long document, a cache miss a name).
    fn frequent(&self, id: usize) {
        let on = self.names_with(id);
        if on.len() > FEW && on.len() * 64 >= self.names.len() {
            let mut frequent = self.frequent.borrow_mut();
            if frequent.is_empty() {
                frequent.resize(self.distinct.len(), None);
            }
            frequent[id].get_or_insert_with(|| {
                let mut bits = vec![0u64; self.names.len().div_ceil(64)];
                for &i in on {
                    bits[i / 64] |= 1 << (i % 64);
                }
                bits
            });
        }
    }

    /// Appends the ids of the distinct words `w` matches ([`word_matches`]):
    /// itself, and long words one edit away: for a word of the names, read
    /// from [`Neighbours`] (all found at once, not a lookup a word), else
    /// found through [`EditIndex`].
    fn push_matching(&self, w: &str, out: &mut Vec<usize>) {
        match self.by_word.get(w) {
            Some(&id) => self.push_matching_id(id, out),
            None => self.push_near_words(w, None, out),
        }
    }

    /// [`NameIndex::push_matching`] for the word of id `id`.
    fn push_matching_id(&self, id: usize, out: &mut Vec<usize>) {
        out.push(id);
        let w = self.distinct[id];
        if w.len() >= 5 {
            let neighbours = self.neighbours();
            // Reserved at once (`filter_map` tells `extend` no length).
            out.reserve(neighbours.count(id));
            let near = neighbours.of(id);
            out.extend(near.filter_map(|(c, matches)| matches.then_some(c)));
        }
    }

    /// Appends the ids of the distinct words one edit from `w` that it
    /// matches ([`word_matches`]: five bytes or longer); `own` is the id of
    /// `w` if it is a word of the names (skipped without reading it).
    fn push_near_words(&self, w: &str, own: Option<usize>, out: &mut Vec<usize>) {
        if w.len() >= 5 {
            self.edits().near(w, |id| {
                if Some(id) != own {
                    let x = self.distinct[id];
                    if x != w && word_matches(w, x) {
                        out.push(id);
                    }
                }
            });
        }
    }

    /// Puts into `out`, in order, the names sharing a word with `ws` all of
    /// whose words match words of `ws` (the names of an entity named `ws`).
    /// When many names share its words, the candidates are the names of the
    /// words matching `ws`, but for the most frequent words (`Maria`): a name
    /// of those alone is found by its set of words ([`NameIndex::sets`]).
    fn within(&self, ws: &[&str], ids: Option<&[usize]>, out: &mut Vec<usize>) {
        out.clear();
        let names_of = |k: usize| {
            self.id_at(ws, ids, k)
                .map_or(&[][..], |id| self.names_with(id))
        };
        // Each word's names looked up once (a name has a few words).
        let mut lists: [&[usize]; 8] = [&[]; 8];
        let kept = ws.len() <= lists.len();
        if kept {
            for (k, list) in lists.iter_mut().take(ws.len()).enumerate() {
                *list = names_of(k);
            }
        }
        let on = |k: usize| if kept { lists[k] } else { names_of(k) };
        let total: usize = (0..ws.len()).map(|k| on(k).len()).sum();
        if total <= FEW {
            for k in 0..ws.len() {
                out.extend_from_slice(on(k));
            }
            out.sort_unstable();
            out.dedup();
            out.retain(|&i| {
                let words = self.words(i);
                words.iter().any(|w| ws.contains(w)) && subset(words, ws)
            });
            return;
        }
        // The words matching a word of `ws` (sorted), and those of `ws`.
        // Room for a few matching words each (`Maria`'s neighbours).
        let mut near = Vec::with_capacity(8 * ws.len());
        for k in 0..ws.len() {
            self.push_matching_at(ws, ids, k, &mut near);
        }
        near.sort_unstable();
        near.dedup();
        let own: Cow<[usize]> = match ids {
            Some(ids) => ids.into(),
            None => (0..ws.len())
                .filter_map(|k| self.id_at(ws, ids, k))
                .collect(),
        };
        // Longest lists first.
        let mut by_names = near.clone();
        by_names.sort_by_key(|&id| std::cmp::Reverse(self.names_with(id).len()));
        let long = by_names
            .iter()
            .take(MOST_LONG)
            .take_while(|&&id| self.names_with(id).len() > FEW)
            .count();
        for &id in &by_names[long..] {
            out.extend_from_slice(self.names_with(id));
        }
        let sets = self.sets.get_or_init(|| self.set_index());
        for_each_subset(
            &by_names[..long],
            |id| self.distinct[id],
            |key| sets.each(key, |i| out.push(i)),
        );
        out.sort_unstable();
        out.dedup();
        // By id: shares a word with `ws`, and each word matches one of them.
        out.retain(|&i| {
            let ids = self.ids(i);
            ids.iter().any(|x| own.contains(x)) && ids.iter().all(|x| near.binary_search(x).is_ok())
        });
    }

    /// The names made only of frequent words (each on more than [`FEW`]
    /// names), by [`set_key`] of their words ([`NameIndex::sets`]): `within`
    /// looks up only sets of such words.
    fn set_index(&self) -> Chains {
        let mut sets = Chains::default();
        for i in 0..self.names.len() {
            let ids = self.ids(i);
            if !ids.is_empty() && ids.iter().all(|&id| self.names_with(id).len() > FEW) {
                sets.add(set_key(self.words(i)), i);
            }
        }
        sets
    }

    /// The fullest name that contains `words`; when several different names do
    /// (`Agnes Morrow`, `Daniel Morrow` for `Morrow`), the one written most
    /// recently before `pos`. `ids` as for [`NameIndex::containing`].
    fn fullest(&self, words: &[&str], ids: Option<&[usize]>, pos: usize) -> Option<usize> {
        let cands = self.containing(words, ids);
        let longest = cands.iter().map(|&i| self.words(i).len()).max()?;
        // The spans of a name are in text order (mentions are): the latest one
        // starting at or before `pos` is found by binary search, so a name
        // repeated through a long document costs log(occurrences), not a scan.
        let recent = |i: usize| {
            let spans = self.spans(i);
            let k = spans.partition_point(|s| s.start <= pos);
            k.checked_sub(1).map(|k| spans[k].start)
        };
        let pick = cands
            .iter()
            .copied()
            .filter(|&i| self.words(i).len() == longest)
            .max_by_key(|&i| (recent(i), std::cmp::Reverse(i)))?;
        // A longer name elsewhere that is not a form of the picked one (two
        // Morrows): prefer the most recent among all candidates of length > 1.
        let best_recent = cands
            .iter()
            .copied()
            .filter(|&i| self.words(i).len() > words.len())
            .max_by_key(|&i| recent(i));
        match best_recent {
            Some(r) if recent(r) > recent(pick) && !subset(self.words(r), self.words(pick)) => {
                Some(r)
            }
            _ => Some(pick),
        }
    }
}

/// Up to how many distinct name words the misspelling search scans them all
/// (past it, [`EditIndex`] finds the near ones).
const SCANNED_WORDS: usize = 512;

/// Words by the variants that delete one char (and by themselves,
/// [`variants`]): two words one edit apart (a char inserted, deleted or
/// replaced) share a variant, so the words one edit from a query are among
/// those sharing one of its variants ([`EditIndex::near_all`]), and those it
/// [`word_matches`] among those sharing one of its [`matching_variants`]
/// ([`EditIndex::near`]). Keys are hashes of
/// the variants: a collision only adds a candidate, which the caller's exact
/// test drops.
struct EditIndex {
    /// The variant hash's top half ([`entry_key`]) and the word id
    /// ([`entry_id`]) in one `u64` ([`edit_entry`]), in buckets by the hash's
    /// top bits (sorted within a bucket): a lookup reads a bucket (a few
    /// entries, one cache line), not a binary search over all (a cache miss a
    /// step on a long document's many words). Compact (8 bytes an entry,
    /// sorted as they are stored) for the same reason.
    keys: Vec<u64>,
    /// Where each bucket starts in `keys`, and where the last ends.
    starts: Vec<u32>,
    /// How far a hash is shifted right to give its bucket.
    shift: u32,
}

impl EditIndex {
    /// The index of `words` (a word's id is its position); words of one char
    /// are left out (no rule compares them inexactly).
    fn new(words: &[&str]) -> EditIndex {
        // A word with a repeated char has a variant twice (`Anna`: `Ana`):
        // kept, lookups and `Neighbours` drop repeats.
        // Sized once: a word has at most a variant a byte, and itself.
        let most = words.iter().map(|w| w.len() + 1).sum();
        let mut all: Vec<u64> = Vec::with_capacity(most);
        for (id, w) in words.iter().enumerate() {
            let Ok(id) = u32::try_from(id) else { break };
            if w.chars().nth(1).is_some() {
                variants(w, |h| all.push(edit_entry(h, id)));
            }
        }
        // Past `u32` entries (a text of gigabytes), the rest are left out.
        all.truncate(u32::MAX as usize);
        // About four keys a bucket; in bucket order by a radix sort (its
        // passes write a few streams, where one counting sort over all the
        // buckets would write all over memory).
        // (Fewer than 2^32 entries: the bucket bits are within the key's.)
        let bits = (all.len() / 4)
            .max(1)
            .next_power_of_two()
            .trailing_zeros()
            .max(1);
        let shift = 64 - bits;
        sort_by_top_bits(&mut all, shift);
        let mut starts = vec![0u32; (1 << bits) + 1];
        for &e in &all {
            starts[(e >> shift) as usize + 1] += 1;
        }
        for b in 1..starts.len() {
            starts[b] += starts[b - 1];
        }
        // Each bucket by hash (a bucket is a few keys, unless many hashes
        // share their top bits: then found by binary search).
        for b in 0..starts.len() - 1 {
            all[starts[b] as usize..starts[b + 1] as usize].sort_unstable();
        }
        EditIndex {
            keys: all,
            starts,
            shift,
        }
    }

    /// Calls `f` with the id of every word sharing a matching variant with
    /// `word` (among them every word it matches; a word once per variant it
    /// shares, or more: callers drop repeats).
    fn near(&self, word: &str, f: impl FnMut(usize)) {
        self.near_from(word, matching_skip(word), f);
    }

    /// [`EditIndex::near`] by all variants: every word one edit from `word`
    /// is among those `f` is called with.
    fn near_all(&self, word: &str, f: impl FnMut(usize)) {
        self.near_from(word, 0, f);
    }

    /// [`EditIndex::near`] by the variants of `word` that keep its first
    /// `skip` chars ([`variants_from`]).
    fn near_from(&self, word: &str, skip: usize, mut f: impl FnMut(usize)) {
        // The buckets of all variants are found first, then read: the loads
        // do not wait on each other (a long document's index is not in
        // cache).
        let mut found = [(0u64, 0u32, 0u32); 24];
        let mut n = 0;
        variants_from(word, skip, |h| {
            let b = (h >> self.shift) as usize;
            if let Some(slot) = found.get_mut(n) {
                *slot = (h, self.starts[b], self.starts[b + 1]);
            } else {
                self.scan(h, self.starts[b], self.starts[b + 1], &mut f);
            }
            n += 1;
        });
        for &(h, from, to) in &found[..n.min(found.len())] {
            self.scan(h, from, to, &mut f);
        }
    }

    /// Calls `f` with the id of every entry of `keys[from..to]` for the
    /// variant hash `h`.
    fn scan(&self, h: u64, from: u32, to: u32, f: &mut impl FnMut(usize)) {
        let bucket = &self.keys[from as usize..to as usize];
        let key = entry_key(h);
        let first = bucket.partition_point(|&e| entry_key(e) < key);
        for &e in bucket[first..].iter().take_while(|&&e| entry_key(e) == key) {
            f(entry_id(e) as usize);
        }
    }
}

/// An entry of [`EditIndex::keys`]: the top half of the variant hash `h`
/// (the bucket's bits and what tells hashes apart within it), then the word
/// id `id`.
fn edit_entry(h: u64, id: u32) -> u64 {
    h & !u64::from(u32::MAX) | u64::from(id)
}

/// The key of an [`edit_entry`] or of a variant hash: its top half.
fn entry_key(e: u64) -> u32 {
    (e >> 32) as u32
}

/// The word id of an [`edit_entry`].
fn entry_id(e: u64) -> u32 {
    e as u32
}

/// Sorts `all` by their bits from `shift` up (stably, a byte of them a
/// pass).
fn sort_by_top_bits(all: &mut Vec<u64>, shift: u32) {
    let mut out = vec![0; all.len()];
    let mut low = shift;
    while low < 64 {
        let width = (64 - low).min(8);
        let digit = |h: u64| ((h >> low) & ((1 << width) - 1)) as usize;
        let mut at = [0usize; 257];
        for &h in all.iter() {
            at[digit(h) + 1] += 1;
        }
        for d in 1..at.len() {
            at[d] += at[d - 1];
        }
        for &e in all.iter() {
            let d = digit(e);
            out[at[d]] = e;
            at[d] += 1;
        }
        std::mem::swap(all, &mut out);
        low += width;
    }
}

/// Calls `f` with the hash of `w` and of `w` without each of its chars in turn.
/// The hash is of the bytes alone, so a variant hashes alike whichever word
/// and char it came from.
fn variants(w: &str, f: impl FnMut(u64)) {
    variants_from(w, 0, f);
}

/// The variants that [`word_matches`] needs: two words it matches have the
/// same first byte, so when that is ASCII (the same first char) they share a
/// variant that keeps it (a char inserted before it is the same char,
/// inserted after it); the first char is dropped too only when it is not
/// ASCII. A tenth fewer variants to look up ([`EditIndex::near`]) or file.
fn matching_variants(w: &str, f: impl FnMut(u64)) {
    variants_from(w, matching_skip(w), f);
}

/// How many leading chars [`matching_variants`] of `w` keep: its first
/// when that is ASCII.
fn matching_skip(w: &str) -> usize {
    usize::from(w.as_bytes().first().is_some_and(u8::is_ascii))
}

/// [`variants`] without dropping the first `skip` chars.
fn variants_from(w: &str, skip: usize, mut f: impl FnMut(u64)) {
    // A polynomial hash of the bytes (`H(x ++ y) = H(x)·P^|y| + H(y)`, mod
    // 2^64): the hash of `w` without a char is that of `w` corrected by the
    // char's part, so all the variants cost one pass over `w`, not one pass
    // each. Each is mixed before use: a polynomial's top bits (the
    // buckets of [`EditIndex`]) hardly depend on the last bytes.
    let b = w.as_bytes();
    let (whole, mut rest_pow) = b.iter().fold((0u64, 1u64), |(h, pow), &c| {
        (poly_step(h, c), pow.wrapping_mul(POLY))
    });
    f(mix64(whole));
    // One pass over the bytes: `pre` is the hash of the bytes before the
    // current char, `with` of those up to the current byte, `rest_pow` is
    // `P^n` for the `n` bytes after it; at a char's last byte (the next is
    // no continuation byte) its variant is made.
    let (mut pre, mut with, mut k) = (0u64, 0u64, 0);
    for (i, &c) in b.iter().enumerate() {
        with = poly_step(with, c);
        rest_pow = rest_pow.wrapping_mul(POLY_INVERSE);
        if b.get(i + 1).is_some_and(|&d| d & 0xc0 == 0x80) {
            continue;
        }
        if k >= skip {
            // `H(pre ++ rest) = H(w) - H(pre ++ c)·P^|rest| + H(pre)·P^|rest|`.
            f(mix64(whole.wrapping_add(
                pre.wrapping_sub(with).wrapping_mul(rest_pow),
            )));
        }
        pre = with;
        k += 1;
    }
}

/// The multiplier of the polynomial hash of [`variants_from`] (odd, so
/// invertible mod 2^64).
const POLY: u64 = 0x0000_0100_0000_01b3;

/// `POLY`'s inverse mod 2^64 (Newton's iteration: each step doubles the
/// bits that are right, and an odd number is its own inverse mod 8).
const POLY_INVERSE: u64 = {
    let mut x = POLY;
    let mut n = 0;
    while n < 5 {
        x = x.wrapping_mul(2u64.wrapping_sub(POLY.wrapping_mul(x)));
        n += 1;
    }
    x
};

/// One byte of the polynomial hash of [`variants_from`] (`+ 1`: a zero byte
/// counts).
fn poly_step(h: u64, c: u8) -> u64 {
    h.wrapping_mul(POLY).wrapping_add(u64::from(c) + 1)
}

/// The finaliser of MurmurHash3 (every bit of `h` moves every bit of the
/// result).
fn mix64(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ h >> 33
}

/// Assembles the output from the candidates, their attributions, all mentions
/// and all source mentions. Out of line, so that profiles show the stage apart.
#[inline(never)]
pub fn build(
    text: &str,
    found: Vec<Candidate>,
    attributed: Vec<Attribution>,
    mentions: &[Mention],
    sources: Vec<SourceMention>,
    options: &Options,
) -> Annotations {
    // Keep reported quotes, in text order.
    let mut idx: Vec<usize> = (0..found.len())
        .filter(|&i| {
            !found[i].absorbed && (found[i].kind != QuoteKind::Mention || options.include_mentions)
        })
        .filter(|&i| !found[i].content.is_empty())
        .collect();
    idx.sort_by_key(|&i| (found[i].content.start, found[i].content.end));
    // A name inside a reported clause (`she said the so-called "peace plan"
    // failed`) is kept beside it: a mention never displaces a quote.
    let (names, idx): (Vec<usize>, Vec<usize>) = idx
        .into_iter()
        .partition(|&i| found[i].kind == QuoteKind::Mention);
    // Drop exact duplicates and quotes nested in a kept quote of the same kind.
    let mut kept: Vec<usize> = Vec::with_capacity(idx.len() + names.len());
    for i in idx {
        if let Some(&j) = kept.last() {
            if found[j].content.overlaps(found[i].content) {
                // Keep the one with marks (direct/mixed) or the longer one.
                let better = (found[i].kind != QuoteKind::Indirect, found[i].content.len())
                    > (found[j].kind != QuoteKind::Indirect, found[j].content.len());
                if better {
                    kept.pop();
                    kept.push(i);
                }
                continue;
            }
        }
        kept.push(i);
    }
    if !names.is_empty() {
        kept.extend(names);
        kept.sort_by_key(|&i| (found[i].content.start, found[i].content.end));
    }
    // The output id of each kept candidate, by candidate index.
    let mut new_id: Vec<Option<usize>> = vec![None; found.len()];
    for (n, &i) in kept.iter().enumerate() {
        new_id[i] = Some(n);
    }

    let index = NameIndex::new(text, mentions);
    let mut entities = Entities::of_names(&index, kept.len());
    let mut recent: Vec<(usize, Mention)> = Vec::with_capacity(kept.len());
    let mut quotes: Vec<Quote> = Vec::with_capacity(kept.len());
    let mut source_ids: HashMap<&str, usize> = HashMap::default();
    let mut out_sources: Vec<Source> = Vec::new();
    for (n, &i) in kept.iter().enumerate() {
        let c = &found[i];
        let a = &attributed[i];
        let mut antecedent = None;
        let speaker = a.mention.as_ref().and_then(|m| {
            let (ent_mention, ante) = resolve(text, m, mentions, &recent, &sources, &index);
            antecedent = ante;
            let em = ent_mention?;
            if em.kind == MentionKind::Pronoun {
                // A pronoun that resolves to nothing names no one: the quote
                // keeps the pronoun as its mention, without a speaker.
                return None;
            }
            recent.push((m.span.end, em.clone()));
            Some(entity_for(text, &em, m, &index, &mut entities))
        });
        // The words naming the speaker: kept for an unresolved pronoun too.
        let unresolved = speaker.is_none()
            && a.mention
                .as_ref()
                .is_some_and(|m| m.kind == MentionKind::Pronoun);
        // Sources in the attribution's sentence, outside the quote.
        let anchor = a.cue.map(|s| s.start).unwrap_or(c.outer.start);
        let lo = sources.partition_point(|s| s.span.start + 120 <= anchor);
        let source = sources[lo..]
            .iter()
            .take_while(|s| s.span.start < anchor + 120)
            .filter(|s| !c.content.overlaps(s.span))
            .filter(|s| {
                s.span.start.abs_diff(anchor) < 120 && same_line(text, s.span.start, anchor)
            })
            .min_by_key(|s| s.span.start.abs_diff(anchor))
            .map(|s| {
                if let Some(&id) = source_ids.get(s.key.as_str()) {
                    // Duplicates are removed once at the end (a `contains` here
                    // would make a source cited all through a long text quadratic).
                    out_sources[id].mentions.push(s.span);
                    id
                } else {
                    let id = out_sources.len();
                    out_sources.push(Source {
                        id,
                        name: s.span.text(text).to_string(),
                        kind: s.kind,
                        mentions: vec![s.span],
                    });
                    source_ids.insert(s.key.as_str(), id);
                    id
                }
            });
        let rule = if c.kind != QuoteKind::Mention && (speaker.is_some() || unresolved) {
            a.rule
        } else {
            c.rule
        };
        quotes.push(Quote {
            id: n,
            kind: c.kind,
            start: c.content.start,
            end: c.content.end,
            cue: a.cue.or(c.cue),
            speaker,
            mention: a
                .mention
                .as_ref()
                .map(|m| m.span)
                .filter(|_| speaker.is_some() || unresolved),
            source,
            confidence: round2(if speaker.is_some() {
                a.confidence.min(c.confidence.max(0.5))
            } else {
                c.confidence * 0.5
            }),
            rule: rule.to_string(),
            antecedent: antecedent.filter(|_| speaker.is_some()),
            continues: c.continues.and_then(|j| new_id.get(j).copied().flatten()),
        });
    }
    for s in &mut out_sources {
        s.mentions.sort_unstable();
        s.mentions.dedup();
    }
    // Speakers in order of first quote; gather every mention of each entity.
    let mut order: Vec<usize> = Vec::new();
    let mut seen = vec![false; entities.list.len()];
    for q in &quotes {
        if let Some(e) = q.speaker {
            if !seen[e] {
                seen[e] = true;
                order.push(e);
            }
        }
    }
    let mut remap: Vec<Option<usize>> = vec![None; entities.list.len()];
    for (n, &e) in order.iter().enumerate() {
        remap[e] = Some(n);
    }
    for q in &mut quotes {
        q.speaker = q.speaker.and_then(|e| remap.get(e).copied().flatten());
    }
    // Each entity is in `order` once: its name, role and mentions move into
    // its speaker.
    let gathered = gather_mentions(&index, &mut entities.list, &order);
    let speakers: Vec<Speaker> = order
        .iter()
        .zip(gathered)
        .enumerate()
        .map(|(n, (&e, mentions))| {
            let ent = &mut entities.list[e];
            Speaker {
                id: n,
                name: std::mem::take(&mut ent.name),
                kind: ent.kind,
                role: ent.role.take(),
                mentions,
            }
        })
        .collect();
    Annotations {
        quotes,
        speakers,
        sources: out_sources,
    }
}

/// The mentions of each entity in `order`, sorted, each span once: the
/// mentions that named it for its quotes, and every name written in the text
/// whose words are all in its name (`Morrow`, `Agnes` for `Agnes Morrow`). A
/// name that several speakers' names contain (`Morrow` for Agnes and Daniel
/// Morrow) goes, where it is written, to the one of them named most recently
/// before it (else the first named after it), so that no span is two
/// speakers' and the output stays linear in the text when a hundred people
/// share a surname.
fn gather_mentions(index: &NameIndex, list: &mut [Entity], order: &[usize]) -> Vec<Vec<Span>> {
    let mut gathered: Vec<Vec<Span>> = order
        .iter()
        .map(|&e| std::mem::take(&mut list[e].mentions))
        .collect();
    // Whose each span is: first the speaker a quote named with it (a misspelt
    // name may also be written in another speaker's name).
    // Sized once for every span there is to own (no table grown in steps).
    let spans = gathered.iter().map(Vec::len).sum::<usize>() + index.spans.len();
    let mut owner: HashMap<Span, usize> =
        HashMap::with_capacity_and_hasher(spans, Default::default());
    for (n, ms) in gathered.iter().enumerate() {
        for &m in ms {
            owner.entry(m).or_insert(n);
        }
    }
    // (name, speaker) for every name a speaker's name contains, by name.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut names: Vec<usize> = Vec::new();
    for (n, &e) in order.iter().enumerate() {
        let ent = &list[e];
        if ent.kind == SpeakerKind::Person || ent.kind == SpeakerKind::Organization {
            index.within(&ent.name_words, ent.name_ids, &mut names);
            pairs.extend(names.iter().map(|&i| (i, n)));
        }
    }
    // Sorted: by name, and by speaker within a name (they were made in
    // speaker order, each once: `within` lists a name once).
    let (_, pairs) = group_by_key(&pairs, index.names.len(), |p| p.0, |&p| p);
    // A name of one speaker is its own.
    let groups = pairs.chunk_by(|a, b| a.0 == b.0);
    for &(i, n) in groups
        .clone()
        .filter_map(|g| if let [one] = g { Some(one) } else { None })
    {
        for &s in index.spans(i) {
            if let Entry::Vacant(v) = owner.entry(s) {
                v.insert(n);
                gathered[n].push(s);
            }
        }
    }
    // A shared name goes by where its speakers are named so far (anchors):
    // what it gives them is added after, so that no shared name moves
    // another.
    let mut anchors: Vec<(usize, usize)> = Vec::new();
    let mut shared: Vec<(usize, Span)> = Vec::new();
    for group in groups.filter(|g| g.len() > 1) {
        anchors.clear();
        for &(_, n) in group {
            anchors.extend(gathered[n].iter().map(|s| (s.start, n)));
        }
        anchors.sort_unstable();
        // The name's spans are in text order: one pass over both.
        let mut after = 0;
        for &s in index.spans(group[0].0) {
            while anchors.get(after).is_some_and(|a| a.0 <= s.start) {
                after += 1;
            }
            let nearest = after
                .checked_sub(1)
                .map_or(anchors.get(after), |k| anchors.get(k));
            if let (Some(&(_, n)), Entry::Vacant(v)) = (nearest, owner.entry(s)) {
                v.insert(n);
                shared.push((n, s));
            }
        }
    }
    for (n, s) in shared {
        gathered[n].push(s);
    }
    // Equal spans are identical: an unstable sort orders them as a stable one.
    for ms in &mut gathered {
        ms.sort_unstable();
        ms.dedup();
    }
    gathered
}

fn same_line(text: &str, a: usize, b: usize) -> bool {
    let (s, e) = if a < b { (a, b) } else { (b, a) };
    !text.get(s..e).unwrap_or("\n").contains('\n')
}

/// How far back a pronoun looks for its antecedent, in bytes.
const PRONOUN_REACH: usize = 1500;

/// The mention an entity is keyed on: the mention itself; for a pronoun the
/// antecedent it resolves to (returned second); for a role (`the minister`) the
/// name an earlier apposition tied it to.
///
/// Pronouns prefer, among compatible candidates, the nearest by distance where
/// earlier speakers count twice as close (salience) and names after a
/// locative preposition do not count.
fn resolve(
    text: &str,
    m: &Mention,
    mentions: &[Mention],
    recent: &[(usize, Mention)],
    sources: &[SourceMention],
    index: &NameIndex,
) -> (Option<Mention>, Option<Span>) {
    let compatible = |a: &Mention| compatible(m, a, || antecedent_gender(text, a, index));
    // Outlets and documents (`the Reuters report`) are never the antecedent
    // of `he` or `she` (`it` may be an outlet that reported something).
    let is_source = |a: &Mention| {
        if m.gender.is_none() {
            return false;
        }
        let i = sources.partition_point(|s| s.span.end <= a.span.start);
        sources.get(i).is_some_and(|s| s.span.overlaps(a.span))
    };
    if m.kind == MentionKind::Role {
        if let Some(name) = role_name(text, m, mentions) {
            return (Some(name.clone()), Some(name.span));
        }
        return (Some(m.clone()), None);
    }
    if m.kind != MentionKind::Pronoun {
        return (Some(m.clone()), None);
    }
    let k = mentions.partition_point(|a| a.span.end <= m.span.start);
    if matches!(m.span.text(text), "who" | "which") {
        // A relative pronoun: the phrase just before it.
        let ante = mentions[..k]
            .iter()
            .rev()
            .take_while(|a| m.span.start - a.span.end < 80)
            .find(|a| a.kind != MentionKind::Pronoun);
        return match ante {
            Some(a) => (Some(a.clone()), Some(a.span)),
            None => (Some(m.clone()), None),
        };
    }
    // `in Allentown, Pa.,`: the state after a place, set off by commas, is a
    // place too (`In Cleveland, Donald Trump said` is not).
    let place = |i: usize| {
        let a = &mentions[i];
        let set_off = matches!(
            text.as_bytes().get(a.span.end),
            Some(b',' | b'.' | b';' | b')')
        ) && a.span.text(text).bytes().filter(|&b| b == b' ').count() <= 1;
        // The place it follows, if it is the state after one.
        let before = i.checked_sub(1).map(|p| &mentions[p]).filter(|b| {
            set_off
                && text
                    .get(b.span.end..a.span.start)
                    .is_some_and(|gap| gap.trim() == ",")
        });
        crate::mentions::after_locative(text, before.unwrap_or(a))
    };
    let near = (0..k)
        .rev()
        .take_while(|&i| m.span.start - mentions[i].span.end < PRONOUN_REACH)
        .filter(|&i| {
            matches!(
                mentions[i].kind,
                MentionKind::Name | MentionKind::Role | MentionKind::Group | MentionKind::Org
            )
        })
        .filter(|&i| compatible(&mentions[i]) && !place(i) && !is_source(&mentions[i]))
        .map(|i| (m.span.start - mentions[i].span.end, &mentions[i]))
        .next();
    let speaker = recent
        .iter()
        .rev()
        .take_while(|(pos, _)| m.span.start.saturating_sub(*pos) < PRONOUN_REACH)
        .find(|(pos, a)| *pos <= m.span.start && compatible(a))
        .map(|(pos, a)| ((m.span.start - pos) / 2, a));
    let best = match (near, speaker) {
        (Some(n), Some(s)) => Some(if s.0 <= n.0 { s.1 } else { n.1 }),
        (Some(n), None) => Some(n.1),
        (None, Some(s)) => Some(s.1),
        (None, None) => None,
    };
    match best {
        Some(a) => (Some(a.clone()), Some(a.span)),
        None => (Some(m.clone()), None),
    }
}

/// The gender of mention `a` as an antecedent: its own, else, for a name
/// that tells none (`Morrow`), that of the fullest name of the text it is a
/// form of there ([`NameIndex::fullest`]: `Maria Morrow`), so that `he`
/// does not resolve to her surname.
fn antecedent_gender(text: &str, a: &Mention, index: &NameIndex) -> Option<bool> {
    if a.gender.is_some() || a.kind != MentionKind::Name {
        return a.gender;
    }
    let head = a.head.text(text);
    let name = index.name_of(head);
    let words: Cow<[&str]> = match name {
        Some(i) => index.words(i).into(),
        None => name_words(head).into(),
    };
    let ids = name.map(|i| index.ids(i));
    let full = index.fullest(&words, ids, a.span.start)?;
    index.names[full].gender
}

/// For a role mention (`the minister`), the name an earlier apposition or title
/// tied that role to: `Finance Minister Jane Lee`, `the minister, Jane Lee,`,
/// `Jane Lee, the finance minister,`.
fn role_name<'a>(text: &str, role: &Mention, mentions: &'a [Mention]) -> Option<&'a Mention> {
    let head = role.head.text(text).to_lowercase();
    if head.len() < 3 {
        return None;
    }
    let from = role.span.start.saturating_sub(5000);
    let mut from = from;
    while from < role.span.start && !text.is_char_boundary(from) {
        from += 1;
    }
    // ASCII lower-casing keeps byte offsets (full Unicode lower-casing may not)
    // and is several times cheaper over a window this long.
    let window = text.get(from..role.span.start)?.to_ascii_lowercase();
    let mut end = window.len();
    while let Some(k) = window[..end].rfind(&head) {
        let at = from + k;
        let after = at + head.len();
        // A name right after the role word ("Minister Jane Lee", "minister, Jane Lee").
        let i = mentions.partition_point(|x| x.span.start < after);
        if let Some(n) = mentions.get(i).filter(|n| {
            n.kind == MentionKind::Name
                && n.span.start <= after + 3
                && n.span.end <= role.span.start
        }) {
            return Some(n);
        }
        // A name mention containing the role word as its title ("Minister Jane Lee").
        let j = mentions.partition_point(|x| x.span.end <= at);
        if let Some(n) = mentions
            .get(j)
            .filter(|n| n.kind == MentionKind::Name && n.span.start <= at && at < n.span.end)
        {
            return Some(n);
        }
        // A name just before: "Jane Lee, the finance minister".
        if let Some(n) = j
            .checked_sub(1)
            .and_then(|j| mentions.get(j))
            .filter(|n| n.kind == MentionKind::Name && at - n.span.end <= 40)
        {
            let between = text.get(n.span.end..at).unwrap_or("");
            if between.trim_start().starts_with(',') && !between.contains(['.', ';', '"', '“', '”'])
            {
                return Some(n);
            }
        }
        end = k;
    }
    // `Sen. Ana Ruiz` … `the senator`: a title whose role is the head.
    let k = mentions.partition_point(|x| x.span.end <= role.span.start);
    mentions[..k]
        .iter()
        .rev()
        .take_while(|n| role.span.start - n.span.end < 5000)
        .find(|n| {
            n.kind == MentionKind::Name
                && n.head.start > n.span.start
                && Span::new(n.span.start, n.head.start)
                    .text(text)
                    .split_whitespace()
                    .any(|t| title_role(t) == Some(head.as_str()))
        })
}

/// The role a title abbreviates (`Sen.` → `senator`).
fn title_role(title: &str) -> Option<&'static str> {
    crate::lexicon::with_lowercase(title.trim_end_matches('.'), title_role_lower)
}

/// [`title_role`] of a title in lower case, without its dot.
fn title_role_lower(t: &str) -> Option<&'static str> {
    Some(match t {
        "sen" | "senator" => "senator",
        "rep" | "representative" => "representative",
        "gov" | "governor" => "governor",
        "gen" | "general" => "general",
        "dr" | "doctor" => "doctor",
        "prof" | "professor" => "professor",
        "pres" | "president" => "president",
        "mayor" => "mayor",
        "judge" => "judge",
        "justice" => "justice",
        "secretary" => "secretary",
        "minister" => "minister",
        "chancellor" => "chancellor",
        "sheriff" => "sheriff",
        "coach" => "coach",
        "ambassador" => "ambassador",
        "commissioner" => "commissioner",
        _ => return None,
    })
}

/// Whether mention `a` can be what `pronoun` refers to: a person of its
/// gender (`gender` gives `a`'s, worked out only when asked), or a group or
/// organisation for `they` and `it`.
fn compatible(pronoun: &Mention, a: &Mention, gender: impl FnOnce() -> Option<bool>) -> bool {
    match (pronoun.gender, pronoun.plural) {
        (Some(g), false) => {
            a.entity == SpeakerKind::Person && !a.plural && gender().is_none_or(|ag| ag == g)
        }
        (None, true) => a.plural || a.entity == SpeakerKind::Organization,
        (None, false) => a.entity == SpeakerKind::Organization,
        _ => false,
    }
}

/// The [`NameIndex`] word ids of a name looked up among the entities and of
/// its fullest form (`words` and `full_words` of [`Entities::find_name`]),
/// when they are names of the text: with them [`EntityIndex`] reads a word's
/// id and neighbours by id, not by hashing the word again. `None` for a name
/// that is not one of the text's (looked up by its words).
#[derive(Clone, Copy, Default)]
struct NameIds<'q> {
    words: Option<&'q [usize]>,
    full: Option<&'q [usize]>,
}

impl NameIds<'_> {
    /// The id of word `k` of `full_words` (`full` words) then `words` (in
    /// the order [`EntityIndex::near_words`] reads them), if known.
    fn nth(&self, full: usize, k: usize) -> Option<usize> {
        match k.checked_sub(full) {
            None => self.full.map(|ids| ids[k]),
            Some(k) => self.words.map(|ids| ids[k]),
        }
    }
}

/// The entities found so far, with indexes to find a name's entity by its words
/// and a description's by its text (none of them walked: their sizes do not
/// matter to the output).
struct Entities<'a> {
    list: Vec<Entity<'a>>,
    /// For each word of the entities' names, its last entry in `links`.
    by_word: HashMap<&'a str, usize>,
    /// The entities with each word, as chains through one table (no list of
    /// its own per word): an entity, and the entry before it with the same
    /// word (`NO_LINK` at the chain's end). An entity may appear twice in a
    /// chain; readers dedup.
    links: Vec<(usize, usize)>,
    by_key: HashMap<Cow<'a, str>, usize>,
    /// The candidates of [`Entities::find_name`], kept between calls.
    scratch: Vec<usize>,
    /// The indexes that answer [`Entities::find_name`] when walking the chains
    /// would be long: built the first time it would be, kept up to date after.
    index: Option<EntityIndex<'a>>,
    /// The first [`LAST_RESORT`] entities by the [`matching_variants`] of their
    /// long words (see [`Entities::fit_fuzzily_near`]): built the first time
    /// the last resort is taken among many entities, kept up to date after.
    fuzzy: Option<Chains>,
    /// The names of the text, whose words one edit apart [`EntityIndex`]
    /// reads from their [`Neighbours`] (none in some tests).
    names: Option<&'a NameIndex<'a>>,
}

/// The end of a chain of [`Entities::links`].
const NO_LINK: usize = usize::MAX;

/// The entities with the word `w`, by its chain in `links` whose last entry
/// `by_word` holds (newest first, perhaps twice).
fn chain<'l>(
    by_word: &HashMap<&str, usize>,
    links: &'l [(usize, usize)],
    w: &str,
) -> impl Iterator<Item = usize> + 'l {
    chain_from(links, by_word.get(w).copied().unwrap_or(NO_LINK))
}

/// The entities on the chain of [`Entities::links`] whose last entry is `at`.
fn chain_from(links: &[(usize, usize)], mut at: usize) -> impl Iterator<Item = usize> + '_ {
    std::iter::from_fn(move || {
        let &(id, prev) = links.get(at)?;
        at = prev;
        Some(id)
    })
}

/// Up to how many entries of the word chains [`Entities::find_name`] walks
/// (and how long a chain of names [`NameIndex`] walks); past it the indexes
/// answer, with the same result. Tiny in tests, so that both ways are taken.
const FEW: usize = if cfg!(test) { 2 } else { 64 };

/// Up to how many entities the last resort of [`Entities::find_name`] scans
/// (when the chains are short); past it [`EntityIndex`] finds the entities
/// that may fit.
const SCANNED_ENTITIES: usize = if cfg!(test) { 2 } else { 256 };

/// How many entities the last resort of [`Entities::find_name`] considers
/// (the first ones): a misspelt name that shares no word with its entity is
/// found among them only.
const LAST_RESORT: usize = 2048;

/// Up to how many candidates [`Entities::fit_fuzzily_near`] tests; past it
/// (many entities named one edit from a word of the name) [`EntityIndex`]
/// answers.
const FUZZY_CANDIDATES: usize = 4 * FEW;

/// Files entity `id` in `fuzzy` ([`Entities::fuzzy`]) under the variants of
/// its word `w`, if `w` is long enough to be one edit from another word that
/// [`word_matches`].
fn file_fuzzy(fuzzy: &mut Chains, w: &str, id: usize) {
    if w.len() >= 5 {
        matching_variants(w, |h| fuzzy.add(h, id));
    }
}

impl<'a> Entities<'a> {
    /// No entities of the text whose names are `names`, with room for
    /// `quotes` of them (at most one a quote).
    fn of_names(names: &'a NameIndex<'a>, quotes: usize) -> Entities<'a> {
        Entities {
            names: Some(names),
            ..Entities::with_capacity(quotes)
        }
    }

    /// No entities, with room for `quotes` of them (at most one a quote),
    /// their words not known as words of names.
    fn with_capacity(quotes: usize) -> Entities<'a> {
        Entities {
            list: Vec::with_capacity(quotes),
            by_word: HashMap::with_capacity_and_hasher(2 * quotes, Default::default()),
            links: Vec::with_capacity(2 * quotes),
            by_key: HashMap::with_capacity_and_hasher(quotes, Default::default()),
            scratch: Vec::new(),
            index: None,
            fuzzy: None,
            names: None,
        }
    }

    /// Adds entity `e`, named from the text `written`; keyed on that text
    /// without `the`, in lower case, when it has no name words (the same key
    /// as its name's: that differs from `written` only by a lower-case
    /// determiner, see [`with_lower_determiner`]).
    fn push(&mut self, e: Entity<'a>, written: &'a str) -> usize {
        let id = self.list.len();
        for (k, &w) in e.name_words.iter().enumerate() {
            self.link(w, id, e.name_ids.map(|ids| ids[k]));
        }
        self.file_fuzzy(id, &e.name_words);
        if let Some(index) = &mut self.index {
            index.name(id, &e.name_words);
        }
        if e.name_words.is_empty() {
            self.by_key.insert(lower(strip_determiner(written)), id);
        }
        self.list.push(e);
        id
    }

    /// Records that entity `id` has the word `w` (of [`NameIndex`] id
    /// `name_id` if known).
    fn link(&mut self, w: &'a str, id: usize, name_id: Option<usize>) {
        let next = self.links.len();
        let prev = self.by_word.insert(w, next).unwrap_or(NO_LINK);
        self.links.push((id, prev));
        if let Some(index) = &mut self.index {
            index.link(w, next, name_id);
        }
    }

    /// Files entity `id` under its words `words` in [`Entities::fuzzy`], if
    /// that is built and the entity one of the first [`LAST_RESORT`].
    fn file_fuzzy(&mut self, id: usize, words: &[&str]) {
        if let Some(fuzzy) = self.fuzzy.as_mut().filter(|_| id < LAST_RESORT) {
            for w in words {
                file_fuzzy(fuzzy, w, id);
            }
        }
    }

    /// Appends to `out` the entities sharing a word with `words` or
    /// `full_words` (perhaps twice), unless there are more than [`FEW`]:
    /// then returns false, `out` partly filled.
    fn push_candidates(&self, words: &[&str], full_words: &[&str], out: &mut Vec<usize>) -> bool {
        // A word of `words` that is also in `full_words` adds no candidate.
        let extra = words.iter().filter(|w| !full_words.contains(w));
        for w in full_words.iter().chain(extra) {
            for id in chain(&self.by_word, &self.links, w) {
                if out.len() == FEW {
                    return false;
                }
                out.push(id);
            }
        }
        true
    }

    /// The named entity that `words` (or its fullest form) belongs to. The
    /// entities sharing a word with the name are walked when they are few
    /// (and, when none fits, the first entities when they are few too);
    /// otherwise [`EntityIndex`] finds the same entity.
    fn find_name(&mut self, words: &[&str], full_words: &[&str], ids: NameIds) -> Option<usize> {
        let mut cands = std::mem::take(&mut self.scratch);
        cands.clear();
        // With the indexes built, their chain lengths tell without a walk.
        let few = match &self.index {
            Some(index) if index.chain_len(words, full_words, ids) > FEW => false,
            _ => self.push_candidates(words, full_words, &mut cands),
        };
        let mut found = None;
        if few {
            cands.sort_unstable();
            cands.dedup();
            found = self.fit_among(&cands, words, full_words);
        }
        if few && found.is_none() && fuzzy_fit_possible(words, full_words) {
            if self.list.len() <= SCANNED_ENTITIES {
                found = self.fit_fuzzily(words, full_words);
            } else {
                found = match self.fit_fuzzily_near(words, full_words, &mut cands) {
                    Some(fit) => fit,
                    None => self.find_name_indexed(words, full_words, ids, &mut cands),
                };
            }
        } else if !few {
            found = self.find_name_indexed(words, full_words, ids, &mut cands);
        }
        self.scratch = cands;
        found
    }

    /// The first two rules of [`Entities::find_name`] on the entities sharing
    /// a word with `words` or `full_words` (`cands`, in order).
    fn fit_among(&self, cands: &[usize], words: &[&str], full_words: &[&str]) -> Option<usize> {
        // The entity whose name is the full form itself, else any that fits.
        if let Some(&e) = cands
            .iter()
            .find(|&&e| self.list[e].name_words == full_words)
        {
            return Some(e);
        }
        // The first that fits and holds the whole full form, else the first
        // that fits (each candidate tested once).
        let mut first_fit = None;
        for &e in cands {
            if fits(&self.list[e], words, full_words) {
                if subset(full_words, &self.list[e].name_words) {
                    return Some(e);
                }
                first_fit = first_fit.or(Some(e));
            }
        }
        first_fit
    }

    /// The last resort of [`Entities::find_name`], by a scan: misspelt names
    /// share no word, so the first [`LAST_RESORT`] entities are compared.
    fn fit_fuzzily(&self, words: &[&str], full_words: &[&str]) -> Option<usize> {
        self.list.iter().take(LAST_RESORT).position(|e| {
            may_fit_fuzzily(&e.name_words, words, full_words) && fits(e, words, full_words)
        })
    }

    /// [`Entities::fit_fuzzily`] among many entities, when no entity sharing
    /// a word with `words` or `full_words` fits them (the chains were walked):
    /// one sharing none fits only through a word one edit from the first of
    /// `words` or from one of `full_words` ([`may_fit_fuzzily`]), which shares
    /// one of its [`matching_variants`]; so the candidates are the entities
    /// filed under those in [`Entities::fuzzy`], not all the first
    /// [`LAST_RESORT`] (nor [`EntityIndex`], whose one-edit search serves
    /// every rule). None when they are more than [`FUZZY_CANDIDATES`]. Out
    /// of line: news seldom takes it, and inlined it slowed the common path.
    #[inline(never)]
    fn fit_fuzzily_near(
        &mut self,
        words: &[&str],
        full_words: &[&str],
        cands: &mut Vec<usize>,
    ) -> Option<Option<usize>> {
        let fuzzy = self.fuzzy.get_or_insert_with(|| {
            let mut fuzzy = Chains::default();
            for (id, e) in self.list.iter().enumerate().take(LAST_RESORT) {
                for w in e.name_words.iter() {
                    file_fuzzy(&mut fuzzy, w, id);
                }
            }
            fuzzy
        });
        cands.clear();
        for q in words.first().into_iter().chain(full_words) {
            if q.len() >= 5 {
                matching_variants(q, |h| fuzzy.each(h, |e| cands.push(e)));
                if cands.len() > FUZZY_CANDIDATES {
                    return None;
                }
            }
        }
        cands.sort_unstable();
        cands.dedup();
        let fit = cands.iter().copied().find(|&e| {
            let ent = &self.list[e];
            may_fit_fuzzily(&ent.name_words, words, full_words) && fits(ent, words, full_words)
        });
        Some(fit)
    }

    /// [`Entities::find_name`] through [`EntityIndex`] (built if need be): the
    /// entity named `full_words` exactly, else among the entities that may fit
    /// ([`EntityIndex::may_fit`]) the first sharing a word and holding the whole
    /// full form, else the first sharing a word, else the first of the first
    /// [`LAST_RESORT`] that fits. `cands` is scratch space.
    fn find_name_indexed(
        &mut self,
        words: &[&str],
        full_words: &[&str],
        ids: NameIds,
        cands: &mut Vec<usize>,
    ) -> Option<usize> {
        let index = self.index.get_or_insert_with(|| {
            EntityIndex::new(&self.list, &self.by_word, &self.links, self.names)
        });
        if let Some(e) = index.named(full_words, &self.list) {
            return Some(e);
        }
        cands.clear();
        index.may_fit(words, full_words, ids, &self.links, cands);
        cands.sort_unstable();
        cands.dedup();
        let shares = |e: usize| {
            let name = &self.list[e].name_words;
            index.has_had(e, name, |w| words.contains(&w) || full_words.contains(&w))
        };
        let (mut first_fit, mut fuzzy_fit) = (None, None);
        for &e in cands.iter() {
            let ent = &self.list[e];
            if !fits(ent, words, full_words) {
                continue;
            }
            if shares(e) {
                if subset(full_words, &ent.name_words) {
                    return Some(e);
                }
                first_fit = first_fit.or(Some(e));
            }
            if e < LAST_RESORT && may_fit_fuzzily(&ent.name_words, words, full_words) {
                fuzzy_fit = fuzzy_fit.or(Some(e));
            }
        }
        first_fit.or(fuzzy_fit.filter(|_| fuzzy_fit_possible(words, full_words)))
    }

    /// Renames entity `id` `full` (words `full_words`, of [`NameIndex`] ids
    /// `full_ids` if known) if that has more words than its name.
    fn add_name_form(
        &mut self,
        id: usize,
        full: &str,
        full_words: Cow<'a, [&'a str]>,
        full_ids: Option<&'a [usize]>,
    ) {
        if full_words.len() > self.list[id].name_words.len() {
            for (k, &w) in full_words.iter().enumerate() {
                self.link(w, id, full_ids.map(|ids| ids[k]));
            }
            self.file_fuzzy(id, &full_words);
            if let Some(index) = &mut self.index {
                index.rename(id, &self.list[id].name_words, &full_words);
            }
            self.list[id].name = full.to_string();
            self.list[id].name_words = full_words;
            self.list[id].name_ids = full_ids;
        }
    }
}

/// Whether entity `e` fits the name `words` with the fullest form
/// `full_words` in [`Entities::find_name`]: a person or organisation whose
/// name holds `words`, or is held by `full_words`, or is it misspelt.
fn fits(e: &Entity, words: &[&str], full_words: &[&str]) -> bool {
    matches!(e.kind, SpeakerKind::Person | SpeakerKind::Organization)
        && (subset(words, &e.name_words)
            || subset(&e.name_words, full_words)
            || misspelt(full_words, &e.name_words))
}

/// Items under `u64` keys, as chains through one table (no list of its own
/// per key): an item, and the entry before it under the same key.
#[derive(Default)]
struct Chains {
    /// Each key's last entry in `links`.
    heads: HashMap<u64, usize>,
    links: Vec<(usize, usize)>,
}

impl Chains {
    /// Files `item` under `key`.
    fn add(&mut self, key: u64, item: usize) {
        let next = self.links.len();
        let prev = self.heads.insert(key, next).unwrap_or(NO_LINK);
        self.links.push((item, prev));
    }

    /// Calls `f` with every item under `key` (newest first, perhaps twice).
    fn each(&self, key: u64, mut f: impl FnMut(usize)) {
        let mut at = self.heads.get(&key).copied().unwrap_or(NO_LINK);
        while let Some(&(item, prev)) = self.links.get(at) {
            f(item);
            at = prev;
        }
    }
}

/// The hash of a sequence of words (collisions only add candidates, which
/// the callers' exact tests drop).
fn words_key<'w>(words: impl IntoIterator<Item = &'w str>) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    for w in words {
        h.write(w.as_bytes());
        // Never in UTF-8: `ab c` and `a bc` differ.
        h.write_u8(0xff);
    }
    h.finish()
}

/// The hash of the set of `words` (sorted, each once).
fn set_key(words: &[&str]) -> u64 {
    let mut few = [""; 8];
    let mut many = Vec::new();
    let set = match few.get_mut(..words.len()) {
        Some(set) => {
            set.copy_from_slice(words);
            set
        }
        None => {
            many.extend_from_slice(words);
            &mut many[..]
        }
    };
    set.sort_unstable();
    let n = dedup_sorted(set);
    words_key(set[..n].iter().copied())
}

/// Up to how many words on long chains [`EntityIndex::may_fit`] and
/// [`NameIndex::within`] look up by word set (`2^n - 1` subsets); further ones
/// are walked.
const MOST_LONG: usize = 4;

/// Indexes of [`Entities`] for a text where many entities share a word (a
/// roll of people called Maria): the entities by their exact name and by the
/// set of their name words, their words one edit apart (those of the text's
/// names from the [`NameIndex`]'s [`Neighbours`], others by one-deletion
/// variants), and the words each entity has ever had. With them a name's entity is found among
/// the entities that may fit it, not among all those sharing a word.
struct EntityIndex<'a> {
    /// The id of every word of the chains of [`Entities::links`].
    word_ids: HashMap<&'a str, usize>,
    /// By word id: the word, the length of its chain and the chain's last
    /// entry in [`Entities::links`].
    words: Vec<(&'a str, usize, usize)>,
    /// Word ids by their variants ([`variants`]); words of two chars or more
    /// that are no words of `names` (all, without `names`).
    by_variant: Chains,
    /// The names of the text: the words one edit from one of their words are
    /// read from its [`Neighbours`], not looked up by variant.
    names: Option<&'a NameIndex<'a>>,
    /// By word id of `names`: the id here of that word, if an entity has it
    /// (`NO_LINK` if not).
    of_name: Vec<usize>,
    /// Entities by [`words_key`] of their name words (every name they had).
    by_name: Chains,
    /// Entities by [`set_key`] of their name words (every name they had).
    by_set: Chains,
    /// By entity: the words it has had that its name has no longer (on
    /// chains all the same); most entities have none.
    old: HashMap<usize, Vec<&'a str>>,
    /// The words near a name and its matching words, for
    /// [`EntityIndex::may_fit`]: kept between calls (no vectors a call).
    scratch: (NearWords, Vec<usize>),
}

impl<'a> EntityIndex<'a> {
    /// The indexes of `list`, whose word chains are `by_word` and `links`.
    fn new(
        list: &[Entity<'a>],
        by_word: &HashMap<&'a str, usize>,
        links: &[(usize, usize)],
        names: Option<&'a NameIndex<'a>>,
    ) -> EntityIndex<'a> {
        let mut index = EntityIndex {
            word_ids: HashMap::default(),
            words: Vec::new(),
            by_variant: Chains::default(),
            names,
            of_name: vec![NO_LINK; names.map_or(0, |n| n.distinct.len())],
            by_name: Chains::default(),
            by_set: Chains::default(),
            old: HashMap::default(),
            scratch: Default::default(),
        };
        for (&w, &head) in by_word {
            for id in chain(by_word, links, w) {
                index.link(w, head, None);
                if !list[id].name_words.contains(&w) {
                    index.old.entry(id).or_default().push(w);
                }
            }
        }
        for (id, e) in list.iter().enumerate() {
            index.name(id, &e.name_words);
        }
        index
    }

    /// Records that an entity has the word `w` (as [`Entities::link`]), and
    /// that the chain of `w` ends at entry `head` of [`Entities::links`].
    /// `name_id` is the [`NameIndex`] id of `w` if known (then its id here
    /// is read from `of_name`, not looked up).
    fn link(&mut self, w: &'a str, head: usize, name_id: Option<usize>) {
        let next = self.words.len();
        let wid = match self.word_id(w, name_id) {
            Some(wid) => wid,
            None => {
                self.word_ids.insert(w, next);
                next
            }
        };
        if wid == next {
            self.words.push((w, 0, NO_LINK));
            // Its id among the names' words (none without the names).
            let name_id = self
                .names
                .and_then(|n| name_id.or_else(|| n.by_word.get(w).copied()));
            match name_id {
                Some(id) => self.of_name[id] = wid,
                None if w.chars().nth(1).is_some() => {
                    let by_variant = &mut self.by_variant;
                    variants(w, |h| by_variant.add(h, wid));
                }
                None => {}
            }
        }
        self.words[wid].1 += 1;
        self.words[wid].2 = head;
    }

    /// Records that entity `id`, named `was`, is renamed `now`: the words it
    /// loses stay on their chains.
    fn rename(&mut self, id: usize, was: &[&'a str], now: &[&str]) {
        for &w in was {
            if !now.contains(&w) {
                self.old.entry(id).or_default().push(w);
            }
        }
        self.name(id, now);
    }

    /// Whether entity `e`, named `name`, has had a word for which `q` holds.
    fn has_had(&self, e: usize, name: &[&str], q: impl Fn(&str) -> bool) -> bool {
        name.iter().any(|w| q(w)) || self.old.get(&e).is_some_and(|ws| ws.iter().any(|w| q(w)))
    }

    /// How many entries the chains of the words of `words` and `full_words`
    /// have together (as [`Entities::push_candidates`] counts them: a word of
    /// both once).
    fn chain_len(&self, words: &[&str], full_words: &[&str], ids: NameIds) -> usize {
        let all = full_words.iter().chain(words).enumerate();
        // A word of `words` that is also in `full_words` counts once.
        let counted = all.filter(|&(k, w)| k < full_words.len() || !full_words.contains(w));
        let len = |(k, w): (usize, &&str)| {
            self.word_id(w, ids.nth(full_words.len(), k))
                .map_or(0, |id| self.words[id].1)
        };
        counted.map(len).sum()
    }

    /// The id here of the word `w`, whose [`NameIndex`] id is `name_id` if
    /// known (then read from `of_name`, not looked up), if an entity has it.
    fn word_id(&self, w: &str, name_id: Option<usize>) -> Option<usize> {
        match name_id.filter(|_| self.names.is_some()) {
            Some(n) => Some(self.of_name[n]).filter(|&id| id != NO_LINK),
            None => self.word_ids.get(w).copied(),
        }
    }

    /// Records that entity `id` is now named `words`.
    fn name(&mut self, id: usize, words: &[&str]) {
        if !words.is_empty() {
            self.by_name.add(words_key(words.iter().copied()), id);
            self.by_set.add(set_key(words), id);
        }
    }

    /// The first entity named `full_words` exactly.
    fn named(&self, full_words: &[&str], list: &[Entity]) -> Option<usize> {
        let mut first: Option<usize> = None;
        if !full_words.is_empty() {
            self.by_name
                .each(words_key(full_words.iter().copied()), |e| {
                    if list[e].name_words == full_words && first.is_none_or(|f| e < f) {
                        first = Some(e);
                    }
                });
        }
        first
    }

    /// The words of the index near the distinct words of `words` and
    /// `full_words`, looked up once each: for every such word, its id (if an
    /// entity has it) and the ids of the words one edit away (for words of
    /// three chars or more: no rule compares shorter words inexactly).
    /// Into `near` (emptied first).
    fn near_words(&self, words: &[&str], full_words: &[&str], ids: NameIds, near: &mut NearWords) {
        let all = || full_words.iter().chain(words);
        near.words.clear();
        near.edits.clear();
        for (k, &w) in all().enumerate() {
            // A word written twice is looked up once.
            if let Some(j) = all().take(k).position(|&x| x == w) {
                near.words.push(near.words[j].clone());
                continue;
            }
            let from = near.edits.len();
            let name_id = ids.nth(full_words.len(), k);
            let own = self.word_id(w, name_id);
            if w.chars().nth(2).is_some() {
                self.push_near(w, own, name_id, &mut near.edits);
                near.edits[from..].sort_unstable();
                let kept = dedup_sorted(&mut near.edits[from..]);
                near.edits.truncate(from + kept);
            }
            let to = near.edits.len();
            near.words.push((own, from..to));
        }
    }

    /// Appends the words one edit from `w` (perhaps twice) as
    /// [`near_entry`]s: each id with whether `w` [`word_matches`] it; `own` is the id of `w` if an
    /// entity has it, `name_id` its [`NameIndex`] id if known. Words of the
    /// names are read from their [`Neighbours`] (for a word of the names) or
    /// found through their [`EditIndex`]; the others by their variants here.
    fn push_near(&self, w: &str, own: Option<usize>, name_id: Option<usize>, out: &mut Vec<u32>) {
        if let Some(names) = self.names {
            let of_name = |c: usize| Some(self.of_name[c]).filter(|&id| id != NO_LINK);
            match name_id.or_else(|| names.by_word.get(w).copied()) {
                Some(id) => {
                    let neighbours = names.neighbours();
                    out.reserve(neighbours.count(id));
                    let near = neighbours.of(id);
                    out.extend(near.filter_map(|(c, m)| Some(near_entry(of_name(c)?, m))));
                }
                None => names.edits().near_all(w, |c| {
                    let x = names.distinct[c];
                    if within_one_edit(w, x) {
                        out.extend(of_name(c).map(|id| near_entry(id, long_alike(w, x))));
                    }
                }),
            }
        }
        if self.by_variant.heads.is_empty() {
            return;
        }
        // The word itself (under each of its variants) by its id, without
        // comparing strings.
        variants(w, |h| {
            self.by_variant.each(h, |id| {
                let x = self.words[id].0;
                if Some(id) != own && within_one_edit(w, x) {
                    out.push(near_entry(id, long_alike(w, x)));
                }
            })
        });
    }

    /// Appends to `out` (perhaps twice) every entity that may fit `words`
    /// with the fullest form `full_words` ([`fits`]), whether it shares a
    /// word with them or not:
    /// - `words` ⊂ its name: it has a word matching each word of `words`,
    ///   so it is on a chain of the words matching the one of `words` whose
    ///   chains are shortest;
    /// - its name ⊂ `full_words`: all its words match words of `full_words`;
    ///   it is on the chain of such a word, or, when all its words are on
    ///   the longest chains, found by its set of words;
    /// - a misspelling of `full_words`: it is named `full_words` with one word
    ///   replaced by a word one edit away.
    fn may_fit(
        &mut self,
        words: &[&str],
        full_words: &[&str],
        ids: NameIds,
        links: &[(usize, usize)],
        out: &mut Vec<usize>,
    ) {
        let walk = |id: usize, out: &mut Vec<usize>| {
            out.extend(chain_from(links, self.words[id].2));
        };
        let (mut near, mut matching) = std::mem::take(&mut self.scratch);
        self.near_words(words, full_words, ids, &mut near);
        // `words` ⊂ the name: the word whose matching words' chains are
        // shortest (the first of them), its matching words found again.
        let mut best: Option<(usize, usize)> = None;
        for k in 0..words.len() {
            matching.clear();
            near.push_matching(full_words.len() + k, &mut matching);
            let len: usize = matching.iter().map(|&id| self.words[id].1).sum();
            if best.is_none_or(|b| len < b.0) {
                best = Some((len, k));
            }
        }
        if let Some((_, k)) = best {
            matching.clear();
            near.push_matching(full_words.len() + k, &mut matching);
            for &id in &matching {
                walk(id, out);
            }
        }
        // The name ⊂ `full_words`: the words matching any of them, longest
        // chains first.
        matching.clear();
        for k in 0..full_words.len() {
            near.push_matching(k, &mut matching);
        }
        matching.sort_unstable();
        matching.dedup();
        matching.sort_by_key(|&id| std::cmp::Reverse(self.words[id].1));
        let long = matching
            .iter()
            .take(MOST_LONG)
            .take_while(|&&id| self.words[id].1 > FEW)
            .count();
        for &id in &matching[long..] {
            walk(id, out);
        }
        for_each_subset(
            &matching[..long],
            |id| self.words[id].0,
            |key| self.by_set.each(key, |e| out.push(e)),
        );
        // Misspellings of `full_words`: named it but for word `k`, so on the
        // chain of every other word; looked up by name only when none of
        // those chains was walked (nor is empty).
        let walked = &matching[long..];
        if full_words.len() >= 2 {
            for k in 0..full_words.len() {
                let covered = (0..full_words.len())
                    .any(|j| j != k && near.id_of(j).is_none_or(|id| walked.contains(&id)));
                if covered {
                    continue;
                }
                for &e in near.edits_of(k) {
                    let y = self.words[split_near(e).0].0;
                    let replaced = full_words
                        .iter()
                        .enumerate()
                        .map(|(j, &x)| if j == k { y } else { x });
                    self.by_name.each(words_key(replaced), |e| out.push(e));
                }
            }
        }
        self.scratch = (near, matching);
    }
}

/// The words of an [`EntityIndex`] near the words of a name
/// ([`EntityIndex::near_words`]), by the position of a word in `full_words`
/// then `words`.
#[derive(Default)]
struct NearWords {
    /// Each word of the name: its id, and where the words one edit away are
    /// in `edits` (a word written twice, the same).
    words: Vec<(Option<usize>, std::ops::Range<usize>)>,
    /// The words one edit away, as [`near_entry`]s (sorted within an
    /// entry): their ids and whether the word of the name [`word_matches`]
    /// them.
    edits: Vec<u32>,
}

impl NearWords {
    /// The id of the word at `pos`, if an entity has had it.
    fn id_of(&self, pos: usize) -> Option<usize> {
        self.words[pos].0
    }

    /// The words one edit from the word at `pos`.
    fn edits_of(&self, pos: usize) -> &[u32] {
        &self.edits[self.words[pos].1.clone()]
    }

    /// Appends the ids of the words the word at `pos` matches
    /// ([`word_matches`]): itself, and long words one edit away.
    fn push_matching(&self, pos: usize, out: &mut Vec<usize>) {
        out.extend(self.id_of(pos));
        let near = self.edits_of(pos).iter();
        out.extend(near.filter_map(|&e| {
            let (id, matches) = split_near(e);
            matches.then_some(id)
        }));
    }
}

/// `items` grouped by `key` (each below `keys`), in their order within a
/// group (a counting sort: linear, where the items are many): where each
/// key's group starts in the values returned (and where the last ends), and
/// each item's `value`.
fn group_by_key<T, V: Copy + Default>(
    items: &[T],
    keys: usize,
    key: impl Fn(&T) -> usize,
    value: impl Fn(&T) -> V,
) -> (Vec<usize>, Vec<V>) {
    let mut at = vec![0usize; keys + 1];
    for t in items {
        at[key(t) + 1] += 1;
    }
    for k in 1..at.len() {
        at[k] += at[k - 1];
    }
    let mut fill = at.clone();
    let mut out = vec![V::default(); items.len()];
    for t in items {
        let k = key(t);
        out[fill[k]] = value(t);
        fill[k] += 1;
    }
    (at, out)
}

/// Moves the distinct values of the sorted `v` to its front; returns how many
/// (`Vec::dedup` for a slice).
fn dedup_sorted<T: PartialEq + Copy>(v: &mut [T]) -> usize {
    let mut kept = 0;
    for i in 0..v.len() {
        if kept == 0 || v[i] != v[kept - 1] {
            v[kept] = v[i];
            kept += 1;
        }
    }
    kept
}

/// Calls `f` with [`words_key`] of every non-empty subset of the words of
/// `ids` (`word` gives an id's word; at most [`MOST_LONG`] ids), each subset
/// sorted, as [`set_key`] hashes a set.
fn for_each_subset<'w>(ids: &[usize], word: impl Fn(usize) -> &'w str, mut f: impl FnMut(u64)) {
    let mut subset = [""; MOST_LONG];
    for mask in 1u32..1 << ids.len() {
        let mut n = 0;
        for (k, &id) in ids.iter().enumerate() {
            if mask & 1 << k != 0 {
                subset[n] = word(id);
                n += 1;
            }
        }
        f(set_key(&subset[..n]));
    }
}

/// Whether an entity sharing no word with `words` and `full_words` can fit
/// them in [`Entities::find_name`]: only through words one edit apart
/// ([`word_matches`]), which are both five bytes or longer. So every word of
/// `words` must be that long (for `words` ⊂ the entity's), or some word of
/// `full_words` (for the entity's ⊂ `full_words`); a misspelling
/// ([`misspelt`]) needs a word in common. A cheap test before comparing with
/// every entity.
fn fuzzy_fit_possible(words: &[&str], full_words: &[&str]) -> bool {
    let long = |w: &&str| w.len() >= 5;
    (!words.is_empty() && words.iter().all(long)) || full_words.iter().any(long)
}

/// Whether an entity with the name words `e`, sharing no word with `words`
/// and `full_words`, may fit them (see [`fuzzy_fit_possible`]): the first word
/// of `words` near a word of `e`, or the first word of `e` near a word of
/// `full_words`, near as [`word_matches`] needs two different words to be
/// (five bytes or longer, lengths at most one apart, the same first byte). A
/// cheap test before [`subset`] and [`misspelt`].
fn may_fit_fuzzily(e: &[&str], words: &[&str], full_words: &[&str]) -> bool {
    let near = |a: &str, b: &str| {
        a.len() >= 5
            && b.len() >= 5
            && a.len().abs_diff(b.len()) <= 1
            && a.as_bytes()[0] == b.as_bytes()[0]
    };
    words.first().is_some_and(|w| e.iter().any(|l| near(w, l)))
        || e.first()
            .is_some_and(|l| full_words.iter().any(|f| near(l, f)))
}

fn entity_for<'a>(
    text: &'a str,
    key: &Mention,
    said: &Mention,
    index: &'a NameIndex<'a>,
    entities: &mut Entities<'a>,
) -> usize {
    let head = key.head.text(text);
    // Copied only where an entity takes it.
    let role = || said.role.or(key.role).map(|r| r.text(text).to_string());
    match key.kind {
        MentionKind::Name => {
            let name = index.name_of(head);
            let words: Cow<[&str]> = match name {
                Some(i) => index.words(i).into(),
                None => name_words(head).into(),
            };
            let ids = name.map(|i| index.ids(i));
            let (full, full_words, full_ids) = match index.fullest(&words, ids, said.span.start) {
                Some(i) => (
                    index.names[i].text,
                    Cow::Borrowed(index.words(i)),
                    Some(index.ids(i)),
                ),
                None => (head, words.clone(), ids),
            };
            let name_ids = NameIds {
                words: ids,
                full: full_ids,
            };
            if let Some(e) = entities.find_name(&words, &full_words, name_ids) {
                entities.add_name_form(e, full, full_words, full_ids);
                let ent = &mut entities.list[e];
                ent.mentions.push(said.span);
                if ent.role.is_none() {
                    ent.role = role();
                }
                return e;
            }
            let entity = Entity {
                name: full.to_string(),
                name_words: full_words,
                name_ids: full_ids,
                kind: key.entity,
                role: role(),
                mentions: vec![said.span],
            };
            entities.push(entity, full)
        }
        _ => {
            // Keyed without `the` (`The ministry` and `the ministry` are one),
            // named with it, in lower case as inside a sentence.
            let written = key.span.text(text);
            let stripped = strip_determiner(written);
            let known =
                crate::lexicon::with_lowercase(stripped, |k| entities.by_key.get(k).copied());
            if let Some(e) = known {
                entities.list[e].mentions.push(said.span);
                return e;
            }
            let entity = Entity {
                name: with_lower_determiner(written),
                name_words: Cow::Borrowed(&[]),
                name_ids: None,
                kind: key.entity,
                role: role(),
                mentions: vec![said.span],
            };
            entities.push(entity, written)
        }
    }
}

/// `The ministry` → `the ministry`; other descriptions as written.
fn with_lower_determiner(s: &str) -> String {
    let first = s.split(' ').next().unwrap_or("");
    if s.contains(' ')
        && matches!(
            first,
            "The" | "A" | "An" | "Some" | "Several" | "Many" | "Two" | "Three" | "Other" | "Most"
        )
    {
        let mut out = first.to_lowercase();
        out.push_str(&s[first.len()..]);
        out
    } else {
        s.to_string()
    }
}

fn strip_determiner(s: &str) -> &str {
    for d in ["the ", "The "] {
        if let Some(r) = s.strip_prefix(d) {
            return r;
        }
    }
    s
}

/// Rounds a confidence to two decimals for output (`0.9`, not `0.8999999761`).
fn round2(x: f32) -> f64 {
    (f64::from(x) * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A person's name mention spanning `span`, as the index tests feed them.
    fn person_name(span: Span) -> Mention {
        Mention {
            span,
            kind: MentionKind::Name,
            head: span,
            gender: None,
            plural: false,
            entity: SpeakerKind::Person,
            role: None,
        }
    }

    #[test]
    fn one_edit_is_levenshtein_one() {
        for (a, b, near) in [
            ("Zhengfei", "Zhengfei", true),
            ("Zhengfie", "Zhengfei", false),
            ("Rhen", "Ren", true),
            ("Ren", "Rhen", true),
            ("Lee", "Li", false),
            ("Müller", "Muller", true),
            ("Müller", "Mueller", false),
            ("", "a", true),
            ("ab", "ba", false),
            ("abc", "abd", true),
            ("abc", "xabc", true),
            ("abc", "abcx", true),
        ] {
            assert_eq!(within_one_edit(a, b), near, "{a} {b}");
        }
    }

    /// A variant hashes as the word it spells does, whichever word and char
    /// it came from (the one-pass hashing of `variants_from` is exact).
    #[test]
    fn variants_hash_as_the_words_they_spell() {
        assert_eq!(POLY.wrapping_mul(POLY_INVERSE), 1);
        let whole = |w: &str| {
            let mut first = None;
            variants(w, |h| {
                first.get_or_insert(h);
            });
            first.unwrap()
        };
        for w in ["Zhengfei", "Müller", "a", "Ωmega", "日本語", "ab\u{0}c"] {
            let mut got = Vec::new();
            variants(w, |h| got.push(h));
            let mut want = vec![whole(w)];
            for (i, c) in w.char_indices() {
                let deleted = format!("{}{}", &w[..i], &w[i + c.len_utf8()..]);
                want.push(whole(&deleted));
            }
            assert_eq!(got, want, "{w}");
        }
    }

    /// The misspelling search finds every distinct word one edit away, also
    /// in a text with thousands of them (as a scan of all the words does).
    #[test]
    fn misspellings_are_found_among_all_words() {
        let mut text = String::new();
        let mut mentions = Vec::new();
        for i in 0..5000 {
            let start = text.len();
            text.push_str(&format!("Zhengfe{i:04} Wü{i:04} "));
            mentions.push(person_name(Span::new(start, text.len() - 1)));
        }
        let index = NameIndex::new(&text, &mentions);
        for query in [
            "Zhengfe0001",
            "Zhengfx0001",
            "Zhengf0001",
            "Zhengfee4999",
            "Wu0001",
            "Wü000",
        ] {
            let mut want = Vec::new();
            for (id, w) in index.distinct.iter().enumerate() {
                if word_matches(query, w) {
                    want.extend(index.names_with(id).iter().copied());
                }
            }
            want.sort_unstable();
            want.dedup();
            let exact = index
                .id_at(&[query], None, 0)
                .map_or(&[][..], |id| index.names_with(id));
            let got = index.containing(&[query], None);
            if exact.is_empty() && query.chars().count() >= 5 {
                assert_eq!(got, want, "{query}");
                assert!(!got.is_empty(), "{query}");
            } else {
                assert_eq!(got, exact.to_vec(), "{query}");
            }
        }
    }

    #[test]
    fn title_shapes_pass_every_title() {
        let mut words: Vec<String> = Vec::new();
        for (t, _) in crate::lexicon::TITLES {
            words.extend([
                t.to_string(),
                format!("{t}."),
                format!("{t}.."),
                t.to_lowercase(),
            ]);
            words.extend([
                t.to_uppercase(),
                t[1..].to_string(),
                format!("{t}s"),
                format!("X{t}"),
            ]);
        }
        words.extend(
            [
                "",
                ".",
                "Dr.",
                "Donald",
                "Trump",
                "Doctor",
                "Mrs",
                "Ms.",
                "Ñu",
                "Sénateur",
            ]
            .map(String::from),
        );
        for w in &words {
            assert_eq!(is_title(w), crate::lexicon::title(w).is_some(), "{w:?}");
        }
    }

    #[test]
    fn name_words_drop_titles_and_punctuation() {
        assert_eq!(name_words("Dr. Jane  Lee,"), ["Jane", "Lee"]);
        assert_eq!(name_words("Sen.\u{a0}Ana\u{b}Ruiz"), ["Ana", "Ruiz"]);
        assert_eq!(name_words("Ana\u{b}Ruiz"), ["Ana", "Ruiz"]);
        assert_eq!(name_words("“Ren Zhengfei”"), ["Ren", "Zhengfei"]);
    }

    /// `n` people called Maria with surnames of four syllables, as in the
    /// benchmarks' roll (`benches/support/gen.rs`): many are one edit apart
    /// (`Kalotaka`, `Kalodaka`).
    fn maria_roll(n: usize) -> Vec<[String; 2]> {
        const SYLLABLES: &[&str] = &["ka", "lo", "mi", "ru", "se", "ta", "vo", "ne", "pi", "da"];
        (0..n)
            .map(|i| {
                let mut k = i;
                let mut surname = String::new();
                for _ in 0..4 {
                    surname.push_str(SYLLABLES[k % SYLLABLES.len()]);
                    k /= SYLLABLES.len();
                }
                [
                    "Maria".to_string(),
                    surname[..1].to_uppercase() + &surname[1..],
                ]
            })
            .collect()
    }

    /// Many different Marias: each full name finds its own entity, a slip of
    /// one letter the entity it is a slip of, and a Maria of another surname
    /// none (whether the indexes or the walk answer).
    #[test]
    fn many_marias_find_their_own_entities() {
        let names = maria_roll(400);
        let words: Vec<[&str; 2]> = names
            .iter()
            .map(|[g, s]| [g.as_str(), s.as_str()])
            .collect();
        let mut entities = Entities::with_capacity(4);
        for w in &words {
            let entity = Entity {
                name: w.join(" "),
                name_words: Cow::Borrowed(w),
                name_ids: None,
                kind: SpeakerKind::Person,
                role: None,
                mentions: Vec::new(),
            };
            entities.push(entity, "x");
        }
        // `Kakakaka` (0) has neighbours one edit away (`Kakataka`, 50):
        // only an exact name is its own entity.
        for id in [0, 50, 123, 399] {
            assert_eq!(
                entities.find_name(&words[id], &words[id], NameIds::default()),
                Some(id)
            );
            assert_eq!(
                entities.find_name(&["Maria"], &words[id], NameIds::default()),
                Some(id)
            );
        }
        assert!(entities.index.is_some());
        // A slip in the surname (`Lomirukaa` for `Lomiruka`, 321; `Lopiruka`,
        // 381, is one edit from `Lomiruka` but two from the slip).
        assert_eq!(words[321], ["Maria", "Lomiruka"]);
        let slip = ["Maria", "Lomirukaa"];
        assert_eq!(
            entities.find_name(&slip, &slip, NameIds::default()),
            Some(321)
        );
        // A slip in the given name (`Mariq`).
        let slip = ["Mariq", "Lomiruka"];
        assert_eq!(
            entities.find_name(&slip, &slip, NameIds::default()),
            Some(321)
        );
        // A slip in both shares no word: the last resort finds it.
        let slip = ["Mariq", "Lomirukaa"];
        assert_eq!(
            entities.find_name(&slip, &slip, NameIds::default()),
            Some(321)
        );
        let slip = ["Mariq", "Lomirukaax"];
        assert_eq!(entities.find_name(&slip, &slip, NameIds::default()), None);
        // Another surname: no Maria fits.
        let other = ["Maria", "Zwingli"];
        assert_eq!(entities.find_name(&other, &other, NameIds::default()), None);
    }

    /// Property tests (proptest is a dev-dependency off wasm only).
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Name words from a small set, so that equal words and words one edit
        /// apart (long and short) are frequent.
        fn words() -> impl Strategy<Value = Vec<&'static str>> {
            const POOL: &[&str] = &[
                "Zhengfei", "Zhengfie", "Zhangfei", "Morrow", "Morow", "Marrow", "Lee", "Li",
                "Lea", "Jane", "Jayne", "Robert", "Roberts", "Rhen", "Ren", "Ana", "Ruiz", "Ruis",
            ];
            prop::collection::vec(prop::sample::select(POOL), 0..5)
        }

        /// `Entities::find_name` as it was written first: the candidates are the
        /// entities that have had a word of the name (`ever`: an entity's earlier
        /// name words stay in the word index when it takes a fuller name), every
        /// rule walks them, and the last resort tests every entity.
        fn find_name_plain(
            list: &[Entity],
            ever: &[Vec<&str>],
            words: &[&str],
            full_words: &[&str],
        ) -> Option<usize> {
            let fits = |e: &Entity| {
                matches!(e.kind, SpeakerKind::Person | SpeakerKind::Organization)
                    && (subset(words, &e.name_words)
                        || subset(&e.name_words, full_words)
                        || misspelt(full_words, &e.name_words))
            };
            let cands: Vec<usize> = (0..list.len())
                .filter(|&e| {
                    ever[e]
                        .iter()
                        .any(|w| words.contains(w) || full_words.contains(w))
                })
                .collect();
            if let Some(&e) = cands.iter().find(|&&e| list[e].name_words == full_words) {
                return Some(e);
            }
            if let Some(&e) = cands
                .iter()
                .find(|&&e| fits(&list[e]) && subset(full_words, &list[e].name_words))
            {
                return Some(e);
            }
            if let Some(&e) = cands.iter().find(|&&e| fits(&list[e])) {
                return Some(e);
            }
            list.iter().take(2048).position(fits)
        }

        /// One name of [`find_name_is_the_plain_walk`]: `find_name` must find
        /// what `find_name_plain` finds; the entity then takes the full form,
        /// or a new one is added (as `entity_for` does).
        fn step<'a>(
            entities: &mut Entities<'a>,
            ever: &mut Vec<Vec<&'a str>>,
            w: &[&str],
            f: &'a [&'a str],
            kind: SpeakerKind,
        ) -> Result<(), TestCaseError> {
            let want = find_name_plain(&entities.list, ever, w, f);
            let got = entities.find_name(w, f, NameIds::default());
            prop_assert_eq!(got, want, "{:?} {:?}", w, f);
            match got {
                Some(e) => {
                    if f.len() > entities.list[e].name_words.len() {
                        ever[e].extend(f);
                    }
                    entities.add_name_form(e, "", Cow::Borrowed(f), None);
                }
                None => {
                    ever.push(f.to_vec());
                    let entity = Entity {
                        name: String::new(),
                        name_words: Cow::Borrowed(f),
                        name_ids: None,
                        kind,
                        role: None,
                        mentions: Vec::new(),
                    };
                    entities.push(entity, "x");
                }
            }
            Ok(())
        }

        /// The roll of people sharing a given name ([`maria_roll`]), each
        /// named again with a slip or by the given name alone, against the
        /// plain walk: the chains of `Maria` and `Marai` are long, so the
        /// indexes answer.
        #[test]
        fn a_roll_of_marias_is_the_plain_walk() {
            let names = maria_roll(300);
            let mut queries: Vec<(Vec<&str>, Vec<&str>)> = Vec::new();
            for (i, n) in names.iter().enumerate() {
                let full: Vec<&str> = n.iter().map(String::as_str).collect();
                queries.push((full.clone(), full.clone()));
                // A slip in the given name, the surname lengthened.
                queries.push((vec!["Marai", &n[1]], vec!["Marai", &n[1]]));
                if i % 3 == 0 {
                    queries.push((vec!["Maria"], full.clone()));
                }
                if i % 7 == 0 {
                    queries.push((vec![&n[1]], full.clone()));
                }
            }
            let queries: Vec<(Vec<&str>, Vec<&str>)> = queries;
            let mut entities = Entities::with_capacity(4);
            let mut ever: Vec<Vec<&str>> = Vec::new();
            for (w, f) in &queries {
                step(&mut entities, &mut ever, w, f, SpeakerKind::Person).unwrap();
            }
            assert!(entities.index.is_some());
        }

        proptest! {
            /// An entity sharing no word with the name fits it only when
            /// `fuzzy_fit_possible` and `may_fit_fuzzily` say it may.
            #[test]
            fn fuzzy_fit_needs_long_words(w in words(), f in words(), e in words()) {
                let shared = e.iter().any(|x| w.contains(x) || f.contains(x));
                let fits = subset(&w, &e) || subset(&e, &f) || misspelt(&f, &e);
                if !shared && fits {
                    prop_assert!(fuzzy_fit_possible(&w, &f));
                    prop_assert!(may_fit_fuzzily(&e, &w, &f));
                }
            }

            /// `find_name` (word chains when few, else the indexes; the last
            /// resort pre-tested) finds the entity the plain walk finds, as
            /// entities of every kind are added and grow fuller names. The
            /// test thresholds are tiny, so both ways are taken, and the
            /// indexes are built part-way through.
            #[test]
            fn find_name_is_the_plain_walk(
                steps in prop::collection::vec((words(), words(), 0..5u8), 1..40)
            ) {
                let mut entities = Entities::with_capacity(4);
                let mut ever: Vec<Vec<&str>> = Vec::new();
                for (w, f, kind) in &steps {
                    let kind = match kind {
                        0 => SpeakerKind::Organization,
                        1 => SpeakerKind::Group,
                        _ => SpeakerKind::Person,
                    };
                    step(&mut entities, &mut ever, w, f, kind)?;
                }
            }

            /// The same with the entities of a text whose names have some of
            /// the words: [`EntityIndex`] reads the words one edit from a word
            /// of the names from their [`Neighbours`] (or finds them through
            /// their [`EditIndex`]), the others by variant.
            #[test]
            fn find_name_among_names_is_the_plain_walk(
                names in prop::collection::vec(words(), 1..12),
                steps in prop::collection::vec((words(), words(), 0..5u8), 1..40)
            ) {
                let mut text = String::new();
                let index = index_of(&mut text, &names);
                let mut entities = Entities::of_names(&index, 4);
                let mut ever: Vec<Vec<&str>> = Vec::new();
                for (w, f, kind) in &steps {
                    let kind = if *kind == 0 { SpeakerKind::Organization } else { SpeakerKind::Person };
                    step(&mut entities, &mut ever, w, f, kind)?;
                }
            }
        }

        /// The [`NameIndex`] of a text naming `names` in turn, one a line.
        fn index_of<'t>(text: &'t mut String, names: &[Vec<&str>]) -> NameIndex<'t> {
            let mut mentions = Vec::new();
            for n in names {
                let start = text.len();
                text.push_str(&n.join(" "));
                let span = Span::new(start, text.len());
                text.push('\n');
                mentions.push(person_name(span));
            }
            NameIndex::new(text, &mentions)
        }

        proptest! {
            /// `NameIndex::containing` and `NameIndex::within` (the names of a
            /// word walked when few, else the rarest word's or the word sets)
            /// find what testing every name finds. With the tiny test
            /// thresholds the indexes answer most queries.
            #[test]
            fn name_index_is_the_plain_scan(
                names in prop::collection::vec(words(), 1..30),
                queries in prop::collection::vec(words(), 1..10),
            ) {
                let mut text = String::new();
                let index = index_of(&mut text, &names);
                let all = 0..index.names.len();
                for q in &queries {
                    let holds = |i: &usize| subset(q, index.words(*i));
                    let mut want: Vec<usize> = all
                        .clone()
                        .filter(|i| q.first().is_some_and(|f| index.words(*i).contains(f)))
                        .filter(holds)
                        .collect();
                    if want.is_empty() && q.first().is_some_and(|f| f.chars().count() >= 5) {
                        want = all.clone().filter(holds).collect();
                    }
                    let mut got = index.containing(q, None);
                    // A name with the first word twice is listed twice by the
                    // walk (next to itself: `fullest` picks alike).
                    got.dedup();
                    prop_assert_eq!(got, want, "containing {:?}", q);
                    let want: Vec<usize> = all
                        .clone()
                        .filter(|&i| {
                            let w = index.words(i);
                            w.iter().any(|x| q.contains(x)) && subset(w, q)
                        })
                        .collect();
                    let mut got = Vec::new();
                    index.within(q, None, &mut got);
                    prop_assert_eq!(got, want, "within {:?}", q);
                }
                // A name's own words, given by id.
                for i in all.clone() {
                    let (words, ids) = (index.words(i), index.ids(i));
                    let mut by_id = index.containing(words, Some(ids));
                    let mut by_word = index.containing(words, None);
                    by_id.dedup();
                    by_word.dedup();
                    prop_assert_eq!(by_id, by_word, "containing {:?} by id", words);
                    let (mut by_id, mut by_word) = (Vec::new(), Vec::new());
                    index.within(words, Some(ids), &mut by_id);
                    index.within(words, None, &mut by_word);
                    prop_assert_eq!(by_id, by_word, "within {:?} by id", words);
                }
            }
        }

        /// The Levenshtein distance of `a` and `b` in chars, by the table.
        fn levenshtein(a: &str, b: &str) -> usize {
            let b: Vec<char> = b.chars().collect();
            let mut row: Vec<usize> = (0..=b.len()).collect();
            for (i, x) in a.chars().enumerate() {
                let mut prev = row[0];
                row[0] = i + 1;
                for (j, &y) in b.iter().enumerate() {
                    let here = row[j + 1];
                    row[j + 1] = (prev + usize::from(x != y)).min(row[j] + 1).min(here + 1);
                    prev = here;
                }
            }
            row[b.len()]
        }

        proptest! {
            /// The byte pass over an ASCII name splits and trims as the char
            /// pass does for any name.
            #[test]
            fn ascii_name_words_are_the_char_rule(s in "[ -~\t\n\x0B\x0C\r]{0,24}") {
                let by_chars: Vec<&str> = s
                    .split(char::is_whitespace)
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                    .filter(|w| !w.is_empty() && !is_title(w))
                    .collect();
                prop_assert_eq!(name_words(&s), by_chars);
            }
        }

        proptest! {
            /// `within_one_edit` (bytes of the common prefix, then the rests)
            /// is a Levenshtein distance of at most one, in chars, also where
            /// chars of several bytes share their first bytes.
            #[test]
            fn within_one_edit_is_levenshtein(a in "[abé芦芭]{0,6}", b in "[abé芦芭]{0,6}") {
                prop_assert_eq!(within_one_edit(&a, &b), levenshtein(&a, &b) <= 1);
            }
        }

        proptest! {
            /// `EditIndex::near` finds every word a query matches,
            /// `EditIndex::near_all` every word one edit from it, and
            /// `Neighbours` lists for each word exactly the words one edit
            /// away (words of two chars or more), also for words starting
            /// with chars of several bytes that share their first byte (`É`,
            /// `È`: the first char is then dropped in matching variants too).
            #[test]
            fn edit_index_finds_every_match(
                words in prop::collection::btree_set("[ÉÈEéab]{1,7}", 1..40),
                queries in prop::collection::vec("[ÉÈEéab]{1,7}", 1..10),
            ) {
                let words: Vec<&str> = words.iter().map(String::as_str).collect();
                let edits = EditIndex::new(&words);
                let near = Neighbours::new(&edits, &words);
                for q in queries.iter().map(String::as_str).chain(words.iter().copied()) {
                    let mut found = Vec::new();
                    edits.near(q, |id| found.push(id));
                    let mut all = Vec::new();
                    edits.near_all(q, |id| all.push(id));
                    for (id, w) in words.iter().enumerate() {
                        if w.len() >= 5 && word_matches(q, w) {
                            prop_assert!(found.contains(&id), "{} {}", q, w);
                        }
                        if w.chars().nth(1).is_some() && within_one_edit(q, w) {
                            prop_assert!(all.contains(&id), "{} {}", q, w);
                        }
                    }
                }
                for (id, w) in words.iter().enumerate() {
                    let mut got: Vec<usize> = near.of(id).map(|(c, _)| c).collect();
                    for (c, matches) in near.of(id) {
                        prop_assert_eq!(matches, word_matches(w, words[c]), "{} {}", w, words[c]);
                    }
                    got.sort_unstable();
                    let want: Vec<usize> = (0..words.len())
                        .filter(|&j| j != id && within_one_edit(w, words[j]))
                        .filter(|&j| w.chars().nth(1).is_some() && words[j].chars().nth(1).is_some())
                        .collect();
                    prop_assert_eq!(got, want, "{}", w);
                }
            }
        }

        proptest! {
            /// A description is keyed from its written text as from its name.
            #[test]
            fn description_key_is_its_names_key(
                s in "((The|the|A|Some|Most|ΣΑΣ|Ö|[a-zA-Z]{1,4}|ς|Σ)[ .]{0,2}){0,5}"
            ) {
                let from_name = strip_determiner(&with_lower_determiner(&s)).to_lowercase();
                prop_assert_eq!(lower(strip_determiner(&s)), from_name);
            }
        }
    }
}
