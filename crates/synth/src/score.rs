//! A Rust port of the field-level scorer we are judged by (`shared/tools/score.py`): records
//! matched by (table kind, id), every field the gold names compared after folding (NFKC,
//! white space removed, bracket/quote/dash variants unified), lists as multisets, numbers
//! exactly; precision, recall and F1 over the non-empty fields.
//!
//! The end-to-end tests score the fixtures with it, and [`crate::eval`] scores generated
//! documents, so both measure what `score.py` measures without Python or `../shared`.

use std::collections::BTreeMap;

use serde_json::Value;

/// `{"uncertain": …}`: a gold field the scorer skips.
pub fn is_uncertain(v: &Value) -> bool {
    matches!(v, Value::Object(m) if m.len() == 1 && m.contains_key("uncertain"))
}


/// `FOLD` of score.py: bracket, quote and dash variants unified (applied after NFKC).
fn fold_table(c: char) -> Option<char> {
    Some(match c {
        '〔' | '【' | '[' | '［' => '(',
        '〕' | '】' | ']' | '］' => ')',
        '“' | '”' | '„' | '「' | '」' => '"',
        '‘' | '’' => '\'',
        '–' | '—' | '―' | '－' => '-',
        '・' | '•' => '·',
        '．' => '.',
        '<' | '〈' => '《',
        '>' | '〉' => '》',
        _ => return None,
    })
}

/// NFKC of the Kangxi radicals U+2F00…U+2FD5, in order: PDF and OCR text often carries them
/// in place of the ideographs they look like (⼀ for 一).
const KANGXI: [&str; 4] = [
    "一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴",
    "廾弋弓彐彡彳心戈戶手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿",
    "目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛辰辵",
    "邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠",
];

const CJK_TEN: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const ROMAN: [&str; 16] =
    ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "L", "C", "D", "M"];

