//! Round-trip property test for the budget-target rebuild.
//!
//! The clean table is the hand-checked gold of `fixtures/gold/linyi-science-budget-2020.json`
//! (real duties, indicators and values). It is rendered to TAB-separated text the way the
//! linyi seed prints it — a three-row header repeated on every page, 备注 / 工作活动 / 预算项目 /
//! 数据来源 labelled over the wrong columns — then broken the way OCR breaks these tables:
//!
//! - a row loses its empty 前三年均值 cell, so everything to its right slides one column left
//!   (the seed's 4-3 and 4-4);
//! - a duty's 部门职责 / 职责目标 cell prints its text on the duty's second row (a merged cell
//!   centred vertically);
//! - wrap spaces inside Chinese text;
//! - an 指标解释 wrapped onto a row of its own;
//! - page breaks at random rows, each repeating the header.
//!
//! `read_text` + `extract_grid` must give back the gold's records field for field (texts
//! compared with white space removed, as the scorer does).

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use serde_json::Value;
use zhibiao_model::BudgetRecord;
use zhibiao_parser::extract_grid;
use zhibiao_parser::text::read_text;

const HEADER: &str = "职责序号\t部门职责\t职责目标\t绩效指标\t指标解释\t年度指标值\t指标参考值\t\t\t\t\t备注 (标准值和历史值均无的原因/其他需要说明的问题)\t工作活动\t预算项目\n\
\t\t\t\t\t\t标准值 (规划目标、行业标准或其他明确标准)\t\t\t历史值 (统计年鉴/统计公报/内部统计/其他需明确的来源)\n\
\t\t\t\t\t\t“十三五”规划值\t2020年标准值\t\t2017-2019年 均值\t2019年值 (实际完成)\t\t\t\t数据来源 (统计年鉴/统计公报/内部统计/其他需明确的来源)\n\
\t\t\t\t\t\t\t标准值\t来源";

/// The template's fields in printed order.
const FIELDS: [&str; 15] = [
    "duty_no", "duty", "duty_goal", "indicator", "explanation", "target", "plan_value", "standard_value", "standard_source",
    "history_avg", "history_last", "history_source", "remarks", "activity", "budget_item",
];
const AVG: usize = 9;

fn gold() -> Vec<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/gold/linyi-science-budget-2020.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let doc: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    doc["tables"][0]["records"].as_array().cloned().unwrap_or_default()
}

/// A gold field as text; `{"uncertain": …}` and null are empty.
fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The clean rows: one per record, duty cells on the duty's first row only.
fn clean_rows(records: &[Value]) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut previous_duty = String::new();
    for r in records {
        let duty_no = text_of(&r["duty_no"]);
        let first = duty_no != previous_duty;
        previous_duty = duty_no;
        rows.push(
            FIELDS
                .iter()
                .enumerate()
                .map(|(k, f)| if k < 3 && !first { String::new() } else { text_of(&r[*f]) })
                .collect(),
        );
    }
    rows
}

/// Rows of the first column of each duty, in order.
fn duty_starts(rows: &[Vec<String>]) -> Vec<usize> {
    rows.iter().enumerate().filter(|(_, r)| r.first().is_some_and(|c| !c.is_empty())).map(|(i, _)| i).collect()
}

/// Inserts a wrap space inside the text, between two Chinese characters.
fn wrap_space(text: &str, die: u32) -> String {
    let chars: Vec<char> = text.chars().collect();
    let spots: Vec<usize> = (1..chars.len())
        .filter(|&i| chars.get(i - 1).is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(c)) && chars.get(i).is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(c)))
        .collect();
    if spots.is_empty() {
        return text.to_string();
    }
    let at = spots[die as usize % spots.len()];
    chars[..at].iter().chain([' '].iter()).chain(chars[at..].iter()).collect()
}

