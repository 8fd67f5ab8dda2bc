//! The DOCX reader on small packages built here, one feature of WordprocessingML at a time.
//! Whole documents from Word, WPS and LibreOffice are tested end to end in `tests/docx.rs`.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::*;
use crate::grid::{Block, GridRow};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A package holding `parts` (name, content), stored or deflated.
fn package(parts: &[(&str, &[u8])], method: CompressionMethod) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(method);
    for (name, data) in parts {
        zip.start_file(*name, opts).expect("start part");
        zip.write_all(data).expect("write part");
    }
    zip.finish().expect("finish zip").into_inner()
}

/// A DOCX whose body is `body` (inner XML of `w:body`), `w` bound as usual.
fn docx(body: &str) -> Vec<u8> {
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body}</w:body></w:document>"#
    );
    package(&[("word/document.xml", xml.as_bytes())], CompressionMethod::Stored)
}

fn grid(body: &str) -> SourceGrid {
    read_docx(&docx(body)).expect("a readable docx")
}

fn paragraphs(g: &SourceGrid) -> Vec<&str> {
    g.paragraphs().map(|p| p.text.as_str()).collect()
}

fn rows(g: &SourceGrid) -> Vec<&GridRow> {
    g.blocks.iter().filter_map(|b| if let Block::Row(r) = b { Some(r) } else { None }).collect()
}

