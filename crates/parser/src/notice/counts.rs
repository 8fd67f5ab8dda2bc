//! Indicator counts the prose declares (`一级指标 11 项`), with the scope each names, told
//! apart from rules (`一级指标至少15项`).

use super::*;

// ---------------------------------------------------------------------------------------------
// Declared counts.

/// `一级考核指标17项`, `二级指标共43条`, `共有指标18项` (no level).
static COUNT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?:(?P<lv>[一二12])级)?(?:考核|考评|绩效|评估|目标)?指标(?:总数|数量|数)?(?:共有|共计|合计|总计|共|计|为|有)*(?P<n>[0-9]+|[一二三四五六七八九十百两〇零]+)(?:项|条|个)",
    )
    .unwrap()
});
/// `20条指标` with no level, after a verb that sets them (`设置…5个方面20条指标`).
static COUNT_BEFORE_PLAIN: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?P<n>[0-9]+|[一二三四五六七八九十百两]+)(?:项|条|个)(?:考核|考评|绩效|评估)?指标").unwrap()
});
/// Verbs that make a plain `N条指标` a count of the table's indicators.
const SETTING_WORDS: &[&str] = &["设置", "设定", "制定", "制订", "确定", "设立", "分解", "包括", "涉及"];
/// `17项一级指标`.
static COUNT_BEFORE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?P<n>[0-9]+|[一二三四五六七八九十百两]+)(?:项|条|个)(?P<lv>[一二12])级(?:考核|考评|绩效|评估)?指标").unwrap()
});
/// `一级、二级指标分别为9条、26项`: both levels' counts in one clause, in order.
static COUNT_RESPECTIVELY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"[一1]级[、和及与/]?[二2]级(?:考核|考评|绩效|评估)?指标(?:数量|数)?(?:共有|共计|共|各)?分别(?:为|是|有)?(?P<a>[0-9]+|[一二三四五六七八九十百两]+)(?:项|条|个)?[、和及与，,](?P<b>[0-9]+|[一二三四五六七八九十百两]+)(?:项|条|个)").unwrap()
});
/// What follows a number that makes it a bound, not a count: `15项以上`, `2项及以上`.
static BOUND_AFTER: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?:及|或)?(?:以上|以下|以内|左右|上下|（含）|\(含\))").unwrap());
/// Words before a number, in the same clause, that make it a rule: `至少`, `不少于`, `每个…下设`,
/// `应设`, `上限`.
const RULE_WORDS: &[&str] = &[
    "至少",
    "不少于",
    "不多于",
    "不超过",
    "不低于",
    "不高于",
    "不得",
    "最多",
    "最少",
    "原则上",
    "每",
    "上限",
    "下限",
    "应",
    "须",
    "需",
    "要求",
    "可",
];
/// Delimiters of the clause a rule word binds in (`一级指标至少15项、二级指标30项`: the rule is
/// the first item's only).
const RULE_DELIMS: &str = "，,。；;、：:！？!?";
/// Delimiters of the clause a target name binds in; `、` does not end it, so
/// `重点工作目标一级指标11项、二级指标26项` is one clause.
const SCOPE_DELIMS: &str = "，,。；;：:！？!?";
const SENTENCE_DELIMS: &str = "。；;！？!?";

/// The part of `text` after the last of `delims` (all of it when there is none).
fn tail_after<'a>(text: &'a str, delims: &str) -> &'a str {
    match text.char_indices().rev().find(|(_, c)| delims.contains(*c)) {
        Some((j, c)) => text.get(j + c.len_utf8()..).unwrap_or(""),
        None => text,
    }
}

static TARGET: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(重点工作|常规工作|动态工作|行政能力|全部)(?:目标)?").unwrap());

fn scope_name(mention: &str) -> &'static str {
    if mention.starts_with("全部") {
        "全部"
    } else if mention.starts_with("重点") {
        "重点工作目标"
    } else if mention.starts_with("常规") {
        "常规工作目标"
    } else if mention.starts_with("动态") {
        "动态工作目标"
    } else {
        "行政能力目标"
    }
}

