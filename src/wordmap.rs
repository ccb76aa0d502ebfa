//! A map from words to small values for the lookups the stages make for
//! nearly every word of a document (is it a cue, a given name, …).
//!
//! A word of at most [`PACKED`] ASCII bytes (nearly every word of news text)
//! is packed into a `u128`, lower-cased on the way when asked, and found in an
//! open-addressing table with one multiply and usually one probe: no string
//! hashing, no pointer to follow, no allocation. Other words (non-ASCII or
//! long) fall back to a hash map keyed by the word as written.

use rustc_hash::FxHashMap;

/// Longest ASCII word kept packed in a `u128` (its length in the top byte).
pub(crate) const PACKED: usize = 15;

/// Words mapped to values (see the module docs). Keys are exact: a map of
/// lower-case forms is read with [`WordMap::get_lower`].
#[derive(Clone, Debug)]
pub(crate) struct WordMap<V> {
    /// Packed keys in an open-addressing table (0 marks a free slot: no packed
    /// word is 0, the empty word being the one key never stored); a power of
    /// two long, at most half full.
    keys: Vec<u128>,
    /// The value of each slot of `keys`.
    vals: Vec<Option<V>>,
    /// How many of `keys` are taken.
    used: usize,
    /// Every word that does not pack.
    long: FxHashMap<String, V>,
}

impl<V: Copy> Default for WordMap<V> {
    /// The empty map, with nothing allocated (a user's extras are most often
    /// empty, and a lexicon is built for every annotation).
    fn default() -> Self {
        WordMap {
            keys: Vec::new(),
            vals: Vec::new(),
            used: 0,
            long: FxHashMap::default(),
        }
    }
}

impl<V: Copy> WordMap<V> {
    /// Maps `word` (exactly as written) to `value`, replacing its old value.
    /// The empty word is never stored.
    pub(crate) fn insert(&mut self, word: &str, value: V) {
        if word.is_empty() {
            return;
        }
        let Some(key) = key(word, false) else {
            self.long.insert(word.to_string(), value);
            return;
        };
        if 2 * (self.used + 1) > self.keys.len() {
            self.grow();
        }
        let i = self.find(key);
        if self.keys[i] == 0 {
            self.keys[i] = key;
            self.used += 1;
        }
        self.vals[i] = Some(value);
    }

    /// The value of `word`, or `None` when `word` is written differently from
    /// every key (case included).
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<V> {
        if self.is_empty() {
            return None;
        }
        match key(word, false) {
            Some(k) => self.get_packed(k),
            None => self.long.get(word).copied(),
        }
    }

    /// The value of `word` in lower case (as `str::to_lowercase` makes it),
    /// with no allocation for a short ASCII word.
    #[inline]
    pub(crate) fn get_lower(&self, word: &str) -> Option<V> {
        if self.is_empty() {
            return None;
        }
        if let Some(k) = key(word, true) {
            return self.get_packed(k);
        }
        // Rare: a long or non-ASCII word, whose lower case may even pack
        // (the Kelvin sign lower-cases to `k`).
        let lower = word.to_lowercase();
        self.get(&lower)
    }

    /// Whether the map has no word (then no lookup packs or hashes a word).
    fn is_empty(&self) -> bool {
        self.keys.is_empty() && self.long.is_empty()
    }

    /// The value of the word packed as `key` by [`key`].
    #[inline]
    pub(crate) fn get_packed(&self, key: u128) -> Option<V> {
        if self.keys.is_empty() {
            return None;
        }
        let i = self.find(key);
        self.vals[i].filter(|_| self.keys[i] == key)
    }

