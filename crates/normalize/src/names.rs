//! Personal names (分管领导, 责任人): one entry per name, as printed.

use crate::chars::is_han;
use crate::text::{fold_text, resolve_soft_wraps, SOFT_WRAP};

/// Splits a name cell on white space, 、，,；;/ and line breaks. Tables pad two-character
/// names to the width of three ('林 鹏'), so a run of single-character tokens is merged
/// pairwise; an odd run of three or more ends in one three-character name. Names are kept as
/// printed otherwise: no OCR correction.
pub fn split_names(s: &str) -> Vec<String> {
    let s = join_soft_wraps(s);
    let tokens: Vec<String> = s
        .split(|c: char| {
            c.is_whitespace() || matches!(c, '、' | '，' | ',' | '；' | ';' | '/' | '／')
        })
        .map(fold_text)
        .filter(|t| !t.is_empty())
        .collect();

    let mut names = Vec::with_capacity(tokens.len());
    let mut run: Vec<String> = Vec::new();
    for token in tokens {
        if is_single_han(&token) {
            run.push(token);
        } else {
            flush_run(&mut run, &mut names);
            names.push(token);
        }
    }
    flush_run(&mut run, &mut names);
    names
}

/// A name a narrow cell wrapped at its edge ([`SOFT_WRAP`]): a single character after the
/// break ends the name before it (`刘兰` ⏎ `薇`), a single character before it begins the one
/// after (`欧` ⏎ `阳明`); two names that each fill a line (`黄建团` ⏎ `邱尚长`) stay two.
fn join_soft_wraps(s: &str) -> std::borrow::Cow<'_, str> {
    resolve_soft_wraps(s, |before, after| {
        let last = before.rsplit(|c: char| c.is_whitespace() || is_name_separator(c)).next().unwrap_or("");
        let first = after.split(|c: char| c.is_whitespace() || is_name_separator(c)).next().unwrap_or("");
        let (a, b) = (last.chars().count(), first.chars().count());
        a > 0 && b > 0 && (a == 1 || (b == 1 && a <= 2) || a + b <= 3)
    })
}

/// True when a name cell's wrapped lines cannot say where one name ends: three or more
/// single characters in a row, each a line of its own at the cell's edge (a column one
/// character wide: `孟⏎森⏎涛⏎邹⏎哲`). The names read from it are a guess.
pub fn names_wrap_unsure(s: &str) -> bool {
    let mut run = 0;
    for piece in s.split(SOFT_WRAP) {
        let han = piece.trim();
        if han.chars().count() == 1 {
            run += 1;
            if run >= 3 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

fn is_name_separator(c: char) -> bool {
    matches!(c, '、' | '，' | ',' | '；' | ';' | '/' | '／')
}

fn is_single_han(token: &str) -> bool {
    let mut chars = token.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if is_han(c))
}

/// Joins a run of single characters two by two; with an odd count the last three form one
/// name (a three-character name spaced out), and a lone character stays as printed.
fn flush_run(run: &mut Vec<String>, names: &mut Vec<String>) {
    let n = run.len();
    let mut i = 0;
    while i < n {
        let rest = n - i;
        let take = match rest {
            1 => 1,
            3 => 3,
            _ => 2,
        };
        let name: String = run.iter().skip(i).take(take).map(String::as_str).collect();
        names.push(name);
        i += take;
    }
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_wrapped_at_a_narrow_cell_edge_are_joined() {
        let w = SOFT_WRAP;
        assert_eq!(split_names(&format!("刘兰{w}薇")), ["刘兰薇"]);
        assert_eq!(split_names(&format!("庞露{w}腾\n秦松")), ["庞露腾", "秦松"]);
        assert_eq!(split_names(&format!("黄建团{w}邱尚长")), ["黄建团", "邱尚长"]);
        assert_eq!(split_names(&format!("欧{w}阳明")), ["欧阳明"]);
        assert!(!names_wrap_unsure(&format!("刘兰{w}薇")));
        assert!(names_wrap_unsure(&format!("孟{w}森{w}涛{w}邹{w}哲")));
    }

    #[test]
    fn padded_two_character_names_are_merged() {
        // quanzhou-sasac-2020, 1-1-1 分管领导.
        assert_eq!(
            split_names("刘海祥 汪亚彬 李维芳 林 鹏 周俊杰 罗 霖"),
            ["刘海祥", "汪亚彬", "李维芳", "林鹏", "周俊杰", "罗霖"]
        );
        // 1-1-1 责任人.
        assert_eq!(
            split_names("陈瑞典 苏颖慧 黄华明 陈建新 李 昶 陈天铃 苏大庆"),
            [
                "陈瑞典",
                "苏颖慧",
                "黄华明",
                "陈建新",
                "李昶",
                "陈天铃",
                "苏大庆"
            ]
        );
        assert_eq!(split_names("林 鹏 罗 霖"), ["林鹏", "罗霖"]);
        assert_eq!(split_names("李 眇"), ["李眇"]);
    }

    #[test]
    fn separators() {
        assert_eq!(split_names("陈建兴 张劲松"), ["陈建兴", "张劲松"]);
        assert_eq!(
            split_names("陈建兴、张劲松，林清京,黄珍霞；孙中虎;李成思/王少雄"),
            [
                "陈建兴",
                "张劲松",
                "林清京",
                "黄珍霞",
                "孙中虎",
                "李成思",
                "王少雄"
            ]
        );
        assert_eq!(split_names("黄奕冰\n张翎"), ["黄奕冰", "张翎"]);
        assert_eq!(split_names("汪亚彬\u{3000}罗霖"), ["汪亚彬", "罗霖"]);
    }

    #[test]
    fn duplicates_and_odd_runs_are_kept_as_printed() {
        // quanzhou-sasac-2020 7-1 prints 陈天铃 twice; the gold keeps both.
        assert_eq!(split_names("陈天铃 陈瑞典 陈天铃").len(), 3);
        assert_eq!(split_names("李 小 明"), ["李小明"]);
        assert_eq!(split_names("林"), ["林"]);
    }

    #[test]
    fn empty_input() {
        assert!(split_names("").is_empty());
        assert!(split_names("  \t\n、 ").is_empty());
    }
}
