//! Hostile and damaged inputs: loading must stay bounded, decoding must never panic.

use std::time::{Duration, Instant};

use lopdf::{dictionary, Dictionary, Object, Stream};
use proptest::prelude::*;

use super::tests::{
    cid_font, cmap_stream, glyphs, libreoffice_font, new_doc, stream, text, tounicode, type0, CJK_TTF, SYMBOLIC_TTF,
};
use super::Font;

fn quick<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    // Generous for debug builds on a loaded CI machine; an unbounded loop would take minutes or forever.
    assert!(start.elapsed() < Duration::from_secs(5), "{what} took {:?}", start.elapsed());
    out
}

#[test]
fn bfrange_over_all_four_byte_codes() {
    let mut doc = new_doc();
    let tu = cmap_stream(
        &mut doc,
        &tounicode(
            "1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n\
             2 beginbfrange <00000000> <FFFFFFFF> <0041>\n<00000000> <FFFFFFFF> <00410042> endbfrange",
        ),
    );
    let dict = type0(
        &mut doc,
        "Custom-H".into(),
        cid_font("CIDFontType0", Dictionary::new()),
        dictionary! { "ToUnicode" => tu },
    );
    let font = quick("loading", || Font::load(&doc, &dict));
    assert_eq!(text(&font, &[0, 0, 0, 1, 0, 0, 0, 0x19]), "BZ");
    // Past U+10FFFF the range yields no char: unmapped, not garbage.
    assert!(glyphs(&font, &[0xFF, 0xFF, 0xFF, 0xFF])[0].3);
    assert!(font.notes().iter().any(|n| n.contains("budget")), "{:?}", font.notes());
}

#[test]
fn many_small_ranges_stop_at_the_expansion_budget() {
    let mut doc = new_doc();
    let mut body = String::from("1 begincodespacerange <0000> <FFFF> endcodespacerange\n");
    for hi in 0..=255u32 {
        // 256 ranges of 256 codes with a multi-character destination: 65 536 expansions.
        body.push_str(&format!("1 beginbfrange <{hi:02X}00> <{hi:02X}FF> <00660066> endbfrange\n"));
    }
    let tu = cmap_stream(&mut doc, &tounicode(&body));
    let dict = type0(
        &mut doc,
        "Identity-H".into(),
        cid_font("CIDFontType2", Dictionary::new()),
        dictionary! { "ToUnicode" => tu },
    );
    let font = quick("loading", || Font::load(&doc, &dict));
    assert_eq!(text(&font, &[0x12, 0x01]), "fg");
}

