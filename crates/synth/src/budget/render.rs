//! The document as OCR'd TAB text: a notice before the table (letterhead, 发文字号, title,
//! body, signature and date) or a bare table with its title and a 填报单位/填报日期 line; the
//! table title; the budget header in one of three layouts; the header and body page by page,
//! each page starting with the header repeated; and the rows after the table.
//!
//! Cells are separated by TAB and a table row is one line; prose paragraphs are separated by
//! blank lines. What the notice says that the gold needs (issuer, 发文字号, title, dates) is
//! returned beside the text, so the gold is written from what was printed, not re-derived.

use crate::dice::Dice;

use super::body::{space_number, Body};
use super::content::Content;
use super::layout::{insert_space, Layout};
use super::profile::Profile;
use super::variation::{Notes, Variation};
use super::vocab::{ADDRESSEES, NOTICE_BODIES, NOTICE_TITLES};

/// The notice fields as the gold has them.
#[derive(Debug, Clone, Default)]
pub struct NoticeFacts {
    pub issuer: Option<String>,
    pub doc_number: Option<String>,
    pub title: Option<String>,
    /// ISO date.
    pub date: Option<String>,
}

/// The text and what the gold needs from how it was printed.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub text: String,
    pub notice: NoticeFacts,
    /// The table title without wrap spaces.
    pub table_title: String,
    /// The 合计 row's amount, when one is printed.
    pub total_row: Option<f64>,
}

/// A day, printed `2021年1月15日`, kept as ISO `2021-01-15`.
#[derive(Debug, Clone, Copy)]
struct Day {
    y: i32,
    m: u32,
    d: u32,
}

impl Day {
    fn draw(d: &mut Dice, year: i32, months: (usize, usize)) -> Day {
        Day { y: year, m: d.range(months.0, months.1) as u32, d: d.range(1, 28) as u32 }
    }
    fn chinese(self) -> String {
        format!("{}年{}月{}日", self.y, self.m, self.d)
    }
    fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

/// Lines of the document; rows are padded to the table width or trimmed of trailing empties.
struct Out {
    lines: Vec<String>,
    width: usize,
    trimmed: bool,
}

impl Out {
    fn line(&mut self, s: impl Into<String>) {
        self.lines.push(s.into());
    }
    fn blank(&mut self) {
        self.lines.push(String::new());
    }
    fn row(&mut self, cells: &[String]) {
        let mut cells: Vec<&str> = cells.iter().map(String::as_str).collect();
        if self.trimmed {
            while cells.last().is_some_and(|s| s.is_empty()) {
                cells.pop();
            }
        } else {
            while cells.len() < self.width {
                cells.push("");
            }
            while cells.len() > self.width && cells.last().is_some_and(|s| s.is_empty()) {
                cells.pop();
            }
        }
        self.lines.push(cells.join("\t"));
    }
    fn cells(&mut self, cells: &[&str]) {
        let owned: Vec<String> = cells.iter().map(|s| s.to_string()).collect();
        self.row(&owned);
    }
}

/// The variations that put a notice before the table.
const NOTICE_VARIATIONS: [(Variation, bool); 8] = [
    (Variation::NoticeLetterhead, true),
    (Variation::NoticeLetterheadSpaced, true),
    (Variation::NoticeSignatureOnly, true),
    (Variation::NoticeDocNumber, true),
    (Variation::NoticeDocNumberBrackets, true),
    (Variation::NoticeTitleWrapped, true),
    (Variation::NoticeSignedYearBefore, true),
    (Variation::NoticeTableDateIgnored, true),
];

/// How the budget header is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Preamble {
    Separate,
    TwoPerRow,
    Grid,
}

