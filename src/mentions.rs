//! Mentions of people, organisations and groups: names (`Ren Zhengfei`,
//! `Sen. Chuck Schumer`), pronouns (`he`), roles (`the minister`, `Huawei's CEO`),
//! groups and anonymous sources (`officials`, `a source close to the talks`).
//!
//! Noun phrases are recognised from capitalisation and the lexicons, without a
//! parser: [`np_before`] reads the phrase that ends at a position (the subject of
//! `… said`), [`np_after`] the one that starts there (`said …`).

use crate::lexicon::{self, Lexicon};
use crate::marks::Pairs;
use crate::segment::{words_within, Doc};
use crate::text::{
    char_at, char_before, eq_mask, is_capitalized, is_space, last_word, lower, skip_space,
    skip_space_back, word_iter, words, Word,
};
use crate::{Span, SpeakerKind};

/// What a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    /// A proper name, possibly with a title.
    Name,
    /// A personal pronoun.
    Pronoun,
    /// A description by role (`the minister`).
    Role,
    /// A group or anonymous source (`officials`).
    Group,
    /// An organisation described by a noun (`the ministry`).
    Org,
    /// Any other noun phrase that is the subject of a cue (`A Bloomberg poll`).
    Other,
}

/// One mention of a possible speaker.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// The words of the mention (title included, determiner included).
    pub span: Span,
    /// Name, pronoun, role, group or organisation.
    pub kind: MentionKind,
    /// The name itself without title (for names), else the head word.
    pub head: Span,
    /// Gender, when a title, given name or pronoun tells it (true = male).
    pub gender: Option<bool>,
    /// Plural (`they`, `officials`).
    pub plural: bool,
    /// The entity kind this mention suggests.
    pub entity: SpeakerKind,
    /// A role or affiliation given in apposition (`, a spokesperson for X,`).
    pub role: Option<Span>,
}

impl Mention {
    /// Where the mention ends, its apposition included.
    pub fn end_with_role(&self) -> usize {
        self.role
            .map_or(self.span.end, |r| r.end.max(self.span.end))
    }
}

/// Words that open a description (`the`, `some`), possessives among them
/// (`her nephew`, `their lawyers`).
const DETERMINERS: &[&str] = &[
    "a", "an", "another", "both", "few", "her", "his", "its", "many", "most", "my", "one", "other",
    "our", "several", "some", "that", "the", "their", "these", "this", "those", "three", "two",
    "your",
];

/// Lower-case words allowed inside a descriptive noun phrase before its head.
const MODIFIERS: &[&str] = &[
    "acting",
    "anonymous",
    "campaign",
    "chief",
    "deputy",
    "executive",
    "federal",
    "foreign",
    "former",
    "general",
    "local",
    "military",
    "national",
    "prime",
    "press",
    "public",
    "senior",
    "state",
    "top",
    "u.s.",
    "vice",
];

/// Capitalised words that start sentences but are not names.
const NOT_NAMES: &[&str] = &[
    "A",
    "According",
    "After",
    "Afterward",
    "Again",
    "Almost",
    "Already",
    "Also",
    "Although",
    "Among",
    "An",
    "And",
    "Another",
    "Any",
    "Anyone",
    "April",
    "Around",
    "As",
    "At",
    "August",
    "Back",
    "Because",
    "Before",
    "Besides",
    "Beyond",
    "Both",
    "But",
    "By",
    "Certainly",
    "Clearly",
    "Could",
    "December",
    "Despite",
    "Did",
    "Do",
    "Does",
    "Don’t",
    "During",
    "Each",
    "Either",
    "Else",
    "Especially",
    "Even",
    "Ever",
    "Every",
    "Everyone",
    "Everything",
    "February",
    "Few",
    "Finally",
    "First",
    "Five",
    "Following",
    "For",
    "Four",
    "Friday",
    "From",
    "Further",
    "Given",
    "Had",
    "Has",
    "Have",
    "He",
    "Her",
    "Here",
    "Him",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Indeed",
    "Instead",
    "Is",
    "It",
    "Its",
    "January",
    "July",
    "June",
    "Just",
    "Last",
    "Later",
    "Less",
    "Like",
    "Likely",
    "Many",
    "March",
    "May",
    "Maybe",
    "Meanwhile",
    "Monday",
    "More",
    "Most",
    "Much",
    "Must",
    "My",
    "Neither",
    "Never",
    "Next",
    "No",
    "Nobody",
    "None",
    "Nor",
    "Not",
    "Nothing",
    "November",
    "Now",
    "October",
    "Of",
    "Often",
    "On",
    "Once",
    "One",
    "Only",
    "Or",
    "Other",
    "Otherwise",
    "Our",
    "Over",
    "Perhaps",
    "Previously",
    "Rather",
    "Really",
    "Recently",
    "Regardless",
    "Same",
    "Saturday",
    "Second",
    "September",
    "Several",
    "She",
    "Shortly",
    "Should",
    "Similarly",
    "Since",
    "So",
    "Some",
    "Sometimes",
    "Soon",
    "Still",
    "Such",
    "Sunday",
    "Than",
    "Thanks",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Three",
    "Thursday",
    "Thus",
    "To",
    "Today",
    "Together",
    "Tomorrow",
    "Tuesday",
    "Two",
    "Under",
    "Unlike",
    "Until",
    "Upon",
    "Us",
    "Very",
    "Was",
    "We",
    "Wednesday",
    "Were",
    "What",
    "Whatever",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Whose",
    "Why",
    "Will",
    "With",
    "Within",
    "Without",
    "Would",
    "Yesterday",
    "Yet",
    "You",
    "Your",
];

/// Verbs in the third person, capitalised as a title-case headline writes
/// them (`Chris Christie Calls Hillary Clinton a Liar`, `Trump Hits Clinton
/// on Trade`): the cue verbs and the commonest other verbs of political
/// headlines, never a word of a name, so a run of capitalised words breaks
/// at them (two people, not one `Chris Christie Calls Hillary Clinton`).
/// Forms that are also nouns of names are left out: `Reports` (`Consumer
/// Reports`), `States`, `Notes`, `Posts`, `Beats`, `Gates`.
const HEADLINE_VERBS: &[&str] = &[
    "Accuses",
    "Acknowledges",
    "Adds",
    "Admits",
    "Alleges",
    "Announces",
    "Argues",
    "Asks",
    "Assails",
    "Asserts",
    "Backs",
    "Blames",
    "Blasts",
    "Boasts",
    "Calls",
    "Cautions",
    "Claims",
    "Compares",
    "Concedes",
    "Condemns",
    "Confirms",
    "Criticises",
    "Criticizes",
    "Declares",
    "Decries",
    "Defends",
    "Denies",
    "Denounces",
    "Dismisses",
    "Disputes",
    "Endorses",
    "Explains",
    "Gets",
    "Gives",
    "Goes",
    "Hammers",
    "Hints",
    "Hits",
    "Insists",
    "Joins",
    "Knocks",
    "Lambasts",
    "Laments",
    "Leaves",
    "Makes",
    "Meets",
    "Mocks",
    "Picks",
    "Pins",
    "Pleads",
    "Pledges",
    "Praises",
    "Predicts",
    "Proclaims",
    "Promises",
    "Reacts",
    "Refutes",
    "Reiterates",
    "Rejects",
    "Replies",
    "Responds",
    "Retorts",
    "Reveals",
    "Rips",
    "Says",
    "Scoffs",
    "Sees",
    "Slams",
    "Speaks",
    "Stresses",
    "Sues",
    "Suggests",
    "Swears",
    "Takes",
    "Tells",
    "Testifies",
    "Threatens",
    "Touts",
    "Tweets",
    "Urges",
    "Visits",
    "Vows",
    "Warns",
    "Weighs",
    "Wins",
    "Writes",
];

/// Particles allowed in lower case inside names (`Charles de Gaulle`).
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "de", "del", "der", "di", "du", "la", "le", "van", "von",
];

/// The word tables, as bits of one lookup: the hot paths ask several tables
/// about the same word, and one hash of a packed word answers all of them.
mod class {
    use crate::lexicon;
    use crate::wordmap::key;
    use rustc_hash::FxHashMap;
    use std::sync::OnceLock;

    pub const DETERMINER: u32 = 1;
    pub const MODIFIER: u32 = 1 << 1;
    pub const NOT_NAME: u32 = 1 << 2;
    pub const ADVERB: u32 = 1 << 3;
    pub const PARTICLE: u32 = 1 << 4;
    pub const PERSON_ROLE: u32 = 1 << 5;
    pub const GROUP_NOUN: u32 = 1 << 6;
    pub const ORG_NOUN: u32 = 1 << 7;
    pub const ORG_WORD: u32 = 1 << 8;
    pub const ORG_SUFFIX: u32 = 1 << 9;
    pub const ORG_CONNECTOR: u32 = 1 << 10;
    pub const FUNCTION_WORD: u32 = 1 << 11;
    pub const TITLE: u32 = 1 << 12;
    pub const TITLE_MALE: u32 = 1 << 13;
    pub const TITLE_FEMALE: u32 = 1 << 14;
    pub const PRONOUN: u32 = 1 << 15;
    pub const PRONOUN_MALE: u32 = 1 << 16;
    pub const PRONOUN_FEMALE: u32 = 1 << 17;
    pub const PRONOUN_PLURAL: u32 = 1 << 18;
    pub const ORG_NAME: u32 = 1 << 19;

    struct Table {
        /// ASCII forms of at most [`crate::wordmap::PACKED`] bytes, packed by
        /// [`key`], in an open-addressing table (0 marks a free slot: no key
        /// is 0 but the empty word's, which no table holds); a power of two
        /// long, at most half full.
        keys: Vec<u128>,
        /// The bits of `keys`, slot by slot.
        bits: Vec<u32>,
        /// How many high bits of a hash index a slot.
        slot_bits: u32,
        /// Every other form, as written.
        long: FxHashMap<&'static str, u32>,
    }

    impl Table {
        fn slot(&self, key: u128) -> usize {
            // Fibonacci hashing of the two halves folded together.
            let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
            let h = folded.wrapping_mul(0x9E37_79B9_7F4A_7C15);
            (h >> (64 - self.slot_bits)) as usize
        }

        fn get(&self, key: u128) -> u32 {
            let mask = self.keys.len() - 1;
            let mut i = self.slot(key);
            loop {
                match self.keys[i] {
                    k if k == key => return self.bits[i],
                    0 => return 0,
                    _ => i = (i + 1) & mask,
                }
            }
        }

        fn add(&mut self, form: &'static str, bits: u32) {
            let Some(key) = key(form, false).filter(|&k| k != 0) else {
                *self.long.entry(form).or_default() |= bits;
                return;
            };
            let mask = self.keys.len() - 1;
            let mut i = self.slot(key);
            while self.keys[i] != 0 && self.keys[i] != key {
                i = (i + 1) & mask;
            }
            self.keys[i] = key;
            self.bits[i] |= bits;
        }
    }

