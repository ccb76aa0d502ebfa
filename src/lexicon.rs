//! Lexicons: cue verbs, titles, pronouns, names, roles, groups, outlets and
//! documents. Sorted static tables; code elsewhere says how they are used.
//!
//! Origins are noted on each table. Lists are lower case unless they hold names.
//! Users add entries at run time through [`crate::Options`].

use crate::wordmap::WordMap;
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

/// Speech and attribution verbs, as lemmas. The union of the verbs that recur
/// across published quotation extractors: BBC Citron's cue list, the Gender Gap
/// Tracker's quote verbs, textacy's `_reporting_verbs`, and the cue lemmas most
/// frequent in the PARC 3.0 attribution corpus (Pareti 2016), extended with the
/// cue lemmas most frequent in the PolNeAR *train* annotations (beliefs,
/// expectations and evidence verbs: `seem`, `show`, `expect`, `want`, `support`,
/// …; never tuned on dev or test). Each is inflected by
/// [`inflect`]; irregular past forms are in [`IRREGULAR`].
pub const CUE_VERBS: &[&str] = &[
    "accuse",
    "acknowledge",
    "add",
    "admit",
    "advise",
    "affirm",
    "agree",
    "allege",
    "announce",
    "answer",
    "appear",
    "applaud",
    "argue",
    "ask",
    "assail",
    "assert",
    "assure",
    "attack",
    "believe",
    "bemoan",
    "blame",
    "blast",
    "boast",
    "brag",
    "brand",
    "call",
    "caution",
    "characterise",
    "characterize",
    "charge",
    "cite",
    "claim",
    "comment",
    "compare",
    "complain",
    "concede",
    "conclude",
    "condemn",
    "confirm",
    "consider",
    "contend",
    "continue",
    "counter",
    "criticise",
    "criticize",
    "decide",
    "declare",
    "decline",
    "decry",
    "deem",
    "defend",
    "demand",
    "denounce",
    "deny",
    "describe",
    "disclose",
    "discuss",
    "dismiss",
    "dispute",
    "doubt",
    "downplay",
    "echo",
    "emphasise",
    "emphasize",
    "encourage",
    "endorse",
    "estimate",
    "exclaim",
    "exhort",
    "expect",
    "explain",
    "express",
    "favor",
    "favour",
    "fear",
    "feel",
    "find",
    "forecast",
    "grumble",
    "guess",
    "highlight",
    "hint",
    "hope",
    "imagine",
    "imply",
    "indicate",
    "inform",
    "insist",
    "instruct",
    "invoke",
    "joke",
    "know",
    "label",
    "lambast",
    "lament",
    "learn",
    "maintain",
    "mention",
    "mock",
    "name",
    "note",
    "object",
    "observe",
    "offer",
    "oppose",
    "order",
    "plan",
    "plead",
    "pledge",
    "point",
    "portray",
    "post",
    "praise",
    "predict",
    "prefer",
    "proclaim",
    "project",
    "promise",
    "propose",
    "protest",
    "question",
    "quip",
    "reaffirm",
    "realise",
    "realize",
    "recall",
    "reckon",
    "recognise",
    "recognize",
    "recommend",
    "recount",
    "refer",
    "reference",
    "reflect",
    "refuse",
    "refute",
    "reiterate",
    "reject",
    "rejoin",
    "remark",
    "remember",
    "remind",
    "reply",
    "report",
    "request",
    "respond",
    "retort",
    "retweet",
    "reveal",
    "say",
    "scoff",
    "see",
    "seek",
    "seem",
    "shout",
    "show",
    "signal",
    "slam",
    "speak",
    "speculate",
    "state",
    "stress",
    "suggest",
    "support",
    "swear",
    "talk",
    "tell",
    "testify",
    "think",
    "threaten",
    "tout",
    "tweet",
    "underline",
    "underscore",
    "urge",
    "view",
    "vote",
    "vow",
    "want",
    "warn",
    "welcome",
    "whisper",
    "wonder",
    "worry",
    "write",
    "yell",
];