/// NFKC for one character, restricted to the compatibility characters OCR'd Chinese text
/// carries: full-width ASCII, ideographic and typographic spaces, half-width CJK punctuation,
/// small and vertical presentation forms, the ellipsis, circled/parenthesised/full-stop numbers,
/// circled letters, Roman numerals, Kangxi radicals, 〸〹〺, ㈠…㈩ and ㊀…㊉, and a few letter-like
/// symbols. Not covered (Python's NFKC does them, this port does not): CJK compatibility
/// ideographs (U+F900…, U+2F800…), the rest of U+3200…U+33FF (squared units except ㎡),
/// half-width katakana/hangul, super/subscripts other than ¹²³, ligatures, non-CJK scripts and
/// canonical composition of combining sequences. No fixture contains any of them; checked
/// against Python's `unicodedata.normalize("NFKC", …)` for every character the port maps.
fn nfkc_char(c: char, out: &mut String) {
    let u = c as u32;
    let s: &str = match c {
        '\u{FF01}'..='\u{FF5E}' => {
            out.push(char::from_u32(u - 0xFEE0).unwrap());
            return;
        }
        '\u{3000}' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => " ",
        '\u{2024}' => ".",
        '\u{2025}' => "..",
        '\u{2026}' => "...",
        '\u{2460}'..='\u{2473}' => {
            out.push_str(&(u - 0x2460 + 1).to_string());
            return;
        }
        '\u{2474}'..='\u{2487}' => {
            out.push_str(&format!("({})", u - 0x2474 + 1));
            return;
        }
        '\u{2488}'..='\u{249B}' => {
            out.push_str(&format!("{}.", u - 0x2488 + 1));
            return;
        }
        '\u{24EA}' => "0",
        '\u{2F00}'..='\u{2FD5}' => {
            let i = (u - 0x2F00) as usize;
            out.push(KANGXI[i / 54].chars().nth(i % 54).unwrap());
            return;
        }
        '\u{3036}' => "〒",
        '\u{3038}' => "十",
        '\u{3039}' => "卄",
        '\u{303A}' => "卅",
        '\u{2E9F}' => "母",
        '\u{2EF3}' => "龟",
        '\u{3220}'..='\u{3229}' => {
            out.push('(');
            out.push(CJK_TEN[(u - 0x3220) as usize]);
            out.push(')');
            return;
        }
        '\u{3280}'..='\u{3289}' => {
            out.push(CJK_TEN[(u - 0x3280) as usize]);
            return;
        }
        '\u{24B6}'..='\u{24CF}' => {
            out.push(char::from_u32(u - 0x24B6 + 'A' as u32).unwrap());
            return;
        }
        '\u{24D0}'..='\u{24E9}' => {
            out.push(char::from_u32(u - 0x24D0 + 'a' as u32).unwrap());
            return;
        }
        '\u{2160}'..='\u{216F}' => ROMAN[(u - 0x2160) as usize],
        '\u{2170}'..='\u{217F}' => {
            out.push_str(&ROMAN[(u - 0x2170) as usize].to_lowercase());
            return;
        }
        '\u{00B9}' => "1",
        '\u{00B2}' => "2",
        '\u{00B3}' => "3",
        '\u{2103}' => "°C",
        '\u{2116}' => "No",
        '\u{2122}' => "TM",
        '\u{33A1}' => "m2",
        // half-width CJK punctuation
        '\u{FF5F}' => "⦅",
        '\u{FF60}' => "⦆",
        '\u{FF61}' => "。",
        '\u{FF62}' => "「",
        '\u{FF63}' => "」",
        '\u{FF64}' => "、",
        '\u{FF65}' => "・",
        '\u{FFE0}' => "¢",
        '\u{FFE1}' => "£",
        '\u{FFE2}' => "¬",
        '\u{FFE4}' => "¦",
        '\u{FFE5}' => "¥",
        '\u{FFE6}' => "₩",
        // vertical forms
        '\u{FE10}' => ",",
        '\u{FE11}' => "、",
        '\u{FE12}' => "。",
        '\u{FE13}' => ":",
        '\u{FE14}' => ";",
        '\u{FE15}' => "!",
        '\u{FE16}' => "?",
        '\u{FE17}' => "〖",
        '\u{FE18}' => "〗",
        '\u{FE19}' => "...",
        '\u{FE30}' => "..",
        '\u{FE31}' => "—",
        '\u{FE32}' => "–",
        '\u{FE33}' | '\u{FE34}' => "_",
        '\u{FE35}' => "(",
        '\u{FE36}' => ")",
        '\u{FE37}' => "{",
        '\u{FE38}' => "}",
        '\u{FE39}' => "〔",
        '\u{FE3A}' => "〕",
        '\u{FE3B}' => "【",
        '\u{FE3C}' => "】",
        '\u{FE3D}' => "《",
        '\u{FE3E}' => "》",
        '\u{FE3F}' => "〈",
        '\u{FE40}' => "〉",
        '\u{FE41}' => "「",
        '\u{FE42}' => "」",
        '\u{FE43}' => "『",
        '\u{FE44}' => "』",
        // small forms
        '\u{FE50}' => ",",
        '\u{FE51}' => "、",
        '\u{FE52}' => ".",
        '\u{FE54}' => ";",
        '\u{FE55}' => ":",
        '\u{FE56}' => "?",
        '\u{FE57}' => "!",
        '\u{FE58}' => "—",
        '\u{FE59}' => "(",
        '\u{FE5A}' => ")",
        '\u{FE5B}' => "{",
        '\u{FE5C}' => "}",
        '\u{FE5D}' => "〔",
        '\u{FE5E}' => "〕",
        '\u{FE5F}' => "#",
        '\u{FE60}' => "&",
        '\u{FE61}' => "*",
        '\u{FE62}' => "+",
        '\u{FE63}' => "-",
        '\u{FE64}' => "<",
        '\u{FE65}' => ">",
        '\u{FE66}' => "=",
        '\u{FE68}' => "\\",
        '\u{FE69}' => "$",
        '\u{FE6A}' => "%",
        '\u{FE6B}' => "@",
        _ => {
            out.push(c);
            return;
        }
    };
    out.push_str(s);
}

/// Python's `str.isspace()`: Unicode White_Space plus the information separators U+001C…U+001F.
fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\u{1C}'..='\u{1F}').contains(&c)
}

