//! A small word tokenizer shared by the rules: words (letters, marks, inner apostrophes and
//! hyphens, one script per word), digit runs and single punctuation characters, with byte
//! offsets and the context flags the name rules need (case shape, sentence start, all-caps
//! line). No allocation per token.

/// Case shape of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// `Smith`, `J`, `O'brien`.
    Title,
    /// `SMITH` (two or more letters, all upper case).
    Upper,
    /// `smith`.
    Lower,
    /// `McDonald`, `O'Brien`, `iPhone`.
    Mixed,
    /// No case (CJK, Arabic, Devanagari …).
    Uncased,
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Letters.
    Word,
    /// ASCII digits.
    Number,
    /// One other non-space character.
    Punct,
}

/// One token, borrowed from the text.
// No `Debug`: it borrows plaintext.
#[derive(Clone, Copy)]
pub(crate) struct Token<'a> {
    /// Byte offset of the first byte.
    pub(crate) start: usize,
    /// Byte offset one past the last byte.
    pub(crate) end: usize,
    /// The token's text.
    pub(crate) text: &'a str,
    /// Word, number or punctuation.
    pub(crate) class: Class,
    /// Case shape (words only; `Uncased` otherwise).
    pub(crate) shape: Shape,
    /// Latin script (words only).
    pub(crate) latin: bool,
    /// Whitespace right before it.
    pub(crate) space_before: bool,
    /// First token of a sentence, line or field (after `.`, `!`, `?`, `:`, `;`, a newline or
    /// a bullet).
    pub(crate) sentence_start: bool,
    /// Its line has no lower-case word (an OCR overlay or DICOM header line).
    pub(crate) upper_line: bool,
    /// A line break, or a gap of two or more spaces (a form's field separator), right
    /// before it: a name never runs across one.
    pub(crate) break_before: bool,
    /// First token of its line.
    pub(crate) line_start: bool,
}

impl Token<'_> {
    /// A word whose first letter is upper case.
    pub(crate) fn capitalized(&self) -> bool {
        self.class == Class::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// A word.
    pub(crate) fn is_word(&self) -> bool {
        self.class == Class::Word
    }

    /// Punctuation `c`.
    pub(crate) fn is_punct(&self, c: char) -> bool {
        self.class == Class::Punct && self.text.starts_with(c)
    }

    /// End of the word without a possessive `'s` / `’s`.
    pub(crate) fn name_end(&self) -> usize {
        for suffix in ["'s", "’s", "'S", "’S"] {
            if self.text.len() > suffix.len() + 1 && self.text.ends_with(suffix) {
                return self.end - suffix.len();
            }
        }
        self.end
    }

    /// Number of letters.
    pub(crate) fn letters(&self) -> usize {
        self.text.chars().filter(|c| c.is_alphabetic()).count()
    }
}

/// True for Latin-script letters (ASCII, Latin-1, Latin Extended A/B and Additional).
pub(crate) fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (('\u{C0}'..='\u{24F}').contains(&c) && c != '×' && c != '÷')
        || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// True for combining marks (kept inside the word they follow).
pub(crate) fn is_mark(c: char) -> bool {
    // Indic vowel signs and viramas, Hebrew points, Arabic harakat, Thai vowels, kana marks.
    let script_mark = matches!(c,
        '\u{591}'..='\u{5C7}'
        | '\u{610}'..='\u{61A}'
        | '\u{64B}'..='\u{65F}'
        | '\u{670}'
        | '\u{6D6}'..='\u{6ED}'
        | '\u{E31}'..='\u{E4E}'
        | '\u{3099}'..='\u{309A}')
        || (('\u{900}'..='\u{DFF}').contains(&c)
            && !c.is_numeric()
            && !matches!(c, '\u{964}' | '\u{965}'));
    script_mark
        || matches!(c,
        '\u{300}'..='\u{36F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{200C}'..='\u{200D}')
}