    fn table() -> &'static Table {
        static TABLE: OnceLock<Table> = OnceLock::new();
        TABLE.get_or_init(|| {
            let lists: [(&[&'static str], u32); 14] = [
                (super::DETERMINERS, DETERMINER),
                (super::MODIFIERS, MODIFIER),
                (super::NOT_NAMES, NOT_NAME),
                (super::HEADLINE_VERBS, NOT_NAME),
                (super::ADVERBS, ADVERB),
                (super::PARTICLES, PARTICLE),
                (lexicon::PERSON_ROLES, PERSON_ROLE),
                (lexicon::GROUP_NOUNS, GROUP_NOUN),
                (lexicon::ORG_NOUNS, ORG_NOUN),
                (lexicon::ORG_WORDS, ORG_WORD),
                (lexicon::ORG_SUFFIXES, ORG_SUFFIX),
                (super::ORG_CONNECTORS, ORG_CONNECTOR),
                (super::FUNCTION_WORDS, FUNCTION_WORD),
                (lexicon::ORG_NAMES, ORG_NAME),
            ];
            let forms = lists.iter().map(|l| l.0.len()).sum::<usize>()
                + lexicon::TITLES.len()
                + lexicon::PRONOUNS.len();
            let slots = (2 * forms).next_power_of_two();
            let mut t = Table {
                keys: vec![0; slots],
                bits: vec![0; slots],
                slot_bits: slots.trailing_zeros(),
                long: FxHashMap::default(),
            };
            for (list, bits) in lists {
                list.iter().for_each(|&w| t.add(w, bits));
            }
            for &(w, gender) in lexicon::TITLES {
                t.add(w, TITLE | gender_bits(gender, TITLE_MALE, TITLE_FEMALE));
            }
            for &(w, gender, plural) in lexicon::PRONOUNS {
                let number = if plural { PRONOUN_PLURAL } else { 0 };
                t.add(
                    w,
                    PRONOUN | number | gender_bits(gender, PRONOUN_MALE, PRONOUN_FEMALE),
                );
            }
            t
        })
    }

    fn gender_bits(gender: Option<bool>, male: u32, female: u32) -> u32 {
        match gender {
            Some(true) => male,
            Some(false) => female,
            None => 0,
        }
    }

    /// The gender of `bits` (`Some(true)` male), given its male and female bits.
    pub fn gender(bits: u32, male: u32, female: u32) -> Option<bool> {
        if bits & male != 0 {
            Some(true)
        } else if bits & female != 0 {
            Some(false)
        } else {
            None
        }
    }

    /// The tables holding `w` exactly as written.
    #[inline]
    pub fn of(w: &str) -> u32 {
        match key(w, false) {
            Some(k) => table().get(k),
            None => of_long(w),
        }
    }

    /// `of(w)` for a word that is not short ASCII. Rare, and out of line so
    /// that the hash map's code does not weigh on every short lookup.
    #[cold]
    #[inline(never)]
    fn of_long(w: &str) -> u32 {
        table().long.get(w).copied().unwrap_or(0)
    }

    /// The tables holding `w` in lower case (as `of(&w.to_lowercase())`).
    #[inline]
    pub fn of_lower(w: &str) -> u32 {
        match key(w, true) {
            Some(k) => table().get(k),
            None => of_lower_long(w),
        }
    }

    /// `of_lower(w)` for a word that is not short ASCII: lower-cased into a
    /// new string, out of line like [`of_long`].
    #[cold]
    #[inline(never)]
    fn of_lower_long(w: &str) -> u32 {
        of(&w.to_lowercase())
    }

    /// `(of(w), of_lower(w))`, with one lookup when `w` has no capitals.
    #[inline]
    pub fn both(w: &str) -> (u32, u32) {
        let exact = of(w);
        (exact, lower_given(w, exact))
    }

    /// `of(w)` for a word whose lower-case tables are `lower`: those, when
    /// `w` has no capitals (then it is its own lower case).
    #[inline]
    pub fn exact_given_lower(w: &str, lower: u32) -> u32 {
        if crate::text::is_lower_ascii(w) {
            lower
        } else {
            of(w)
        }
    }

    /// `of_lower(w)` for a word whose exact tables are `exact`: those, when
    /// `w` has no capitals (then it is its own lower case).
    #[inline]
    pub fn lower_given(w: &str, exact: u32) -> u32 {
        if crate::text::is_lower_ascii(w) {
            exact
        } else {
            of_lower(w)
        }
    }
}

fn is_name_word(w: &str) -> bool {
    is_capitalized(w) && class::of(w) & class::NOT_NAME == 0
}

/// `is_name_word` for a word whose exact tables are `bits`.
fn is_name_word_with(w: &str, bits: u32) -> bool {
    is_capitalized(w) && bits & class::NOT_NAME == 0
}

/// The gender a title implies (`lexicon::title`) for a word whose exact
/// tables are `exact`: `Some(None)` for a title of either, `None` for no title.
fn title_with(w: &str, exact: u32) -> Option<Option<bool>> {
    if !w.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    title_of(if w.ends_with('.') {
        class::of(w.trim_end_matches('.'))
    } else {
        exact
    })
}

/// The title of the tables `bits` of a word without its final dots.
fn title_of(bits: u32) -> Option<Option<bool>> {
    (bits & class::TITLE != 0).then(|| class::gender(bits, class::TITLE_MALE, class::TITLE_FEMALE))
}

/// Whether `w` ends in a possessive `'s` or `’s` (either case of `s`).
fn is_possessive(w: &str) -> bool {
    // By bytes: `’` is E2 80 99 in UTF-8.
    matches!(
        w.as_bytes(),
        [.., b'\'', b's' | b'S'] | [.., 0xE2, 0x80, 0x99, b's' | b'S']
    )
}

/// A personal pronoun's gender and number, if `w` is one (in any case).
fn pronoun(w: &str) -> Option<(Option<bool>, bool)> {
    // Pronouns are short: most words are rejected here by first letter and
    // length, before any lookup (this runs on every word of the document).
    // Lower-casing keeps an ASCII word's length and letters; a word that
    // starts with an ASCII char but is not all ASCII is no pronoun (see
    // `PRONOUN_SHAPES`), so its first byte is enough.
    if w.len() > 8 || w.as_bytes().first().is_some_and(u8::is_ascii) && !pronoun_shape(w.as_bytes())
    {
        return None;
    }
    pronoun_with(w, class::of_lower(w))
}

/// For each first byte, a bit per byte length (bit 0: one byte) of the ASCII
/// pronouns that start with it in either case (no bits for other bytes).
///
/// A word that starts with an ASCII char and is not all ASCII is no pronoun:
/// its lower case starts with an ASCII char, and every pronoun that does is
/// all ASCII (checked here); so the word's lower case would have to be ASCII,
/// which only the Kelvin sign `K` makes of a non-ASCII char (checked in the
/// tests), and no pronoun has a `k` (checked here).
const PRONOUN_SHAPES: [u8; 256] = {
    let mut shapes = [0u8; 256];
    let mut i = 0;
    while i < lexicon::PRONOUNS.len() {
        let p = lexicon::PRONOUNS[i].0.as_bytes();
        assert!(p[0].is_ascii() == p.is_ascii());
        if p.is_ascii() {
            assert!(p[0].is_ascii_lowercase() && p.len() <= 8);
            shapes[p[0] as usize] |= 1 << (p.len() - 1);
            shapes[p[0].to_ascii_uppercase() as usize] |= 1 << (p.len() - 1);
            let mut k = 0;
            while k < p.len() {
                assert!(p[k] != b'k');
                k += 1;
            }
        }
        i += 1;
    }
    shapes
};

/// For each first byte, a bit per second letter (bit 0: `a`) of the ASCII
/// pronouns that start with it in either case. Every ASCII pronoun's second
/// byte is a small letter (checked here): a word whose lower case is one has
/// that letter, in either case, second (see [`PRONOUN_SHAPES`] for why such a
/// word is ASCII).
const PRONOUN_SECONDS: [u32; 256] = {
    let mut seconds = [0u32; 256];
    let mut i = 0;
    while i < lexicon::PRONOUNS.len() {
        let p = lexicon::PRONOUNS[i].0.as_bytes();
        if p.is_ascii() {
            assert!(p.len() >= 2 && p[1].is_ascii_lowercase());
            let bit = 1 << (p[1] - b'a');
            seconds[p[0] as usize] |= bit;
            seconds[p[0].to_ascii_uppercase() as usize] |= bit;
        }
        i += 1;
    }
    seconds
};

/// Whether the ASCII word `w` has the first letter, second letter and length
/// of a pronoun.
fn pronoun_shape(w: &[u8]) -> bool {
    let (Some(&first), n @ 1..=8) = (w.first(), w.len()) else {
        return false;
    };
    PRONOUN_SHAPES[usize::from(first)] & (1 << (n - 1)) != 0
        && w.get(1).is_some_and(|&second| {
            second.is_ascii_alphabetic()
                && PRONOUN_SECONDS[usize::from(first)] >> (second.to_ascii_lowercase() - b'a') & 1
                    != 0
        })
}

/// For each first byte, the byte lengths of the words that may be a pronoun
/// or start a name (bit 0: one byte, bit 7: eight or more): all of them after
/// a capital or a non-ASCII byte, a pronoun's after any other byte.
const NAME_OR_PRONOUN_LENGTHS: [u8; 256] = {
    let mut lengths = [0xff; 256];
    let mut b = 0;
    while b < 128 {
        if !(b as u8).is_ascii_uppercase() {
            lengths[b] = PRONOUN_SHAPES[b];
        }
        b += 1;
    }
    lengths
};

/// Whether the word `w` of `text` is plainly neither a pronoun nor a name's
/// start, told from its first byte and length without reading it: most words
/// (ASCII, no capital, no pronoun's first letter and length). `false` says
/// only that the word must be read.
fn plainly_neither(text: &str, w: Word) -> bool {
    let length = 1 << (w.end.saturating_sub(w.start).clamp(1, 8) - 1);
    text.as_bytes()
        .get(w.start)
        .is_some_and(|&b| NAME_OR_PRONOUN_LENGTHS[usize::from(b)] & length == 0)
}

/// `pronoun(w)` for a word whose lower-case tables are `lower`.
fn pronoun_with(w: &str, lower: u32) -> Option<(Option<bool>, bool)> {
    (w.len() <= 8 && lower & class::PRONOUN != 0).then(|| {
        (
            class::gender(lower, class::PRONOUN_MALE, class::PRONOUN_FEMALE),
            lower & class::PRONOUN_PLURAL != 0,
        )
    })
}

/// What a description's head noun makes of it, from the tables of the head
/// in lower case: a group (`officials`), a person by role (`minister`) or an
/// organisation (`ministry`), with the entity kind and number.
fn description_kind(head: u32) -> Option<(MentionKind, SpeakerKind, bool)> {
    if head & class::GROUP_NOUN != 0 {
        Some((MentionKind::Group, SpeakerKind::Group, true))
    } else if head & class::PERSON_ROLE != 0 {
        Some((MentionKind::Role, SpeakerKind::Person, false))
    } else if head & class::ORG_NOUN != 0 {
        Some((MentionKind::Org, SpeakerKind::Organization, false))
    } else {
        None
    }
}

/// The tables of a phrase's last word as a head noun: in lower case, a
/// possessive `'s` dropped (`Huawei's` → `huawei`).
fn head_class(last: &str) -> u32 {
    if last.is_ascii() {
        let stem = match last.as_bytes() {
            [.., b'\'', s] if s.eq_ignore_ascii_case(&b's') => &last[..last.len() - 2],
            _ => last,
        };
        return class::of_lower(stem);
    }
    let lc = last.to_lowercase();
    class::of(
        lc.strip_suffix("’s")
            .or_else(|| lc.strip_suffix("'s"))
            .unwrap_or(&lc),
    )
}

/// Whether every letter of `s` is a capital (`NATO`, `U.S.`): as many
/// upper-case chars as alphabetic ones.
fn capitals_only(s: &str) -> bool {
    // An ASCII small letter is alphabetic and no capital: most names are
    // rejected at their second byte, before any other pass.
    if s.bytes().any(|b| b.is_ascii_lowercase()) {
        return false;
    }
    s.is_ascii()
        || s.chars().filter(|c| c.is_uppercase()).count()
            == s.chars().filter(|c| c.is_alphabetic()).count()
}

/// Lower-case words that join the parts of an organisation's name.
const ORG_CONNECTORS: &[&str] = &["and", "for", "of", "on"];

/// The longest of [`PARTICLES`] and [`ORG_CONNECTORS`]: `find_mentions` looks
/// up no longer lower-case word after a name (checked when compiling).
const SHORT_JOINER: usize = 3;

const _: () = {
    let mut i = 0;
    while i < PARTICLES.len() {
        assert!(PARTICLES[i].len() <= SHORT_JOINER);
        i += 1;
    }
    let mut i = 0;
    while i < ORG_CONNECTORS.len() {
        assert!(ORG_CONNECTORS[i].len() <= SHORT_JOINER);
        i += 1;
    }
};

/// Whether `word` (after `gap`) joins the organisation name `run` to the name
/// word `next`: `Office of Rail`, `Rail and Road` once `Office` is in the run.
/// `and` joins one more word only (`Rail and Road`), not a second name
/// (`Bank of America and Wells Fargo`).
/// `exact` is the word's exact tables (`class::of(word)`).
fn org_connector(
    text: &str,
    run: &[Word],
    rest: &[Word],
    word: &str,
    exact: u32,
    gap: &str,
) -> bool {
    let joined = |a: &Word, b: &Word| Span::new(a.end, b.start).text(text) == " ";
    exact & class::ORG_CONNECTOR != 0
        && gap == " "
        && rest.first().is_some_and(|n| {
            is_name_word(n.text(text)) && Span::new(n.start - 1, n.start).text(text) == " "
        })
        && (word != "and"
            || !rest
                .get(1)
                .is_some_and(|n2| is_name_word(n2.text(text)) && joined(&rest[0], n2)))
        && run
            .iter()
            .any(|w| lexicon::ORG_WORD_SET.contains(w.text(text)))
}

/// What the word tables say of one word of a phrase, as written and in
/// lower case (`class::of`, `class::of_lower`): looked up once by whoever
/// reads the phrase, then asked by every test of [`classify_with`].
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Bits {
    exact: u32,
    lower: u32,
}

impl Bits {
    /// The tables of `w`.
    #[inline]
    fn of(w: &str) -> Bits {
        let (exact, lower) = class::both(w);
        Bits { exact, lower }
    }
}

/// How many words' [`Bits`] [`with_bits`] holds on the stack.
const STACK_BITS: usize = 16;

/// `f(&bits)`, `bits` the [`Bits`] of the words `ws`, without allocating for
/// a phrase of at most [`STACK_BITS`] words.
fn with_bits<R>(text: &str, ws: &[Word], f: impl FnOnce(&[Bits]) -> R) -> R {
    let mut buf = [Bits::default(); STACK_BITS];
    if ws.len() <= STACK_BITS {
        for (b, w) in buf.iter_mut().zip(ws) {
            *b = Bits::of(w.text(text));
        }
        return f(&buf[..ws.len()]);
    }
    let all: Vec<Bits> = ws.iter().map(|w| Bits::of(w.text(text))).collect();
    f(&all)
}

/// Classifies a run of words as a mention, if it is one. `ws` must be contiguous
/// words with only spaces (or `'s`) between them.
fn classify(text: &str, ws: &[Word], lex: &Lexicon) -> Option<Mention> {
    let last = ws.last()?;
    // A description (lower-case head) of several words needs only its
    // head's tables; the others are looked up for names.
    if ws.len() > 1 && !is_capitalized(last.text(text)) {
        let span = Span::new(ws[0].start, last.end);
        return description(span, *last, head_class(last.text(text)));
    }
    with_bits(text, ws, |bits| classify_with(text, ws, bits, lex))
}

/// The description whose head `last`, the last word of `span`, has the
/// head-noun tables `head_bits` (see [`head_class`]), if it is one.
fn description(span: Span, last: Word, head_bits: u32) -> Option<Mention> {
    let (kind, entity, plural) = description_kind(head_bits)?;
    Some(Mention {
        span,
        kind,
        head: last.span(),
        gender: None,
        plural,
        entity,
        role: None,
    })
}

/// The mention of the pronoun `span`, of this gender and number.
fn pronoun_mention(span: Span, gender: Option<bool>, plural: bool) -> Mention {
    Mention {
        span,
        kind: MentionKind::Pronoun,
        head: span,
        gender,
        plural,
        entity: if plural {
            SpeakerKind::Group
        } else if gender.is_some() {
            SpeakerKind::Person
        } else {
            SpeakerKind::Organization
        },
        role: None,
    }
}

/// [`classify`] for words `ws` whose tables are `bits` (one each).
fn classify_with(text: &str, ws: &[Word], bits: &[Bits], lex: &Lexicon) -> Option<Mention> {
    debug_assert_eq!(ws.len(), bits.len());
    let first = ws.first()?;
    let last = ws.last()?;
    let last_b = *bits.last()?;
    let span = Span::new(first.start, last.end);
    let last_t = last.text(text);
    if ws.len() == 1 {
        if let Some((gender, plural)) = pronoun_with(last_t, last_b.lower) {
            return Some(pronoun_mention(span, gender, plural));
        }
    }
    // A word that is no possessive is its own head noun (`head_class`).
    let head_bits = if is_possessive(last_t) {
        head_class(last_t)
    } else {
        last_b.lower
    };
    // Descriptions: the minister, officials, the ministry.
    if !is_capitalized(last_t) {
        return description(span, *last, head_bits);
    }
    if ws
        .iter()
        .zip(bits)
        .all(|(w, b)| !is_name_word_with(w.text(text), b.exact) || b.lower & class::DETERMINER != 0)
    {
        return description(span, *last, head_bits);
    }
    // Names, with leading titles, determiners and roles peeled off.
    let mut i = 0;
    let mut gender = None;
    while i + 1 < ws.len() {
        let t = ws[i].text(text);
        if let Some(g) = title_with(t, bits[i].exact) {
            gender = gender.or(g);
            i += 1;
        } else if bits[i].lower & (class::DETERMINER | class::MODIFIER | class::PERSON_ROLE) != 0
            // `Son Heung-min`: a role word that is also a surname, opening
            // the name, is the name's own unless a given name follows
            // (`Son Eric Trump`).
            && !(i == 0
                && lexicon::is_role_surname(t)
                && !lex.is_given_name(ws[i + 1].text(text)))
            || t.ends_with("’s")
            || t.ends_with("'s")
            // `Council member Ray Dominguez`: a noun modifying a role word.
            || {
                let next = ws[i + 1].text(text);
                next.chars().all(char::is_lowercase) && bits[i + 1].exact & class::PERSON_ROLE != 0
            }
        {
            i += 1;
        } else {
            break;
        }
    }
    // Capitalised role words before a name ("White House Press Secretary Sean Spicer"):
    // keep the last run of name words. Every word must be a name word or a
    // particle; connectors only inside an organisation's name, never last.
    let name_ws = &ws[i..];
    let (mut org_name, mut stray, mut connector) = (false, false, false);
    for (w, b) in name_ws.iter().zip(&bits[i..]) {
        org_name |= b.exact & class::ORG_WORD != 0;
        if !(is_name_word_with(w.text(text), b.exact) || b.exact & class::PARTICLE != 0) {
            if b.exact & class::ORG_CONNECTOR != 0 {
                connector = true;
            } else {
                stray = true;
            }
        }
    }
    let last_bits = last_b.exact;
    if stray || connector && !org_name || last_bits & class::ORG_CONNECTOR != 0 {
        return None;
    }
    let head = Span::new(name_ws.first()?.start, last.end);
    let head_text = head.text(text);
    // `Huawei's CEO`, `the President`: a capitalised role word alone is a
    // role, which coreference may tie to a name.
    if name_ws.len() == 1 && head_bits & class::PERSON_ROLE != 0 {
        return Some(Mention {
            span,
            kind: MentionKind::Role,
            head: last.span(),
            gender,
            plural: false,
            entity: SpeakerKind::Person,
            role: None,
        });
    }
    // `Democrats`, `Republicans`: a capitalised group noun is a group, not a
    // person that `she` could refer to.
    if name_ws.len() == 1 && head_bits & class::GROUP_NOUN != 0 {
        return Some(Mention {
            span,
            kind: MentionKind::Group,
            head: last.span(),
            gender: None,
            plural: true,
            entity: SpeakerKind::Group,
            role: None,
        });
    }
    let suffix_bits = if last_t.ends_with('.') {
        class::of(last_t.trim_end_matches('.'))
    } else {
        last_bits
    };
    // `lexicon::ORG_NAMES.contains(head_text)`: a one-word head's tables
    // are its last word's.
    let org_named = || {
        let head_exact = if name_ws.len() == 1 {
            last_bits
        } else {
            class::of(head_text)
        };
        head_exact & class::ORG_NAME != 0
    };
    let is_org = org_name
        || suffix_bits & class::ORG_SUFFIX != 0
        || org_named()
        || capitals_only(head_text) && head_text.len() >= 2;
    if gender.is_none() {
        gender = name_ws
            .first()
            .and_then(|w| lex.given_name_gender(w.text(text)));
    }
    Some(Mention {
        span,
        kind: MentionKind::Name,
        head,
        gender,
        plural: false,
        entity: if is_org {
            SpeakerKind::Organization
        } else {
            SpeakerKind::Person
        },
        role: None,
    })
}

/// Adverbs that may stand between a subject and its cue (`he also said`).
const ADVERBS: &[&str] = &[
    "again",
    "also",
    "earlier",
    "finally",
    "first",
    "further",
    "have",
    "has",
    "had",
    "just",
    "later",
    "last",
    "never",
    "once",
    "previously",
    "publicly",
    "recently",
    "repeatedly",
    "then",
    "today",
    "week",
    "yesterday",
    "would",
    "will",
    "did",
    "does",
    "reportedly",
    "privately",
    "separately",
    "initially",
    "simply",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "on",
    "night",
    "morning",
    "afternoon",
    "evening",
    "month",
    "year",
    "tonight",
    "late",
    "had",
    "also",
    "has",
];

/// The noun phrase ending at `pos` (spaces before `pos` skipped), not reaching
/// before `limit`. Handles an apposition between the phrase and `pos`
/// (`Ren Zhengfei, Huawei's founder, said`), returned as the mention's `role`.
pub fn np_before(text: &str, pos: usize, limit: usize, lex: &Lexicon) -> Option<Mention> {
    np_before_with(None, text, pos, limit, lex)
}

/// [`np_before`], reading the words from `ws`, the words of a span of `text`
/// (a sentence's, as [`Doc`] has them) that holds `text[limit..pos]`, instead
/// of tokenising the text again.
pub(crate) fn np_before_within(
    text: &str,
    ws: &[Word],
    pos: usize,
    limit: usize,
    lex: &Lexicon,
) -> Option<Mention> {
    np_before_with(Some(ws), text, pos, limit, lex)
}

/// The words of the sentence of `doc` that holds `text[from..to]`, if one
/// does: every window of it can be read from them
/// ([`crate::segment::words_within`]).
fn sentence_around(doc: &Doc, from: usize, to: usize) -> Option<&[Word]> {
    let i = doc.sentence_index(from)?;
    let s = doc.sentences[i];
    (s.start <= from && to <= s.end).then(|| doc.sentence_words(i))
}

/// [`np_before`]; with `region`, the words of a span of `text` holding
/// `text[limit..pos]`, read from them instead of tokenised.
fn np_before_with(
    region: Option<&[Word]>,
    text: &str,
    pos: usize,
    limit: usize,
    lex: &Lexicon,
) -> Option<Mention> {
    let end = skip_parenthetical(text, skip_adverbs_back(text, pos, limit), limit);
    if end <= limit {
        return None;
    }
    if char_before(text, end) == Some(',') {
        // An apposition: find the comma that opens it.
        let inner_end = end - 1;
        let window_start = inner_end.saturating_sub(200).max(limit);
        let mut ws = window_start;
        while ws < inner_end && !text.is_char_boundary(ws) {
            ws += 1;
        }
        let seg = text.get(ws..inner_end)?;
        let k = seg.rfind(',')?;
        let open = ws + k;
        let role = Span::new(skip_space(text, open + 1), inner_end);
        let open_end = skip_parenthetical(text, skip_space_back(text, open), limit);
        let open_end = skip_age_back(text, open_end, limit);
        let mut m = np_before_plain(region, text, open_end, limit, lex)?;
        if let Some(person) = origin_apposition(region, text, &m, inner_end, limit, lex) {
            return Some(person);
        }
        if m.kind == MentionKind::Name && !role.is_empty() {
            m.role = Some(role);
        } else if matches!(m.kind, MentionKind::Role | MentionKind::Org) {
            // `Acme's chief executive, Jane Lee, said`: the name in the apposition
            // is the speaker, the description before it is the name's role.
            if let Some(mut name) = np_before_plain(region, text, inner_end, role.start, lex)
                .filter(|n| n.kind == MentionKind::Name && n.span.start == role.start)
            {
                name.role = Some(m.span);
                return Some(name);
            }
        }
        return Some(m);
    }
    anonymous_before(region, text, end, limit, lex)
        .or_else(|| np_before_plain(region, text, end, limit, lex))
        .map(|m| with_share_before(region, text, m, limit))
}

/// `Mary Smith, of Columbus, Ohio, said`, `Cory James, 22, of Flint, Mich.,
/// said`, `Jo Lee, a nurse from Flint, Mich., said`: the name `m` that an
/// apposition ending at `inner_end` found before its last comma is a place
/// after `of` or `from`, where the person named before the apposition's first
/// comma (and an age) is from. That person is the mention, with the
/// apposition as role; `None` when the words do not read so.
fn origin_apposition(
    region: Option<&[Word]>,
    text: &str,
    m: &Mention,
    inner_end: usize,
    limit: usize,
    lex: &Lexicon,
) -> Option<Mention> {
    if m.kind != MentionKind::Name {
        return None;
    }
    let link = last_word(text, limit, m.span.start)?;
    if !matches!(link.text(text), "of" | "from" | "in" | "at")
        || !blank_gap(text, link.end, m.span.start)
    {
        return None;
    }
    // The comma that opens the apposition: a few words before the link
    // (`, a nurse from`), with no other punctuation between.
    let mut from = link.start.saturating_sub(80).max(limit);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let comma = from + text.get(from..link.start)?.rfind(',')?;
    let between = &text[comma + 1..link.start];
    if between.contains(['.', ';', ':', '(', ')', '"', '“', '”', '—', '–'])
        || between.split_whitespace().count() > 5
    {
        return None;
    }
    let end = skip_age_back(text, skip_space_back(text, comma), limit);
    let mut person = np_before_plain(region, text, end, limit, lex)
        .filter(|p| p.kind == MentionKind::Name && p.entity == SpeakerKind::Person)?;
    person.role = Some(Span::new(skip_space(text, comma + 1), inner_end));
    Some(person)
}

/// `m` with the share of it written before it, if one is (`54 percent of
/// registered voters`, `a third of them`): the share is who spoke, not the
/// whole group. Up to three plain words may come between `of` and `m`
/// (`of Democratic registered voters`); not before `limit`.
fn with_share_before(region: Option<&[Word]>, text: &str, mut m: Mention, limit: usize) -> Mention {
    if !matches!(
        m.kind,
        MentionKind::Group | MentionKind::Other | MentionKind::Pronoun
    ) {
        return m;
    }
    let mut from = m.span.start.saturating_sub(100).max(limit);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    if !text
        .get(from..m.span.start)
        .is_some_and(|b| b.contains(" of "))
    {
        return m;
    }
    let start = read_words(region, text, from, m.span.start, |ws| {
        let n = ws.len();
        let joined = |k: usize| {
            let next = ws.get(k + 1).map_or(m.span.start, |w| w.start);
            blank_gap(text, ws[k].end, next)
        };
        let plain = |w: &Word| w.text(text).chars().all(|c| c.is_alphabetic() || c == '-');
        let of = (n.saturating_sub(4)..n)
            .rev()
            .take_while(|&k| joined(k) && plain(&ws[k]))
            .find(|&k| ws[k].text(text) == "of")?;
        let i = (of.saturating_sub(7)..of).find(|&i| share_end(text, ws, i) == Some(of))?;
        Some(ws[i].start)
    });
    if let Some(start) = start {
        m.span = Span::new(start, m.span.end);
    }
    m
}

/// Before an age set off by commas that ends at `end` (`Jane Lee, 21, a
/// junior from Ohio, said`: `, 21` before the apposition), the end of what
/// it follows; else `end`.
fn skip_age_back(text: &str, end: usize, limit: usize) -> usize {
    let b = text.as_bytes();
    let Some(before_end) = b.get(limit..end) else {
        return end;
    };
    let digits = before_end
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if !(1..=3).contains(&digits) {
        return end;
    }
    let before = skip_space_back(text, end - digits);
    if before > limit && b[before - 1] == b',' {
        skip_space_back(text, before - 1)
    } else {
        end
    }
}

/// Post-modifiers that make an anonymous source of a bare noun: `a source close
/// to the talks`, `people familiar with the matter`, `an official with knowledge
/// of the plan` (the phrasings of wire-service style guides).
const ANONYMOUS_LINKS: &[&str] = &[
    " briefed on ",
    " close to ",
    " familiar with ",
    " involved in ",
    " with direct knowledge of ",
    " with knowledge of ",
];

// `anonymous_before` only tries the links at spaces: checked when compiling.
const _: () = {
    let mut i = 0;
    while i < ANONYMOUS_LINKS.len() {
        assert!(ANONYMOUS_LINKS[i].as_bytes()[0] == b' ');
        i += 1;
    }
};

/// The bytes after the space that opens each of [`ANONYMOUS_LINKS`], as bits:
/// most spaces are rejected by the next byte alone.
const ANONYMOUS_LINK_SECOND: u128 = {
    let (mut i, mut bits) = (0, 0u128);
    while i < ANONYMOUS_LINKS.len() {
        let b = ANONYMOUS_LINKS[i].as_bytes()[1];
        assert!(b < 128);
        bits |= 1 << b;
        i += 1;
    }
    bits
};

/// Heads an anonymous-source post-modifier attaches to.
const ANONYMOUS_HEADS: &[&str] = &[
    "aide",
    "aides",
    "diplomat",
    "diplomats",
    "insider",
    "insiders",
    "official",
    "officials",
    "people",
    "person",
    "source",
    "sources",
];

fn is_anonymous_head(text: &str, m: &Mention) -> bool {
    m.kind != MentionKind::Name
        && ANONYMOUS_HEADS.contains(&m.head.text(text).to_lowercase().as_str())
}

/// The end of an anonymous-source post-modifier starting at `end`
/// (`close to the talks`): up to the next punctuation or cue, at most six words.
fn anonymous_tail(text: &str, end: usize, limit: usize, lex: &Lexicon) -> Option<usize> {
    let rest = text.get(end..limit)?;
    let link = ANONYMOUS_LINKS.iter().find(|l| rest.starts_with(**l))?;
    let from = end + link.len();
    let stop = rest[link.len()..]
        .find([',', '.', ';', ':', '"', '“', '”', '(', ')', '\n', '—'])
        .map_or(limit, |k| from + k);
    let (mut n, mut last) = (0, None);
    for w in
        word_iter(text, from, stop).take_while(|w| !lex.cue(w.text(text)).is_some_and(|c| c.strong))
    {
        n += 1;
        last = Some(w.end);
    }
    last.filter(|_| n <= 6)
}

/// Where the last of [`ANONYMOUS_LINKS`] in `window` starts. Every link starts
/// with a space: the spaces are found eight bytes at a time from the end, and
/// only those followed by a link's second byte are tried.
fn last_link(window: &str) -> Option<usize> {
    let bytes = window.as_bytes();
    let mut end = bytes.len();
    while end > 0 {
        let start = end.saturating_sub(8);
        // Little-endian, byte `start` lowest; a short first chunk is padded
        // with zeros, never spaces.
        let chunk = &bytes[start..end];
        let eight = <[u8; 8]>::try_from(chunk).map_or_else(
            |_| chunk.iter().rev().fold(0, |x, &b| x << 8 | u64::from(b)),
            u64::from_le_bytes,
        );
        let mut spaces = eq_mask(eight, b' ');
        while spaces != 0 {
            let k = (63 - spaces.leading_zeros() as usize) / 8;
            if link_at(window, start + k) {
                return Some(start + k);
            }
            spaces &= !(0x80 << (8 * k));
        }
        end = start;
    }
    None
}

/// Whether one of [`ANONYMOUS_LINKS`] starts at byte `i` of `window`, a space.
fn link_at(window: &str, i: usize) -> bool {
    window
        .as_bytes()
        .get(i + 1)
        .is_some_and(|&n| n < 128 && ANONYMOUS_LINK_SECOND >> n & 1 != 0)
        && ANONYMOUS_LINKS
            .iter()
            .any(|l| window.get(i..).is_some_and(|w| w.starts_with(l)))
}

/// `…, people familiar with the matter said`: an anonymous source ending at `end`.
fn anonymous_before(
    region: Option<&[Word]>,
    text: &str,
    end: usize,
    limit: usize,
    lex: &Lexicon,
) -> Option<Mention> {
    let mut from = end.saturating_sub(80).max(limit);
    while from < end && !text.is_char_boundary(from) {
        from += 1;
    }
    let window = text.get(from..end)?;
    let at = from + last_link(window)?;
    let tail_end = anonymous_tail(text, at, end, lex)?;
    if tail_end != skip_space_back(text, end) {
        return None;
    }
    let mut m =
        np_before_plain(region, text, at, limit, lex).filter(|m| is_anonymous_head(text, m))?;
    m.span = Span::new(m.span.start, tail_end);
    Some(m)
}

/// Skips back over spaces and adverbs standing between a subject and its cue
/// (`Tom Moss, the coach, later said`).
fn skip_adverbs_back(text: &str, pos: usize, limit: usize) -> usize {
    let mut end = skip_space_back(text, pos);
    for _ in 0..3 {
        let mut s = end;
        while s > limit {
            // An ASCII byte is a char of its own: decoded only when not ASCII.
            match text.as_bytes().get(s - 1) {
                Some(b) if b.is_ascii_alphabetic() => s -= 1,
                Some(b) if b.is_ascii() => break,
                _ => match char_before(text, s) {
                    Some(c) if c.is_alphabetic() => s -= c.len_utf8(),
                    _ => break,
                },
            }
        }
        let w = text.get(s..end).unwrap_or("");
        if w.is_empty() || class::of_lower(w) & class::ADVERB == 0 {
            break;
        }
        end = skip_space_back(text, s);
    }
    end
}

/// Skips back over a parenthetical ending at `end` (`Sen. X (D-Mo.)`), so the
/// phrase before it is read.
fn skip_parenthetical(text: &str, end: usize, limit: usize) -> usize {
    if char_before(text, end) != Some(')') {
        return end;
    }
    let from = end.saturating_sub(40).max(limit);
    let mut from = from;
    while from < end && !text.is_char_boundary(from) {
        from += 1;
    }
    match text.get(from..end).and_then(|s| s.rfind('(')) {
        Some(k) => skip_space_back(text, from + k),
        None => end,
    }
}

/// Prepositions, conjunctions and relatives: not noun modifiers.
const FUNCTION_WORDS: &[&str] = &[
    "about", "after", "against", "and", "as", "at", "before", "but", "by", "for", "from", "in",
    "into", "of", "on", "or", "over", "than", "to", "under", "which", "who", "whose", "with",
];

fn np_before_plain(
    region: Option<&[Word]>,
    text: &str,
    end: usize,
    limit: usize,
    lex: &Lexicon,
) -> Option<Mention> {
    // The phrase is most often in the clause's last few words: those are read
    // first, and the whole clause only when the phrase may reach further back.
    let (start, whole) = back_to_boundary(text, end, limit, TAIL_SPACES);
    let read = |ws: &[Word]| phrase_ending(text, ws, whole, lex);
    if let Some(found) = read_words(region, text, start, end, read) {
        return found;
    }
    let (from, _) = back_to_boundary(text, end, limit, usize::MAX);
    let read = |ws: &[Word]| phrase_ending(text, ws, true, lex);
    read_words(region, text, from, end, read).flatten()
}

/// `f(&words(text, from, to))`: read from `region` (the words of a span
/// holding `text[from..to]`) when there is one, else tokenised anew (on the
/// stack for a clause's last few words).
fn read_words<R>(
    region: Option<&[Word]>,
    text: &str,
    from: usize,
    to: usize,
    f: impl FnOnce(&[Word]) -> R,
) -> R {
    match region {
        Some(ws) => f(&words_within(text, ws, from, to, &mut 0)),
        None => with_words_n::<TAIL_WORDS, R>(text, from, to, f),
    }
}

/// How many words [`read_words`] holds on the stack: those of
/// [`TAIL_SPACES`] spaces, with room for a few joined by punctuation.
const TAIL_WORDS: usize = 12;

/// How many words [`with_words`] holds on the stack: a clause's last words,
/// a subject, a phrase after a cue.
const STACK_WORDS: usize = 24;

/// `f(&words(text, from, to))`, without allocating when there are at most
/// [`STACK_WORDS`] words (the usual short window).
pub(crate) fn with_words<R>(text: &str, from: usize, to: usize, f: impl FnOnce(&[Word]) -> R) -> R {
    with_words_n::<STACK_WORDS, R>(text, from, to, f)
}

/// [`with_words`] with room for `N` words on the stack (a smaller buffer is
/// quicker to clear).
fn with_words_n<const N: usize, R>(
    text: &str,
    from: usize,
    to: usize,
    f: impl FnOnce(&[Word]) -> R,
) -> R {
    let mut buf = [Word { start: 0, end: 0 }; N];
    let mut it = word_iter(text, from, to);
    for n in 0..N {
        match it.next() {
            Some(w) => buf[n] = w,
            None => return f(&buf[..n]),
        }
    }
    let mut all = buf.to_vec();
    all.extend(it);
    f(&all)
}

/// How many spaces back from a cue [`np_before_plain`] first reads words.
const TAIL_SPACES: usize = 5;

/// The noun phrase at the end of the words `ws` of a clause (see
/// [`np_before_plain`]). When `ws` is only the clause's last words (`whole`
/// false), `None` says the phrase may reach before them: read the whole clause.
fn phrase_ending(text: &str, ws: &[Word], whole: bool, lex: &Lexicon) -> Option<Option<Mention>> {
    // Drop adverbs and auxiliaries between the phrase and the cue.
    let mut n = ws.len();
    // The lower-case tables of the word that stopped the walk, for the scan.
    let mut last_lower = None;
    while n > 0 {
        let lower = class::of_lower(ws[n - 1].text(text));
        if lower & class::ADVERB == 0 {
            last_lower = Some(lower);
            break;
        }
        n -= 1;
    }
    if n == 0 && !whole {
        return None;
    }
    let ws = &ws[..n];
    // Take the longest suffix that classifies, up to 8 words, joined by spaces
    // only: first how far back the phrase's words reach, then the suffixes from
    // the longest down (one `classify` in the usual case, not one per length).
    let mut first = n;
    let mut stopped = false;
    // The tables of the phrase's words, looked up once here for the tests
    // below and for `classify_with`: word `k` at `k - base`.
    let base = n.saturating_sub(8);
    let mut table = [Bits::default(); 8];
    while first > 0 && n - first < 8 {
        let k = first - 1;
        if k + 1 < n && !blank_gap(text, ws[k].end, ws[k + 1].start) {
            stopped = true;
            break;
        }
        let t = ws[k].text(text);
        let (exact, lower) = match last_lower.filter(|_| k + 1 == n) {
            Some(lower) => (class::exact_given_lower(t, lower), lower),
            None => class::both(t),
        };
        table[k - base] = Bits { exact, lower };
        let is_pronoun = pronoun_with(t, lower).is_some();
        let ok_word = is_name_word_with(t, exact)
            || title_with(t, exact).is_some()
            || exact & class::PARTICLE != 0
            || is_pronoun && k + 1 == n
            || t == "The"
            || lower
                & (class::DETERMINER
                    | class::MODIFIER
                    | class::PERSON_ROLE
                    | class::GROUP_NOUN
                    | class::ORG_NOUN)
                != 0;
        if !ok_word {
            stopped = true;
            break;
        }
        first = k;
        if is_pronoun {
            stopped = true;
            break;
        }
    }
    if first == 0 && n < 8 && !stopped && !whole {
        return None;
    }
    let best =
        (first..n).find_map(|k| classify_with(text, &ws[k..n], &table[k - base..n - base], lex));
    // `the fire chief`, `the Senate minority leader`: noun modifiers the
    // lexicons do not know, between a determiner and a description's head.
    let mut best: Option<Mention> = best;
    if let Some(m) = best.as_mut().filter(|m| {
        matches!(
            m.kind,
            MentionKind::Role | MentionKind::Org | MentionKind::Group
        )
    }) {
        let k = ws.iter().position(|w| w.start == m.span.start).unwrap_or(0);
        let lower = if (first..n).contains(&k) {
            table[k - base].lower
        } else {
            class::of_lower(ws[k].text(text))
        };
        let bare = lower & class::DETERMINER == 0;
        let mut stopped = !bare;
        for j in (k.saturating_sub(3)..k).rev().filter(|_| bare) {
            let t = ws[j].text(text);
            if !blank_gap(text, ws[j].end, ws[j + 1].start) {
                stopped = true;
                break;
            }
            let (exact, lower) = class::both(t);
            if lower & class::DETERMINER != 0 {
                m.span = Span::new(ws[j].start, m.span.end);
                stopped = true;
                break;
            }
            let plain = t.chars().all(|c| c.is_alphabetic() || c == '-')
                && lower & class::FUNCTION_WORD == 0
                && lex.cue(t).is_none()
                && pronoun_with(t, lower).is_none()
                && lower & class::ADVERB == 0
                && exact & class::NOT_NAME == 0;
            if !plain {
                stopped = true;
                break;
            }
        }
        if k < 3 && !stopped && !whole {
            return None;
        }
    }
    Some(best)
}

/// The ASCII bytes that [`back_to_boundary`] only steps over: no clause
/// mark, sentence end or space.
const PLAIN_BYTES: [bool; 256] = {
    let mut plain = [false; 256];
    let mut b = 0;
    while b < 128 {
        plain[b] = !matches!(
            b as u8,
            b',' | b';' | b':' | b'(' | b')' | b'"' | b'\n' | b'.' | b'!' | b'?' | b' '
        );
        b += 1;
    }
    plain
};

/// The start of the clause containing `end`: after the last `,;:()` or
/// sentence boundary, not before `limit`, and `true`; or, if the clause holds
/// `spaces` ASCII spaces, just after the last `spaces`-th, and `false` (a space
/// ends every word: the words from there are the clause's last words).
fn back_to_boundary(text: &str, end: usize, limit: usize, spaces: usize) -> (usize, bool) {
    if !text.is_char_boundary(end) {
        return (end, true);
    }
    let bytes = text.as_bytes();
    let mut i = end;
    let mut seen = 0;
    while i > limit {
        // Bytes, decoding a char only where one is not ASCII.
        let b = bytes[i - 1];
        if PLAIN_BYTES[usize::from(b)] {
            // A run of bytes that end nothing, to the last one within reach
            // (the walk stops 161 bytes back, as the test below does).
            let floor = limit.max(end.saturating_sub(161));
            while i > floor && PLAIN_BYTES[usize::from(bytes[i - 1])] {
                i -= 1;
            }
            if end - i > 160 {
                break;
            }
            continue;
        }
        if b.is_ascii() {
            match b {
                b',' | b';' | b':' | b'(' | b')' | b'"' | b'\n' => break,
                b'.' | b'!' | b'?' if char_at(text, i).is_some_and(is_space) => break,
                b' ' if seen + 1 == spaces => return (i, false),
                b' ' => {
                    seen += 1;
                    i -= 1;
                }
                _ => i -= 1,
            }
        } else {
            match char_before(text, i) {
                Some('“' | '”' | '—' | '–' | '―') | None => break,
                Some(c) => i -= c.len_utf8(),
            }
        }
        if end - i > 160 {
            break;
        }
    }
    (i, true)
}

/// How many of a phrase's first words [`phrase_starting`] reads: a run of at
/// most 8, and the two words after it (an organisation's connector and name).
const PHRASE_WORDS: usize = 10;

/// The longest run of the first words of `ws` (at most 8, joined by spaces)
/// that classifies as a mention: the phrase [`np_after`] reads. Reads no word
/// past the first [`PHRASE_WORDS`].
fn phrase_starting(text: &str, ws: &[Word], lex: &Lexicon) -> Option<Mention> {
    // First how far the phrase's words reach, then the runs from the longest
    // down: one `classify_with` in the usual case, not one per length.
    let mut reach = 0;
    // The tables of the words read, for `classify_with`.
    let mut table = [Bits::default(); 8];
    for k in 1..=ws.len().min(8) {
        let t = ws[k - 1].text(text);
        let (exact, lower) = class::both(t);
        table[k - 1] = Bits { exact, lower };
        let is_pronoun = pronoun_with(t, lower).is_some();
        let ok_word = is_name_word_with(t, exact)
            || title_with(t, exact).is_some()
            || lower & (class::DETERMINER | class::MODIFIER) != 0
            || exact & class::PARTICLE != 0
            || is_pronoun && k == 1
            || lower & (class::PERSON_ROLE | class::GROUP_NOUN | class::ORG_NOUN) != 0
            || k >= 2
                && org_connector(
                    text,
                    &ws[..k - 1],
                    &ws[k.min(ws.len())..],
                    t,
                    exact,
                    Span::new(ws[k - 2].end, ws[k - 1].start).text(text),
                );
        if !ok_word {
            break;
        }
        if k >= 2 && !blank_gap(text, ws[k - 2].end, ws[k - 1].start) {
            break;
        }
        reach = k;
        if is_pronoun {
            break;
        }
    }
    (1..=reach)
        .rev()
        .find_map(|k| classify_with(text, &ws[..k], &table[..k], lex))
}

/// The end (the index after its last word) of a share of people opening at
/// word `i` of `ws`, the words of `text`: `half`, `a third`, `nearly half`,
/// `the majority`, `two-thirds`, `more than 4 in 10`, `62 percent`, `43%`,
/// `about the same number`, `most`. Poll language, whose finding the share
/// is the subject of (`a third said …`); what may follow (`of voters`) is the
/// caller's to read. Only spaces may separate the words.
pub(crate) fn share_end(text: &str, ws: &[Word], i: usize) -> Option<usize> {
    // The words as written, compared without regard to ASCII case (no
    // lower-case copies: this is asked at every conjunction).
    let word = |k: usize| {
        let w = ws.get(k)?;
        let joined = k == i || blank_gap(text, ws[k - 1].end, w.start);
        joined.then(|| w.text(text))
    };
    let one_of = |w: &str, options: &[&str]| options.iter().any(|o| o.eq_ignore_ascii_case(w));
    let is = |k: usize, options: &[&str]| word(k).is_some_and(|w| one_of(w, options));
    let class = |k: usize| word(k).map_or(0, lexicon::share_class);
    let hedge = |k: usize| class(k) & lexicon::share::HEDGE != 0;
    let share_noun = |w: &str| lexicon::share_class(w) & lexicon::share::NOUN != 0;
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let number = |w: &str| digits(w) || lexicon::share_class(w) & lexicon::share::NUMBER != 0;
    // Most words open no share: told by one lookup.
    let first = word(i)?;
    let opens = lexicon::share::HEDGE | lexicon::share::NUMBER | lexicon::share::OPENER;
    if !(class(i) & opens != 0 || digits(first) || first.contains('-')) {
        return None;
    }
    let mut k = i;
    // The hedge: `more than`, `at least`, `close to`, `nearly`, `just over`.
    if is(k, &["more", "less", "fewer"]) && is(k + 1, &["than"])
        || is(k, &["at"]) && is(k + 1, &["least", "most"])
        || is(k, &["close"]) && is(k + 1, &["to"])
    {
        k += 2;
    } else {
        while k < i + 2 && hedge(k) {
            k += 1;
        }
    }
    let w = word(k)?;
    if one_of(w, &["a", "one"]) && word(k + 1).is_some_and(share_noun)
        || w.eq_ignore_ascii_case("the") && is(k + 1, &["majority", "minority", "plurality"])
    {
        Some(k + 2)
    } else if w.eq_ignore_ascii_case("the") && is(k + 1, &["same"]) {
        is(k + 2, &["number", "share", "proportion", "percentage"]).then_some(k + 3)
    } else if one_of(w, &["half", "most", "many"])
        // `two-thirds`, `three-quarters`
        || w.split_once('-').is_some_and(|(n, f)| {
            number(n) && share_noun(f)
        })
    {
        Some(k + 1)
    } else if !number(w) {
        None
    } else if text.as_bytes().get(ws[k].end) == Some(&b'%') {
        Some(k + 1)
    } else if is(k + 1, &["percent"]) || word(k + 1).is_some_and(share_noun) {
        Some(k + 2)
    } else if is(k + 1, &["per"]) && is(k + 2, &["cent"])
        || is(k + 1, &["in", "of"]) && word(k + 2).is_some_and(number)
    {
        Some(k + 3)
    } else if is(k + 1, &["out"]) && is(k + 2, &["of"]) && word(k + 3).is_some_and(number) {
        Some(k + 4)
    } else {
        None
    }
}

/// Whether `text[from..to]`, the gap between two words, is spaces only.
fn blank_gap(text: &str, from: usize, to: usize) -> bool {
    text.get(from..to).is_some_and(|g| g.chars().all(is_space))
}

/// The noun phrase starting at `pos` (spaces skipped), not reaching past
/// `limit`: `said Ren Zhengfei, founder of Huawei` → `Ren Zhengfei` with role
/// `founder of Huawei`. A role with a name in apposition is the name, with
/// the role: `said her nephew, Daniel Morrow` → `Daniel Morrow` with role
/// `her nephew` (as [`np_before`] reads `her nephew, Daniel Morrow, said`).
pub fn np_after(text: &str, pos: usize, limit: usize, lex: &Lexicon) -> Option<Mention> {
    let m = phrase_after(text, pos, limit, lex)?;
    if m.kind != MentionKind::Role {
        return Some(m);
    }
    let comma = skip_space(text, m.span.end);
    if char_at(text, comma) != Some(',') {
        return Some(m);
    }
    // The name must close the apposition (`said the mayor, Jane Lee, on
    // Monday`), not start a clause of its own (`said the mayor, Jane Lee
    // would`) or a list (`the mayor, Jane Lee and …`).
    let start = skip_space(text, comma + 1);
    let named = phrase_after(text, start, limit, lex).filter(|n| {
        let close = skip_space(text, n.span.end);
        n.kind == MentionKind::Name
            && n.span.start == start
            && (close >= limit || matches!(char_at(text, close), Some(',' | '.' | ';' | '\n')))
    });
    Some(match named {
        Some(mut name) => {
            name.role = Some(m.span);
            name
        }
        None => m,
    })
}

/// [`np_after`] without the name after a role.
fn phrase_after(text: &str, pos: usize, limit: usize, lex: &Lexicon) -> Option<Mention> {
    let start = skip_space(text, pos);
    if start >= limit {
        return None;
    }
    let mut end = start;
    let mut i = start;
    let bytes = text.as_bytes();
    while i < limit && i - start < 160 {
        // Bytes, decoding a char only where one is not ASCII.
        match bytes.get(i) {
            Some(&b) if b.is_ascii() => match b {
                b',' | b';' | b':' | b'(' | b')' | b'"' | b'\n' | b'!' | b'?' => break,
                b'.' if char_at(text, i + 1).is_none_or(is_space)
                    && !abbrev_before(text, start, i) =>
                {
                    break
                }
                _ => {
                    i += 1;
                    end = i;
                }
            },
            _ => match char_at(text, i) {
                Some('“' | '”' | '—' | '–' | '―') | None => break,
                Some(c) => {
                    i += c.len_utf8();
                    end = i;
                }
            },
        }
    }
    // `phrase_starting` reads at most the first [`PHRASE_WORDS`]: no more
    // are tokenised.
    let mut first = [Word { start: 0, end: 0 }; PHRASE_WORDS];
    let mut n = 0;
    for (slot, w) in first.iter_mut().zip(word_iter(text, start, end)) {
        *slot = w;
        n += 1;
    }
    let mut m = phrase_starting(text, &first[..n], lex)?;
    // `a source close to the talks`: the post-modifier belongs to the source.
    if is_anonymous_head(text, &m) {
        if let Some(e) = anonymous_tail(text, m.span.end, limit, lex) {
            m.span = Span::new(m.span.start, e);
        }
    }
    // An apposition after the name: ", founder of Huawei," / ", a spokeswoman."
    if m.kind == MentionKind::Name {
        let after = skip_space(text, m.span.end);
        // `Hosuk Lee-Makiyama from the European Centre for …`: an affiliation.
        let from = ["from ", "of ", "at "]
            .iter()
            .find(|p| text.get(after..).is_some_and(|r| r.starts_with(**p)));
        if from.is_some() && after > m.span.end {
            let re = apposition_end(text, after, limit, |c| {
                matches!(c, ',' | ';' | ':' | '\n' | '"' | '“' | '”' | '(' | ')')
            });
            let aff = words(text, after, re);
            if aff.len() >= 2
                && aff.len() <= 12
                && aff[1..].iter().any(|w| {
                    class::of(w.text(text)) & class::ORG_WORD != 0
                        || class::of(w.text(text).trim_end_matches('.')) & class::ORG_SUFFIX != 0
                })
                && aff.iter().all(|w| lex.cue(w.text(text)).is_none())
            {
                m.role = Some(Span::new(after, aff[aff.len() - 1].end));
            }
        }
        if char_at(text, after) == Some(',') {
            let rs = skip_space(text, after + 1);
            let re = apposition_end(text, rs, limit, |c| {
                matches!(c, ',' | ';' | '\n' | '"' | '“' | '”')
            });
            let first = word_iter(text, rs, re).next().map(|w| w.text(text));
            if first.is_some_and(|f| {
                class::of_lower(f) & (class::DETERMINER | class::PERSON_ROLE | class::MODIFIER) != 0
                    || is_possessive(f)
            }) && re - rs <= 120
            {
                m.role = Some(Span::new(rs, skip_space_back(text, re)));
            }
        }
    }
    Some(m)
}

/// Where an apposition or affiliation starting at `start` ends: at a char
/// `stop` accepts, or a full stop that ends the sentence (not an
/// abbreviation's: `the U.S. Treasury`), not past `limit`.
fn apposition_end(text: &str, start: usize, limit: usize, stop: impl Fn(char) -> bool) -> usize {
    let mut end = start;
    while end < limit {
        match char_at(text, end) {
            Some(c) if stop(c) => break,
            Some('.')
                if char_at(text, end + 1).is_none_or(is_space)
                    && !abbrev_before(text, start, end) =>
            {
                break
            }
            Some(c) => end += c.len_utf8(),
            None => break,
        }
    }
    end
}

fn abbrev_before(text: &str, start: usize, dot: usize) -> bool {
    match last_word(text, start, dot) {
        Some(last) if last.end == dot || last.end == dot + 1 => {
            let t = last.text(text).trim_end_matches('.');
            lexicon::is_abbreviation(t)
                || (t.chars().count() == 1 && is_capitalized(t))
                || t.contains('.')
        }
        _ => false,
    }
}

/// Every name, pronoun and description outside quotations, in text order.
/// Used to resolve pronouns and short names to earlier mentions.
// Once per document: kept out of line so that profiles show the stage.
#[inline(never)]
pub fn find_mentions(text: &str, doc: &Doc, pairs: &Pairs, lex: &Lexicon) -> Vec<Mention> {
    // News has about one mention per 65 bytes: reserved once, not grown from
    // empty by doubling (a copy of every mention at each step).
    let mut out = Vec::with_capacity(text.len() / 64);
    let mut pending: Vec<Word> = Vec::new();
    // The tables of the words of the name being read, looked up as it is
    // extended and handed to `classify_with` (one buffer for the document).
    let mut run: Vec<Bits> = Vec::new();
    let mut quoted = Quoted::new(pairs);
    for si in 0..doc.sentences.len() {
        let ws = doc.sentence_words(si);
        let mut i = 0;
        if let Some((next, m)) = subject_description(text, ws, &mut quoted) {
            out.push(m);
            i = next;
        }
        while i < ws.len() {
            let w = ws[i];
            // Most words are plainly neither a pronoun nor a name: told
            // before asking whether they are quoted.
            if plainly_neither(text, w) || quoted.inside(w.start) {
                i += 1;
                continue;
            }
            let t = w.text(text);
            if let Some((gender, plural)) = pronoun(t) {
                // What `classify` makes of a lone pronoun.
                out.push(pronoun_mention(w.span(), gender, plural));
                i += 1;
                continue;
            }
            let sentence_initial = i == 0;
            // `is_name_word(t) || title_with(t, exact).is_some()`, with one lookup.
            let exact = if is_capitalized(t) { class::of(t) } else { 0 };
            let name_like = is_capitalized(t)
                && (exact & class::NOT_NAME == 0 || title_with(t, exact).is_some());
            if name_like {
                run.clear();
                run.push(Bits { exact, lower: 0 });
                // Extend over name words joined by single spaces.
                let mut j = i + 1;
                while j < ws.len() {
                    let gap = Span::new(ws[j - 1].end, ws[j].start).text(text);
                    let tj = ws[j].text(text);
                    let joined = gap.chars().all(is_space) && gap.len() <= 2;
                    // `is_name_word(tj) || PARTICLES.contains(&tj)`, and
                    // whether `tj` is an organisation's connector: the tables
                    // looked up for a capitalised word or one as short as a
                    // particle or connector (a lower-case word is neither a
                    // name word nor anything `org_connector` takes otherwise).
                    let exact_j = if joined && (is_capitalized(tj) || tj.len() <= SHORT_JOINER) {
                        class::of(tj)
                    } else {
                        0
                    };
                    if joined
                        && (is_name_word_with(tj, exact_j) || exact_j & class::PARTICLE != 0)
                        && !quoted.inside(ws[j].start)
                    {
                        run.push(Bits {
                            exact: exact_j,
                            lower: 0,
                        });
                        j += 1;
                    } else if org_connector(
                        text,
                        &ws[i..j],
                        &ws[(j + 1).min(ws.len())..],
                        tj,
                        exact_j,
                        gap,
                    ) {
                        // `Office of Rail and Road`
                        for c in &ws[j..j + 2] {
                            run.push(Bits {
                                exact: class::of(c.text(text)),
                                lower: 0,
                            });
                        }
                        j += 2;
                    } else {
                        break;
                    }
                }
                // A lone capitalised sentence-initial word is too weak, unless
                // it is a known given name, or the surname of a full name
                // written elsewhere (checked once all names are known).
                // (A pending word is asked whether it is a cue only once it
                // is known to be a surname: few are.)
                // `O'Donnell, who …`: a relative `who` makes it a person's name.
                if sentence_initial
                    && j == i + 1
                    && !lex.is_given_name(t)
                    && !text.get(w.end..).is_some_and(|r| r.starts_with(", who "))
                {
                    pending.push(w);
                } else if lex.cue(t).is_none() {
                    for (b, w) in run.iter_mut().zip(&ws[i..j]) {
                        b.lower = class::lower_given(w.text(text), b.exact);
                    }
                    if let Some(m) = classify_with(text, &ws[i..j], &run, lex) {
                        out.push(m);
                    }
                }
                i = j;
                continue;
            }
            i += 1;
        }
    }
    // `Clinton said …` opening a sentence, when `Hillary Clinton` is written
    // somewhere: a mention of that name.
    if !pending.is_empty() {
        // The pending words' texts, sorted once, and which of them some name's
        // surname is: each name's surname is searched for among them (fewer
        // than the names), with no quadratic walk for a long document.
        let mut texts: Vec<&str> = pending.iter().map(|w| w.text(text)).collect();
        texts.sort_unstable();
        texts.dedup();
        let mut written = vec![false; texts.len()];
        for m in out.iter().filter(|m| m.kind == MentionKind::Name) {
            if let Some(last) = surname(m.head.text(text)) {
                if let Ok(k) = texts.binary_search(&last) {
                    written[k] = true;
                }
            }
        }
        // The pending words are in text order, so are the mentions found for
        // them: one merge puts each where a stable sort would (after the
        // mentions with the same span).
        let found: Vec<Mention> = pending
            .into_iter()
            .filter(|w| texts.binary_search(&w.text(text)).is_ok_and(|k| written[k]))
            .filter(|w| lex.cue(w.text(text)).is_none())
            .filter_map(|w| classify(text, &[w], lex))
            .collect();
        if !found.is_empty() {
            merge_in_order(&mut out, found);
        }
    }
    out
}

/// The surname of the name `head`: what follows its last ASCII space (as
/// `head.rsplit_once(' ')` gives it; a byte loop, as names are short).
fn surname(head: &str) -> Option<&str> {
    let k = head.bytes().rposition(|b| b == b' ')?;
    head.get(k + 1..)
}

/// Merges `found` into `out` (each in text order), in place: the mentions of
/// `out` first among equal spans, as a stable sort of `out` then `found` puts
/// them.
fn merge_in_order(out: &mut Vec<Mention>, found: Vec<Mention>) {
    let key = |m: &Mention| (m.span.start, m.span.end);
    debug_assert!(out.is_sorted_by_key(key) && found.is_sorted_by_key(key));
    // From the back: `out[..i]` is still to place, `out[w..]` is placed, and
    // `out[i..w]` (as long as what is left of `found`) is free room.
    let mut i = out.len();
    out.extend(found.iter().cloned());
    let mut w = out.len();
    for m in found.into_iter().rev() {
        while i > 0 && key(&out[i - 1]) > key(&m) {
            i -= 1;
            w -= 1;
            out.swap(i, w);
        }
        w -= 1;
        out[w] = m;
    }
}

/// The nouns that head a subject description: groups and organisations.
const DESCRIPTION_NOUN: u32 = class::GROUP_NOUN | class::ORG_NOUN;

/// `Pairs::inside_quote` for positions asked in text order: a walk over the
/// outermost quotations instead of a binary search per word.
struct Quoted {
    /// The outermost quotations, marks included, in order (they never overlap).
    spans: Vec<Span>,
    /// The first span that does not end before the last position asked.
    next: usize,
    /// The end of the span before `next` (0 if none): positions from here to
    /// `current.end` need no walk.
    after: usize,
    /// `spans[next]`, or an empty span at `usize::MAX` past the last one.
    current: Span,
}

impl Quoted {
    fn new(pairs: &Pairs) -> Quoted {
        let mut q = Quoted {
            spans: pairs.top_pairs().map(|p| p.outer()).collect(),
            next: 0,
            after: 0,
            current: Span::default(),
        };
        q.seek(0);
        q
    }

