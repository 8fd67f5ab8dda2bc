//! Font decoding on font dictionaries built in code the way real producers write them.

use lopdf::{dictionary, Dictionary, Document, Object, Stream};

use super::{Font, Glyph};

pub(super) const CJK_TTF: &[u8] = include_bytes!("testdata/cjk-subset.ttf");
pub(super) const SYMBOLIC_TTF: &[u8] = include_bytes!("testdata/symbolic-names.ttf");
pub(super) const CID_OTF: &[u8] = include_bytes!("testdata/cid-keyed.otf");

pub(super) fn new_doc() -> Document {
    Document::with_version("1.7")
}

/// Adds a stream and returns a reference to it.
pub(super) fn stream(doc: &mut Document, dict: Dictionary, content: &[u8]) -> Object {
    Object::Reference(doc.add_object(Stream::new(dict, content.to_vec())))
}

pub(super) fn cmap_stream(doc: &mut Document, body: &str) -> Object {
    stream(doc, Dictionary::new(), body.as_bytes())
}

pub(super) fn glyphs(font: &Font, bytes: &[u8]) -> Vec<(u32, f32, String, bool, bool)> {
    let mut out = Vec::new();
    font.decode(bytes, |g: Glyph| out.push((g.code, g.width, g.text.to_string(), g.unmapped, g.is_space)));
    out
}

pub(super) fn text(font: &Font, bytes: &[u8]) -> String {
    let mut s = String::new();
    font.decode(bytes, |g| s.push_str(g.text));
    s
}

fn widths(font: &Font, bytes: &[u8]) -> Vec<f32> {
    glyphs(font, bytes).into_iter().map(|g| g.1).collect()
}

fn unmapped(font: &Font, bytes: &[u8]) -> usize {
    glyphs(font, bytes).into_iter().filter(|g| g.3).count()
}

pub(super) fn tounicode(body: &str) -> String {
    format!(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) \
         /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n{body}\n\
         endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    )
}

/// A Type0 font with Identity-H (or `encoding`) and a CIDFontType2 descendant.
pub(super) fn type0(doc: &mut Document, encoding: Object, descendant: Dictionary, extra: Dictionary) -> Dictionary {
    let desc = doc.add_object(descendant);
    let mut d = dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => "ABCDEF+NotoSerifCJKsc-Regular",
        "Encoding" => encoding,
        "DescendantFonts" => vec![Object::Reference(desc)],
    };
    d.extend(&extra);
    d
}

pub(super) fn cid_font(subtype: &str, extra: Dictionary) -> Dictionary {
    let mut d = dictionary! {
        "Type" => "Font",
        "Subtype" => subtype,
        "BaseFont" => "NotoSerifCJKsc-Regular",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
    };
    d.extend(&extra);
    d
}

/// LibreOffice writes CJK text as simple TrueType subsets: codes 1, 2, … in order of first use, no
/// /Encoding, symbolic flags, meaning only in /ToUnicode.
pub(super) fn libreoffice_font(doc: &mut Document) -> Dictionary {
    let tu = cmap_stream(
        doc,
        &tounicode(
            "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n6 beginbfchar\n<01> <7EE9>\n<02> <6548>\n\
             <03> <76EE>\n<04> <6807>\n<05> <0020>\n<06> <0031>\nendbfchar",
        ),
    );
    let ff = stream(doc, dictionary! { "Length1" => CJK_TTF.len() as i64 }, CJK_TTF);
    let fd = doc.add_object(dictionary! {
        "Type" => "FontDescriptor", "FontName" => "BAAAAA+NotoSerifCJKsc-Regular", "Flags" => 4,
        "FontFile2" => ff,
    });
    dictionary! {
        "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "BAAAAA+NotoSerifCJKsc-Regular",
        "FirstChar" => 0, "LastChar" => 7,
        "Widths" => [0, 1000, 1000, 1000, 1000, 250, 500, 600].map(Object::Integer).to_vec(),
        "FontDescriptor" => fd, "ToUnicode" => tu,
    }
}