/// Irregular inflections of cue verbs: (form, lemma).
pub const IRREGULAR: &[(&str, &str)] = &[
    ("felt", "feel"),
    ("forecast", "forecast"),
    ("found", "find"),
    ("knew", "know"),
    ("known", "know"),
    ("said", "say"),
    ("saw", "see"),
    ("says", "say"),
    ("seen", "see"),
    ("sought", "seek"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("thought", "think"),
    ("told", "tell"),
    ("written", "write"),
    ("wrote", "write"),
];

/// Cue verbs that, in the past tense without a following object, almost always
/// introduce or close a quotation (`said`, `told`, `added`): strongest evidence.
pub const STRONG_CUES: &[&str] = &[
    "add", "announce", "argue", "ask", "assert", "claim", "comment", "continue", "declare",
    "explain", "insist", "note", "reply", "respond", "say", "state", "tell", "tweet", "warn",
    "write",
];

/// Speech verbs of other languages, as written forms (not inflected by rule):
/// German, French, Spanish, Italian, Portuguese, Dutch, Swedish, Finnish, and
/// Chinese and Japanese endings, so that `„Ja“, sagte er.` is attributed like
/// `"Yes," he said.` From the verbs of speech in each language's news style.
pub const FOREIGN_CUES: &[&str] = &[
    "a déclaré",
    "affirma",
    "affirme",
    "afirmó",
    "ajouta",
    "ajoute",
    "betonte",
    "declaró",
    "detto",
    "dice",
    "dichiarato",
    "dijo",
    "disse",
    "dit",
    "erklärte",
    "explicó",
    "fügte",
    "meinte",
    "sa",
    "sade",
    "sagt",
    "sagte",
    "sagten",
    "sanoi",
    "zegt",
    "zei",
    "说",
    "表示",
    "と述べた",
    "と語った",
    "と話した",
];

/// Multi-word cues (phrases), lower case.
pub const CUE_PHRASES: &[&str] = &[
    "according to",
    "in a statement",
    "in an interview",
    "in a tweet",
    "in a post",
    "in a letter",
    "in an email",
    "in remarks",
    "in a speech",
    "quoted as saying",
];

/// Abbreviations that end in a dot without ending a sentence. From common news
/// style guides (AP Stylebook abbreviations of titles, months, states, firms).
pub const ABBREVIATIONS: &[&str] = &[
    "adm", "ala", "apr", "ariz", "aug", "ave", "blvd", "brig", "calif", "capt", "cmdr", "co",
    "col", "colo", "conn", "corp", "cpl", "dec", "del", "dept", "det", "dr", "e.g", "etc", "feb",
    "fla", "fr", "ft", "ga", "gen", "gov", "hon", "i.e", "ill", "inc", "ind", "insp", "jan", "jr",
    "jul", "jun", "kan", "ky", "la", "lt", "ltd", "maj", "mar", "mass", "md", "messrs", "mich",
    "minn", "miss", "mo", "mont", "mr", "mrs", "ms", "msgr", "mt", "no", "nov", "oct", "okla",
    "ore", "pa", "pres", "prof", "rep", "reps", "rev", "sen", "sens", "sept", "sgt", "sr", "st",
    "supt", "tenn", "tex", "va", "vs", "vt", "wash", "wis", "wyo",
];

/// Whether `word` (without its final dot) is a known abbreviation.
pub fn is_abbreviation(word: &str) -> bool {
    static SET: WordSet = WordSet::new(ABBREVIATIONS);
    // Every abbreviation is ASCII, so only ASCII letters are folded.
    word.len() <= 6 && word.is_ascii() && SET.contains_lower(word)
}

/// Titles written before a person's name, with the gender they imply
/// (`Some(true)` male, `Some(false)` female). From AP style titles.
pub const TITLES: &[(&str, Option<bool>)] = &[
    ("Adm", None),
    ("Ambassador", None),
    ("Attorney", None),
    ("Bishop", None),
    ("Brig", None),
    ("Capt", None),
    ("Captain", None),
    ("Cardinal", Some(true)),
    ("Chairman", Some(true)),
    ("Chairwoman", Some(false)),
    ("Chancellor", None),
    ("Chief", None),
    ("Col", None),
    ("Colonel", None),
    ("Commissioner", None),
    ("Congressman", Some(true)),
    ("Congresswoman", Some(false)),
    ("Councilman", Some(true)),
    ("Councilwoman", Some(false)),
    ("Dame", Some(false)),
    ("Det", None),
    ("Detective", None),
    ("Director", None),
    ("Dr", None),
    ("Father", Some(true)),
    ("Gen", None),
    ("General", None),
    ("Gov", None),
    ("Governor", None),
    ("Judge", None),
    ("Justice", None),
    ("King", Some(true)),
    ("Lady", Some(false)),
    ("Leader", None),
    ("Lord", Some(true)),
    ("Lt", None),
    ("Maj", None),
    ("Mayor", None),
    ("Minister", None),
    ("Miss", Some(false)),
    ("Mr", Some(true)),
    ("Mrs", Some(false)),
    ("Ms", Some(false)),
    ("Officer", None),
    ("Pope", Some(true)),
    ("Premier", None),
    ("President", None),
    ("Prince", Some(true)),
    ("Princess", Some(false)),
    ("Prof", None),
    ("Professor", None),
    ("Queen", Some(false)),
    ("Rep", None),
    ("Representative", None),
    ("Rev", None),
    ("Secretary", None),
    ("Sen", None),
    ("Senator", None),
    ("Sgt", None),
    ("Sheriff", None),
    ("Sir", Some(true)),
    ("Sister", Some(false)),
    ("Speaker", None),
];

/// The gender a title implies: `Some(Some(true))` male, `Some(Some(false))` female,
/// `Some(None)` a title of either, `None` not a title.
pub fn title(word: &str) -> Option<Option<bool>> {
    // Every title is capitalised: most words are rejected before the search.
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    static MAP: OnceLock<HashMap<&'static str, Option<bool>>> = OnceLock::new();
    MAP.get_or_init(|| TITLES.iter().copied().collect())
        .get(word.trim_end_matches('.'))
        .copied()
}

/// Common given names with their usual gender (true = male), from the most
/// frequent US Social Security given names and frequent names in international
/// news. Used only to pick a pronoun's antecedent, never to name anyone.
pub const GIVEN_NAMES: &[(&str, bool)] = &[
    ("Aaron", true),
    ("Adam", true),
    ("Alan", true),
    ("Alexander", true),
    ("Alice", false),
    ("Amanda", false),
    ("Amy", false),
    ("Andrea", false),
    ("Andrew", true),
    ("Angela", false),
    ("Ann", false),
    ("Anna", false),
    ("Anne", false),
    ("Anthony", true),
    ("Ashley", false),
    ("Barack", true),
    ("Barbara", false),
    ("Ben", true),
    ("Benjamin", true),
    ("Bernie", true),
    ("Betsy", false),
    ("Betty", false),
    ("Bill", true),
    ("Bob", true),
    ("Boris", true),
    ("Brandon", true),
    ("Brian", true),
    ("Carl", true),
    ("Carly", false),
    ("Carol", false),
    ("Catherine", false),
    ("Charles", true),
    ("Chris", true),
    ("Christine", false),
    ("Christopher", true),
    ("Chuck", true),
    ("Cynthia", false),
    ("Daniel", true),
    ("David", true),
    ("Deborah", false),
    ("Debra", false),
    ("Dennis", true),
    ("Diana", false),
    ("Diane", false),
    ("Donald", true),
    ("Donna", false),
    ("Dorothy", false),
    ("Douglas", true),
    ("Edward", true),
    ("Elizabeth", false),
    ("Emily", false),
    ("Emma", false),
    ("Emmanuel", true),
    ("Eric", true),
    ("Frank", true),
    ("Gary", true),
    ("George", true),
    ("Gregory", true),
    ("Hannah", false),
    ("Harry", true),
    ("Heather", false),
    ("Helen", false),
    ("Henry", true),
    ("Hillary", false),
    ("Ivanka", false),
    ("Jack", true),
    ("Jacob", true),
    ("James", true),
    ("Jane", false),
    ("Janet", false),
    ("Jason", true),
    ("Jeb", true),
    ("Jeff", true),
    ("Jeffrey", true),
    ("Jennifer", false),
    ("Jessica", false),
    ("Jill", false),
    ("Jim", true),
    ("Joe", true),
    ("John", true),
    ("Jonathan", true),
    ("Joseph", true),
    ("Joshua", true),
    ("Joyce", false),
    ("Julia", false),
    ("Julie", false),
    ("Justin", true),
    ("Karen", false),
    ("Katherine", false),
    ("Kathleen", false),
    ("Kelly", false),
    ("Kenneth", true),
    ("Kevin", true),
    ("Kimberly", false),
    ("Larry", true),
    ("Laura", false),
    ("Linda", false),
    ("Lisa", false),
    ("Marco", true),
    ("Margaret", false),
    ("Maria", false),
    ("Marie", false),
    ("Mark", true),
    ("Martha", false),
    ("Mary", false),
    ("Matthew", true),
    ("Melania", false),
    ("Melissa", false),
    ("Michael", true),
    ("Michelle", false),
    ("Mike", true),
    ("Mitch", true),
    ("Nancy", false),
    ("Nicholas", true),
    ("Nicole", false),
    ("Olivia", false),
    ("Pamela", false),
    ("Patricia", false),
    ("Patrick", true),
    ("Paul", true),
    ("Peter", true),
    ("Rachel", false),
    ("Ralph", true),
    ("Raymond", true),
    ("Rebecca", false),
    ("Ren", true),
    ("Richard", true),
    ("Robert", true),
    ("Ronald", true),
    ("Ruth", false),
    ("Ryan", true),
    ("Samuel", true),
    ("Sandra", false),
    ("Sarah", false),
    ("Scott", true),
    ("Sharon", false),
    ("Stephanie", false),
    ("Stephen", true),
    ("Steve", true),
    ("Steven", true),
    ("Susan", false),
    ("Ted", true),
    ("Theresa", false),
    ("Thomas", true),
    ("Tim", true),
    ("Timothy", true),
    ("Tom", true),
    ("Victoria", false),
    ("Vladimir", true),
    ("Walter", true),
    ("William", true),
    ("Xi", true),
];

/// The usual gender of a given name, if known.
pub fn given_name_gender(name: &str) -> Option<bool> {
    static MAP: OnceLock<WordMap<bool>> = OnceLock::new();
    MAP.get_or_init(|| GIVEN_NAMES.iter().copied().collect())
        .get(name)
}

/// Personal pronouns that can name a speaker: (pronoun, gender, plural).
/// Gender `Some(true)` male, `Some(false)` female, `None` either or not a person.
pub const PRONOUNS: &[(&str, Option<bool>, bool)] = &[
    ("he", Some(true), false),
    ("it", None, false),
    ("she", Some(false), false),
    ("they", None, true),
    ("we", None, true),
    // German, French, Spanish, Italian, Dutch, Swedish subject pronouns.
    ("elle", Some(false), false),
    ("ella", Some(false), false),
    ("er", Some(true), false),
    ("han", Some(true), false),
    ("hij", Some(true), false),
    ("hon", Some(false), false),
    ("il", Some(true), false),
    ("lei", Some(false), false),
    ("lui", Some(true), false),
    // German `sie` is also `they`; in news it is most often a woman just named.
    ("sie", Some(false), false),
    ("zij", Some(false), false),
    ("él", Some(true), false),
];

/// Words that, right after a cue, open an adjunct of time, place or manner
/// rather than its object or the reported clause (`said on Tuesday`, `said
/// in a statement`, `said yesterday`).
pub const ADJUNCT_OPENERS: &[&str] = &[
    "after",
    "as",
    "at",
    "before",
    "during",
    "earlier",
    "from",
    "in",
    "last",
    "later",
    "of",
    "on",
    "this",
    "to",
    "today",
    "tonight",
    "when",
    "while",
    "with",
    "yesterday",
];

/// Words that hedge a share of people (`nearly half`, `about a third`,
/// `just over 4 in 10`), before [`SHARE_NOUNS`] or a number.
pub const SHARE_HEDGES: &[&str] = &[
    "about",
    "almost",
    "approximately",
    "around",
    "barely",
    "just",
    "nearly",
    "only",
    "over",
    "roughly",
    "some",
    "under",
];

/// Nouns that name a share of a group (`a third`, `half`, `the majority`,
/// `two-thirds`): the subject of a poll's finding (`a third said …`).
pub const SHARE_NOUNS: &[&str] = &[
    "fifth",
    "fifths",
    "fourth",
    "fourths",
    "half",
    "majority",
    "minority",
    "plurality",
    "quarter",
    "quarters",
    "tenth",
    "tenths",
    "third",
    "thirds",
];

/// Numbers written as words, for shares (`two in three`, `three-quarters`).
pub const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
    "ninety",
];