#[derive(Debug, Clone)]
struct Plan {
    collapse: Vec<bool>,
    centre_duty: Vec<bool>,
    wrap_spaces: Vec<u32>,
    wrap_row: Option<u32>,
    page_breaks: Vec<u32>,
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        prop::collection::vec(prop::bool::weighted(0.2), 36),
        prop::collection::vec(prop::bool::weighted(0.4), 11),
        prop::collection::vec(any::<u32>(), 0..6),
        prop::option::of(any::<u32>()),
        prop::collection::vec(any::<u32>(), 0..3),
    )
        .prop_map(|(collapse, centre_duty, wrap_spaces, wrap_row, page_breaks)| Plan {
            collapse,
            centre_duty,
            wrap_spaces,
            wrap_row,
            page_breaks,
        })
}

fn render(records: &[Value], plan: &Plan) -> String {
    let mut rows = clean_rows(records);
    // Duty text printed on the second row of its merged cell.
    let starts = duty_starts(&rows);
    for (k, &s) in starts.iter().enumerate() {
        let next = starts.get(k + 1).copied().unwrap_or(rows.len());
        if next - s >= 2 && plan.centre_duty.get(k).copied().unwrap_or(false) {
            for col in [1, 2] {
                let text = rows.get_mut(s).map(|r| std::mem::take(&mut r[col])).unwrap_or_default();
                if let Some(r) = rows.get_mut(s + 1) {
                    r[col] = text;
                }
            }
        }
    }
    // Wrap spaces in the longer texts.
    for (k, &die) in plan.wrap_spaces.iter().enumerate() {
        let i = die as usize % rows.len();
        let col = [2, 4, 8][k % 3];
        if let Some(cell) = rows.get_mut(i).and_then(|r| r.get_mut(col)) {
            *cell = wrap_space(cell, die / 7);
        }
    }
    // Rows lose their empty 均值 cell when something follows it.
    let mut printed: Vec<Vec<String>> = Vec::new();
    for (i, mut r) in rows.into_iter().enumerate() {
        let tail_filled = r.iter().skip(AVG + 1).any(|c| !c.is_empty());
        if plan.collapse.get(i).copied().unwrap_or(false) && r[AVG].is_empty() && tail_filled {
            r.remove(AVG);
        }
        printed.push(r);
    }
    let mut lines: Vec<String> = vec!["2020年部门预算整体绩效目标表".into(), String::new(), HEADER.into()];
    let wrap_at = plan.wrap_row.map(|d| d as usize % printed.len());
    let breaks: Vec<usize> = plan.page_breaks.iter().map(|&d| 1 + d as usize % (printed.len() - 1)).collect();
    for (i, r) in printed.iter().enumerate() {
        if breaks.contains(&i) {
            lines.push(String::new());
            lines.push(HEADER.into());
        }
        let mut cells = r.clone();
        let mut tail = None;
        if wrap_at == Some(i) {
            let expl: Vec<char> = cells[4].chars().collect();
            if expl.len() >= 8 {
                let cut = expl.len() / 2;
                cells[4] = expl[..cut].iter().collect();
                tail = Some(expl[cut..].iter().collect::<String>());
            }
        }
        lines.push(cells.join("\t"));
        if let Some(t) = tail {
            lines.push(format!("\t\t\t\t{t}"));
        }
    }
    lines.join("\n") + "\n"
}

fn field(r: &BudgetRecord, f: &str) -> String {
    let v = match f {
        "duty_no" => Some(r.duty_no.to_string()),
        "duty" => r.duty.clone(),
        "duty_goal" => r.duty_goal.clone(),
        "indicator" => r.indicator.clone(),
        "explanation" => r.explanation.clone(),
        "target" => r.target.clone(),
        "plan_value" => r.plan_value.clone(),
        "standard_value" => r.standard_value.clone(),
        "standard_source" => r.standard_source.clone(),
        "history_avg" => r.history_avg.clone(),
        "history_last" => r.history_last.clone(),
        "history_source" => r.history_source.clone(),
        "remarks" => r.remarks.clone(),
        "activity" => r.activity.clone(),
        "budget_item" => r.budget_item.clone(),
        _ => None,
    };
    v.unwrap_or_default()
}

