//! Joining pages: tables continued, rows cut, headers repeated, furniture left out.

use super::*;
use crate::grid::Cell;
use crate::pdf::geom::Rect;
use crate::pdf::table::{Fill, TableRow};
use join_cells::{first_unit_width, flows_on, Flow};

fn line(text: &str, y: f32) -> PageItem {
    let bbox = Rect { x0: 100.0, y0: y, x1: 100.0 + 10.0 * text.chars().count() as f32, y1: y + 10.0 };
    PageItem::Line(Line { text: text.into(), bbox, size: 10.0, words: Vec::new() })
}

fn table(xs: &[f32], rows: &[&[&str]], y: f32) -> PageItem {
    let rows = rows
        .iter()
        .enumerate()
        .map(|(i, r)| TableRow::new(r.iter().map(|t| Cell::text(*t)).collect(), y + 20.0 * i as f32, y + 20.0 * (i + 1) as f32))
        .collect::<Vec<_>>();
    let bbox = Rect { x0: xs[0], y0: y, x1: xs[xs.len() - 1], y1: y + 20.0 * rows.len() as f32 };
    PageItem::Table(PageTable { bbox, xs: xs.to_vec(), rows, ruled: true, open_top: Vec::new() })
}

fn page(number: u32, items: Vec<PageItem>) -> PageLayout {
    PageLayout { number, size: (842.0, 595.0), items, lattices: Vec::new(), chars: 1, segments: 0, images: 0, clipped: 0, scanned: false }
}

fn rows(j: &Joined) -> Vec<Vec<String>> {
    j.blocks.iter().filter_map(|b| if let Block::Row(r) = b { Some(r.cells.iter().map(|c| c.text.clone()).collect()) } else { None }).collect()
}

const XS: [f32; 4] = [50.0, 100.0, 300.0, 400.0];
const HEAD: &[&str] = &["序号", "二级指标", "权重"];

#[test]
fn a_table_continued_on_the_next_page_is_one_with_its_header_once() {
    let pages = [
        page(1, vec![line("标题", 40.0), table(&XS, &[HEAD, &["1-1-1", "甲", "2"]], 100.0), line("- 1 -", 560.0)]),
        page(2, vec![table(&XS, &[HEAD, &["1-1-2", "乙", "3"]], 50.0), line("- 2 -", 560.0)]),
    ];
    let j = assemble(&pages, &JoinSettings::default());
    assert_eq!(rows(&j), [vec!["序号", "二级指标", "权重"], vec!["1-1-1", "甲", "2"], vec!["1-1-2", "乙", "3"]]);
    let paragraphs: Vec<_> = j.blocks.iter().filter_map(|b| if let Block::Paragraph(p) = b { Some(p.text.as_str()) } else { None }).collect();
    assert_eq!(paragraphs, ["标题"], "page numbers are left out");
    // Each row keeps its page.
    let pages_of: Vec<_> = j.blocks.iter().filter_map(|b| if let Block::Row(r) = b { r.pos.page } else { None }).collect();
    assert_eq!(pages_of, [1, 1, 2]);
}

#[test]
fn a_row_cut_by_the_page_break_is_joined_to_its_start() {
    let pages = [
        page(1, vec![table(&XS, &[HEAD, &["1-1-1", "组织开展", "2"]], 100.0)]),
        page(2, vec![table(&XS, &[&["", "集成电路", ""], &["1-1-2", "乙", "3"]], 50.0)]),
    ];
    let j = assemble(&pages, &JoinSettings::default());
    assert_eq!(rows(&j)[1], ["1-1-1", "组织开展\n集成电路", "2"]);
    assert_eq!(rows(&j).len(), 3);
}

#[test]
fn a_continuation_mark_joins_a_table_whose_columns_moved() {
    let moved = [60.0, 110.0, 310.0, 410.0];
    let pages = [
        page(1, vec![table(&XS, &[HEAD, &["1-1-1", "甲", "2"]], 100.0)]),
        page(2, vec![line("续表", 30.0), table(&moved, &[&["1-1-2", "乙", "3"]], 50.0)]),
    ];
    assert_eq!(rows(&assemble(&pages, &JoinSettings::default())).len(), 3);
    // Without the mark, other columns are another table.
    let pages = [
        page(1, vec![table(&XS, &[HEAD, &["1-1-1", "甲", "2"]], 100.0)]),
        page(2, vec![table(&moved, &[&["1-1-2", "乙", "3"]], 50.0)]),
    ];
    let j = assemble(&pages, &JoinSettings::default());
    assert!(j.notes.iter().all(|n| !n.contains("continues")), "{:?}", j.notes);
}