#[test]
fn libreoffice_simple_truetype_subset_with_tounicode() {
    let mut doc = new_doc();
    let dict = libreoffice_font(&mut doc);
    let font = Font::load(&doc, &dict);
    assert_eq!(font.name(), "NotoSerifCJKsc-Regular");
    assert_eq!(font.unicode_source(), "ToUnicode");
    assert_eq!(text(&font, &[1, 2, 3, 4, 5, 6]), "绩效目标 1");
    assert_eq!(widths(&font, &[1, 5, 6]), vec![1000.0, 250.0, 500.0]);
    // Code 7 has no ToUnicode entry; the subset's Unicode cmap cannot be reached from a code of a
    // symbolic font without (3,0)/(1,0) subtable, so it must stay unmapped rather than become garbage.
    let g = glyphs(&font, &[7, 32]);
    assert_eq!((g[0].2.as_str(), g[0].3, g[0].1), ("", true, 600.0));
    assert!(g[1].4, "code 32 takes word spacing even when unmapped");
    assert!(font.is_simple() && !font.is_vertical() && font.font_matrix().is_none());
}

#[test]
fn bfrange_both_forms_surrogates_and_ligatures() {
    let mut doc = new_doc();
    let tu = cmap_stream(
        &mut doc,
        &tounicode(
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n\
             3 beginbfrange\n<0003> <0005> <0041>\n<0010> <0013> [<D835DC00> <FB01> <00660066> <0041030A>]\n\
             <0020> <0021> <D840DC00>\nendbfrange\n1 beginbfchar <0030> <D83DDE00> endbfchar",
        ),
    );
    let dict = type0(
        &mut doc,
        "Identity-H".into(),
        cid_font("CIDFontType2", Dictionary::new()),
        dictionary! { "ToUnicode" => tu },
    );
    let font = Font::load(&doc, &dict);
    let g = glyphs(&font, &[0, 3, 0, 4, 0, 5, 0, 6]);
    assert_eq!(g.iter().map(|g| g.2.as_str()).collect::<Vec<_>>(), ["A", "B", "C", ""]);
    assert!(g[3].3);
    assert_eq!(text(&font, &[0, 0x10, 0, 0x11, 0, 0x12, 0, 0x13]), "𝐀fiffA\u{30A}");
    assert_eq!(text(&font, &[0, 0x20, 0, 0x21]), "\u{20000}\u{20001}");
    assert_eq!(text(&font, &[0, 0x30]), "😀");
    assert_eq!(glyphs(&font, &[0, 0x10])[0].0, 0x10);
    assert_eq!(font.unicode_source(), "ToUnicode");
}

#[test]
fn mixed_one_and_two_byte_codespace() {
    let mut doc = new_doc();
    let enc = cmap_stream(
        &mut doc,
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Test-GBK-H def\n\
         2 begincodespacerange\n<00> <80>\n<8140> <FEFE>\nendcodespacerange\n\
         2 begincidrange\n<20> <7e> 1\n<b0a1> <b0fe> 1000\nendcidrange\nendcmap",
    );
    let tu = cmap_stream(
        &mut doc,
        &tounicode(
            "2 beginbfchar\n<41> <0041>\n<20> <0020>\nendbfchar\n1 beginbfrange <b0a1> <b0a3> <554A> endbfrange",
        ),
    );
    let cid = cid_font("CIDFontType0", dictionary! { "W" => vec![34.into(), vec![600.into()].into()], "DW" => 1000 });
    let dict = type0(&mut doc, enc, cid, dictionary! { "ToUnicode" => tu });
    let font = Font::load(&doc, &dict);
    let g = glyphs(&font, &[0x41, 0xB0, 0xA1, 0x20, 0xB0, 0xA3]);
    assert_eq!(g.len(), 4);
    assert_eq!((g[0].0, g[0].1, g[0].2.as_str()), (0x41, 600.0, "A"));
    assert_eq!((g[1].0, g[1].1, g[1].2.as_str()), (0xB0A1, 1000.0, "啊"));
    assert!(g[2].4, "a one-byte code 32 of a CID font takes word spacing");
    assert_eq!(g[3].2, "啌");
}