/// Splits `text` into tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out: Vec<Token<'_>> = Vec::with_capacity(text.len() / 4 + 1);
    let mut it = text.char_indices().peekable();
    let mut space_before = false;
    let mut newline_before = true;
    let mut spaces = 0usize;
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() || c.is_control() {
            space_before = true;
            spaces += 1;
            if c == '\n' || c == '\r' {
                newline_before = true;
            }
            continue;
        }
        let (class, end, latin) = if c.is_alphabetic() {
            let latin = is_latin(c);
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if is_mark(d) || (d.is_alphabetic() && is_latin(d) == latin) {
                    end = j + d.len_utf8();
                    it.next();
                    continue;
                }
                if ocr_digit_inside(text, i, j, d, latin) {
                    end = j + 1;
                    it.next();
                    continue;
                }
                if matches!(d, '\'' | '’' | '-') {
                    // Inner apostrophe or hyphen: only when a letter of the same script follows.
                    let next = text.get(j + d.len_utf8()..).and_then(|r| r.chars().next());
                    if next.is_some_and(|n| n.is_alphabetic() && is_latin(n) == latin) {
                        end = j + d.len_utf8();
                        it.next();
                        continue;
                    }
                }
                break;
            }
            (Class::Word, end, latin)
        } else if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some(&(j, d)) = it.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = j + 1;
                it.next();
            }
            (Class::Number, end, false)
        } else {
            // Marks with no letter before them are punctuation-like; kept alone.
            (Class::Punct, i + c.len_utf8(), false)
        };
        let tok_text = text.get(i..end).unwrap_or("");
        let shape = if class == Class::Word {
            shape_of(tok_text)
        } else {
            Shape::Uncased
        };
        let sentence_start = newline_before || starts_sentence(&out);
        out.push(Token {
            start: i,
            end,
            text: tok_text,
            class,
            shape,
            latin,
            space_before,
            sentence_start,
            upper_line: false,
            break_before: newline_before || spaces >= 2,
            line_start: newline_before,
        });
        space_before = false;
        spaces = 0;
        newline_before = false;
    }
    mark_upper_lines(text, &mut out);
    out
}

/// Whether the digit `d` at byte `j`, inside the Latin word that began at byte `start`, is
/// an OCR misreading of a letter (`0` for O, `1` for l or I) and belongs to the word:
/// one digit between letters ("CHEN0WETH", "Ju1ius", "M0urad"), the word having four
/// letters or more around it, two on each side or capitals on both sides ("SHOGEN0V"),
/// or a lone capital before a lower-case run ("M0urad"). Codes keep their digits:
/// "H1N1", "HbA1c", "G1P0" have too few letters on one side.
fn ocr_digit_inside(text: &str, start: usize, j: usize, d: char, latin: bool) -> bool {
    if !latin || !matches!(d, '0' | '1') {
        return false;
    }
    let before = text.get(start..j).unwrap_or("");
    let rest = text.get(j + 1..).unwrap_or("");
    let (Some(prev), Some(next)) = (before.chars().next_back(), rest.chars().next()) else {
        return false;
    };
    if !(prev.is_alphabetic() && next.is_alphabetic() && is_latin(next)) {
        return false;
    }
    let b = before.chars().filter(|c| c.is_alphabetic()).count();
    let after = || {
        rest.chars()
            .take_while(|c| c.is_alphabetic() || is_mark(*c))
            .filter(|c| c.is_alphabetic())
    };
    let a = after().count();
    if b + a < 4 {
        return false;
    }
    (b >= 2 && a >= 2)
        || (prev.is_uppercase() && next.is_uppercase())
        || (b == 1 && prev.is_uppercase() && a >= 3 && after().all(|c| !c.is_uppercase()))
}

fn shape_of(word: &str) -> Shape {
    let mut upper = 0usize;
    let mut lower = 0usize;
    let mut first_upper = false;
    let mut first = true;
    for c in word.chars() {
        if c.is_uppercase() {
            upper += 1;
            if first {
                first_upper = true;
            }
        } else if c.is_lowercase() {
            lower += 1;
        }
        if c.is_alphabetic() {
            first = false;
        }
    }
    match (upper, lower) {
        (0, 0) => Shape::Uncased,
        (0, _) => Shape::Lower,
        (u, 0) if u >= 2 => Shape::Upper,
        (_, 0) => Shape::Title,
        (1, _) if first_upper => Shape::Title,
        _ => Shape::Mixed,
    }
}