pub fn render(d: &mut Dice, p: &Profile, c: &Content, layout: &Layout, body: &Body, notes: &mut Notes) -> Rendered {
    let trimmed = p.on(d, Variation::RowsTrailingTrimmed, 0.5);
    if trimmed {
        notes.add(Variation::RowsTrailingTrimmed, "rows end at their last non-empty cell (no trailing TABs)");
    }
    let mut out = Out { lines: Vec::new(), width: layout.width(), trimmed };
    let dept = c.dept.name.as_str();
    let year = c.year;

    let form = d.below(4);
    let table_title = match p.pick(form, 0, &[]) {
        0 => format!("{year}年部门预算整体绩效目标表"),
        1 => format!("{dept}{year}年部门预算整体绩效目标表"),
        2 => format!("{dept}{year}年度部门预算整体绩效目标表"),
        _ => format!("{year}年度部门预算整体绩效目标表"),
    };
    let mut printed_title = table_title.clone();
    if p.on(d, Variation::TableTitleSpace, 0.2) {
        if let Some(spaced) = insert_space(d, &table_title) {
            notes.add(Variation::TableTitleSpace, format!("the table title is printed `{spaced}`; the gold title has no space"));
            printed_title = spaced;
        }
    }

    let mut notice = NoticeFacts::default();
    // 填报单位/填报日期: a bare table's only date; after a notice it is not the signature date.
    let mut date_line: Option<(String, bool)> = None;
    let notice_roll = d.chance(0.65);
    if p.pick(notice_roll, false, &NOTICE_VARIATIONS) {
        let signed = notice_block(d, p, c, &mut out, &mut notice, notes);
        if p.on(d, Variation::NoticeTableDateIgnored, 0.2) {
            let filled = Day { d: signed.d.saturating_sub(d.range(1, 5) as u32).max(1), ..signed };
            notes.add(Variation::NoticeTableDateIgnored, format!("a 填报日期 {} is printed after the table; notice.date is the signature date {}", filled.chinese(), signed.chinese()));
            date_line = Some((filled_line(d, dept, filled), false));
        }
    } else {
        notes.add(Variation::BareTable, "a bare table: no letterhead, 发文字号, notice title or signature, so issuer, doc_number and title are null; year comes from the table title");
        if p.on(d, Variation::BareTableDate, 0.6) {
            let day = if d.chance(0.2) { Day::draw(d, year - 1, (11, 12)) } else { Day::draw(d, year, (1, 3)) };
            let before = d.chance(0.5);
            notes.add(Variation::BareTableDate, format!("a 填报单位/填报日期 line {} the table: notice.date is its date {}; issuer stays null (填报单位 is not a signature)", if before { "before" } else { "after" }, day.chinese()));
            notice.date = Some(day.iso());
            date_line = Some((filled_line(d, dept, day), before));
        }
    }

    out.blank();
    out.line(printed_title);
    out.blank();
    if let Some((line, true)) = &date_line {
        out.line(line.clone());
    }
    preamble(d, p, c, &mut out, notes);
    table(d, p, layout, body, &mut out, notes);

    let mut total_row = None;
    if p.on(d, Variation::TotalsRow, 0.12) {
        let mut cells = vec![String::new(); layout.width()];
        if let Some(first) = cells.first_mut() {
            *first = "合计".into();
        }
        if let Some(last) = cells.last_mut() {
            *last = c.budget.total.clone();
        }
        out.row(&cells);
        total_row = Some(c.budget.total_number);
        notes.add(Variation::TotalsRow, format!("a closing 合计 row prints the budget total {}: it is a declared total, not a record", c.budget.total));
    }
    if p.on(d, Variation::Footnote, 0.15) {
        out.line(*d.pick(&["说明：本表金额单位为万元；年度指标值为本年度计划完成值。", "说明：历史值为空的指标为本年度新设指标。", "注：标准值和历史值均无的，在备注栏说明原因。"]));
        notes.add(Variation::Footnote, "a footnote line after the table (说明/注): not a record");
    }
    if let Some((line, false)) = date_line {
        out.line(line);
    }
    out.blank();
    Rendered { text: out.lines.join("\n"), notice, table_title, total_row }
}

fn filled_line(d: &mut Dice, dept: &str, day: Day) -> String {
    match d.below(3) {
        0 => format!("填报单位：{dept}\t\t填报日期：{}", day.chinese()),
        1 => format!("填报单位（盖章）：{dept}\t\t\t填报日期：{}", day.chinese()),
        _ => format!("填报人：{}\t\t联系电话：{}\t\t填报日期：{}", d.pick(&["李伟", "王芳", "陈静", "刘洋", "周磊"]), phone(d), day.chinese()),
    }
}

fn phone(d: &mut Dice) -> String {
    format!("0{}-{}", d.range(310, 999), d.range(2_000_000, 8_999_999))
}