    /// The slot of `key`, or the free slot where it would go (the table is
    /// not empty).
    #[inline]
    fn find(&self, key: u128) -> usize {
        let mask = self.keys.len() - 1;
        // Fibonacci hashing of the two halves folded together.
        let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        let mut i = (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & mask;
        loop {
            match self.keys[i] {
                k if k == key || k == 0 => return i,
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// Doubles the table, keeping every entry.
    fn grow(&mut self) {
        let n = (self.keys.len() * 2).max(16);
        let old_keys = std::mem::replace(&mut self.keys, vec![0; n]);
        let old_vals = std::mem::replace(&mut self.vals, vec![None; n]);
        for (k, v) in old_keys.into_iter().zip(old_vals) {
            if k != 0 {
                let i = self.find(k);
                self.keys[i] = k;
                self.vals[i] = v;
            }
        }
    }
}

impl<'a, V: Copy> FromIterator<(&'a str, V)> for WordMap<V> {
    /// The map of these entries; a later entry for a word replaces an earlier.
    fn from_iter<I: IntoIterator<Item = (&'a str, V)>>(entries: I) -> Self {
        let mut map = WordMap::default();
        for (w, v) in entries {
            map.insert(w, v);
        }
        map
    }
}

/// `b` in every byte.
const fn splat(b: u8) -> u128 {
    u128::from_ne_bytes([b; 16])
}

/// The first `N` bytes of `b`.
#[inline(always)]
fn load<const N: usize>(b: &[u8]) -> Option<[u8; N]> {
    b.get(..N)?.try_into().ok()
}

/// The packed key of `w` (lower-cased if `lower`), when it is ASCII and at
/// most [`PACKED`] bytes long: its bytes from the lowest, then its length in
/// the last byte. Read with two overlapping loads, not byte by byte.
#[inline]
pub(crate) fn key(w: &str, lower: bool) -> Option<u128> {
    let b = w.as_bytes();
    let n = b.len();
    let x = if n >= 8 {
        if n > PACKED {
            return None;
        }
        let lo = u64::from_le_bytes(load::<8>(b)?);
        // The last eight bytes, shifted down to bytes 8.. of the word.
        let hi = u64::from_le_bytes(load::<8>(&b[n - 8..])?)
            .checked_shr(8 * (16 - n as u32))
            .unwrap_or(0);
        u128::from(lo) | u128::from(hi) << 64
    } else if n >= 4 {
        let lo = u32::from_le_bytes(load::<4>(b)?);
        let hi = u32::from_le_bytes(load::<4>(&b[n - 4..])?)
            .checked_shr(8 * (8 - n as u32))
            .unwrap_or(0);
        u128::from(lo) | u128::from(hi) << 32
    } else {
        b.iter().rev().fold(0, |k, &c| k << 8 | u128::from(c))
    };
    packed(x | (n as u128) << 120, lower)
}

/// The key of a word's bytes `x` (from the lowest, its length in the top
/// byte): `None` when a byte is not ASCII, lower-cased if `lower`.
#[inline(always)]
fn packed(x: u128, lower: bool) -> Option<u128> {
    if x & splat(0x80) != 0 {
        return None;
    }
    if !lower {
        return Some(x);
    }
    // Every byte is below 0x80, so these sums carry into no other byte: the
    // high bit of a byte says `b >= b'A'`, then `b > b'Z'`.
    let at_least_a = x + splat(0x80 - b'A');
    let above_z = x + splat(0x80 - b'Z' - 1);
    let capitals = at_least_a & !above_z & splat(0x80);
    Some(x | capitals >> 2)
}

/// [`key`] of the word `bytes[start..end]`, read with one sixteen-byte load
/// where sixteen bytes remain from `start` (the bytes past the word masked
/// off): no branch on the word's length, which a text's words make
/// unpredictable. Elsewhere, and for a range that is not a word of at most
/// [`PACKED`] bytes, as `key` does.
#[inline]
pub(crate) fn key_in(bytes: &[u8], start: usize, end: usize, lower: bool) -> Option<u128> {
    let n = end.checked_sub(start)?;
    let Some(sixteen) = bytes.get(start..start + 16).filter(|_| n <= PACKED) else {
        return key(std::str::from_utf8(bytes.get(start..end)?).ok()?, lower);
    };
    let x = <[u8; 16]>::try_from(sixteen).map_or(0, u128::from_le_bytes);
    // n <= 15: the shift stays below 128.
    packed((x & ((1u128 << (8 * n)) - 1)) | (n as u128) << 120, lower)
}

// Property tests need proptest, a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn exact_and_lower_case_lookups() {
        let map: WordMap<u8> = [
            ("said", 1),
            ("told", 2),
            ("déclaré", 3),
            ("extraordinarily", 4),
        ]
        .into_iter()
        .collect();
        assert_eq!(map.get("said"), Some(1));
        assert_eq!(map.get("Said"), None);
        assert_eq!(map.get_lower("SAID"), Some(1));
        assert_eq!(map.get_lower("Déclaré"), Some(3));
        assert_eq!(map.get("extraordinarily"), Some(4));
        assert_eq!(map.get_lower("EXTRAORDINARILY"), Some(4));
        assert_eq!(map.get("sai"), None);
        assert_eq!(map.get("saidx"), None);
        assert_eq!(map.get(""), None);
        // An empty map allocates nothing and finds nothing.
        let empty = WordMap::<u8>::default();
        assert_eq!(
            (empty.get("said"), empty.get_lower("Déclaré")),
            (None, None)
        );
        // The Kelvin sign lower-cases to an ASCII `k`.
        let k: WordMap<u8> = [("k", 9)].into_iter().collect();
        assert_eq!(k.get_lower("\u{212a}"), Some(9));
    }

    #[test]
    fn keys_differ_by_length_and_bytes() {
        // Words that share bytes but not length, or differ only past byte 8.
        let words = [
            "a",
            "a\0",
            "ab",
            "abc",
            "abcd",
            "abcdefgh",
            "abcdefghi",
            "abcdefghij",
        ];
        let map: WordMap<usize> = words.iter().enumerate().map(|(i, w)| (*w, i)).collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(map.get(w), Some(i), "{w:?}");
        }
    }

    proptest! {
        /// `key_in` packs a range of a text as `key` packs the range's str,
        /// wherever it lies (sixteen bytes after it or fewer).
        #[test]
        fn key_in_is_key(text in "[a-zA-Zé' \\-]{0,40}", a in 0usize..45, b in 0usize..45, lower: bool) {
            let (start, end) = (a.min(b), a.max(b));
            if let Some(w) = text.get(start..end) {
                prop_assert_eq!(key_in(text.as_bytes(), start, end, lower), key(w, lower));
            }
        }
    }

    proptest! {
        /// The map answers as a `HashMap` of the same entries does, for words
        /// of every length around the packing limit and any case.
        #[test]
        fn same_answers_as_a_hash_map(
            entries in prop::collection::vec(("[a-zA-Zé'\\-]{0,18}", 0u16..100), 0..200),
            probes in prop::collection::vec("[a-zA-Zé'\\-]{0,18}", 0..50),
        ) {
            let map: WordMap<u16> = entries.iter().map(|(w, v)| (w.as_str(), *v)).collect();
            let mut plain = std::collections::HashMap::new();
            for (w, v) in &entries {
                if !w.is_empty() {
                    plain.insert(w.clone(), *v);
                }
            }
            for w in entries.iter().map(|(w, _)| w).chain(&probes) {
                prop_assert_eq!(map.get(w), plain.get(w.as_str()).copied());
                prop_assert_eq!(map.get_lower(w), plain.get(&w.to_lowercase()).copied());
            }
        }
    }
}