/// score.py `fold`: NFKC (see [`nfkc_char`] for the part ported), the FOLD table, then every
/// white-space character removed.
pub fn fold(s: &str) -> String {
    let mut nfkc = String::with_capacity(s.len());
    for c in s.chars() {
        nfkc_char(c, &mut nfkc);
    }
    nfkc.chars().map(|c| fold_table(c).unwrap_or(c)).filter(|&c| !py_isspace(c)).collect()
}

/// score.py `empty`: None, "", [] or {} (raw, not folded).
pub fn empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(m) => m.is_empty(),
        _ => false,
    }
}

/// score.py `canon`: strings folded, numbers as f64, lists as multisets, objects by key.
#[derive(Debug, Clone)]
enum Canon {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    /// A multiset: order does not matter.
    Bag(Vec<Canon>),
    /// Sorted by key.
    Map(Vec<(String, Canon)>),
}

fn canon(v: &Value) -> Canon {
    match v {
        Value::Null => Canon::Null,
        Value::Bool(b) => Canon::Bool(*b),
        Value::Number(n) => Canon::Num(n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) => Canon::Str(fold(s)),
        Value::Array(a) => Canon::Bag(a.iter().map(canon).collect()),
        Value::Object(m) => {
            let mut kv: Vec<(String, Canon)> = m.iter().map(|(k, x)| (k.clone(), canon(x))).collect();
            kv.sort_by(|a, b| a.0.cmp(&b.0));
            Canon::Map(kv)
        }
    }
}

impl PartialEq for Canon {
    fn eq(&self, other: &Self) -> bool {
        use Canon::*;
        match (self, other) {
            (Null, Null) => true,
            (Bool(a), Bool(b)) => a == b,
            // Python: True == 1.0.
            (Bool(b), Num(n)) | (Num(n), Bool(b)) => (*b as u8 as f64) == *n,
            (Num(a), Num(b)) => a == b,
            (Str(a), Str(b)) => a == b,
            (Bag(a), Bag(b)) => {
                if a.len() != b.len() {
                    return false;
                }
                let mut used = vec![false; b.len()];
                a.iter().all(|x| match (0..b.len()).find(|&j| !used[j] && b[j] == *x) {
                    Some(j) => {
                        used[j] = true;
                        true
                    }
                    None => false,
                })
            }
            (Map(a), Map(b)) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.0 == y.0 && x.1 == y.1),
            _ => false,
        }
    }
}

/// score.py `same`: a string that folds to nothing counts as absent; two absent values agree.
pub fn same(a: &Value, b: &Value) -> bool {
    let blank = |v: &Value| matches!(v, Value::String(s) if fold(s).is_empty());
    let a = if blank(a) { &Value::Null } else { a };
    let b = if blank(b) { &Value::Null } else { b };
    if empty(a) && empty(b) {
        return true;
    }
    canon(a) == canon(b)
}

/// `str(x)` of Python for a JSON scalar used in a record key.
fn py_str(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "None".into(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(true)) => "True".into(),
        Some(Value::Bool(false)) => "False".into(),
        Some(other) => other.to_string(),
    }
}

/// (table kind, record id), as score.py matches records.
pub type RecordKey = (String, String);

/// score.py `records_by_key`: records in first-seen key order, a later duplicate replacing the
/// earlier one (as a Python dict does), and the duplicated keys.
fn records_by_key(doc: &Value) -> (Vec<(RecordKey, &Value)>, Vec<RecordKey>) {
    let mut out: Vec<(RecordKey, &Value)> = Vec::new();
    let mut dups = Vec::new();
    for t in doc.get("tables").and_then(Value::as_array).into_iter().flatten() {
        let kind = py_str(t.get("kind"));
        for r in t.get("records").and_then(Value::as_array).into_iter().flatten() {
            let key = (kind.clone(), py_str(r.get("id")));
            match out.iter_mut().find(|(k, _)| *k == key) {
                Some(slot) => {
                    dups.push(key);
                    slot.1 = r;
                }
                None => out.push((key, r)),
            }
        }
    }
    (out, dups)
}