/// The other words a share of people may open with (`a third`, `more than`,
/// `at least`, `close to`, `the majority`, `half`, `most`).
pub const SHARE_OPENERS: &[&str] = &[
    "a", "at", "close", "fewer", "half", "less", "many", "more", "most", "one", "the",
];

/// What a word may be in a share of people, as bits ([`share_class`]).
pub mod share {
    /// One of [`super::SHARE_HEDGES`].
    pub const HEDGE: u8 = 1;
    /// One of [`super::SHARE_NOUNS`].
    pub const NOUN: u8 = 2;
    /// One of [`super::NUMBER_WORDS`].
    pub const NUMBER: u8 = 4;
    /// One of [`super::SHARE_OPENERS`].
    pub const OPENER: u8 = 8;
}

/// The [`share`] bits of `word` in any case (0 for most words): one lookup
/// answers every question a share's reader asks of a word.
pub fn share_class(word: &str) -> u8 {
    static TABLE: OnceLock<WordMap<u8>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut m = WordMap::default();
        for (words, bit) in [
            (SHARE_HEDGES, share::HEDGE),
            (SHARE_NOUNS, share::NOUN),
            (NUMBER_WORDS, share::NUMBER),
            (SHARE_OPENERS, share::OPENER),
        ] {
            for &w in words {
                m.insert(w, m.get(w).unwrap_or(0) | bit);
            }
        }
        m
    });
    table.get_lower(word).unwrap_or(0)
}