#[test]
fn prose_between_tables_keeps_them_apart() {
    let pages = [
        page(1, vec![table(&XS, &[HEAD, &["1-1-1", "甲", "2"]], 100.0), line("说明：以上指标", 500.0)]),
        page(2, vec![table(&XS, &[HEAD, &["1-1-2", "乙", "3"]], 50.0)]),
    ];
    let j = assemble(&pages, &JoinSettings::default());
    assert_eq!(rows(&j).len(), 4, "{:?}", j.notes);
}

#[test]
fn page_numbers_and_continuation_marks() {
    for t in ["- 3 -", "第 3 页", "第3页 共12页", "3/12", "12", "— 2 —"] {
        assert!(is_page_number(t), "{t}");
    }
    for t in ["2021年", "1-3-2", "附件1", "泉州市科学技术局"] {
        assert!(!is_page_number(t), "{t}");
    }
    assert!(is_continuation_mark("续表"));
    assert!(is_continuation_mark("附件1（续）"));
    assert!(!is_continuation_mark("继续推进"));
}

/// A ruled table written as `zhibiao debug` prints cells: `↑` a slot covered by the merged
/// cell above, `↓N` after the text a cell spanning N rows, `¶N` a last line with room for N
/// more characters, `▼` text that runs to the cell's bottom.
fn ruled(xs: &[f32], rows: &[&[&str]], y: f32) -> PageItem {
    let rows = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut row = TableRow::new(Vec::new(), y + 20.0 * i as f32, y + 20.0 * (i + 1) as f32);
            for spec in r.iter() {
                if *spec == "↑" {
                    let mut cell = Cell::text("");
                    cell.merged_from_above = true;
                    row.cells.push(cell);
                    row.fill.push(Fill::default());
                    continue;
                }
                // `✂` a line across a rule; `✄` text cut off inside its cell (full, unfinished).
                let crosses_rule = spec.ends_with('✂');
                let filled_up = spec.ends_with('✄');
                let spec = spec.trim_end_matches(['✂', '✄']);
                let to_bottom = spec.ends_with('▼') || filled_up;
                let spec = spec.trim_end_matches('▼');
                let (spec, room_after) = match spec.split_once('¶') {
                    Some((t, n)) => (t, n.parse().unwrap_or(0.0)),
                    None => (spec, 0.0),
                };
                let (text, span) = match spec.split_once('↓') {
                    Some((t, n)) => (t, n.parse().unwrap_or(1)),
                    None => (spec, 1),
                };
                let mut cell = Cell::text(text);
                cell.row_span = span;
                row.cells.push(cell);
                let lines = if filled_up { 2 } else { text.lines().count() };
                row.fill.push(Fill { room_after, to_bottom, crosses_rule, lines, ..Default::default() });
            }
            row
        })
        .collect::<Vec<_>>();
    let bbox = Rect { x0: xs[0], y0: y, x1: xs[xs.len() - 1], y1: y + 20.0 * rows.len() as f32 };
    PageItem::Table(PageTable { bbox, xs: xs.to_vec(), rows, ruled: true, open_top: Vec::new() })
}

const XS4: [f32; 5] = [50.0, 100.0, 150.0, 300.0, 400.0];
const LABEL_HEAD: &[&str] = &["项目", "序号", "目标内容", "责任人"];

/// Two pages of a 行政能力 table whose group label closes page 1 (`above`) and whose next
/// group's label, or the rest of it, opens page 2 (`below`).
fn label_pages(above: &str, below: &str) -> Joined {
    let pages = [
        page(1, vec![ruled(&XS4, &[LABEL_HEAD, &[above, "4-5", "甲", "林"], &["↑", "4-6", "乙", "林"]], 100.0)]),
        page(2, vec![ruled(&XS4, &[LABEL_HEAD, &[below, "4-7", "丙", "林"], &["↑", "4-8", "丁", "林"]], 50.0)]),
    ];
    assemble(&pages, &JoinSettings::default())
}

#[test]
fn a_label_whose_last_line_is_short_ended_at_the_page_break() {
    // `政` alone under `依法行`: the label ended; `高效行政` is the next group's own.
    let j = label_pages("依法行\n政↓2¶2", "高效行\n政↓2");
    let labels: Vec<String> = rows(&j).iter().map(|r| r[0].clone()).collect();
    assert_eq!(labels, ["项目", "依法行\n政", "", "高效行\n政", ""], "{:?}", j.notes);
}