#[test]
fn tounicode_without_codespace_infers_mixed_lengths() {
    let mut doc = new_doc();
    let tu = cmap_stream(&mut doc, &tounicode("3 beginbfchar\n<31> <0031>\n<B0A1> <554A>\n<D2BB> <4E00>\nendbfchar"));
    // An encoding this module does not know: code lengths come from the ToUnicode CMap.
    let dict = type0(
        &mut doc,
        "Private-Enc-H".into(),
        cid_font("CIDFontType0", Dictionary::new()),
        dictionary! { "ToUnicode" => tu },
    );
    let font = Font::load(&doc, &dict);
    assert_eq!(text(&font, &[0x31, 0xB0, 0xA1, 0xD2, 0xBB, 0x31]), "1啊一1");
}

#[test]
fn identity_h_with_tounicode_and_cid_widths() {
    let mut doc = new_doc();
    let tu = cmap_stream(&mut doc, &tounicode("1 beginbfrange <0001> <0004> [<7EE9> <6548> <76EE> <6807>] endbfrange"));
    let w: Vec<Object> = vec![1.into(), vec![500.into(), 600.into()].into(), 3.into(), 4.into(), 700.into()];
    let cid = cid_font("CIDFontType2", dictionary! { "W" => w, "DW" => 900 });
    let dict = type0(&mut doc, "Identity-H".into(), cid, dictionary! { "ToUnicode" => tu });
    let font = Font::load(&doc, &dict);
    assert_eq!(text(&font, &[0, 1, 0, 2, 0, 3, 0, 4]), "绩效目标");
    assert_eq!(widths(&font, &[0, 1, 0, 2, 0, 3, 0, 4, 0, 9]), vec![500.0, 600.0, 700.0, 700.0, 900.0]);
    assert_eq!(font.name(), "NotoSerifCJKsc-Regular");
    assert!(!glyphs(&font, &[0, 32])[0].4, "two-byte codes never take word spacing");
}

#[test]
fn default_dw_is_1000() {
    let mut doc = new_doc();
    let dict = type0(&mut doc, "Identity-V".into(), cid_font("CIDFontType2", Dictionary::new()), Dictionary::new());
    let font = Font::load(&doc, &dict);
    assert!(font.is_vertical());
    assert_eq!(widths(&font, &[0, 1]), vec![1000.0]);
    assert_eq!(font.unicode_source(), "none");
    assert_eq!(unmapped(&font, &[0, 1, 0, 2]), 2);
}

fn gbk(s: &str) -> Vec<u8> {
    encoding_rs::GBK.encode(s).0.into_owned()
}

#[test]
fn gbk_euc_h_without_tounicode() {
    let mut doc = new_doc();
    // CIDs of '1', '-', '3' in GBK-EUC-H are 0x31-0x1F = 18, 14, 20.
    let w: Vec<Object> = vec![14.into(), 20.into(), 500.into()];
    let cid = cid_font("CIDFontType0", dictionary! { "W" => w });
    let mut dict = type0(&mut doc, "GBK-EUC-H".into(), cid, Dictionary::new());
    dict.set("BaseFont", Object::Name(gbk("宋体")));
    let font = Font::load(&doc, &dict);
    let mut bytes = gbk("绩效目标");
    bytes.extend_from_slice(b"1-3 ");
    assert_eq!(text(&font, &bytes), "绩效目标1-3 ");
    let g = glyphs(&font, &bytes);
    assert_eq!(g.len(), 8);
    assert_eq!(
        g.iter().map(|g| g.1).collect::<Vec<_>>(),
        [1000.0, 1000.0, 1000.0, 1000.0, 500.0, 500.0, 500.0, 1000.0]
    );
    assert!(g[7].4 && !g[0].4);
    assert_eq!(g[0].0, 0xBCA8);
    assert_eq!(font.unicode_source(), "GBK-EUC-H");
    assert_eq!(font.name(), "宋体");
}