/// Whether `word` is one of [`ADJUNCT_OPENERS`], in any case.
pub fn opens_adjunct(word: &str) -> bool {
    ADJUNCT_OPENERS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// The words of [`PERSON_ROLES`] that are also common surnames (`Son
/// Heung-min`, `Masayoshi Son`): capitalised at the head of a name, they may
/// be its first word rather than a role peeled off it.
pub const ROLE_SURNAMES: &[&str] = &["son"];

/// Whether `word` is one of [`ROLE_SURNAMES`], capitalised (`Son`, `SON`).
pub fn is_role_surname(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_uppercase())
        && ROLE_SURNAMES.iter().any(|k| k.eq_ignore_ascii_case(word))
}

/// Nouns for a single person's role: `the minister`, `a spokeswoman`. From the
/// role heads most often attributed to in news (PolNeAR train, Citron), and
/// the kin and neighbours of human-interest stories (`her nephew`).
pub const PERSON_ROLES: &[&str] = &[
    "activist",
    "adviser",
    "advisor",
    "aide",
    "analyst",
    "attorney",
    "aunt",
    "author",
    "brother",
    "ceo",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "coach",
    "colleague",
    "commissioner",
    "congressman",
    "congresswoman",
    "correspondent",
    "councillor",
    "councilman",
    "councilwoman",
    "cousin",
    "critic",
    "daughter",
    "democrat",
    "deputy",
    "diplomat",
    "director",
    "doctor",
    "economist",
    "editor",
    "executive",
    "expert",
    "father",
    "founder",
    "friend",
    "governor",
    "granddaughter",
    "grandfather",
    "grandmother",
    "grandson",
    "head",
    "historian",
    "husband",
    "judge",
    "lawmaker",
    "lawyer",
    "leader",
    "man",
    "manager",
    "mayor",
    "member",
    "minister",
    "mother",
    "neighbor",
    "neighbour",
    "nephew",
    "niece",
    "nominee",
    "officer",
    "official",
    "owner",
    "politician",
    "pollster",
    "president",
    "professor",
    "prosecutor",
    "representative",
    "republican",
    "researcher",
    "resident",
    "scientist",
    "secretary",
    "senator",
    "sheriff",
    "sister",
    "son",
    "source",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "strategist",
    "teacher",
    "uncle",
    "widow",
    "wife",
    "witness",
    "woman",
];

/// Plural nouns for groups of people: `officials`, `some analysts`.
pub const GROUP_NOUNS: &[&str] = &[
    "activists",
    "advisers",
    "aides",
    "analysts",
    "authorities",
    "critics",
    "democrats",
    "diplomats",
    "doctors",
    "economists",
    "experts",
    "insiders",
    "investigators",
    "investors",
    "journalists",
    "lawmakers",
    "lawyers",
    "leaders",
    "legislators",
    "observers",
    "officials",
    "opponents",
    "organizers",
    "people",
    "police",
    "pollsters",
    "prosecutors",
    "reporters",
    "republicans",
    "researchers",
    "residents",
    "scientists",
    "sources",
    "strategists",
    "supporters",
    "voters",
    "witnesses",
];

/// Nouns heading an organisation: `the ministry`, `the company`.
pub const ORG_NOUNS: &[&str] = &[
    "administration",
    "agency",
    "army",
    "bank",
    "board",
    "campaign",
    "church",
    "commission",
    "committee",
    "company",
    "council",
    "court",
    "department",
    "firm",
    "foundation",
    "government",
    "group",
    "institute",
    "military",
    "ministry",
    "office",
    "organisation",
    "organization",
    "party",
    "regime",
    "school",
    "team",
    "union",
    "university",
];