/// The counts of indicators the prose declares, each with the target it belongs to: the one
/// named in the count's clause (or an earlier clause of the same sentence that named one for
/// a count), else in the paragraph's lead (`①重点工作目标方面…：`), else in the heading of its
/// section, else `全部`. Bounds and rules (`一级指标15项以上`, `至少…`,
/// `每个一级指标下设二级指标2项及以上`) are not counts, and a count that names no level must say
/// it is a total (`共有指标18项`): a bare `指标3项` in prose is too often about something else.
pub(super) fn declared_counts(items: &[Item]) -> Vec<DeclaredCount> {
    // (count, whether its scope came only from the section heading or from nothing).
    let mut out: Vec<(DeclaredCount, bool)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(l) = item.para() else { continue };
        let text = l.compact.as_str();
        let mut found: Vec<(usize, usize, Option<u8>, u32)> = Vec::new();
        for caps in COUNT_RESPECTIVELY.captures_iter(text) {
            let Some(whole) = caps.get(0) else { continue };
            for (name, level) in [("a", 1u8), ("b", 2u8)] {
                if let Some(count) = caps.name(name).and_then(|m| parse_number(m.as_str())).filter(|&c| c > 0) {
                    found.push((whole.start(), whole.end(), Some(level), count));
                }
            }
        }
        for re in [&*COUNT, &*COUNT_BEFORE, &*COUNT_BEFORE_PLAIN] {
            for caps in re.captures_iter(text) {
                let (Some(whole), Some(n)) = (caps.get(0), caps.name("n")) else {
                    continue;
                };
                if found
                    .iter()
                    .any(|&(s, e, _, _)| whole.start() < e && s < whole.end())
                {
                    continue;
                }
                let level = caps.name("lv").map(|m| {
                    if matches!(m.as_str(), "一" | "1") {
                        1
                    } else {
                        2
                    }
                });
                let Some(count) = parse_number(n.as_str()).filter(|&c| c > 0) else {
                    continue;
                };
                found.push((whole.start(), whole.end(), level, count));
            }
        }
        found.sort_by_key(|f| f.0);
        // The scope a clause named for a count, with the start of its sentence.
        let mut carried: Option<(usize, &'static str)> = None;
        for (start, end, level, count) in found {
            let before = text.get(..start).unwrap_or("");
            let clause = tail_after(before, RULE_DELIMS);
            let matched = text.get(start..end).unwrap_or("");
            let plain_before = matched.ends_with("指标") && !matched.contains("级");
            // The target the count's own clause names (`行政能力目标指标18项`): a count with
            // no level is taken when it names one.
            let own = scope_in_clause(tail_after(before, SCOPE_DELIMS));
            if BOUND_AFTER.is_match(text.get(end..).unwrap_or(""))
                || RULE_WORDS.iter().any(|w| clause.contains(w))
                || quote_depth(text, start) > 0
                || (level.is_none()
                    && !TOTAL_WORDS
                        .iter()
                        .any(|w| clause.contains(w) || matched.contains(w))
                    && !(plain_before && SETTING_WORDS.iter().any(|w| tail_after(before, SENTENCE_DELIMS).contains(w)))
                    && own.is_none())
            {
                continue;
            }
            let sentence_start = before.len() - tail_after(before, SENTENCE_DELIMS).len();
            if let Some(scope) = own {
                carried = Some((sentence_start, scope));
            }
            let named = own
                .or_else(|| {
                    carried
                        .filter(|&(s, _)| s == sentence_start)
                        .map(|(_, scope)| scope)
                })
                .or_else(|| scope_of_lead(text))
                .or_else(|| {
                    let first = paragraph_start(items, i);
                    (first != i).then(|| items.get(first).and_then(Item::para)).flatten().and_then(|p| scope_of_lead(&p.compact))
                });
            let scope = named
                .or_else(|| scope_of_section(items, paragraph_start(items, i)))
                .unwrap_or("全部");
            let entry = DeclaredCount {
                scope: scope.to_string(),
                level,
                count,
                line: Some(l.line),
            };
            if !out
                .iter()
                .any(|(d, _)| d.scope == entry.scope && d.level == entry.level && d.count == entry.count)
            {
                out.push((entry, named.is_none()));
            }
        }
    }
    totals_by_sum(out)
}