#[test]
fn gb_euc_h_ascii_cids() {
    let mut doc = new_doc();
    let w: Vec<Object> = vec![7716.into(), vec![250.into()].into(), 814.into(), vec![333.into()].into()];
    let dict =
        type0(&mut doc, "GB-EUC-H".into(), cid_font("CIDFontType0", dictionary! { "W" => w }), Dictionary::new());
    let font = Font::load(&doc, &dict);
    let mut bytes = b" !".to_vec();
    bytes.extend(gbk("啊"));
    assert_eq!(widths(&font, &bytes), vec![250.0, 333.0, 1000.0]);
    assert_eq!(text(&font, &bytes), " !啊");
}

#[test]
fn unicode_predefined_cmaps() {
    let mut doc = new_doc();
    let utf16: Vec<u8> = "绩效 A".encode_utf16().flat_map(u16::to_be_bytes).collect();
    let w: Vec<Object> = vec![1.into(), vec![278.into()].into(), 34.into(), vec![667.into()].into()];
    let dict =
        type0(&mut doc, "UniGB-UCS2-H".into(), cid_font("CIDFontType0", dictionary! { "W" => w }), Dictionary::new());
    let font = Font::load(&doc, &dict);
    assert_eq!(text(&font, &utf16), "绩效 A");
    assert_eq!(widths(&font, &utf16), vec![1000.0, 1000.0, 278.0, 667.0]);
    assert_eq!(font.unicode_source(), "UniGB-UCS2-H");

    let dict = type0(&mut doc, "UniGB-UTF16-V".into(), cid_font("CIDFontType0", Dictionary::new()), Dictionary::new());
    let font = Font::load(&doc, &dict);
    let s = "𠀀绩";
    let bytes: Vec<u8> = s.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let g = glyphs(&font, &bytes);
    assert_eq!((g.len(), g[0].0, g[0].2.as_str()), (2, 0xD840DC00, "𠀀"));
    assert!(font.is_vertical());
}