/// The notice before the table. Returns the signature date.
fn notice_block(d: &mut Dice, p: &Profile, c: &Content, out: &mut Out, notice: &mut NoticeFacts, notes: &mut Notes) -> Day {
    let dept = c.dept.name.as_str();
    let year = c.year;
    let signed = if p.on(d, Variation::NoticeSignedYearBefore, 0.2) { Day::draw(d, year - 1, (11, 12)) } else { Day::draw(d, year, (1, 4)) };
    if signed.y < year {
        notes.add(Variation::NoticeSignedYearBefore, format!("signed {} for the year {year}: notice.date is the signature date, notice.year the year the targets apply to", signed.chinese()));
    }
    notice.issuer = Some(dept.to_string());
    notice.date = Some(signed.iso());

    out.blank();
    let letterhead_roll = d.chance(0.65);
    let letterhead = p.pick(
        letterhead_roll,
        true,
        &[(Variation::NoticeSignatureOnly, false), (Variation::NoticeLetterhead, true), (Variation::NoticeLetterheadSpaced, true)],
    );
    let spaced_roll = p.on(d, Variation::NoticeLetterheadSpaced, 0.3);
    if letterhead {
        let head = format!("{dept}文件");
        if spaced_roll {
            let spaced: Vec<String> = head.chars().map(String::from).collect();
            out.line(spaced.join(" "));
            notes.add(Variation::NoticeLetterheadSpaced, format!("letterhead printed spaced `{}`: issuer {dept}, without 文件 or spaces", spaced.join(" ")));
        } else {
            out.line(head);
            notes.add(Variation::NoticeLetterhead, format!("letterhead `{dept}文件`: issuer {dept}"));
        }
        out.blank();
    } else {
        notes.add(Variation::NoticeSignatureOnly, format!("no letterhead: the issuer {dept} is read from the signature block"));
    }

    let number_roll = d.chance(if letterhead { 0.6 } else { 0.25 });
    let brackets_roll = p.on(d, Variation::NoticeDocNumberBrackets, 0.4);
    if p.pick(number_roll, false, &[(Variation::NoticeDocNumber, true), (Variation::NoticeDocNumberBrackets, true)]) {
        let suffix = *d.pick(&["发", "字", "函", "办发"]);
        let n = d.range(1, 120);
        let gold = format!("{}{suffix}〔{}〕{n}号", c.dept.doc_prefix, signed.y);
        let printed = if brackets_roll {
            let (open, close) = *d.pick(&[("（", "）"), ("[", "]"), ("［", "］"), ("【", "】"), ("〔", "〕")]);
            let spaced = d.chance(0.4);
            let gap = if spaced { " " } else { "" };
            let p = format!("{}{suffix}{gap}{open}{}{close}{gap}{n}{gap}号", c.dept.doc_prefix, signed.y);
            notes.add(Variation::NoticeDocNumberBrackets, format!("发文字号 printed `{p}`: the gold has 〔〕 and no spaces, `{gold}`"));
            p
        } else {
            gold.clone()
        };
        notes.add(Variation::NoticeDocNumber, format!("发文字号 {gold}"));
        out.line(printed);
        out.blank();
        notice.doc_number = Some(gold);
    }

    let title = d.pick(NOTICE_TITLES).replace("{dept}", dept).replace("{year}", &year.to_string());
    let chars: Vec<char> = title.chars().collect();
    if p.on(d, Variation::NoticeTitleWrapped, 0.25) && chars.len() > 16 {
        let cut = d.range(chars.len() / 2, chars.len() - 4);
        let head: String = chars.iter().take(cut).collect();
        let tail: String = chars.iter().skip(cut).collect();
        out.line(head.clone());
        out.line(tail.clone());
        notes.add(Variation::NoticeTitleWrapped, format!("the notice title is wrapped over two lines `{head}` / `{tail}`; the gold joins them"));
    } else {
        out.line(title.clone());
    }
    notice.title = Some(title);
    out.blank();
    out.line(*d.pick(ADDRESSEES));
    out.line(d.pick(NOTICE_BODIES).replace("{place}", &c.dept.place).replace("{year}", &year.to_string()));
    out.blank();
    out.line(format!("　　附件：{year}年部门预算整体绩效目标表"));
    out.blank();
    out.line(dept);
    out.line(signed.chinese());
    out.blank();
    out.blank();
    out.line(*d.pick(&["附件", "附件1", "附件："]));
    signed
}