/// Words that make any capitalised name containing them an organisation or a
/// place, never a person (`European Centre for International Political Economy`).
pub const ORG_WORDS: &[&str] = &[
    "Academy",
    "Agency",
    "Alliance",
    "Association",
    "Authority",
    "Bank",
    "Board",
    "Bureau",
    "Center",
    "Centre",
    "Coalition",
    "College",
    "Commission",
    "Committee",
    "Company",
    "Congress",
    "Corporation",
    "Council",
    "Court",
    "Department",
    "Economy",
    "Federation",
    "Foundation",
    "Fund",
    "Group",
    "Institute",
    "League",
    "Ministry",
    "Network",
    "Office",
    "Organisation",
    "Organization",
    "Party",
    "School",
    "Service",
    "Society",
    "Union",
    "University",
];

/// Last words that make a capitalised name an organisation (`Acme Corp`).
pub const ORG_SUFFIXES: &[&str] = &[
    "Administration",
    "Agency",
    "Association",
    "Bank",
    "Bureau",
    "Campaign",
    "Co",
    "Commission",
    "Committee",
    "Company",
    "Corp",
    "Corporation",
    "Council",
    "Court",
    "Department",
    "Foundation",
    "Group",
    "Inc",
    "Institute",
    "LLC",
    "Ltd",
    "Ministry",
    "Office",
    "Organization",
    "Party",
    "Police",
    "Service",
    "Times",
    "Union",
    "University",
];

/// Named organisations written without an organisational suffix.
pub const ORG_NAMES: &[&str] = &[
    "Amazon",
    "Apple",
    "Congress",
    "Facebook",
    "Google",
    "Hamas",
    "Hezbollah",
    "Huawei",
    "Kremlin",
    "Microsoft",
    "NATO",
    "Nato",
    "Parliament",
    "Pentagon",
    "Senate",
    "Tesla",
    "Twitter",
    "White House",
];

/// News outlets, agencies and programmes that information is attributed to.
/// From the outlets most cited in English-language news (PolNeAR's publishers,
/// wire services, public broadcasters).
pub const OUTLETS: &[&str] = &[
    "ABC",
    "ABC News",
    "AFP",
    "AP",
    "Agence France-Presse",
    "Al Jazeera",
    "Associated Press",
    "Axios",
    "BBC",
    "Bloomberg",
    "Bloomberg News",
    "Breitbart",
    "BuzzFeed News",
    "CBS",
    "CBS News",
    "CNBC",
    "CNN",
    "Chicago Tribune",
    "Daily Mail",
    "Der Spiegel",
    "Face the Nation",
    "Financial Times",
    "Fox Business",
    "Fox News",
    "HuffPost",
    "Huffington Post",
    "Le Monde",
    "Los Angeles Times",
    "MSNBC",
    "Meet the Press",
    "NBC",
    "NBC News",
    "NPR",
    "New York Post",
    "New York Times",
    "Newsweek",
    "PBS",
    "Politico",
    "ProPublica",
    "Reuters",
    "Sky News",
    "The Atlantic",
    "The Boston Globe",
    "The Daily Beast",
    "The Economist",
    "The Guardian",
    "The Hill",
    "The Independent",
    "The Intercept",
    "The New York Times",
    "The New Yorker",
    "The Telegraph",
    "The Times",
    "The Wall Street Journal",
    "The Washington Post",
    "Time",
    "USA Today",
    "Vox",
    "Wall Street Journal",
    "Washington Post",
    "Washington Times",
    "Xinhua",
];

/// Nouns for documents that information is attributed to: `a statement`,
/// `court filings`. From the source nouns of PARC 3.0 and Citron.
pub const DOCUMENT_NOUNS: &[&str] = &[
    "affidavit",
    "documents",
    "email",
    "emails",
    "filing",
    "filings",
    "indictment",
    "lawsuit",
    "letter",
    "memo",
    "poll",
    "report",
    "ruling",
    "statement",
    "study",
    "survey",
    "testimony",
    "transcript",
    "tweet",
];

/// Information about one cue form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue {
    /// The lemma (`say` for `said`).
    pub lemma: &'static str,
    /// Whether the lemma is in [`STRONG_CUES`] or was added by the user.
    pub strong: bool,
}

/// The lexicons of one annotation run: the static tables plus the user's extras.
#[derive(Clone, Debug)]
pub struct Lexicon {
    extra_cues: WordMap<Cue>,
    /// Which first letters and lengths any cue form has (built-in and the
    /// user's): most words are rejected here without hashing.
    cue_shapes: std::borrow::Cow<'static, CueShapes>,
    /// The user's outlets by first word (the built-in ones are in [`base_outlets`]).
    extra_outlets: HashMap<String, Vec<String>>,
    /// Which first two bytes any outlet name (built-in and the user's) has.
    outlet_starts: std::borrow::Cow<'static, OutletStarts>,
    /// Whether some user outlet starts with a lower-case letter.
    lowercase_outlets: bool,
    /// The user's given names with their gender (`true` male), as written.
    extra_given_names: WordMap<bool>,
}

/// The built-in cue forms, inflected once per process, and their shapes.
struct BaseCues {
    forms: WordMap<Cue>,
    shapes: CueShapes,
}