#[test]
fn legacy_predefined_cmaps() {
    let cases: [(&str, &'static encoding_rs::Encoding, &str); 5] = [
        ("GBK2K-H", encoding_rs::GB18030, "㐀绩A"),
        ("B5pc-H", encoding_rs::BIG5, "績效A"),
        ("ETen-B5-H", encoding_rs::BIG5, "目標"),
        ("90ms-RKSJ-H", encoding_rs::SHIFT_JIS, "目標ｱA"),
        ("KSC-EUC-H", encoding_rs::EUC_KR, "한국A"),
    ];
    for (name, enc, s) in cases {
        let mut doc = new_doc();
        let dict = type0(&mut doc, name.into(), cid_font("CIDFontType0", Dictionary::new()), Dictionary::new());
        let font = Font::load(&doc, &dict);
        let bytes = enc.encode(s).0.into_owned();
        assert_eq!(text(&font, &bytes), s, "{name}");
        assert_eq!(glyphs(&font, &bytes).len(), s.chars().count(), "{name}");
        assert_eq!(font.unicode_source(), name);
    }
}

/// An Identity-H font whose codes are glyph ids of `program`, as most producers write them.
fn identity_embedded(doc: &mut Document, key: &str, program_dict: Dictionary, program: &[u8], cid: &str) -> Dictionary {
    let ff = stream(doc, program_dict, program);
    let fd = doc.add_object(dictionary! { "Type" => "FontDescriptor", "Flags" => 4, key => ff });
    type0(doc, "Identity-H".into(), cid_font(cid, dictionary! { "FontDescriptor" => fd }), Dictionary::new())
}

fn gids_of(program: &[u8], s: &str) -> Vec<u8> {
    let face = ttf_parser::Face::parse(program, 0).expect("test font parses");
    s.chars().flat_map(|c| face.glyph_index(c).expect("glyph in subset").0.to_be_bytes()).collect()
}

#[test]
fn identity_h_without_tounicode_inverts_truetype_cmap() {
    let mut doc = new_doc();
    let dict = identity_embedded(&mut doc, "FontFile2", Dictionary::new(), CJK_TTF, "CIDFontType2");
    let font = Font::load(&doc, &dict);
    assert_eq!(font.unicode_source(), "embedded cmap");
    let s = "绩效目标考评表1-3";
    let bytes = gids_of(CJK_TTF, s);
    assert_eq!(text(&font, &bytes), s);
    assert_eq!(unmapped(&font, &bytes), 0);
    assert_eq!(unmapped(&font, &[0, 0]), 1, ".notdef has no text");
}

#[test]
fn cid_to_gid_map_stream() {
    let mut doc = new_doc();
    let gids = gids_of(CJK_TTF, "绩效");
    // CIDs 0, 1, 2 → glyphs 0, gid(绩), gid(效).
    let mut map = vec![0, 0];
    map.extend(&gids);
    let cid_to_gid = stream(&mut doc, Dictionary::new(), &map);
    let ff = stream(&mut doc, Dictionary::new(), CJK_TTF);
    let fd = doc.add_object(dictionary! { "Type" => "FontDescriptor", "FontFile2" => ff });
    let cid = cid_font("CIDFontType2", dictionary! { "FontDescriptor" => fd, "CIDToGIDMap" => cid_to_gid });
    let dict = type0(&mut doc, "Identity-H".into(), cid, Dictionary::new());
    let font = Font::load(&doc, &dict);
    assert_eq!(text(&font, &[0, 1, 0, 2]), "绩效");
    assert_eq!(unmapped(&font, &[0, 3]), 1);
}

#[test]
fn tounicode_holes_fall_back_to_embedded_cmap() {
    let mut doc = new_doc();
    let gids = gids_of(CJK_TTF, "绩效");
    // The ToUnicode maps 绩's glyph to private use: the font's own cmap must win for it.
    let body = format!(
        "2 beginbfchar <{:02X}{:02X}> <E001> <{:02X}{:02X}> <6548> endbfchar",
        gids[0], gids[1], gids[2], gids[3]
    );
    let tu = cmap_stream(&mut doc, &tounicode(&body));
    let mut dict = identity_embedded(&mut doc, "FontFile2", Dictionary::new(), CJK_TTF, "CIDFontType2");
    dict.set("ToUnicode", tu);
    let font = Font::load(&doc, &dict);
    assert_eq!(text(&font, &gids), "绩效");
    assert_eq!(font.unicode_source(), "ToUnicode; embedded cmap");
}

#[test]
fn cid_keyed_cff_in_opentype() {
    let mut doc = new_doc();
    let dict =
        identity_embedded(&mut doc, "FontFile3", dictionary! { "Subtype" => "OpenType" }, CID_OTF, "CIDFontType0");
    let font = Font::load(&doc, &dict);
    // CIDs of Adobe-Identity-0 in Noto Sans CJK SC: 效 19934, 绩 31764, reached through the CFF charset.
    let bytes = [19934u16, 31764].iter().flat_map(|c| c.to_be_bytes()).collect::<Vec<_>>();
    assert_eq!(text(&font, &bytes), "效绩");
}

#[test]
fn bare_cid_cff_without_cmap_stays_unmapped() {
    let face = ttf_parser::RawFace::parse(CID_OTF, 0).expect("parses");
    let cff = face.table(ttf_parser::Tag::from_bytes(b"CFF ")).expect("has CFF");
    let mut doc = new_doc();
    let dict =
        identity_embedded(&mut doc, "FontFile3", dictionary! { "Subtype" => "CIDFontType0C" }, cff, "CIDFontType0");
    let font = Font::load(&doc, &dict);
    let bytes = [19934u16, 31764].iter().flat_map(|c| c.to_be_bytes()).collect::<Vec<_>>();
    assert_eq!(unmapped(&font, &bytes), 2);
}

#[test]
fn post_glyph_names_when_no_unicode_cmap() {
    let mut doc = new_doc();
    // symbolic-names.ttf: glyphs 1..=4 named uni6548 uni6807 uni76EE uni7EE9, only a (3,0) cmap at F041..
    let dict = identity_embedded(&mut doc, "FontFile2", Dictionary::new(), SYMBOLIC_TTF, "CIDFontType2");
    let font = Font::load(&doc, &dict);
    assert_eq!(text(&font, &[0, 1, 0, 2, 0, 3, 0, 4]), "效标目绩");

    // The same program as a symbolic simple TrueType font without /Encoding: code → (3,0) at 0xF000+code.
    let ff = stream(&mut doc, Dictionary::new(), SYMBOLIC_TTF);
    let fd = doc.add_object(dictionary! { "Type" => "FontDescriptor", "Flags" => 4, "FontFile2" => ff });
    let simple = dictionary! { "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Sym", "FontDescriptor" => fd };
    let font = Font::load(&doc, &simple);
    assert_eq!(text(&font, b"ABCD"), "效标目绩");
    assert_eq!(font.unicode_source(), "embedded cmap");
    assert_eq!(unmapped(&font, b"E"), 1);
}

#[test]
fn winansi_differences_and_glyph_names() {
    let mut doc = new_doc();
    let diffs: Vec<Object> = vec![
        128.into(),
        "uni7EE9".into(),
        "Euro".into(),
        "f_i".into(),
        "a.sc".into(),
        "g123".into(),
        "space.alt".into(),
        "uni2F00".into(),
        "u1F600".into(),
        "cid456".into(),
        "uniE000".into(),
    ];
    let enc = doc
        .add_object(dictionary! { "Type" => "Encoding", "BaseEncoding" => "WinAnsiEncoding", "Differences" => diffs });
    let dict = dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => enc };
    let font = Font::load(&doc, &dict);
    assert_eq!(font.unicode_source(), "WinAnsiEncoding+Differences");
    let got: Vec<String> =
        glyphs(&font, &[128, 129, 130, 131, 132, 133, 134, 135, 136, 137]).into_iter().map(|g| g.2).collect();
    assert_eq!(got, ["绩", "€", "fi", "a", "", " ", "一", "😀", "", ""]);
    assert_eq!(text(&font, &[b'A', 0x93, 0x94, 0xE9]), "A“”é");
    // Helvetica without /Widths: AFM widths.
    assert_eq!(widths(&font, b"A i"), vec![667.0, 278.0, 222.0]);
    assert!(glyphs(&font, b" ")[0].4);
}

