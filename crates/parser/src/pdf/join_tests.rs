//! Joining pages: tables continued, rows cut, headers repeated, furniture left out.

use super::*;
use crate::grid::Cell;
use crate::pdf::geom::Rect;

fn line(text: &str, y: f32) -> PageItem {
    let bbox = Rect { x0: 100.0, y0: y, x1: 100.0 + 10.0 * text.chars().count() as f32, y1: y + 10.0 };
    PageItem::Line(Line { text: text.into(), bbox, size: 10.0, words: Vec::new() })
}

fn table(xs: &[f32], rows: &[&[&str]], y: f32) -> PageItem {
    let rows = rows
        .iter()
        .enumerate()
        .map(|(i, r)| TableRow { cells: r.iter().map(|t| Cell::text(*t)).collect(), y0: y + 20.0 * i as f32, y1: y + 20.0 * (i + 1) as f32 })
        .collect::<Vec<_>>();
    let bbox = Rect { x0: xs[0], y0: y, x1: xs[xs.len() - 1], y1: y + 20.0 * rows.len() as f32 };
    PageItem::Table(PageTable { bbox, xs: xs.to_vec(), rows, ruled: true, open_top: Vec::new() })
}

fn page(number: u32, items: Vec<PageItem>) -> PageLayout {
    PageLayout { number, size: (842.0, 595.0), items, lattices: Vec::new(), chars: 1, segments: 0, images: 0, scanned: false }
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
