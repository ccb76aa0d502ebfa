//! [`Span`]: the one type for a stretch of text.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of UTF-8 byte offsets into the annotated text.
///
/// Every span the engine produces lies on `char` boundaries, so slicing the input
/// with it never panics. At the JavaScript boundary the same type carries UTF-16
/// code-unit offsets instead (see [`crate::offsets`]).
///
/// ```
/// use whosaid::Span;
/// let text = "Ren said hi.";
/// assert_eq!(&text[Span::new(0, 3)], "Ren");
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First offset inside the span.
    pub start: usize,
    /// First offset after the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `end` is clamped up to `start`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: if end < start { start } else { end },
        }
    }

    /// The number of offsets the span covers.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers nothing.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies wholly inside this span.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one offset.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text under the span, or `""` when the span does not fit `text`
    /// (a total alternative to indexing).
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

impl std::ops::Index<Span> for str {
    type Output = str;

    /// Slices `self` by the span; panics like `&s[a..b]` when it does not fit.
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}