fn texts(r: &GridRow) -> Vec<&str> {
    r.cells.iter().map(|c| c.text.as_str()).collect()
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

fn tc(props: &str, content: &str) -> String {
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>")
}

fn fault_of(bytes: &[u8]) -> (Option<String>, Option<u64>, DocxFault) {
    match read_docx(bytes) {
        Err(ReadErrorKind::Docx { part, offset, fault }) => (part, offset, fault),
        other => panic!("expected a DOCX error, got {other:?}"),
    }
}

#[test]
fn runs_join_into_paragraph_text() {
    let g = grid(concat!(
        // Split runs, proofing marks and bookmarks between them.
        r#"<w:p><w:r><w:t>泉州</w:t></w:r><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="a"/><w:r><w:rPr><w:b/></w:rPr><w:t>市科学技术局文件</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>"#,
        // A tab, a line break, a carriage return, a non-breaking hyphen, entities.
        r#"<w:p><w:r><w:t>附件：</w:t><w:tab/><w:t>甲</w:t><w:br/><w:t>乙</w:t><w:cr/><w:t>1</w:t><w:noBreakHyphen/><w:t>2 &amp; 3 &#x4E2D;</w:t></w:r></w:p>"#,
        // Tab stops in the paragraph properties are not text.
        r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>无制表</w:t></w:r></w:p>"#,
    ));
    assert_eq!(paragraphs(&g), ["泉州市科学技术局文件", "附件： 甲\n乙\n1-2 & 3 中", "无制表"]);
    assert!(g.spans_known);
    assert!(g.issues.is_empty(), "{:?}", g.issues);
}

#[test]
fn empty_paragraphs_and_page_breaks_are_breaks_numbered_in_order() {
    let g = grid(&format!(r#"{}<w:p/>{}<w:p><w:r><w:br w:type="page"/></w:r></w:p>{}"#, p("一"), p("二"), p("三")));
    let kinds: Vec<(u32, &str)> = g
        .blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => (p.pos.line, p.text.as_str()),
            Block::Break(pos) => (pos.line, "—"),
            Block::Row(r) => (r.pos.line, "row"),
        })
        .collect();
    assert_eq!(kinds, [(1, "一"), (2, "—"), (3, "二"), (4, "—"), (5, "—"), (6, "三")]);
}

#[test]
fn fields_hyperlinks_and_content_controls_read_as_their_text() {
    let g = grid(concat!(
        r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \@ "yyyy年M月d日" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2019年7月12日</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
        r#"<w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>第</w:t></w:r></w:fldSimple><w:hyperlink r:id="rId9"><w:r><w:t>链接</w:t></w:r></w:hyperlink></w:p>"#,
        r#"<w:sdt><w:sdtPr><w:alias w:val="标题"/><w:placeholder><w:docPart w:val="x"/></w:placeholder><w:text/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>控件内容</w:t></w:r></w:p></w:sdtContent></w:sdt>"#,
        r#"<w:p><w:smartTag w:uri="u" w:element="place"><w:r><w:t>智能</w:t></w:r></w:smartTag><w:customXml w:element="x"><w:r><w:t>标记</w:t></w:r></w:customXml></w:p>"#,
    ));
    assert_eq!(paragraphs(&g), ["2019年7月12日", "第链接", "控件内容", "智能标记"]);
}

#[test]
fn tracked_changes_read_as_accepted() {
    let g = grid(concat!(
        r#"<w:p><w:r><w:t>完成</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>三项</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>五项</w:t></w:r></w:ins><w:moveFrom w:id="3"><w:r><w:t>旧处</w:t></w:r></w:moveFrom><w:moveTo w:id="4"><w:r><w:t>工作</w:t></w:r></w:moveTo></w:p>"#,
        r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>留</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:trPr><w:del w:id="5" w:author="a"/></w:trPr><w:tc><w:p><w:r><w:t>删行</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
    ));
    assert_eq!(paragraphs(&g), ["完成五项工作"]);
    let rows = rows(&g);
    assert_eq!(rows.len(), 1);
    assert_eq!(texts(rows[0]), ["留"]);
    let i = g.issues.iter().find(|i| i.code == "tracked_changes").expect("tracked changes are said");
    assert!(i.message.contains("2 insertion(s) kept, 3 deletion(s) left out"), "{}", i.message);
}

#[test]
fn alternate_content_and_text_boxes_are_read_once_before_their_anchor() {
    let textbox = |ns: &str| format!("<{ns}><w:txbxContent>{}</w:txbxContent></{ns}>", p("泉州市科学技术局文件"));
    let g = grid(&format!(
        r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>{}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>{}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>泉科〔2019〕170号</w:t></w:r></w:p>"#,
        textbox("wps:wsp"),
        textbox("v:shape")
    ));
    assert_eq!(paragraphs(&g), ["泉州市科学技术局文件", "泉科〔2019〕170号"]);
    // Without a Choice the Fallback is read.
    let g = grid(&format!(r#"<w:p><w:r><mc:AlternateContent><mc:Fallback><w:pict><v:textbox>{}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#, textbox("v:shape")));
    assert_eq!(paragraphs(&g), ["泉州市科学技术局文件"]);
}

#[test]
fn any_prefix_or_the_default_namespace_reads_the_same() {
    let body = "<ns0:body><ns0:p><ns0:r><ns0:t>文件</ns0:t></ns0:r></ns0:p></ns0:body>";
    let xml = format!(r#"<ns0:document xmlns:ns0="{W}">{body}</ns0:document>"#);
    let g = read_docx(&package(&[("word/document.xml", xml.as_bytes())], CompressionMethod::Deflated)).unwrap();
    assert_eq!(paragraphs(&g), ["文件"]);
    let xml = format!(r#"<document xmlns="{W}"><body><p><r><t>文件</t></r></p></body></document>"#);
    let g = read_docx(&package(&[("word/document.xml", xml.as_bytes())], CompressionMethod::Stored)).unwrap();
    assert_eq!(paragraphs(&g), ["文件"]);
    // Strict OOXML's namespace too; an element of another namespace named `t` is not text.
    let xml = r#"<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main" xmlns:x="urn:other"><w:body><w:p><w:r><w:t>严格</w:t><x:t>外</x:t></w:r></w:p></w:body></w:document>"#;
    let g = read_docx(&package(&[("word/document.xml", xml.as_bytes())], CompressionMethod::Stored)).unwrap();
    assert_eq!(paragraphs(&g), ["严格"]);
}

#[test]
fn symbols_map_to_unicode_or_are_reported() {
    let g = grid(concat!(
        r#"<w:p><w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:t>完成</w:t><w:sym w:font="Symbol" w:char="F0B3"/><w:t>95%</w:t></w:r></w:p>"#,
        r#"<w:p><w:r><w:sym w:font="Webdings" w:char="F021"/><w:t>未知</w:t></w:r></w:p>"#,
    ));
    assert_eq!(paragraphs(&g), ["✓完成≥95%", "未知"]);
    let i = g.issues.iter().find(|i| i.code == "symbol_unmapped").expect("unmapped symbol reported");
    assert!(i.message.contains("1 symbol") && i.message.contains("Webdings"), "{}", i.message);
}

#[test]
fn grid_spans_keep_positions_as_grid_columns() {
    let g = grid(&format!(
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>\
         <w:tr><w:trPr><w:tblHeader/></w:trPr>{}{}{}</w:tr>\
         <w:tr>{}{}{}{}</w:tr>\
         <w:tr><w:trPr><w:gridBefore w:val=\"1\"/><w:gridAfter w:val=\"1\"/></w:trPr>{}{}</w:tr></w:tbl>",
        tc(r#"<w:gridSpan w:val="2"/>"#, &p("项目")),
        tc("", &p("权重")),
        tc("", &p("备注")),
        tc("", &p("一")),
        tc("", &p("二")),
        tc("", &p("1")),
        tc("", "<w:p/>"),
        tc("", &p("乙")),
        tc("", &p("2")),
    ));
    let rows = rows(&g);
    assert_eq!(texts(rows[0]), ["项目", "", "权重", "备注"]);
    assert_eq!((rows[0].cells[0].col_span, rows[0].cells[1].merged_from_left), (2, true));
    assert!(rows[0].header_marked && !rows[1].header_marked);
    assert_eq!(texts(rows[1]), ["一", "二", "1", ""]);
    assert_eq!(texts(rows[2]), ["", "乙", "2", ""]);
}

#[test]
fn vertical_merges_become_row_spans() {
    let restart = r#"<w:vMerge w:val="restart"/>"#;
    let cont = "<w:vMerge/>";
    let g = grid(&format!(
        "<w:tbl>\
         <w:tr>{}{}{}</w:tr>\
         <w:tr>{}{}{}</w:tr>\
         <w:tr>{}{}{}</w:tr>\
         <w:tr>{}{}{}</w:tr></w:tbl>",
        tc(restart, &p("文件依据")),
        tc("", &p("1-1-1")),
        tc(restart, &p("陈建兴")),
        tc(cont, "<w:p/>"),
        tc("", &p("1-1-2")),
        // A covered cell a writer left text in: the text goes to the cell that shows.
        tc(cont, &p("张劲松")),
        tc(cont, "<w:p/>"),
        tc("", &p("1-1-3")),
        tc("", &p("林清京")),
        tc("", &p("新")),
        tc("", &p("1-2-1")),
        // A continue with nothing open above is an ordinary cell.
        tc(cont, &p("孤")),
    ));
    let rows = rows(&g);
    assert_eq!(rows.len(), 4);
    let first = &rows[0].cells;
    assert_eq!((first[0].row_span, first[2].row_span), (3, 2));
    assert_eq!(first[2].text, "陈建兴\n张劲松");
    assert!(rows[1].cells[0].merged_from_above && rows[2].cells[0].merged_from_above);
    assert!(!rows[2].cells[2].merged_from_above);
    assert_eq!(texts(rows[3]), ["新", "1-2-1", "孤"]);
    assert!(!rows[3].cells[0].merged_from_above && !rows[3].cells[2].merged_from_above);
    // Rows a merge covers are consecutive lines.
    let lines: Vec<u32> = rows.iter().map(|r| r.pos.line).collect();
    assert_eq!(lines, [1, 2, 3, 4]);
}

#[test]
fn a_row_without_a_cell_in_a_column_ends_the_merge_there() {
    let g = grid(&format!(
        "<w:tbl><w:tr>{}{}</w:tr><w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
        tc(r#"<w:vMerge w:val="restart"/>"#, &p("甲")),
        tc("", &p("1")),
        tc("", &p("2")),
        tc("<w:vMerge/>", &p("乙")),
        tc("", &p("3")),
    ));
    let rows = rows(&g);
    assert_eq!(rows[0].cells[0].row_span, 1);
    assert_eq!(texts(rows[2]), ["乙", "3"]);
    assert!(!rows[2].cells[0].merged_from_above);
}

#[test]
fn legacy_horizontal_merge_is_a_column_span() {
    let g = grid(&format!(
        "<w:tbl><w:tr>{}{}{}</w:tr></w:tbl>",
        tc(r#"<w:hMerge w:val="restart"/>"#, &p("合计")),
        tc("<w:hMerge/>", "<w:p/>"),
        tc("", &p("80")),
    ));
    let rows = rows(&g);
    assert_eq!(texts(rows[0]), ["合计", "", "80"]);
    assert_eq!((rows[0].cells[0].col_span, rows[0].cells[1].merged_from_left), (2, true));
}

#[test]
fn a_layout_table_is_unwrapped_and_a_nested_table_read_as_text() {
    let names = format!("<w:tbl><w:tr>{}</w:tr><w:tr>{}</w:tr></w:tbl><w:p/>", tc("", &p("陈君伟")), tc("", &p("王少雄")));
    let inner = format!("<w:tbl><w:tr>{}{}</w:tr></w:tbl><w:p/>", tc("", &p("1-5-1")), tc("", &names));
    let g = grid(&format!("<w:tbl><w:tr>{}</w:tr></w:tbl>", tc("", &format!("{}{inner}", p("标题")))));
    assert_eq!(paragraphs(&g), ["标题"]);
    let rows = rows(&g);
    assert_eq!(rows.len(), 1);
    assert_eq!(texts(rows[0]), ["1-5-1", "陈君伟\n王少雄"]);
    let i = g.issues.iter().find(|i| i.code == "nested_table_read_as_text").expect("said");
    assert_eq!(i.location.as_ref().and_then(|l| l.column), Some(1));
}

#[test]
fn page_headers_come_first_and_page_numbers_are_left_out() {
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://x" TargetMode="External"/></Relationships>"#;
    let doc = format!(
        r#"<w:document xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{}<w:sectPr><w:headerReference w:type="default" r:id="rId1"/><w:headerReference w:type="first" r:id="rId1"/><w:footerReference w:type="default" r:id="rId2"/></w:sectPr></w:body></w:document>"#,
        p("泉科〔2019〕170号")
    );
    let header = format!(r#"<w:hdr xmlns:w="{W}">{}</w:hdr>"#, p("泉州市科学技术局文件"));
    let footer = format!(r#"<w:ftr xmlns:w="{W}">{}{}</w:ftr>"#, p("- 1 -"), p("泉州市科学技术局办公室"));
    let bytes = package(
        &[
            ("word/document.xml", doc.as_bytes()),
            ("word/_rels/document.xml.rels", rels.as_bytes()),
            ("word/header1.xml", header.as_bytes()),
            ("word/footer1.xml", footer.as_bytes()),
        ],
        CompressionMethod::Deflated,
    );
    let g = read_docx(&bytes).unwrap();
    assert_eq!(paragraphs(&g), ["泉州市科学技术局文件", "泉科〔2019〕170号", "泉州市科学技术局办公室"]);
}

#[test]
fn the_main_part_is_found_through_the_package_relationships() {
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>"#;
    let doc = format!(r#"<w:document xmlns:w="{W}"><w:body>{}</w:body></w:document>"#, p("第二"));
    let bytes = package(&[("_rels/.rels", rels.as_bytes()), ("word/document2.xml", doc.as_bytes())], CompressionMethod::Stored);
    assert_eq!(paragraphs(&read_docx(&bytes).unwrap()), ["第二"]);
}

#[test]
fn broken_packages_are_errors_that_say_where() {
    let (part, _, f) = fault_of(b"PK\x03\x04 not really a zip");
    assert_eq!(part, None);
    assert!(matches!(f, DocxFault::NotZip(_)), "{f:?}");

    let xlsx = package(&[("xl/workbook.xml", b"<workbook/>")], CompressionMethod::Stored);
    let (part, _, f) = fault_of(&xlsx);
    assert_eq!(part.as_deref(), Some("word/document.xml"));
    assert!(matches!(&f, DocxFault::MissingPart(m) if m.contains("Excel")), "{f:?}");

    let mut good = docx(&p("甲"));
    good.truncate(good.len() / 2);
    assert!(matches!(fault_of(&good).2, DocxFault::NotZip(_)));

    let bad = format!(r#"<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>甲</w:t></w:p></w:body></w:document>"#);
    let (part, offset, f) = fault_of(&package(&[("word/document.xml", bad.as_bytes())], CompressionMethod::Stored));
    assert_eq!(part.as_deref(), Some("word/document.xml"));
    assert!(matches!(&f, DocxFault::Xml(m) if m.contains("w:r")), "{f:?}");
    // The offset points into the part, at or before the mismatched end tag.
    let at = offset.expect("an offset") as usize;
    assert!(at > bad.find("<w:t>").unwrap() && at <= bad.find("</w:p>").unwrap() + 6, "offset {at}");

    let unclosed = format!(r#"<w:document xmlns:w="{W}"><w:body><w:p>"#);
    let (_, _, f) = fault_of(&package(&[("word/document.xml", unclosed.as_bytes())], CompressionMethod::Stored));
    assert!(matches!(&f, DocxFault::Xml(m) if m.contains("end of the part")), "{f:?}");

    let e = ReadErrorKind::Docx { part: Some("word/document.xml".into()), offset: Some(12), fault: DocxFault::Xml("x".into()) };
    assert_eq!(e.to_string(), "word/document.xml: byte 12: expected well-formed XML: x");
}

#[test]
fn nesting_past_the_limits_is_refused() {
    let deep = format!("{}<w:p/>{}", "<w:sdt><w:sdtContent>".repeat(600), "</w:sdtContent></w:sdt>".repeat(600));
    assert!(matches!(fault_of(&docx(&deep)).2, DocxFault::TooDeep(m) if m.contains("512")));
    let tables = format!("{}{}", "<w:tbl><w:tr><w:tc>".repeat(20), "</w:tc></w:tr></w:tbl>".repeat(20));
    assert!(matches!(fault_of(&docx(&tables)).2, DocxFault::TooDeep(m) if m.contains("tables")));
}

#[test]
fn a_zip_bomb_stops_at_the_limits() {
    let filler = " ".repeat(3 << 20);
    let xml = format!(r#"<w:document xmlns:w="{W}"><w:body>{filler}{}</w:body></w:document>"#, p("甲"));
    let bytes = package(&[("word/document.xml", xml.as_bytes())], CompressionMethod::Deflated);
    assert!(bytes.len() < 100_000, "the test bomb should be small: {}", bytes.len());
    // With the default limits this is just a large part…
    assert_eq!(paragraphs(&read_docx(&bytes).unwrap()), ["甲"]);
    // …but past a ratio of 100:1 beyond 1 MB, or past a part limit, it is refused, from what
    // the ZIP directory declares, before anything is inflated.
    let tight = DocxLimits { ratio_floor_bytes: 1 << 20, ..DocxLimits::default() };
    match read_docx_with(&bytes, tight) {
        Err(ReadErrorKind::Docx { fault: DocxFault::TooLarge(m), .. }) => assert!(m.contains("ratio") && m.contains("declared"), "{m}"),
        other => panic!("{other:?}"),
    }
    let small = DocxLimits { max_part_bytes: 1 << 20, ..DocxLimits::default() };
    assert!(matches!(read_docx_with(&bytes, small), Err(ReadErrorKind::Docx { fault: DocxFault::TooLarge(m), .. }) if m.contains("part")));
}