    /// Whether `pos` lies inside an outermost quotation. Most words fall
    /// before the next quotation or inside the current one: two comparisons.
    #[inline]
    fn inside(&mut self, pos: usize) -> bool {
        if pos < self.after || pos >= self.current.end {
            self.seek(pos);
        }
        self.current.start <= pos
    }

    /// Moves `next` to the first span that does not end at or before `pos`.
    fn seek(&mut self, pos: usize) {
        if self.next > 0 && self.spans[self.next - 1].end > pos {
            // Asked out of order: search again.
            self.next = self.spans.partition_point(|s| s.end <= pos);
        }
        while self.spans.get(self.next).is_some_and(|s| s.end <= pos) {
            self.next += 1;
        }
        self.after = self.next.checked_sub(1).map_or(0, |i| self.spans[i].end);
        self.current = self
            .spans
            .get(self.next)
            .copied()
            .unwrap_or(Span::new(usize::MAX, usize::MAX));
    }
}

/// A group or organisation described at the start of a sentence, its subject
/// (`Union leaders met…`, `The ministry published…`, `Officials rejected…`):
/// the antecedents of a later `they` or `it`. Returns the index of the word after
/// it and the mention.
fn subject_description(text: &str, ws: &[Word], quoted: &mut Quoted) -> Option<(usize, Mention)> {
    let first = ws.first()?;
    if quoted.inside(first.start) {
        return None;
    }
    for k in 0..ws.len().min(4) {
        if k > 0
            && !Span::new(ws[k - 1].end, ws[k].start)
                .text(text)
                .chars()
                .all(is_space)
        {
            return None;
        }
        let t = ws[k].text(text);
        let lower = class::of_lower(t);
        if lower & DESCRIPTION_NOUN == 0 {
            if lower & (class::DETERMINER | class::MODIFIER) != 0 || is_capitalized(t) {
                continue;
            }
            return None;
        }
        // `Union leaders`: a noun used as a modifier; the head is the last noun.
        let mut k = k;
        while ws.get(k + 1).is_some_and(|n| {
            Span::new(ws[k].end, n.start).text(text) == " "
                && class::of_lower(n.text(text)) & DESCRIPTION_NOUN != 0
        }) {
            k += 1;
        }
        let t = ws[k].text(text);
        let (kind, entity, plural) = description_kind(class::of_lower(t))
            .filter(|d| d.0 != MentionKind::Role)
            .unwrap_or((MentionKind::Org, SpeakerKind::Organization, false));
        // `The Rail Delivery Group`: a proper name, found as a name.
        if k > 0 && is_capitalized(t) {
            return None;
        }
        // `The ministry's figures`: a possessor, not the subject.
        let after = char_at(text, ws[k].end);
        if matches!(after, Some('\'' | '’')) {
            return None;
        }
        return Some((
            k + 1,
            Mention {
                span: Span::new(first.start, ws[k].end),
                kind,
                head: ws[k].span(),
                gender: None,
                plural,
                entity,
                role: None,
            },
        ));
    }
    None
}

/// The mention for exactly the words of `span`: classified when the lexicons
/// know its shape, else a generic noun phrase of unknown kind. Pronoun-led or
/// name-led spans are trimmed to their recognisable part.
pub fn from_span(text: &str, span: Span, lex: &Lexicon) -> Mention {
    from_span_with(None, text, span, lex)
}

/// [`from_span`], reading the words of `doc` (the document of `text`)
/// instead of tokenising the text again.
pub fn from_span_in(doc: &Doc, text: &str, span: Span, lex: &Lexicon) -> Mention {
    from_span_with(sentence_around(doc, span.start, span.end), text, span, lex)
}

/// [`from_span`]; with `region`, the words of a span of `text` holding
/// `span`, read from them instead of tokenised.
fn from_span_with(region: Option<&[Word]>, text: &str, span: Span, lex: &Lexicon) -> Mention {
    if matches!(span.text(text), "who" | "which") {
        return Mention {
            span,
            kind: MentionKind::Pronoun,
            head: span,
            gender: None,
            plural: false,
            entity: SpeakerKind::Unknown,
            role: None,
        };
    }
    let read = |ws: &[Word]| from_words(region, text, span, ws, lex);
    match region {
        Some(region) => read(&words_within(text, region, span.start, span.end, &mut 0)),
        None => with_words(text, span.start, span.end, read),
    }
}

/// [`from_span`] for a span other than `who` or `which`, given its words.
fn from_words(
    region: Option<&[Word]>,
    text: &str,
    span: Span,
    ws: &[Word],
    lex: &Lexicon,
) -> Mention {
    if let Some(m) = classify(text, ws, lex) {
        return m;
    }
    if let Some(m) = np_before_with(region, text, span.end, span.start, lex) {
        // Not the complement alone of `A spokesman for the Pentagon`.
        let of_complement = text
            .get(span.start..m.span.start)
            .and_then(|h| h.strip_suffix(" of ").or_else(|| h.strip_suffix(" for ")))
            .is_some_and(|h| {
                role_head(h)
                    || !h.contains(',')
                        && h.get(..4).is_some_and(|t| t.eq_ignore_ascii_case("the "))
            });
        if m.span.end == span.end && !of_complement {
            return m;
        }
    }
    let plural = ws
        .last()
        .is_some_and(|w| w.text(text).ends_with('s') && !w.text(text).ends_with("ss"));
    let capital = ws.iter().any(|w| is_name_word(w.text(text)));
    Mention {
        span,
        kind: MentionKind::Other,
        head: span,
        gender: None,
        plural,
        entity: if plural {
            SpeakerKind::Group
        } else if capital {
            SpeakerKind::Organization
        } else {
            SpeakerKind::Unknown
        },
        role: None,
    }
}

/// Whether `head`, the words before `of` or `for` in a subject, names a
/// role or a part rather than a title or a name (`A spokesman`, `The head`,
/// `Members`, but not `Secretary`, `John Cornyn`, `Hope Hicks, a
/// spokeswoman`): no comma, and its last word lower case, or one plural or
/// role noun alone.
pub(crate) fn role_head(head: &str) -> bool {
    if head.contains(',') {
        return false;
    }
    let mut words = head.split_whitespace().rev();
    let Some(last) = words.next() else {
        return false;
    };
    if last.starts_with(|c: char| c.is_lowercase()) {
        return true;
    }
    let l = last.to_lowercase();
    words.next().is_none()
        && (l.ends_with('s') && !l.ends_with("ss")
            || lexicon::PERSON_ROLES.binary_search(&l.as_str()).is_ok())
}

/// Prepositions after which a capitalised name is a place or a thing, not
/// someone who could be "he" or "she" (`in Leeds`, `from Reuters`).
const LOCATIVES: &[&str] = &[
    "across", "at", "from", "in", "inside", "into", "near", "of", "outside", "to", "toward",
    "towards",
];

/// Whether the mention follows a locative preposition (`in Leeds`).
pub fn after_locative(text: &str, m: &Mention) -> bool {
    let before = text.get(..m.span.start).unwrap_or("").trim_end();
    let last = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    LOCATIVES.contains(&last.to_lowercase().as_str())
}

/// Words that open a sentence's opening phrase only when a comma soon closes
/// it (see [`main_subject`]): time adverbs, comparisons and the participles
/// of questions put to the subject.
const OPENING_ADVERBS: &[&str] = &[
    "asked",
    "earlier",
    "instead",
    "last",
    "later",
    "like",
    "meanwhile",
    "next",
    "pressed",
    "this",
    "today",
    "unlike",
    "yesterday",
];

/// Words that open an adverbial phrase before a sentence's subject (`After the
/// vote, …`, `Throughout the 2000s, …`, `Once he was president, …`).
const ADVERBIAL_OPENERS: &[&str] = &[
    "after",
    "although",
    "amid",
    "as",
    "at",
    "because",
    "before",
    "despite",
    "during",
    "for",
    "from",
    "if",
    "in",
    "on",
    "once",
    "since",
    "throughout",
    "though",
    "to",
    "under",
    "until",
    "when",
    "while",
    "with",
    "without",
];

/// The first of the words `ws` (from `start`) that a dash (` —`, `)—`…)
/// somewhere before it follows: where the text after a dateline starts. Each
/// dash is looked for once, before the last word; a word follows a dash when
/// it starts at or after the end of that dash's first occurrence.
fn dateline_end(text: &str, start: usize, ws: &[Word]) -> Option<usize> {
    let lead = Span::new(start, ws.last()?.start).text(text);
    let dash_end = [" —", " –", " -", ")—", ")–"]
        .iter()
        .filter_map(|d| lead.find(d).map(|k| start + k + d.len()))
        .min()?;
    ws.iter().position(|w| w.start >= dash_end)
}

/// The subject of the sentence starting at `start`, before `end`: the first
/// noun phrase after a dateline (`WASHINGTON — `, `PARIS, Aug 31 (Reuters) - `)
/// and an opening adverbial phrase ending at a comma (`Speaking to supporters,
/// Cruz …`).
pub fn main_subject(text: &str, start: usize, end: usize, lex: &Lexicon) -> Option<Mention> {
    let ws = words(text, start, end);
    let mut from = 0;
    if let Some(d) = dateline_end(text, start, &ws[..ws.len().min(8)]) {
        if d > 0 && ws[0].text(text).chars().all(|c| !c.is_lowercase()) {
            from = d;
        }
    }
    let first = ws.get(from)?.text(text).to_lowercase();
    let comma_after = |from: usize| {
        (from + 1..ws.len()).find(|&i| {
            Span::new(ws[i - 1].end, ws[i].start)
                .text(text)
                .contains(',')
        })
    };
    // `Earlier this week, Todd …`, `Like Corker, Menendez …`, `Asked about
    // it, Carson …`: a short opening phrase closed by a comma (without the
    // comma, the word may open the subject: `This group`, `Last year's
    // winner`).
    if OPENING_ADVERBS.contains(&first.as_str()) {
        if let Some(c) = comma_after(from).filter(|&c| c - from <= 8) {
            from = c;
        }
    }
    if ADVERBIAL_OPENERS.contains(&first.as_str()) || first.ends_with("ing") {
        from = comma_after(from)?;
        // More of the opening phrase: `…, on Sunday,`, and a place's state
        // before it (`In Ames, Iowa, on Sunday, Mrs. Clinton …`).
        while let Some(next) = comma_after(from).filter(|&n| n - from <= 6) {
            let opener = |i: usize| ADVERBIAL_OPENERS.contains(&lower(ws[i].text(text)).as_ref());
            let state = next - from <= 2
                && (from..next).all(|i| is_capitalized(ws[i].text(text)))
                && opener(next);
            if !(opener(from) || state) {
                break;
            }
            from = next;
        }
    }
    let m = np_after(text, ws.get(from)?.start, end, lex)?;
    (m.span.start == ws[from].start && !after_locative(text, &m)).then_some(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_end_reads_the_shares_of_poll_language() {
        fn share(t: &str) -> Option<&str> {
            let ws: Vec<Word> = crate::text::words(t, 0, t.len());
            let end = share_end(t, &ws, 0)?;
            Some(&t[ws[0].start..ws[end - 1].end])
        }
        for (text, want) in [
            ("a third said", "a third"),
            ("Nearly half said", "Nearly half"),
            ("more than 4 in 10 said", "more than 4 in 10"),
            ("just over 60 percent of voters", "just over 60 percent"),
            ("43% say", "43"),
            ("two-thirds of them", "two-thirds"),
            ("about the same number said", "about the same number"),
            ("the majority of members", "the majority"),
            ("six out of 10 agreed", "six out of 10"),
            ("at least half of voters", "at least half"),
        ] {
            assert_eq!(share(text), Some(want), "{text}");
        }
        for text in [
            "a report said",
            "43 said",
            "the same day",
            "some said",
            "at least",
        ] {
            assert_eq!(share(text), None, "{text}");
        }
    }

    #[test]
    fn merge_in_order_is_a_stable_sort() {
        let m = |start: usize, end: usize, plural: bool| Mention {
            span: Span::new(start, end),
            kind: MentionKind::Name,
            head: Span::new(start, end),
            gender: None,
            plural,
            entity: SpeakerKind::Person,
            role: None,
        };
        // `plural` tells the two lists apart among equal spans.
        let a = vec![
            m(1, 2, false),
            m(3, 4, false),
            m(3, 4, false),
            m(5, 9, false),
        ];
        let b = vec![m(0, 1, true), m(3, 4, true), m(3, 5, true), m(9, 9, true)];
        let mut sorted = [a.clone(), b.clone()].concat();
        sorted.sort_by_key(|m| (m.span.start, m.span.end));
        let mut merged = a;
        merge_in_order(&mut merged, b);
        assert_eq!(merged, sorted);
    }

    /// The one non-ASCII char whose lower case is all ASCII is the Kelvin
    /// sign (`PRONOUN_SHAPES` relies on it).
    #[test]
    fn only_the_kelvin_sign_lowercases_to_ascii() {
        let to_ascii: Vec<char> = (char::MIN..=char::MAX)
            .filter(|c| !c.is_ascii() && c.to_lowercase().all(|l| l.is_ascii()))
            .collect();
        assert_eq!(to_ascii, ['\u{212a}']);
    }

    #[test]
    fn headline_verbs_are_sorted_verb_forms() {
        let lex = Lexicon::new(&crate::Options::default());
        assert!(HEADLINE_VERBS.windows(2).all(|w| w[0] < w[1]));
        for v in HEADLINE_VERBS {
            assert!(v.ends_with('s') && is_capitalized(v), "{v}");
            assert!(!lex.is_given_name(v) && lexicon::title(v).is_none(), "{v}");
        }
        // The cue verbs among them are the lexicon's forms.
        for v in [
            "Calls",
            "Says",
            "Slams",
            "Testifies",
            "Denies",
            "Criticizes",
        ] {
            assert!(HEADLINE_VERBS.contains(&v) && lex.cue(v).is_some(), "{v}");
        }
    }

    /// Every form of every table, in several cases and with odd neighbours
    /// (non-ASCII, too long, empty), against the lists themselves.
    #[test]
    fn word_table_agrees_with_the_lists() {
        let lists: [(&[&str], u32); 14] = [
            (DETERMINERS, class::DETERMINER),
            (MODIFIERS, class::MODIFIER),
            (NOT_NAMES, class::NOT_NAME),
            (HEADLINE_VERBS, class::NOT_NAME),
            (ADVERBS, class::ADVERB),
            (PARTICLES, class::PARTICLE),
            (lexicon::PERSON_ROLES, class::PERSON_ROLE),
            (lexicon::GROUP_NOUNS, class::GROUP_NOUN),
            (lexicon::ORG_NOUNS, class::ORG_NOUN),
            (lexicon::ORG_WORDS, class::ORG_WORD),
            (lexicon::ORG_SUFFIXES, class::ORG_SUFFIX),
            (ORG_CONNECTORS, class::ORG_CONNECTOR),
            (FUNCTION_WORDS, class::FUNCTION_WORD),
            (lexicon::ORG_NAMES, class::ORG_NAME),
        ];
        let mut words: Vec<String> = [
            "",
            "É",
            "Él",
            "ÉL",
            "Straße",
            "a-very-long-word-indeed",
            "K",
            "hé",
            "Hé",
            "İt",
            "ıt",
            "sHé",
            "\u{212a}",
            "he\u{301}",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        let entries = lists
            .iter()
            .flat_map(|l| l.0.iter().copied())
            .chain(lexicon::TITLES.iter().map(|t| t.0))
            .chain(lexicon::PRONOUNS.iter().map(|p| p.0));
        for w in entries {
            let mut cap = w.to_string();
            if let Some(f) = cap.get_mut(..1) {
                f.make_ascii_uppercase();
            }
            words.extend([w.to_string(), w.to_uppercase(), w.to_lowercase(), cap]);
            words.push(format!("{w}."));
        }
        for w in &words {
            // A bit is set where any list with that bit (NOT_NAMES and
            // HEADLINE_VERBS share one) holds the word.
            let listed = |bit: u32, w: &str| lists.iter().any(|l| l.1 == bit && l.0.contains(&w));
            for &(_, bit) in &lists {
                assert_eq!(class::of(w) & bit != 0, listed(bit, w), "{w}");
                let lw = w.to_lowercase();
                assert_eq!(class::of_lower(w) & bit != 0, listed(bit, &lw), "{w}");
            }
            assert_eq!(title_with(w, class::of(w)), lexicon::title(w), "{w}");
            let expected = lexicon::PRONOUNS
                .iter()
                .find(|p| w.len() <= 8 && p.0 == w.to_lowercase())
                .map(|p| (p.1, p.2));
            assert_eq!(pronoun(w), expected, "{w}");
            let possessive = w
                .strip_suffix(['s', 'S'])
                .is_some_and(|t| t.ends_with(['\'', '’']));
            for t in [
                w.to_string(),
                format!("{w}'s"),
                format!("{w}’S"),
                format!("{w}’"),
            ] {
                let expected =
                    t == format!("{w}'s") || t == format!("{w}’S") || possessive && t == *w;
                assert_eq!(is_possessive(&t), expected, "{t}");
            }
            assert_eq!(class::both(w), (class::of(w), class::of_lower(w)), "{w}");
        }
    }
}

/// Fast paths against the plain code they replace, on generated text.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod props {
    use super::*;
    use proptest::prelude::*;

    /// Quotations, words and paragraph breaks, for texts with several quotes.
    fn quoted_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a", "Lee", " ", ", ", "\"", "“", "”", "‘", "’", "\n", "said", ". ", "é",
        ]);
        prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
    }

    /// Links, pieces of links, words and spaces, for [`last_link`].
    fn link_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            " close to ",
            " familiar with ",
            " with knowledge of ",
            " briefed",
            " on ",
            " in ",
            " involved",
            "close",
            " ",
            "x",
            "é",
            " c",
            " f",
            " w",
        ]);
        prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
    }

    /// Datelines and dashes among words.
    fn dateline_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "PARIS", "Aug", "31", " ", " ", " —", "—", " –", " -", "-", ")", "(", "Reuters", ",",
            "é", "x",
        ]);
        prop::collection::vec(pieces, 0..30).prop_map(|v| v.concat())
    }

    /// Subjects, adverbs and cues, with non-ASCII letters and punctuation.
    fn adverb_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "Lee", " ", "also", "later", " had", "Also", "said", "é", "Él", ",", "日本", "\n", "ß",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    /// Words, joiners, spaces and punctuation, up to a few dozen words.
    fn wordy_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a", "Lee", "U.S.", "NATO", "É", " ", " ", ", ", "-", "'", "’", ".", "é", "日本", "\n",
        ]);
        prop::collection::vec(pieces, 0..160).prop_map(|v| v.concat())
    }

    proptest! {
        /// The stack buffer of [`with_words`] holds the words of `words`,
        /// below and above its size.
        #[test]
        fn with_words_equals_words(text in wordy_text(), a in 0usize..600, b in 0usize..600) {
            let (from, to) = (a.min(b).min(text.len()), a.max(b).min(text.len()));
            let expected = words(&text, from, to);
            prop_assert_eq!(with_words(&text, from, to, |ws| ws.to_vec()), expected);
        }

        /// The eight-byte scan of [`last_link`] finds the last link, as a
        /// scan of every byte from the end.
        #[test]
        fn last_link_equals_bytewise(text in link_text()) {
            let plain = (0..text.len())
                .rev()
                .find(|&i| ANONYMOUS_LINKS.iter().any(|l| text.get(i..).is_some_and(|w| w.starts_with(l))));
            prop_assert_eq!(last_link(&text), plain);
        }

        /// [`capitals_only`], with its early exit on a small ASCII letter,
        /// counts as its definition does.
        #[test]
        fn capitals_only_counts_capitals(text in wordy_text()) {
            let plain = text.chars().filter(|c| c.is_uppercase()).count()
                == text.chars().filter(|c| c.is_alphabetic()).count();
            prop_assert_eq!(capitals_only(&text), plain);
        }

        /// [`dateline_end`] finds the first word whose lead holds a dash, as
        /// a search of every word's lead does.
        #[test]
        fn dateline_end_equals_every_lead(text in dateline_text(), a in 0usize..40) {
            let start = a.min(text.len());
            let ws = words(&text, start, text.len());
            let ws = &ws[..ws.len().min(8)];
            let plain = ws.iter().position(|w| {
                let lead = Span::new(start, w.start).text(&text);
                [" —", " –", " -", ")—", ")–"].iter().any(|d| lead.contains(d))
            });
            prop_assert_eq!(dateline_end(&text, start, ws), plain);
        }

        /// [`skip_adverbs_back`], reading ASCII letters as bytes, skips as
        /// the char-by-char walk it replaces.
        #[test]
        fn skip_adverbs_back_equals_char_walk(text in adverb_text(), a in 0usize..200, b in 0usize..200) {
            let (limit, pos) = (a.min(b), a.max(b));
            let plain = {
                let mut end = skip_space_back(&text, pos);
                for _ in 0..3 {
                    let mut s = end;
                    while s > limit {
                        match char_before(&text, s) {
                            Some(c) if c.is_alphabetic() => s -= c.len_utf8(),
                            _ => break,
                        }
                    }
                    let w = text.get(s..end).unwrap_or("");
                    if w.is_empty() || class::of_lower(w) & class::ADVERB == 0 {
                        break;
                    }
                    end = skip_space_back(&text, s);
                }
                end
            };
            prop_assert_eq!(skip_adverbs_back(&text, pos, limit), plain);
        }

        /// A word [`plainly_neither`] passes over is no pronoun and not
        /// capitalised (what `find_mentions` would otherwise read it for).
        #[test]
        fn plainly_neither_is_neither(text in adverb_text()) {
            for w in words(&text, 0, text.len()) {
                let t = w.text(&text);
                if plainly_neither(&text, w) {
                    prop_assert!(pronoun(t).is_none() && !is_capitalized(t), "{}", t);
                }
            }
        }

        /// The walk of [`Quoted`] answers as the binary search of
        /// `Pairs::inside_quote`, for positions asked in order, repeated, and
        /// out of order.
        #[test]
        fn quoted_walk_equals_inside_quote(
            text in quoted_text(),
            asks in prop::collection::vec(0usize..400, 0..60),
        ) {
            let pairs = crate::marks::pair_marks(&text, &crate::segment::paragraphs(&text));
            let mut quoted = Quoted::new(&pairs);
            let mut sorted = asks.clone();
            sorted.sort_unstable();
            for pos in sorted.into_iter().chain(asks) {
                prop_assert_eq!(quoted.inside(pos), pairs.inside_quote(pos), "{}", pos);
            }
        }
    }
}