/// The built-in cue forms (see [`BaseCues`]).
fn base_cues() -> &'static BaseCues {
    static CUES: OnceLock<BaseCues> = OnceLock::new();
    CUES.get_or_init(|| {
        let mut cues: HashMap<String, Cue> = HashMap::default();
        for &lemma in CUE_VERBS {
            let strong = STRONG_CUES.contains(&lemma);
            for form in inflect(lemma) {
                cues.entry(form).or_insert(Cue { lemma, strong });
            }
        }
        for &(form, lemma) in IRREGULAR {
            let strong = STRONG_CUES.contains(&lemma);
            cues.insert(form.to_string(), Cue { lemma, strong });
        }
        for &form in FOREIGN_CUES.iter().filter(|f| !f.contains(' ')) {
            cues.insert(
                form.to_string(),
                Cue {
                    lemma: "say",
                    strong: true,
                },
            );
        }
        BaseCues {
            forms: cues.iter().map(|(f, c)| (f.as_str(), *c)).collect(),
            shapes: CueShapes::of(cues.keys().map(String::as_str)),
        }
    })
}

/// For each pair of first two ASCII letters (the second may be a non-letter),
/// a bit per byte length (lengths of 31 and more share bit 31) of the cue forms
/// starting with them: a cheap first test for [`Lexicon::cue`], which sees
/// every word of a document and finds most are not cues.
#[derive(Clone, Debug)]
struct CueShapes(Vec<u32>);

impl CueShapes {
    /// The slot and length bit of `word`, or `None` when it is not ASCII
    /// (lower-casing may change its length) or does not start with a letter:
    /// such words are always looked up.
    fn slot(word: &str) -> Option<(usize, u32)> {
        let b = word.as_bytes();
        if !word.is_ascii() || !b.first()?.is_ascii_alphabetic() {
            return None;
        }
        let first = usize::from(b[0].to_ascii_lowercase() - b'a');
        let second = match b.get(1).map(u8::to_ascii_lowercase) {
            Some(c @ b'a'..=b'z') => usize::from(c - b'a'),
            _ => 26,
        };
        Some((first * 27 + second, 1 << word.len().min(31)))
    }

    /// The shapes of `forms`.
    fn of<'a>(forms: impl Iterator<Item = &'a str>) -> CueShapes {
        let mut shapes = CueShapes(vec![0; 26 * 27]);
        forms.for_each(|f| shapes.add(f));
        shapes
    }

    fn add(&mut self, form: &str) {
        if let Some((i, bit)) = CueShapes::slot(form) {
            self.0[i] |= bit;
        }
    }

    /// Whether some cue form could be `word` (false means it is none).
    fn may_be(&self, word: &str) -> bool {
        CueShapes::slot(word).is_none_or(|(i, bit)| self.0[i] & bit != 0)
    }

    /// [`CueShapes::may_be`] for a word packed in lower case by
    /// [`crate::wordmap::key`] (its bytes from the lowest, its length on top).
    #[inline]
    fn may_be_packed(&self, key: u128) -> bool {
        let [first, second] = [key as u8, (key >> 8) as u8];
        if !first.is_ascii_lowercase() {
            return true;
        }
        let second = if second.is_ascii_lowercase() {
            second - b'a'
        } else {
            26
        };
        let len = (key >> 120) as u32;
        let i = usize::from(first - b'a') * 27 + usize::from(second);
        self.0[i] & (1 << len.min(31)) != 0
    }
}

/// Outlet names by first word, longest first within each word (so that "The
/// New York Times" wins over "The Times").
fn outlet_index<'a>(names: impl Iterator<Item = &'a str>) -> HashMap<String, Vec<String>> {
    let mut index: HashMap<String, Vec<String>> = HashMap::default();
    for name in names {
        index
            .entry(first_word(name).to_string())
            .or_default()
            .push(name.to_string());
    }
    for list in index.values_mut() {
        list.sort_by_key(|n| std::cmp::Reverse(n.len()));
    }
    index
}

/// The user's given names of `options`, trimmed, each with its gender.
fn given_name_extras(options: &crate::Options) -> WordMap<bool> {
    let female = options.extra_female_names.iter().map(|n| (n, false));
    let male = options.extra_male_names.iter().map(|n| (n, true));
    female
        .chain(male)
        .map(|(n, g)| (n.trim(), g))
        .filter(|(n, _)| !n.is_empty())
        .collect()
}

/// Which first two bytes an outlet's name may start with (each hashed into 64
/// by 64 bits): most capitalised words of a text are passed over without
/// looking their first word up. No false negatives: a one-byte first word
/// sets every bit of its row, an empty one every bit.
#[derive(Clone, Debug)]
pub(crate) struct OutletStarts {
    /// Bit `b1 % 64` of row `b0 % 64` for a first word starting `b0 b1`.
    pairs: [u64; 64],
}

impl OutletStarts {
    fn of<'a>(names: impl Iterator<Item = &'a str>) -> OutletStarts {
        let mut starts = OutletStarts { pairs: [0; 64] };
        names.for_each(|n| starts.add(n));
        starts
    }

    fn add(&mut self, name: &str) {
        match *first_word(name).as_bytes() {
            [] => self.pairs = [u64::MAX; 64],
            [b0] => self.pairs[usize::from(b0 % 64)] = u64::MAX,
            [b0, b1, ..] => self.pairs[usize::from(b0 % 64)] |= 1 << (b1 % 64),
        }
    }

    /// Whether an outlet's first word may start at byte `at` of `text`.
    fn may_start_at(&self, text: &[u8], at: usize) -> bool {
        let Some(&b0) = text.get(at) else {
            return true;
        };
        let b1 = text.get(at + 1).copied().unwrap_or(0);
        self.pairs[usize::from(b0 % 64)] & (1 << (b1 % 64)) != 0
    }
}