#[test]
fn a_label_whose_last_line_is_full_flows_on_to_the_next_page() {
    // LibreOffice flows a label's text on: `科学行` fills its line, `政` goes on.
    let j = label_pages("科学行↓2", "政↓2");
    let labels: Vec<String> = rows(&j).iter().map(|r| r[0].clone()).collect();
    assert_eq!(labels, ["项目", "科学行\n政", "", "", ""], "{:?}", j.notes);
    // A last line with room for less than what opens the next page is full too: `P30）。`
    // cannot be split, so `…工作要点` stopped three characters short.
    assert_eq!(flows_on("保护工作要点", "P30）。（5分）", true, false, false), Flow::On);
    assert!(first_unit_width("P30）。（5分）") > 3.0);
    assert_eq!(first_unit_width("高效行\n政"), 1.0);
}

const LIST_HEAD: &[&str] = &["序号", "文件依据", "二级指标", "责任人"];

/// A table whose 文件依据 cell (merged over 1-6-1 … 1-6-3) is cut by the page break after
/// 1-6-1, with the 责任人 cells `above` (closing page 1) and `below` (the rows of page 2).
fn list_pages(above: &str, own_above: &str, below: [&str; 2]) -> Joined {
    let pages = [
        page(1, vec![ruled(&XS4, &[LIST_HEAD, &["1-6-1", "福清市人民政府办公室关于印发▼", own_above, above]], 100.0)]),
        page(
            2,
            vec![ruled(
                &XS4,
                &[LIST_HEAD, &["1-6-2", "目标任务的通知（融政办〔2017〕13号）↓2", "开工建设引调水工程。", below[0]], &["1-6-3", "↑", "完成病险水库除险加固。", below[1]]],
                50.0,
            )],
        ),
    ];
    assemble(&pages, &JoinSettings::default())
}

#[test]
fn a_list_cell_with_the_rows_of_a_merged_cell_that_goes_on_is_its_neighbour_cut_by_the_break() {
    let j = list_pages("黄晨\n高菁▼", "推进水库工程建设，完成大坝\n填筑。▼", ["徐艳昊↓2", "↑"]);
    let got = rows(&j);
    assert_eq!(got[1], ["1-6-1", "福清市人民政府办公室关于印发\n目标任务的通知（融政办〔2017〕13号）", "推进水库工程建设，完成大坝\n填筑。", "黄晨\n高菁\n徐艳昊"]);
    assert_eq!(got[2][3], "", "covered by the joined cell");
    // A judgement: reported on the indicator, naming the field from the column's header.
    let issue = j.issues.iter().find(|i| i.code == "page_break_list_joined").unwrap_or_else(|| panic!("{:?}", j.issues));
    assert_eq!(issue.severity, zhibiao_model::Severity::Warning);
    assert_eq!(issue.record.as_deref(), Some("1-6"));
    assert_eq!(issue.fields, ["persons"]);
    assert!(issue.message.contains("责任人") && issue.message.contains("文件依据"), "{}", issue.message);
    assert_eq!(issue.location.as_ref().and_then(|l| l.page), Some(2));
}

#[test]
fn a_list_cell_of_other_rows_than_the_merged_cell_that_goes_on_is_a_cell_of_its_own() {
    // Each row has its own 责任人: the first one on page 2 covers one row, the 文件依据 two.
    let j = list_pages("黄晨\n高菁▼", "推进水库工程建设。▼", ["徐艳昊", "陈宇"]);
    let persons: Vec<String> = rows(&j).iter().map(|r| r[3].clone()).collect();
    assert_eq!(persons, ["责任人", "黄晨\n高菁", "徐艳昊", "陈宇"]);
    assert!(j.issues.is_empty(), "{:?}", j.issues);
    // The same rows, but the list alone fills its row: it set the row's height, so it is
    // that row's own, not a cell cut at the bottom of a row something else filled.
    let j = list_pages("黄晨\n高菁▼", "推进水库工程建设。", ["徐艳昊↓2", "↑"]);
    assert_eq!(rows(&j)[2][3], "徐艳昊", "{:?}", j.notes);
    // The list does not reach the bottom of its cell: it ended there.
    let j = list_pages("黄晨\n高菁", "推进水库工程建设。▼", ["徐艳昊↓2", "↑"]);
    assert_eq!(rows(&j)[2][3], "徐艳昊", "{:?}", j.notes);
    // A list does not name anyone twice: `高菁` on both sides makes two lists.
    let j = list_pages("黄晨\n高菁▼", "推进水库工程建设。▼", ["高菁\n徐艳昊↓2", "↑"]);
    assert_eq!(rows(&j)[2][3], "高菁\n徐艳昊", "{:?}", j.notes);
    assert!(j.issues.is_empty(), "{:?}", j.issues);
}