/// Abbreviations after whose period a sentence does not start.
const NO_BREAK_ABBREVIATIONS: &[&str] = &[
    "dr", "mr", "mrs", "ms", "st", "prof", "mt", "sr", "jr", "no", "vs", "fig", "approx", "dept",
    "rev", "capt", "lt", "col", "gen", "sgt",
];

fn starts_sentence(prev: &[Token<'_>]) -> bool {
    let Some(last) = prev.last() else {
        return true;
    };
    if last.class != Class::Punct {
        return false;
    }
    match last.text {
        "!" | "?" | ":" | ";" | "•" | "*" | "|" => true,
        "-" => last.space_before,
        "." => {
            let before = prev.len().checked_sub(2).and_then(|i| prev.get(i));
            match before {
                Some(b) if b.class == Class::Word => {
                    let lower = b.text.to_ascii_lowercase();
                    !(b.letters() == 1 || NO_BREAK_ABBREVIATIONS.contains(&lower.as_str()))
                }
                _ => true,
            }
        }
        _ => false,
    }
}

fn mark_upper_lines(text: &str, tokens: &mut [Token<'_>]) {
    let mut line_start = 0usize;
    while line_start < tokens.len() {
        let line_end_byte = tokens
            .get(line_start)
            .and_then(|t| text.get(t.start..))
            .and_then(|rest| rest.find('\n'))
            .zip(tokens.get(line_start))
            .map_or(usize::MAX, |(n, t)| t.start + n);
        let mut line_end = line_start;
        let mut any_lower = false;
        let mut upper_words = 0usize;
        while let Some(t) = tokens.get(line_end) {
            if t.start >= line_end_byte {
                break;
            }
            if t.class == Class::Word && t.latin {
                match t.shape {
                    Shape::Lower | Shape::Mixed => any_lower = true,
                    Shape::Title if t.letters() > 1 => any_lower = true,
                    Shape::Upper => upper_words += 1,
                    _ => {}
                }
            }
            line_end += 1;
        }
        let upper = !any_lower && upper_words >= 1;
        if let Some(line) = tokens.get_mut(line_start..line_end) {
            for t in line {
                t.upper_line = upper;
            }
        }
        line_start = line_end.max(line_start + 1);
    }
}

/// Byte offset → code-point offset, for the API.
pub(crate) struct CharIndex {
    /// Byte offsets of every char boundary, plus the text length.
    boundaries: Vec<usize>,
}

impl CharIndex {
    /// Index of `text`.
    pub(crate) fn new(text: &str) -> Self {
        let mut boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        boundaries.push(text.len());
        Self { boundaries }
    }

    /// Code point at byte offset `byte` (a char boundary; otherwise the next one).
    pub(crate) fn char_of(&self, byte: usize) -> usize {
        self.boundaries.partition_point(|&b| b < byte)
    }

    /// Byte offset of code point `cp` (clamped to the text length).
    pub(crate) fn byte_of(&self, cp: usize) -> usize {
        self.boundaries
            .get(cp)
            .or_else(|| self.boundaries.last())
            .copied()
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_numbers_punct() {
        let toks = tokenize("Dr. O'Brien's MRI, L4-L5 王小明 β-blocker\nSMITH^JOHN");
        let texts: Vec<&str> = toks.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            [
                "Dr",
                ".",
                "O'Brien's",
                "MRI",
                ",",
                "L",
                "4",
                "-",
                "L",
                "5",
                "王小明",
                "β",
                "-",
                "blocker",
                "SMITH",
                "^",
                "JOHN"
            ]
        );
        assert!(toks[0].sentence_start);
        assert!(!toks[2].sentence_start);
        assert_eq!(toks[2].name_end() - toks[2].start, "O'Brien".len());
        assert_eq!(toks[2].shape, Shape::Mixed);
        assert!(!toks[10].latin);
        assert!(toks[14].sentence_start && toks[14].upper_line);
        assert!(!toks[0].upper_line);
    }

    #[test]
    fn char_index() {
        let ix = CharIndex::new("aé王b");
        assert_eq!(ix.char_of(0), 0);
        assert_eq!(ix.char_of(3), 2);
        assert_eq!(ix.char_of(6), 3);
        assert_eq!(ix.char_of(7), 4);
        assert_eq!(ix.byte_of(3), 6);
        assert_eq!(ix.byte_of(99), 7);
    }
}