#[test]
fn named_base_encodings() {
    let mut doc = new_doc();
    let font_with = |doc: &mut Document, enc: &str| {
        let d = dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Times-Roman", "Encoding" => enc };
        let id = doc.add_object(d);
        Font::load(doc, doc.get_dictionary(id).expect("just added"))
    };
    assert_eq!(text(&font_with(&mut doc, "MacRomanEncoding"), &[0x8E, 0xA5]), "é•");
    assert_eq!(text(&font_with(&mut doc, "StandardEncoding"), &[0x27, 0xE1]), "’Æ");
    assert_eq!(text(&font_with(&mut doc, "PDFDocEncoding"), &[0x84, 0xA0]), "—€");
    // No /Encoding on a nonsymbolic Type1: StandardEncoding.
    let d = dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Times-Bold" };
    let font = Font::load(&doc, &d);
    assert_eq!(text(&font, b"`"), "‘");
    assert_eq!(widths(&font, b"W"), vec![1000.0]);
    let sym = dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Symbol" };
    assert_eq!(text(&Font::load(&doc, &sym), b"abp"), "αβπ");
    let zapf = dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "ZapfDingbats" };
    assert_eq!(text(&Font::load(&doc, &zapf), b"4"), "✔");
    let courier = dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "CourierNewPSMT" };
    assert_eq!(widths(&Font::load(&doc, &courier), b"iW"), vec![600.0, 600.0]);
}

