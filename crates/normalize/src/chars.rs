//! Character classes shared by the normalisers.
//!
//! OCR output mixes half- and full-width forms freely, so every module decides "is this
//! Chinese context?" and "is this a bracket?" the same way, here.

/// Full-width ASCII letters and digits (U+FF10–FF19, FF21–FF3A, FF41–FF5A) and the
/// ideographic space U+3000 become ASCII; every other character is returned unchanged.
pub(crate) fn fold_width(c: char) -> char {
    match c {
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Characters that carry no content but break matching (zero-width spaces, BOM, soft hyphen).
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// Width-folds a string and turns a full-width point between two digits into '.', so
/// '１．５' reads as 1.5. Other full-width punctuation is left for the caller to decide on.
pub(crate) fn fold_digits(s: &str) -> String {
    // Most texts hold nothing to fold: one scan, one copy.
    if !s.chars().any(|c| is_invisible(c) || fold_width(c) != c || c == '．') {
        return s.to_string();
    }
    let chars: Vec<char> = s
        .chars()
        .filter(|c| !is_invisible(*c))
        .map(fold_width)
        .collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == '．' && digit_at(&chars, i.checked_sub(1)) && digit_at(&chars, Some(i + 1)) {
            out.push('.');
        } else {
            out.push(c);
        }
    }
    out
}

fn digit_at(chars: &[char], i: Option<usize>) -> bool {
    i.and_then(|i| chars.get(i))
        .is_some_and(|c| c.is_ascii_digit())
}

/// A Han ideograph (the CJK blocks in use in these documents, plus 〇).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// Characters that make their neighbourhood "Chinese text": Han, CJK punctuation and
/// brackets, full-width forms and the curly quotes and dashes Chinese typesetting uses.
/// ASCII punctuation touching one of these is an OCR half-width artefact.
pub(crate) fn is_wide(c: char) -> bool {
    is_han(c)
        || matches!(c,
            '\u{2E80}'..='\u{2EFF}'
            | '\u{3000}'..='\u{303F}'
            | '\u{FF00}'..='\u{FFEF}'
            | '\u{2018}'..='\u{201F}'
            | '\u{2014}' | '\u{2026}')
}

pub(crate) fn is_open_bracket(c: char) -> bool {
    matches!(c, '(' | '（' | '[' | '［' | '【' | '〔' | '｛' | '{')
}

pub(crate) fn is_close_bracket(c: char) -> bool {
    matches!(c, ')' | '）' | ']' | '］' | '】' | '〕' | '｝' | '}')
}

/// Dash variants OCR produces for the hyphen of ids and ranges.
pub(crate) fn is_dash(c: char) -> bool {
    // Not '一': it is also the numeral one, and ids never use it as a dash in the seeds.
    matches!(c, '-' | '－' | '—' | '–' | '‐' | '‑' | '﹣' | '−')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_folding() {
        assert_eq!(fold_width('１'), '1');
        assert_eq!(fold_width('Ｚ'), 'Z');
        assert_eq!(fold_width('ｐ'), 'p');
        assert_eq!(fold_width('\u{3000}'), ' ');
        assert_eq!(fold_width('（'), '（');
        assert_eq!(fold_width('科'), '科');
    }

    #[test]
    fn digits_and_points() {
        assert_eq!(fold_digits("１．５"), "1.5");
        assert_eq!(fold_digits("说明．"), "说明．");
        assert_eq!(fold_digits("\u{200B}12"), "12");
        assert_eq!(fold_digits(""), "");
    }

    #[test]
    fn classes() {
        assert!(is_han('泉') && is_han('〇') && !is_han('（'));
        assert!(is_wide('（') && is_wide('“') && is_wide('、') && is_wide('泉'));
        assert!(!is_wide('(') && !is_wide('a') && !is_wide('·'));
        assert!(is_open_bracket('〔') && is_close_bracket('】'));
        assert!(is_dash('－') && is_dash('﹣') && !is_dash('一'));
    }
}