fn check(records: &[Value], plan: &Plan) -> Result<(), TestCaseError> {
    let text = render(records, plan);
    let ex = extract_grid(&read_text(&text));
    let got = ex.tables.first().map(|t| t.records.budget().to_vec()).unwrap_or_default();
    let mut diffs = Vec::new();
    if got.len() != records.len() {
        diffs.push(format!("{} records, want {}", got.len(), records.len()));
    }
    for want in records {
        let id = text_of(&want["id"]);
        let Some(r) = got.iter().find(|r| r.id == id) else {
            diffs.push(format!("no record {id}"));
            continue;
        };
        for f in FIELDS {
            let (w, g) = (squash(&text_of(&want[f])), squash(&field(r, f)));
            if w != g {
                diffs.push(format!("{id} {f}: want '{w}', got '{g}'"));
            }
        }
    }
    if diffs.is_empty() {
        Ok(())
    } else {
        // The failing rendering, to run `zhibiao debug` on.
        let path = std::env::temp_dir().join("zhibiao-budget-roundtrip-failure.txt");
        let _ = std::fs::write(&path, &text);
        Err(TestCaseError::fail(format!("{}\n(rendering written to {})", diffs.join("\n"), path.display())))
    }
}

/// 64 cases; `ROUNDTRIP_CASES=5000` for a longer search.
fn config() -> ProptestConfig {
    let cases = std::env::var("ROUNDTRIP_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

#[test]
fn the_clean_rendering_reads_back_exactly() {
    let records = gold();
    assert_eq!(records.len(), 36);
    let none = Plan { collapse: vec![], centre_duty: vec![], wrap_spaces: vec![], wrap_row: None, page_breaks: vec![] };
    if let Err(e) = check(&records, &none) {
        panic!("{e}");
    }
}

/// Cell texts of every kind the template holds, for rows built at random.
const CELLS: &[&str] = &[
    "1", "2", "3", "12", "政策规划与依法行政", "拟订全市科技发展政策并监督实施。", "高新技术企业认定数量", "净增高新技术企业60家",
    "60家", "34.6%", "应做尽做", "完成", "建立4项", "1项管理办法", "2周/次", "20", "内部统计", "统计局统计",
    "《临沂市科技创新券实施管理办法（试行）》", "根据往年情况制定", "新增", "重点工作", "项目申报", "科技发展专项资金项目",
    "组织对接次数/对接企业数 10", "合 计", "5364万元",
];

/// At least two cells, so that the row has a TAB and reads as a table row (a line without one
/// is a paragraph of the notice).
fn random_row() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(prop::option::weighted(0.6, prop::sample::select(CELLS)), 2..17)
        .prop_map(|cells| cells.into_iter().map(|c| c.unwrap_or("").to_string()).collect())
}

/// A text as the output would hold it: folded, without white space.
fn folded(s: &str) -> String {
    squash(&zhibiao_normalize::text::fold_text(s))
}

proptest! {
    #![proptest_config(config())]

    /// Whatever the rows hold, the rebuild never panics and never drops a cell silently: each
    /// cell's text is in the output, in a record, the table or an issue.
    #[test]
    fn random_rows_lose_no_text(rows in prop::collection::vec(random_row(), 1..25)) {
        let body: Vec<String> = rows.iter().map(|r| r.join("\t")).collect();
        let text = format!("2020年部门预算整体绩效目标表\n\n{HEADER}\n{}\n", body.join("\n"));
        let ex = extract_grid(&read_text(&text));
        let out = folded(&format!(
            "{} {}",
            serde_json::to_string(&ex.tables).unwrap_or_default(),
            serde_json::to_string(&ex.issues).unwrap_or_default()
        ));
        for cell in rows.iter().flatten().filter(|c| !c.is_empty()) {
            let want = folded(cell);
            prop_assert!(out.contains(&want), "'{}' is nowhere in the output\n{}", cell, text);
        }
    }

    /// A collapsed row prints one cell fewer than the rows of its page: it is no witness of
    /// the table's columns (it once moved the tail 备注 → 工作活动 → 预算项目 of every record,
    /// holding the table's only 预算项目), and is placed on its own.
    #[test]
    fn broken_renderings_read_back_to_the_gold(plan in plan()) {
        let records = gold();
        check(&records, &plan)?;
    }
}