#[test]
fn simple_widths_first_char_and_missing_width() {
    let mut doc = new_doc();
    let fd = doc.add_object(dictionary! { "Type" => "FontDescriptor", "Flags" => 32, "MissingWidth" => 333 });
    let dict = dictionary! {
        "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "ArialMT", "FirstChar" => 65, "LastChar" => 66,
        "Widths" => vec![600.into(), Object::Real(700.5)], "FontDescriptor" => fd, "Encoding" => "WinAnsiEncoding",
    };
    let font = Font::load(&doc, &dict);
    assert_eq!(widths(&font, b"ABC@"), vec![600.0, 700.5, 333.0, 333.0]);
    assert_eq!(text(&font, b"ABC"), "ABC");
}

#[test]
fn type3_widths_scale_through_font_matrix() {
    let doc = new_doc();
    let m: Vec<Object> = vec![Object::Real(0.01), 0.into(), 0.into(), Object::Real(0.01), 0.into(), 0.into()];
    let enc = dictionary! { "Type" => "Encoding", "Differences" => vec![65.into(), "A".into(), "g7".into()] };
    let dict = dictionary! {
        "Type" => "Font", "Subtype" => "Type3", "FontMatrix" => m, "FirstChar" => 65, "LastChar" => 66,
        "Widths" => vec![50.into(), 80.into()], "Encoding" => enc, "Name" => "T3",
    };
    let font = Font::load(&doc, &dict);
    let g = glyphs(&font, b"AB");
    assert!((g[0].1 - 500.0).abs() < 1e-3 && (g[1].1 - 800.0).abs() < 1e-3);
    assert_eq!((g[0].2.as_str(), g[1].3), ("A", true));
    assert_eq!(font.font_matrix().map(|m| m[0]), Some(0.01));
    assert_eq!(font.name(), "T3");
}

#[test]
fn bad_destinations_fall_through_and_radicals_fold() {
    let mut doc = new_doc();
    let tu = cmap_stream(
        &mut doc,
        &tounicode("5 beginbfchar\n<41> <E000>\n<42> <0000>\n<43> <>\n<44> <2F00>\n<45> <F900>\nendbfchar"),
    );
    let dict = dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
        "ToUnicode" => tu,
    };
    let font = Font::load(&doc, &dict);
    assert_eq!(text(&font, b"ABCDE"), "ABC一豈");
    assert_eq!(font.unicode_source(), "ToUnicode; WinAnsiEncoding");
}