/// One scored field that differs from the gold.
#[derive(Debug, Clone)]
pub struct Mismatch {
    /// Table kind (`performance_targets`), or `notice`.
    pub table: String,
    /// Record id, or `notice` for notice fields.
    pub id: String,
    pub field: String,
    pub gold: Value,
    /// The output's value; the string `<no record>` when the output lacks the record.
    pub got: Value,
}

impl Mismatch {
    /// `quanzhou-science-2019 1-3-1 basis`: the line format of `fixtures/known-mismatches.txt`.
    pub fn key(&self, fixture: &str) -> String {
        format!("{fixture} {} {}", self.id, self.field)
    }

    pub fn describe(&self, fixture: &str) -> String {
        format!(
            "{}  ({})\n    gold: {}\n    got:  {}",
            self.key(fixture),
            self.table,
            serde_json::to_string(&self.gold).unwrap(),
            serde_json::to_string(&self.got).unwrap()
        )
    }
}

/// What score.py computes for one output/gold pair.
#[derive(Debug, Clone, Default)]
pub struct Score {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub equal: usize,
    pub total: usize,
    /// field → (equal, scored)
    pub per_field: BTreeMap<String, (usize, usize)>,
    /// Record fields that differ (score.py `mismatches`).
    pub mismatches: Vec<Mismatch>,
    /// Notice fields that differ (score.py `notice_bad`); `id` is `notice`.
    pub notice_bad: Vec<Mismatch>,
    pub gold_records: usize,
    pub out_records: usize,
    pub matched: usize,
    /// Output records the gold does not have: every non-empty field is a false alarm.
    pub extra: Vec<RecordKey>,
    pub duplicate_ids: Vec<RecordKey>,
}

impl Score {
    fn add(&mut self, field: &str, gold: &Value, got: &Value) -> bool {
        let ok = same(gold, got);
        let pf = self.per_field.entry(field.to_string()).or_insert((0, 0));
        pf.1 += 1;
        self.total += 1;
        if ok {
            pf.0 += 1;
            self.equal += 1;
            if !empty(gold) {
                self.tp += 1;
            }
        } else {
            if !empty(gold) {
                self.fn_ += 1;
            }
            if !empty(got) {
                self.fp += 1;
            }
        }
        ok
    }

    pub fn precision(&self) -> f64 {
        if self.tp + self.fp > 0 {
            self.tp as f64 / (self.tp + self.fp) as f64
        } else {
            1.0
        }
    }

    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ > 0 {
            self.tp as f64 / (self.tp + self.fn_) as f64
        } else {
            1.0
        }
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }

    /// Everything that costs points or hides a record, as `fixture id field` lines with
    /// details: record mismatches, notice mismatches (`fixture notice FIELD`), extra output
    /// records (`fixture ID <extra>`) and duplicated output ids (`fixture ID <duplicate>`).
    pub fn problems(&self, fixture: &str) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for m in self.mismatches.iter().chain(&self.notice_bad) {
            out.push((m.key(fixture), m.describe(fixture)));
        }
        for (kind, id) in &self.extra {
            let key = format!("{fixture} {id} <extra>");
            out.push((key.clone(), format!("{key}  ({kind}): output record the gold does not have")));
        }
        for (kind, id) in &self.duplicate_ids {
            let key = format!("{fixture} {id} <duplicate>");
            out.push((key.clone(), format!("{key}  ({kind}): id occurs more than once in the output")));
        }
        out
    }

    /// score.py's summary line.
    pub fn summary(&self) -> String {
        format!(
            "field F1 {:.4} (P {:.4} R {:.4}; {}/{} fields equal); records matched {}/{}, extra {}",
            self.f1(),
            self.precision(),
            self.recall(),
            self.equal,
            self.total,
            self.matched,
            self.gold_records,
            self.extra.len()
        )
    }
}

pub const NOTICE_FIELDS: [&str; 5] = ["issuer", "doc_number", "title", "date", "year"];