/// A count whose own sentence names no target (its scope came from the section it sits in,
/// or from nothing) is the whole table's when it is the sum of the counts of that level the
/// notice declares for two or more targets: `共有一级指标13项` after `重点…10项` and `常规…3项`,
/// however the section it closes is headed.
fn totals_by_sum(found: Vec<(DeclaredCount, bool)>) -> Vec<DeclaredCount> {
    let sums: Vec<(Option<u8>, u32, usize)> = [Some(1u8), Some(2), None]
        .iter()
        .map(|&level| {
            let parts: Vec<&DeclaredCount> = found
                .iter()
                .filter(|(d, unnamed)| !*unnamed && d.level == level && d.scope != "全部")
                .map(|(d, _)| d)
                .collect();
            (level, parts.iter().map(|d| d.count).sum(), parts.len())
        })
        .collect();
    let mut out: Vec<DeclaredCount> = Vec::new();
    for (mut d, unnamed) in found {
        let adds_up = sums.iter().any(|&(level, sum, n)| level == d.level && n >= 2 && sum == d.count);
        if unnamed && adds_up {
            d.scope = "全部".to_string();
        }
        if !out.iter().any(|o| o.scope == d.scope && o.level == d.level && o.count == d.count) {
            out.push(d);
        }
    }
    out
}

/// Words that mark a count as a total: `共有指标18项`, `指标合计20项`.
const TOTAL_WORDS: &[&str] = &["共", "合计", "总计", "总数"];

/// The target named last in a clause; `None` if none, or if it closes an enumeration of
/// several (`重点工作目标、常规工作目标共…`), which is no single target.
fn scope_in_clause(clause: &str) -> Option<&'static str> {
    let mentions: Vec<regex::Match<'_>> = TARGET.find_iter(clause).collect();
    let last = mentions.last()?;
    if let Some(prev) = mentions.len().checked_sub(2).and_then(|k| mentions.get(k)) {
        let between = clause.get(prev.end()..last.start()).unwrap_or("x");
        if between.chars().all(|c| "、和及与“”\"‘’".contains(c)) {
            return None;
        }
    }
    Some(scope_name(last.as_str()))
}

/// The target named in a paragraph's lead: the label before its colon (`（2）行政能力：…`), or
/// its first clause.
fn scope_of_lead(text: &str) -> Option<&'static str> {
    let colon = text
        .find(['：', ':'])
        .filter(|&j| text.get(..j).is_some_and(|s| s.chars().count() <= 30));
    let lead = match colon {
        Some(j) => text.get(..j).unwrap_or(""),
        None => text
            .split(|c: char| SCOPE_DELIMS.contains(c))
            .next()
            .unwrap_or(""),
    };
    single_target(lead)
}

fn single_target(text: &str) -> Option<&'static str> {
    let mut scopes = TARGET.find_iter(text).map(|m| scope_name(m.as_str()));
    let first = scopes.next()?;
    scopes.all(|s| s == first).then_some(first)
}

/// The item a paragraph's text starts at: a reader (or an OCR run) may break one paragraph
/// into several lines, and a line that opens with no enumerator right after one that ends
/// mid-sentence goes on with it, so the lead of the first (`①重点工作目标方面…`) is its lead.
fn paragraph_start(items: &[Item], i: usize) -> usize {
    let mut first = i;
    while let (Some(k), Some(cur)) = (first.checked_sub(1), items.get(first).and_then(Item::para)) {
        let Some(prev) = items.get(k).and_then(Item::para) else { break };
        let ended = prev.compact.ends_with(['。', '；', ';', '！', '？', '：', ':']);
        if ended || ENUMERATOR.is_match(&cur.compact) || prev.compact.chars().count() <= 30 {
            break;
        }
        first = k;
    }
    first
}

/// The target named by the section a paragraph is in: walking back, the first heading (a
/// short line) decides, its lead naming the target or none; an enumerated item with a body
/// of its own on the way ends the search with none.
fn scope_of_section(items: &[Item], i: usize) -> Option<&'static str> {
    for k in (0..i).rev().take(24) {
        let Some(l) = items.get(k).and_then(Item::para) else {
            continue;
        };
        // A heading heads what follows it; an enumerated item with a body of its own
        // (`（四）行政能力目标（20分）。由…`) closes its own topic, so a paragraph after it
        // is no part of it (`以上共有一级指标14个` sums them all).
        let short = l.compact.chars().count() <= 30 && !l.compact.contains(['。', '；']);
        if short {
            return scope_of_lead(&l.compact);
        }
        if ENUMERATOR.is_match(&l.compact) {
            return None;
        }
    }
    None
}