#[test]
fn usecmap_parent_stream_is_inherited_and_overridden() {
    let mut doc = new_doc();
    let parent = cmap_stream(&mut doc, &tounicode("2 beginbfchar <01> <0041> <02> <0042> endbfchar"));
    let child = stream(
        &mut doc,
        dictionary! { "UseCMap" => parent },
        tounicode("/Parent usecmap\n1 beginbfchar <02> <005A> endbfchar").as_bytes(),
    );
    let dict = dictionary! { "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "X", "ToUnicode" => child };
    let font = Font::load(&doc, &dict);
    assert_eq!(text(&font, &[1, 2]), "AZ");
}

#[test]
fn cmap_comments_literal_strings_and_odd_whitespace() {
    let mut doc = new_doc();
    let body = "% comment <01> <0042>\n1 begincodespacerange\r<00>\t<FF>\x0cendcodespacerange\n\
                3 beginbfchar %trailing\n(a) <0041>\n<6 2> <00 4 2>\n<63><0043>endbfchar";
    let tu = cmap_stream(&mut doc, &tounicode(body));
    let dict = dictionary! { "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "X", "ToUnicode" => tu };
    let font = Font::load(&doc, &dict);
    assert_eq!(text(&font, b"abc"), "ABC");
}

#[test]
fn embedded_cmap_building_on_a_predefined_one() {
    let mut doc = new_doc();
    // An embedded CMap that only says `/GBK-EUC-V usecmap` plus one override: codespace, text and
    // vertical mode come from the predefined CMap it names.
    let enc = cmap_stream(
        &mut doc,
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /My-GBK def /WMode 1 def\n\
         /GBK-EUC-V usecmap\n1 begincidchar <31> 500 endcidchar endcmap",
    );
    let cid = cid_font("CIDFontType0", dictionary! { "W" => vec![500.into(), vec![321.into()].into()] });
    let mut dict = type0(&mut doc, enc, cid, Dictionary::new());
    dict.set("BaseFont", "SimSun-My-GBK");
    let font = Font::load(&doc, &dict);
    let mut bytes = gbk("绩效");
    bytes.push(b'1');
    assert_eq!(text(&font, &bytes), "绩效1");
    assert_eq!(widths(&font, &bytes), vec![1000.0, 1000.0, 321.0]);
    assert!(font.is_vertical());
    assert_eq!(font.name(), "SimSun");
    assert_eq!(font.unicode_source(), "GBK-EUC-V");
}

#[test]
fn type0_base_font_loses_its_encoding_suffix_and_subset_tag() {
    let mut doc = new_doc();
    let mut dict = type0(&mut doc, "Identity-H".into(), cid_font("CIDFontType2", Dictionary::new()), Dictionary::new());
    dict.set("BaseFont", "KLMNOP+SimHei-Identity-H");
    assert_eq!(Font::load(&doc, &dict).name(), "SimHei");
    dict.set("BaseFont", "Abcdef+Kaiti");
    assert_eq!(Font::load(&doc, &dict).name(), "Abcdef+Kaiti", "not a subset tag: not all uppercase");
}

#[test]
fn type1c_program_gives_built_in_encoding_and_widths() {
    let mut doc = new_doc();
    // A bare CFF (glyphs .notdef A B space, advances 500 610 620 250) as FontFile3 /Type1C.
    let ff = stream(&mut doc, dictionary! { "Subtype" => "Type1C" }, include_bytes!("testdata/type1c.cff"));
    let fd = doc.add_object(dictionary! { "Type" => "FontDescriptor", "Flags" => 4, "FontFile3" => ff });
    let dict = dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "QWERTY+TestType1C", "FontDescriptor" => fd,
    };
    let font = Font::load(&doc, &dict);
    assert_eq!(text(&font, b"AB C"), "AB ");
    assert_eq!(widths(&font, b"AB "), vec![610.0, 620.0, 250.0]);
    assert_eq!(font.unicode_source(), "embedded cmap");
}

#[test]
fn type1_program_built_in_encoding() {
    let mut doc = new_doc();
    let clear = b"%!PS-AdobeFont-1.0: Test 001\n/FontName /Test def\n/Encoding 256 array\n\
        0 1 255 {1 index exch /.notdef put} for\ndup 65 /Alpha put\ndup 66 /uni7EE9 put\ndup 67 /g17 put\n\
        readonly def\ncurrentdict end\ncurrentfile eexec\n\x8f\x13\x00binary";
    let ff = stream(&mut doc, dictionary! { "Length1" => 197, "Length2" => 6, "Length3" => 0 }, clear);
    let fd = doc.add_object(dictionary! { "Type" => "FontDescriptor", "Flags" => 4, "FontFile" => ff });
    let dict = dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Test", "FontDescriptor" => fd };
    let font = Font::load(&doc, &dict);
    assert_eq!(text(&font, b"ABCD"), "Α绩");
    assert_eq!(font.unicode_source(), "font built-in encoding");
}

#[test]
fn fonts_can_be_shared_across_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Font>();
}