/// The budget header: 部门名称, 部门整体预算总额, 资金来源, 资金结构 and 战略目标.
fn preamble(d: &mut Dice, p: &Profile, c: &Content, out: &mut Out, notes: &mut Notes) {
    let b = &c.budget;
    let numbered = |k: usize, paren: bool| if paren { format!("（{k}）") } else { format!("({k})") };
    let paren_roll = d.chance(0.7);
    let paren = p.pick(paren_roll, true, &[]);
    let mut total = b.total.clone();
    if p.on(d, Variation::NumberSpaces, 0.2) {
        if let Some(spaced) = space_number(d, &total) {
            notes.add(Variation::NumberSpaces, format!("budget header: 部门整体预算总额 printed `{spaced}` (the gold has `{}`)", b.total));
            total = spaced;
        }
    }
    if b.sources.iter().any(|s| s.amount.is_none()) {
        let blank: Vec<&str> = b.sources.iter().filter(|s| s.amount.is_none()).map(|s| s.name.as_str()).collect();
        notes.add(Variation::SourceAmountBlank, format!("资金来源 {} printed with no amount: amount null", blank.join(", ")));
    }
    if b.sources.first().is_some_and(|s| s.name != "财政拨款") {
        notes.add(Variation::SourceFirstNotFiscal, format!("the first 资金来源 is {}, not 财政拨款", b.sources.first().map(|s| s.name.as_str()).unwrap_or("")));
    }
    if b.sources.len() == 3 {
        notes.add(Variation::SourcesThree, "three 资金来源 items");
    }
    let amount = |s: &super::content::Source| s.amount.clone().unwrap_or_default();
    let structure = [("基本支出", b.basic.clone()), ("项目支出", b.project.clone())];
    let strategy_at;
    let natural = d.weighted(&[(38, Preamble::Separate), (37, Preamble::TwoPerRow), (25, Preamble::Grid)]);
    let in_cell = p.on(d, Variation::PreambleAmountInItemCell, 0.3);
    let layout = p.pick(
        natural,
        Preamble::Grid,
        &[
            (Variation::PreambleSeparateRows, Preamble::Separate),
            (Variation::PreambleTwoPerRow, Preamble::TwoPerRow),
            (Variation::PreambleAmountInItemCell, Preamble::Separate),
        ],
    );
    match layout {
        Preamble::Separate | Preamble::TwoPerRow => {
            if in_cell {
                notes.add(Variation::PreambleAmountInItemCell, "资金来源/资金结构 items print their amount in the item's cell (`（1）财政拨款 5000万元`); the gold splits name and amount");
            }
            let items = |label: &str, list: Vec<(String, String)>| -> Vec<String> {
                let mut cells = vec![label.to_string()];
                for (k, (name, amt)) in list.into_iter().enumerate() {
                    let head = format!("{}{name}", numbered(k + 1, paren));
                    if in_cell {
                        cells.push(if amt.is_empty() { head } else { format!("{head} {amt}") });
                    } else {
                        cells.push(head);
                        cells.push(amt);
                    }
                }
                cells
            };
            let sources = items("资金来源", b.sources.iter().map(|s| (s.name.clone(), amount(s))).collect());
            let structure = items("资金结构", structure.iter().map(|(n, a)| (n.to_string(), a.clone())).collect());
            if layout == Preamble::TwoPerRow && out.width >= sources.len() + structure.len() {
                notes.add(Variation::PreambleTwoPerRow, "budget header two items per row: 部门名称 with 部门整体预算总额, 资金来源 with 资金结构");
                out.cells(&["部门名称", &c.dept.name, "部门整体预算总额", &total]);
                let mut row = sources;
                row.extend(structure);
                out.row(&row);
            } else {
                notes.add(Variation::PreambleSeparateRows, "budget header one item per row");
                out.cells(&["部门名称", &c.dept.name]);
                out.cells(&["部门整体预算总额", &total]);
                out.row(&sources);
                out.row(&structure);
            }
            strategy_at = 1;
        }
        Preamble::Grid => {
            notes.add(Variation::PreambleFormGrid, "budget header as the printed form: 部门名称 and 部门整体预算总额 side by side, then 1. 资金来源 and 2. 资金结构 each with its items stacked in one column and the amount two cells right");
            let rows = b.sources.len().max(2);
            for k in 0..rows {
                let mut cells = vec![String::new(); 14];
                let mut put = |i: usize, s: String| {
                    if let Some(cell) = cells.get_mut(i) {
                        *cell = s;
                    }
                };
                if k == 0 {
                    put(0, "部门名称".into());
                    put(2, c.dept.name.clone());
                    put(3, "部门整体预算总额".into());
                    put(4, total.clone());
                }
                if let Some(s) = b.sources.get(k) {
                    let lead = if k == 0 { "1. 资金来源：" } else { "" };
                    put(6, format!("{lead}{}{}", numbered(k + 1, paren), s.name));
                    put(8, amount(s));
                }
                if let Some((name, amt)) = structure.get(k) {
                    let lead = if k == 0 { "2. 资金结构：" } else { "" };
                    put(10, format!("{lead}{}{name}", numbered(k + 1, paren)));
                    put(12, amt.clone());
                }
                out.row(&cells);
            }
            strategy_at = 2;
        }
    }
    let label_cells = if strategy_at == 2 { vec!["战略目标".to_string(), String::new()] } else { vec!["战略目标".to_string()] };
    let chars: Vec<char> = c.strategy.chars().collect();
    if p.on(d, Variation::WrapStrategy, 0.35) && chars.len() > 20 {
        let cut = d.range(chars.len() / 2, chars.len() * 4 / 5);
        let head: String = chars.iter().take(cut).collect();
        let tail: String = chars.iter().skip(cut).collect();
        let mut first = label_cells.clone();
        first.push(head);
        out.row(&first);
        let mut second = vec![String::new(); strategy_at];
        second.push(tail.clone());
        out.row(&second);
        notes.add(Variation::WrapStrategy, format!("战略目标 wrapped onto the next row, the tail `{tail}` in the same column; the gold joins them"));
    } else {
        let mut row = label_cells;
        row.push(c.strategy.clone());
        out.row(&row);
    }
}