fn cut_off_records(j: &Joined) -> Vec<String> {
    j.issues.iter().filter(|i| i.code == "pdf_text_cut_off").filter_map(|i| i.record.clone()).collect()
}

#[test]
fn text_a_fixed_row_height_cut_off_is_reported_on_its_rows() {
    let table = |second: &'static str| {
        let pages = [page(
            1,
            vec![ruled(
                &XS,
                &[HEAD, &["1-1-1", "组织申报高新技术企业，计划新增✂", "2"], &["1-1-2", second, "1"], &["1-1-3", "组织开展培训。", "1"]],
                100.0,
            )],
        )];
        assemble(&pages, &JoinSettings::default())
    };
    // A line across a rule: the rows have fixed heights; a cell full to its bottom that stops
    // mid-sentence is cut too. The last row of the page is left alone: a page break cuts the
    // same way.
    assert_eq!(cut_off_records(&table("推进科技特派员制度，促进✄")), ["1-1-1", "1-1-2"]);
    assert_eq!(cut_off_records(&table("推进科技特派员制度。")), ["1-1-1"]);
}

#[test]
fn a_full_cell_in_a_table_whose_rows_grow_with_their_text_is_no_cut() {
    // Without a line across a rule, the tallest cell of every row fills it.
    let pages = [page(1, vec![ruled(&XS, &[HEAD, &["1-1-1", "推进科技特派员制度，促进✄", "2"], &["1-1-2", "组织开展培训。", "1"]], 100.0)])];
    assert!(cut_off_records(&assemble(&pages, &JoinSettings::default())).is_empty());
}

const REMARK_HEAD: &[&str] = &["序号", "二级指标", "权重", "备注"];

/// A table whose last row on page 1 has the remark `above`, over page 2's rows with blanks.
fn remark_pages(rows_above: &[&[&str]]) -> Joined {
    let mut first: Vec<&[&str]> = vec![REMARK_HEAD];
    first.extend_from_slice(rows_above);
    let pages = [
        page(1, vec![ruled(&XS4, &first, 100.0)]),
        page(2, vec![ruled(&XS4, &[REMARK_HEAD, &["1-7-3", "推进水厂扩建工程建设。", "3", ""], &["1-8-1", "完成水土保持治理。", "2", ""]], 50.0)]),
    ];
    assemble(&pages, &JoinSettings::default())
}

#[test]
fn a_blank_under_a_last_row_remark_in_a_column_most_rows_leave_empty_is_its_own() {
    let j = remark_pages(&[&["1-7-1", "完成农村供水工程建设改造。", "1", ""], &["1-7-2", "农村自来水普及率达到91%以上。", "2.5", "媒体佐证：省级"]]);
    let got = rows(&j);
    assert_eq!(got[2][3], "媒体佐证：省级");
    assert_eq!(covered(&j, 3, 3), Some(false), "1-7-3 keeps its own blank: {:?}", j.notes);
}

/// Whether the cell at (`row`, `col`) of the joined grid is covered by the cell above.
fn covered(j: &Joined, row: usize, col: usize) -> Option<bool> {
    let grid: Vec<&GridRow> = j.blocks.iter().filter_map(|b| if let Block::Row(r) = b { Some(r) } else { None }).collect();
    grid.get(row).and_then(|r| r.cells.get(col)).map(|c| c.merged_from_above)
}

#[test]
fn a_blank_under_a_column_every_row_fills_continues_the_cell_above() {
    // Every row has a remark of its own: a blank under the break is the merged cell going on.
    let j = remark_pages(&[&["1-7-1", "完成农村供水工程建设改造。", "1", "甲"], &["1-7-2", "农村自来水普及率达到91%以上。", "2.5", "乙"]]);
    assert_eq!(covered(&j, 3, 3), Some(true), "a merged cell going on: {:?}", j.notes);
    assert!(j.notes.iter().any(|n| n.contains("continue from the previous page")), "{:?}", j.notes);
}