#[test]
fn usecmap_loops_are_cut() {
    let mut doc = new_doc();
    // A stream whose /UseCMap is itself, and a pair that use each other.
    let self_id = doc.new_object_id();
    let body = tounicode("1 beginbfchar <01> <0041> endbfchar");
    let mut s = Stream::new(dictionary! { "UseCMap" => Object::Reference(self_id) }, body.into_bytes());
    s.allows_compression = false;
    doc.objects.insert(self_id, Object::Stream(s));
    let dict = dictionary! { "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "X", "ToUnicode" => self_id };
    let font = quick("self usecmap", || Font::load(&doc, &dict));
    assert_eq!(text(&font, &[1]), "A");
    assert!(font.notes().iter().any(|n| n.contains("UseCMap")));

    let (a, b) = (doc.new_object_id(), doc.new_object_id());
    let sa = Stream::new(dictionary! { "UseCMap" => b }, tounicode("1 beginbfchar <01> <0041> endbfchar").into_bytes());
    let sb = Stream::new(dictionary! { "UseCMap" => a }, tounicode("1 beginbfchar <02> <0042> endbfchar").into_bytes());
    doc.objects.insert(a, Object::Stream(sa));
    doc.objects.insert(b, Object::Stream(sb));
    let dict = dictionary! { "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "X", "ToUnicode" => a };
    let font = quick("mutual usecmap", || Font::load(&doc, &dict));
    assert_eq!(text(&font, &[1, 2]), "AB");
}

#[test]
fn garbage_cmap_text() {
    let bodies: [&[u8]; 6] = [
        b"beginbfchar <01> <",
        b"begincodespacerange <00> endcodespacerange beginbfrange <05> <01> <0041> <01> [ <0041> endbfrange",
        b"\xff\xfe\x00garbage ((( unbalanced \\",
        b"beginbfchar (a) /notaglyph <02> 17 <03> [ ] <04> <0041> endbfchar begincidrange <1> <2> -5 endcidrange",
        b"begincodespacerange <0000000000> <FFFFFFFFFF> <00> <FFFF> endcodespacerange beginbfchar <0102030405> <41>",
        b"<<<<>>>> ] ] [[ %%% \r\r beginbfrange <00> <FF> <FFFF> endbfrange",
    ];
    for body in bodies {
        let mut doc = new_doc();
        let tu = stream(&mut doc, Dictionary::new(), body);
        let dict =
            dictionary! { "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "X", "ToUnicode" => tu.clone() };
        let font = Font::load(&doc, &dict);
        assert_eq!(glyphs(&font, &[0, 1, 2, 3, 4, 255]).len(), 6);
        let dict = type0(
            &mut doc,
            "Identity-H".into(),
            cid_font("CIDFontType2", Dictionary::new()),
            dictionary! { "ToUnicode" => tu },
        );
        let font = Font::load(&doc, &dict);
        assert_eq!(glyphs(&font, &[0, 1, 2, 3, 4]).len(), 3);
    }
    // The one sane entry among the junk of body 4 survives.
    let mut doc = new_doc();
    let tu = stream(&mut doc, Dictionary::new(), bodies[3]);
    let dict = dictionary! { "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "X", "ToUnicode" => tu };
    assert_eq!(text(&Font::load(&doc, &dict), &[4]), "A");
}

#[test]
fn truncated_codes_at_the_end_of_a_string() {
    let mut doc = new_doc();
    let tu = cmap_stream(&mut doc, &tounicode("1 beginbfchar <0041> <0041> endbfchar"));
    let dict = type0(
        &mut doc,
        "Identity-H".into(),
        cid_font("CIDFontType2", Dictionary::new()),
        dictionary! { "ToUnicode" => tu },
    );
    let font = Font::load(&doc, &dict);
    let g = glyphs(&font, &[0x00, 0x41, 0x00]);
    assert_eq!(g.len(), 2);
    assert_eq!((g[0].2.as_str(), g[1].0, g[1].2.as_str(), g[1].3), ("A", 0, "", true));
    // A GBK lead byte at the end.
    let dict = type0(&mut doc, "GBK-EUC-H".into(), cid_font("CIDFontType0", Dictionary::new()), Dictionary::new());
    let font = Font::load(&doc, &dict);
    let g = glyphs(&font, &[b'1', 0xB0]);
    assert_eq!((g.len(), g[0].2.as_str(), g[1].3), (2, "1", true));
}

#[test]
fn huge_w_arrays_and_ranges() {
    let mut doc = new_doc();
    let many: Vec<Object> = (0..300_000).map(|i| Object::Integer(i % 1000)).collect();
    let w: Vec<Object> =
        vec![0.into(), 4294967295i64.into(), 500.into(), 10.into(), many.into(), (-5).into(), "x".into()];
    let dict =
        type0(&mut doc, "Identity-H".into(), cid_font("CIDFontType2", dictionary! { "W" => w }), Dictionary::new());
    let font = quick("loading", || Font::load(&doc, &dict));
    let g = glyphs(&font, &[0, 5, 0, 10, 0, 11, 0xFF, 0xFF]);
    assert_eq!(g.iter().map(|g| g.1).collect::<Vec<_>>(), [500.0, 0.0, 1.0, 525.0]);
}

#[test]
fn deep_reference_chains_and_junk_objects() {
    let mut doc = new_doc();
    let mut target = doc.add_object(Object::Name(b"WinAnsiEncoding".to_vec()));
    for _ in 0..200 {
        target = doc.add_object(Object::Reference(target));
    }
    let diffs: Vec<Object> =
        vec![(-3).into(), "A".into(), 1000.into(), "B".into(), 65.into(), Object::Null, "C".into()];
    let enc = doc.add_object(dictionary! { "BaseEncoding" => target, "Differences" => diffs });
    let ff3 = stream(&mut doc, dictionary! { "Subtype" => "OpenType" }, b"OTTO\0\0garbage");
    let fd = doc.add_object(dictionary! {
        "Flags" => Object::Real(f32::NAN), "FontFile2" => Object::Reference(target), "FontFile3" => ff3,
    });
    let dict = dictionary! {
        "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => 7, "Encoding" => enc, "FontDescriptor" => fd,
        "Widths" => "none", "FirstChar" => Object::Real(-1e30), "ToUnicode" => Object::Reference((9999, 0)),
    };
    let font = quick("loading", || Font::load(&doc, &dict));
    assert_eq!(text(&font, b"AB"), "CB");
}

#[test]
fn garbage_font_programs_and_cid_to_gid_maps() {
    let junk: Vec<u8> = (0..5000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    for (key, sub, prefix) in [
        ("FontFile2", "", &b"\0\x01\0\0"[..]),
        ("FontFile3", "OpenType", b"OTTO"),
        ("FontFile3", "CIDFontType0C", b"\x01\0\x04\x02"),
    ] {
        let mut doc = new_doc();
        let mut program = prefix.to_vec();
        program.extend(&junk);
        let ff = stream(&mut doc, dictionary! { "Subtype" => sub }, &program);
        let fd = doc.add_object(dictionary! { "Flags" => 4, key => ff });
        let map = stream(&mut doc, Dictionary::new(), &junk[..999]);
        let cid = cid_font("CIDFontType2", dictionary! { "FontDescriptor" => fd, "CIDToGIDMap" => map });
        let dict = type0(&mut doc, "Identity-H".into(), cid, Dictionary::new());
        let font = Font::load(&doc, &dict);
        assert_eq!(glyphs(&font, &junk[..64]).len(), 32);
        let simple = dictionary! { "Subtype" => "TrueType", "FontDescriptor" => fd };
        assert_eq!(glyphs(&Font::load(&doc, &simple), &junk[..64]).len(), 64);
    }
}

#[test]
fn decompression_bomb_is_refused() {
    let mut doc = new_doc();
    let mut body = tounicode("1 beginbfchar <41> <0042> endbfchar").into_bytes();
    body.resize(8 << 20, b' ');
    let mut s = Stream::new(Dictionary::new(), body);
    s.compress().expect("compresses");
    assert!(s.content.len() < 100_000);
    let tu = Object::Reference(doc.add_object(s));
    let dict = dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "ToUnicode" => tu };
    let font = Font::load(&doc, &dict);
    assert_eq!(text(&font, b"A"), "A", "the 8 MiB ToUnicode is over the 4 MiB cap and ignored");
}

/// One font of each kind the decoder distinguishes, for the property test.
fn font_zoo() -> Vec<Font> {
    let mut doc = new_doc();
    let mut dicts: Vec<Dictionary> = vec![libreoffice_font(&mut doc)];
    dicts.push(dictionary! { "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding" });
    let huge = vec![Object::Real(1e30)];
    dicts.push(dictionary! { "Subtype" => "Type3", "Widths" => huge.clone(), "FontMatrix" => huge });
    let tu = cmap_stream(&mut doc, &tounicode("1 beginbfrange <0000> <FFFF> <4E00> endbfrange"));
    dicts.push(type0(
        &mut doc,
        "Identity-H".into(),
        cid_font("CIDFontType2", Dictionary::new()),
        dictionary! { "ToUnicode" => tu },
    ));
    for name in
        ["GBK-EUC-H", "GBK2K-V", "UniGB-UTF16-H", "UniJIS-UTF8-H", "UniKS-UTF32-H", "90ms-RKSJ-H", "H", "B5pc-V"]
    {
        dicts.push(type0(&mut doc, name.into(), cid_font("CIDFontType0", Dictionary::new()), Dictionary::new()));
    }
    let enc = cmap_stream(
        &mut doc,
        "3 begincodespacerange <00> <80> <8140> <FEFE> <81308130> <FE39FE39> endcodespacerange \
         1 begincidrange <8140> <FEFE> 100 endcidrange",
    );
    dicts.push(type0(&mut doc, enc, cid_font("CIDFontType0", Dictionary::new()), Dictionary::new()));
    for program in [CJK_TTF, SYMBOLIC_TTF] {
        let ff = stream(&mut doc, Dictionary::new(), program);
        let fd = doc.add_object(dictionary! { "Flags" => 4, "FontFile2" => ff });
        let cid = cid_font("CIDFontType2", dictionary! { "FontDescriptor" => fd });
        dicts.push(type0(&mut doc, "Identity-H".into(), cid, Dictionary::new()));
        dicts.push(dictionary! { "Subtype" => "TrueType", "FontDescriptor" => fd });
    }
    dicts.iter().map(|d| Font::load(&doc, d)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn decode_never_panics_and_yields_at_most_one_glyph_per_byte(
        bytes in proptest::collection::vec(any::<u8>(), 0..64)
    ) {
        thread_local!(static ZOO: Vec<Font> = font_zoo());
        ZOO.with(|zoo| {
            for font in zoo {
                let mut n = 0usize;
                let mut ok = true;
                font.decode(&bytes, |g| {
                    n += 1;
                    ok &= g.width.is_finite();
                    ok &= g.unmapped == g.text.is_empty();
                    ok &= !g.text.chars().any(|c| c.is_control() || ('\u{E000}'..='\u{F8FF}').contains(&c));
                });
                prop_assert!(n <= bytes.len() && (bytes.is_empty() || n > 0));
                prop_assert!(ok, "bad glyph from {}", font.name());
            }
            Ok(())
        })?;
    }
}

/// The cmap walk agrees with ttf-parser's lookups on a real font, and stays bounded on overlapping tables.
#[test]
fn cmap_walk_matches_lookups_and_clips_overlaps() {
    use super::sfntcmap::{for_each_mapping, subtables};
    let face = ttf_parser::Face::parse(CJK_TTF, 0).expect("parses");
    let raw = face.raw_face().table(ttf_parser::Tag::from_bytes(b"cmap")).expect("cmap");
    let mut seen = Vec::new();
    for (pid, eid, data) in subtables(raw) {
        assert!(for_each_mapping(data, face.number_of_glyphs(), |cp, gid| seen.push((pid, eid, cp, gid))));
    }
    assert!(seen.len() >= 20, "{seen:?}");
    for &(_, _, cp, gid) in &seen {
        let c = char::from_u32(cp).expect("valid");
        assert_eq!(face.glyph_index(c).map(|g| g.0), Some(gid), "U+{cp:04X}");
    }

    // Format 12: the second group overlaps the first and claims all of Unicode.
    let mut sub = vec![0, 12, 0, 0, 0, 0, 0, 40, 0, 0, 0, 0, 0, 0, 0, 2];
    for (start, end, gid) in [(0x20000u32, 0x20002u32, 1u32), (0x20001, 0xFFFF_FFFF, 2)] {
        sub.extend(start.to_be_bytes().iter().chain(&end.to_be_bytes()).chain(&gid.to_be_bytes()));
    }
    let mut got = Vec::new();
    assert!(for_each_mapping(&sub, 5, |cp, gid| got.push((cp, gid))));
    assert_eq!(got, [(0x20000, 1), (0x20001, 2), (0x20002, 3), (0x20003, 4)]);

    // Format 4: 3 segments of which the later two overlap the first; each code point is reported once.
    let segs: [(u16, u16, u16); 3] = [(0x4E00, 0x4E02, 1), (0x4E00, 0xFFFE, 0), (0xFFFF, 0xFFFF, 1)];
    let mut sub = vec![0, 4, 0, 0, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0];
    segs.iter().for_each(|s| sub.extend(s.1.to_be_bytes()));
    sub.extend([0, 0]);
    segs.iter().for_each(|s| sub.extend(s.0.to_be_bytes()));
    segs.iter().for_each(|s| sub.extend(s.2.wrapping_sub(s.0).to_be_bytes()));
    segs.iter().for_each(|_| sub.extend([0, 0]));
    let mut n = 0usize;
    let mut first = Vec::new();
    assert!(for_each_mapping(&sub, 100, |cp, gid| {
        n += 1;
        if first.len() < 4 {
            first.push((cp, gid));
        }
    }));
    assert_eq!(first, [(0x4E00, 1), (0x4E01, 2), (0x4E02, 3), (0x4E03, 0x4E03u16.wrapping_sub(0x4E00))]);
    assert!(n <= 0x10000);
}