/// The [`OutletStarts`] of the built-in outlets, once per process.
fn base_outlet_starts() -> &'static OutletStarts {
    static STARTS: OnceLock<OutletStarts> = OnceLock::new();
    STARTS.get_or_init(|| OutletStarts::of(OUTLETS.iter().copied()))
}

/// The built-in outlets, indexed once per process: `Lexicon::new` runs on every
/// annotation (every keystroke in the page) and must stay cheap.
fn base_outlets() -> &'static HashMap<String, Vec<String>> {
    static OUTLET_INDEX: OnceLock<HashMap<String, Vec<String>>> = OnceLock::new();
    OUTLET_INDEX.get_or_init(|| outlet_index(OUTLETS.iter().copied()))
}

/// The leading run of letters, digits and hyphens of `rest`: the first word of
/// an outlet name (`The New York Times` → `The`), or of one written in a text
/// (`CNN` in `CNN's`). Bytes for ASCII; chars only once a non-ASCII one is met
/// (`Le Monde`'s `é`s go on).
pub(crate) fn first_word(rest: &str) -> &str {
    let bytes = rest.as_bytes();
    let n = bytes
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'-'))
        .unwrap_or(bytes.len());
    if bytes.get(n).is_some_and(|b| !b.is_ascii()) {
        return rest
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .next()
            .unwrap_or("");
    }
    rest.get(..n).unwrap_or("")
}

impl Lexicon {
    /// Builds the lexicon with the extras of `options`.
    // Once per document: kept out of line so that profiles show the stage.
    #[inline(never)]
    pub fn new(options: &crate::Options) -> Lexicon {
        let user_cues: Vec<String> = options
            .extra_cues
            .iter()
            .map(|c| c.trim().to_lowercase())
            .filter(|c| !c.is_empty() && !c.contains(' '))
            .collect();
        let user = Cue {
            lemma: "(user)",
            strong: true,
        };
        let extra_cues: WordMap<Cue> = user_cues.iter().map(|c| (c.as_str(), user)).collect();
        let extras = options
            .extra_outlets
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty());
        let extra_outlets = outlet_index(extras.clone());
        // Like the cue shapes: shared, unless the user adds names.
        let outlet_starts = if extra_outlets.is_empty() {
            std::borrow::Cow::Borrowed(base_outlet_starts())
        } else {
            let mut own = base_outlet_starts().clone();
            extras.for_each(|n| own.add(n));
            std::borrow::Cow::Owned(own)
        };
        let lowercase_outlets = extra_outlets
            .keys()
            .any(|k| !k.starts_with(|c: char| c.is_uppercase()));
        // The built-in shapes are shared; a user's cues need their own copy.
        let cue_shapes = if user_cues.is_empty() {
            std::borrow::Cow::Borrowed(&base_cues().shapes)
        } else {
            let mut own = base_cues().shapes.clone();
            user_cues.iter().for_each(|k| own.add(k));
            std::borrow::Cow::Owned(own)
        };
        Lexicon {
            extra_cues,
            cue_shapes,
            extra_outlets,
            outlet_starts,
            lowercase_outlets,
            extra_given_names: given_name_extras(options),
        }
    }

    /// The cue a word is a form of (`said` → say), if any. Case-insensitive.
    pub fn cue(&self, word: &str) -> Option<Cue> {
        match crate::wordmap::key(word, true) {
            // The usual word: packed once, for the shape test and the lookups.
            Some(key) => self.cue_packed(key),
            None if !self.cue_shapes.may_be(word) => None,
            None => base_cues()
                .forms
                .get_lower(word)
                .or_else(|| self.extra_cues.get_lower(word)),
        }
    }

    /// [`Lexicon::cue`] of the word packed in lower case as `key`.
    #[inline]
    fn cue_packed(&self, key: u128) -> Option<Cue> {
        if !self.cue_shapes.may_be_packed(key) {
            return None;
        }
        base_cues()
            .forms
            .get_packed(key)
            .or_else(|| self.extra_cues.get_packed(key))
    }

    /// [`Lexicon::cue`] of the word `text[start..end]` (on char boundaries),
    /// packed with one load from the text ([`crate::wordmap::key_in`]): the
    /// form for the hot loops that look up every word of a sentence.
    #[inline]
    pub(crate) fn cue_in(&self, text: &str, start: usize, end: usize) -> Option<Cue> {
        match crate::wordmap::key_in(text.as_bytes(), start, end, true) {
            Some(key) => self.cue_packed(key),
            None => self.cue(text.get(start..end).unwrap_or("")),
        }
    }

    /// Whether `name` is a known given name (built in or the user's).
    pub fn is_given_name(&self, name: &str) -> bool {
        self.given_name_gender(name).is_some()
    }

    /// The usual gender of a given name (`Some(true)` male), the user's names
    /// first: they are how a newsroom corrects or extends the built-in list.
    pub fn given_name_gender(&self, name: &str) -> Option<bool> {
        self.extra_given_names
            .get(name)
            .or_else(|| given_name_gender(name))
    }

    /// Whether an outlet name (built-in or the user's) may start at byte `at`
    /// of `text`, judged by its first two bytes: false for most words.
    pub fn may_start_outlet_at(&self, text: &[u8], at: usize) -> bool {
        self.outlet_starts.may_start_at(text, at)
    }

    /// Whether an outlet name may start with `word` (a cheap test before
    /// [`Lexicon::outlets_starting_with`]: built-in names are capitalised).
    pub fn may_start_outlet(&self, word: &str) -> bool {
        self.lowercase_outlets || word.starts_with(|c: char| c.is_uppercase())
    }

    /// The outlet names, built-in then the user's, that start with the word
    /// `first` (each list longest first).
    pub fn outlets_starting_with<'a>(&'a self, first: &str) -> impl Iterator<Item = &'a str> + 'a {
        let base = base_outlets().get(first);
        let extra = self.extra_outlets.get(first);
        base.into_iter().chain(extra).flatten().map(String::as_str)
    }
}