/// The header and the body, page by page.
fn table(d: &mut Dice, p: &Profile, layout: &Layout, body: &Body, out: &mut Out, notes: &mut Notes) {
    let footer = p.on(d, Variation::PageFooterNumber, 0.5);
    let footer_form = d.below(3);
    let blank_roll = d.chance(0.5);
    let blank_between = p.pick(blank_roll, true, &[]);
    let shift_headers = p.on(d, Variation::PageHeaderShifted, 0.3) && body.pages.len() > 1;
    if footer {
        notes.add(Variation::PageFooterNumber, "each page ends with a page number line (`— 2 —`, `- 2 -` or `第2页`): not a record");
    }
    for (p, page) in body.pages.iter().enumerate() {
        if p > 0 {
            if blank_between {
                out.blank();
            }
            let mut header = layout.header.clone();
            if shift_headers && (p == 1 || d.chance(0.5)) {
                let r = d.below(header.len());
                if let Some(row) = header.get_mut(r) {
                    let empties: Vec<usize> = (0..row.len()).filter(|&i| row.get(i).is_some_and(|s| s.is_empty())).collect();
                    if d.chance(0.5) || empties.is_empty() {
                        let at = d.below(row.len());
                        row.insert(at, String::new());
                        notes.add(Variation::PageHeaderShifted, format!("the header repeated on page {} is printed shifted: header row {} gained an empty cell at column {}, its labels from there on stand one column right of their values", p + 1, r + 1, at + 1));
                    } else {
                        let at = *d.pick(&empties);
                        row.remove(at);
                        notes.add(Variation::PageHeaderShifted, format!("the header repeated on page {} is printed shifted: header row {} lost the empty cell at column {}, its labels from there on stand one column left of their values", p + 1, r + 1, at + 1));
                    }
                }
            }
            for row in &header {
                out.row(row);
            }
        } else {
            for row in &layout.header {
                out.row(row);
            }
        }
        for row in page {
            out.row(&row.cells);
        }
        if footer {
            let n = p + 1;
            out.line(match footer_form {
                0 => format!("— {n} —"),
                1 => format!("- {n} -"),
                _ => format!("第{n}页"),
            });
        }
    }
}