/// Options for [`score_with`].
#[derive(Debug, Clone, Copy, Default)]
pub struct ScoreOptions {
    /// Score the notice only: no record of either side is compared or counted. Used for
    /// fixtures whose table family is not supported yet.
    pub notice_only: bool,
}

/// score.py `score(out, gold)`.
pub fn score(out: &Value, gold: &Value) -> Score {
    score_with(out, gold, ScoreOptions::default())
}

pub fn score_with(out: &Value, gold: &Value, opts: ScoreOptions) -> Score {
    let mut s = Score::default();
    if !opts.notice_only {
        let (gold_recs, _) = records_by_key(gold);
        let (out_recs, dups) = records_by_key(out);
        for (key, g) in &gold_recs {
            let o = out_recs.iter().find(|(k, _)| k == key).map(|(_, r)| *r);
            for (field, gv) in g.as_object().into_iter().flatten() {
                if field == "id" || is_uncertain(gv) {
                    continue;
                }
                let ov = o.and_then(|r| r.get(field)).cloned().unwrap_or(Value::Null);
                if !s.add(field, gv, &ov) {
                    s.mismatches.push(Mismatch {
                        table: key.0.clone(),
                        id: key.1.clone(),
                        field: field.clone(),
                        gold: gv.clone(),
                        got: if o.is_some() { ov } else { Value::String("<no record>".into()) },
                    });
                }
            }
        }
        for (key, r) in &out_recs {
            if gold_recs.iter().any(|(k, _)| k == key) {
                continue;
            }
            s.extra.push(key.clone());
            for (field, ov) in r.as_object().into_iter().flatten() {
                if field != "id" && !empty(ov) {
                    s.fp += 1;
                }
            }
        }
        s.gold_records = gold_recs.len();
        s.out_records = out_recs.len();
        s.matched = gold_recs.iter().filter(|(k, _)| out_recs.iter().any(|(o, _)| o == k)).count();
        s.duplicate_ids = dups;
    }

    let null = Value::Null;
    let empty_map = serde_json::Map::new();
    let gn = gold.get("notice").and_then(Value::as_object).unwrap_or(&empty_map);
    let on = out.get("notice").and_then(Value::as_object).unwrap_or(&empty_map);
    for field in NOTICE_FIELDS {
        if let Some(gv) = gn.get(field) {
            if is_uncertain(gv) {
                continue;
            }
            let ov = on.get(field).unwrap_or(&null);
            if !s.add(&format!("notice.{field}"), gv, ov) {
                s.notice_bad.push(Mismatch {
                    table: "notice".into(),
                    id: "notice".into(),
                    field: field.into(),
                    gold: gv.clone(),
                    got: ov.clone(),
                });
            }
        }
    }
    if let Some(gd) = gn.get("declared_counts") {
        let g = count_keys(Some(gd));
        let o = count_keys(on.get("declared_counts"));
        // Compared as multisets of (folded scope, level, count), like the Counter of score.py.
        let gv = Value::Array(g.into_iter().map(Value::String).collect());
        let ov = Value::Array(o.into_iter().map(Value::String).collect());
        if !s.add("notice.declared_counts", &gv, &ov) {
            s.notice_bad.push(Mismatch {
                table: "notice".into(),
                id: "notice".into(),
                field: "declared_counts".into(),
                gold: gv,
                got: ov,
            });
        }
    }
    s
}

/// `(fold(str(scope)), level, count)` of each declared count, as a comparable string, sorted.
fn count_keys(v: Option<&Value>) -> Vec<String> {
    let num = |x: Option<&Value>| match x {
        None | Some(Value::Null) => "None".to_string(),
        Some(Value::Number(n)) => format!("{}", n.as_f64().unwrap_or(f64::NAN)),
        Some(other) => other.to_string(),
    };
    let mut keys: Vec<String> = v
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|d| {
            let scope = match d.get("scope") {
                None => String::new(),
                Some(Value::String(s)) => s.clone(),
                Some(other) => py_str(Some(other)),
            };
            format!("{}|{}|{}", fold(&scope), num(d.get("level")), num(d.get("count")))
        })
        .collect();
    keys.sort();
    keys
}