/// A static word table with O(1) membership: hashed once per process, on first
/// use. The tables stay sorted slices (data, with their origins); the sets are
/// how the hot paths, which ask about every word of a document, read them.
pub struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<WordMap<()>>,
}

impl WordSet {
    /// The set of `words`.
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    fn set(&self) -> &WordMap<()> {
        self.set
            .get_or_init(|| self.words.iter().map(|&w| (w, ())).collect())
    }

    /// Whether `word` is in the table, exactly as written.
    pub fn contains(&self, word: &str) -> bool {
        self.set().get(word).is_some()
    }

    /// Whether `word` in lower case is in the table (no allocation for short
    /// ASCII words).
    pub fn contains_lower(&self, word: &str) -> bool {
        self.set().get_lower(word).is_some()
    }
}

/// [`ORG_NOUNS`] as a set.
pub static ORG_NOUN_SET: WordSet = WordSet::new(ORG_NOUNS);
/// [`ORG_WORDS`] as a set.
pub static ORG_WORD_SET: WordSet = WordSet::new(ORG_WORDS);
/// [`DOCUMENT_NOUNS`] as a set.
pub static DOCUMENT_NOUN_SET: WordSet = WordSet::new(DOCUMENT_NOUNS);

/// Calls `f` with `word` in lower case: on a stack copy for short ASCII words
/// (every word of a document is looked up, so no allocation on that path), via
/// `to_lowercase` otherwise.
pub(crate) fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return f(word);
    }
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()).filter(|_| word.is_ascii()) {
        Some(out) => {
            for (o, b) in out.iter_mut().zip(word.bytes()) {
                *o = b.to_ascii_lowercase();
            }
            f(std::str::from_utf8(out).unwrap_or(word))
        }
        None => f(&word.to_lowercase()),
    }
}

/// Regular inflections of a verb lemma: base, -s, -ed, -ing.
pub fn inflect(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    let bytes = lemma.as_bytes();
    let last = bytes.last().copied().unwrap_or(b' ');
    let before = if bytes.len() >= 2 {
        bytes[bytes.len() - 2]
    } else {
        b' '
    };
    let vowel = |b: u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u');
    // -s
    if lemma.ends_with("sh") || lemma.ends_with("ch") || matches!(last, b's' | b'x' | b'z') {
        out.push(format!("{lemma}es"));
    } else if last == b'y' && !vowel(before) {
        out.push(format!("{}ies", &lemma[..lemma.len() - 1]));
    } else {
        out.push(format!("{lemma}s"));
    }
    // -ed and -ing
    if last == b'e' {
        out.push(format!("{lemma}d"));
        out.push(format!("{}ing", &lemma[..lemma.len() - 1]));
    } else if last == b'y' && !vowel(before) {
        out.push(format!("{}ied", &lemma[..lemma.len() - 1]));
        out.push(format!("{lemma}ing"));
    } else {
        let doubles = matches!(
            lemma,
            "admit"
                | "commit"
                | "object"
                | "plead"
                | "quip"
                | "refer"
                | "prefer"
                | "regret"
                | "submit"
                | "brag"
                | "rejoin"
        );
        let stem = if doubles && !matches!(lemma, "object" | "plead" | "rejoin") {
            format!("{lemma}{}", last as char)
        } else {
            lemma.to_string()
        };
        out.push(format!("{stem}ed"));
        out.push(format!("{stem}ing"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted() {
        fn sorted(xs: &[&str]) -> bool {
            xs.windows(2).all(|w| w[0] < w[1])
        }
        assert!(sorted(CUE_VERBS));
        assert!(sorted(ABBREVIATIONS));
        assert!(sorted(PERSON_ROLES));
        assert!(ROLE_SURNAMES.iter().all(|k| PERSON_ROLES.contains(k)));
        assert!(sorted(ADJUNCT_OPENERS));
        assert!(sorted(GROUP_NOUNS));
        assert!(sorted(ORG_NOUNS));
        assert!(sorted(DOCUMENT_NOUNS));
        assert!(TITLES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(IRREGULAR.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(GIVEN_NAMES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(sorted(ORG_WORDS));
    }

    #[test]
    fn inflections() {
        assert_eq!(inflect("say"), ["say", "says", "sayed", "saying"]);
        assert_eq!(inflect("deny"), ["deny", "denies", "denied", "denying"]);
        assert_eq!(
            inflect("admit"),
            ["admit", "admits", "admitted", "admitting"]
        );
        assert_eq!(inflect("note"), ["note", "notes", "noted", "noting"]);
        assert_eq!(
            inflect("stress"),
            ["stress", "stresses", "stressed", "stressing"]
        );
    }

    #[test]
    fn lookups() {
        let lex = Lexicon::new(&crate::Options::default());
        assert_eq!(lex.cue("said").map(|c| c.lemma), Some("say"));
        assert_eq!(lex.cue("Told").map(|c| c.lemma), Some("tell"));
        assert_eq!(lex.cue("table"), None);
        assert!(is_abbreviation("Mr"));
        assert_eq!(title("Mrs."), Some(Some(false)));
    }
}
