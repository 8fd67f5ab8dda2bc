//! Walking the mappings of a TrueType `cmap` subtable, to invert it (glyph id → Unicode).
//!
//! ttf-parser answers code point → glyph queries; inverting by asking for every code point costs a pass
//! over the BMP (and more for format 12) per subtable. Formats 4 and 12, which every real font uses, are
//! walked here directly instead: segments and groups in order, each code point at most once (later
//! segments are clipped to start after earlier ones), so a hostile table cannot make the walk longer than
//! the code space however its segments overlap.

/// The subtables of a raw `cmap` table: (platform id, encoding id, subtable data).
pub(super) fn subtables(cmap: &[u8]) -> Vec<(u16, u16, &[u8])> {
    let count = usize::from(be16(cmap, 2).unwrap_or(0));
    (0..count)
        .filter_map(|i| {
            let rec = 4 + i * 8;
            let offset = usize::try_from(be32(cmap, rec + 4)?).ok()?;
            Some((be16(cmap, rec)?, be16(cmap, rec + 2)?, cmap.get(offset..)?))
        })
        .collect()
}

fn be16(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*data.get(at)?, *data.get(at + 1)?]))
}

fn be32(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes([*data.get(at)?, *data.get(at + 1)?, *data.get(at + 2)?, *data.get(at + 3)?]))
}

/// Calls `f(code_point, glyph_id)` for the mappings of a format 4 or 12 subtable, in increasing code point
/// order; returns false (calling nothing) for other formats.
pub(super) fn for_each_mapping(sub: &[u8], glyph_count: u16, mut f: impl FnMut(u32, u16)) -> bool {
    match be16(sub, 0) {
        Some(4) => {
            format4(sub, &mut f);
            true
        }
        Some(12) => {
            format12(sub, glyph_count, &mut f);
            true
        }
        _ => false,
    }
}

fn format4(sub: &[u8], f: &mut impl FnMut(u32, u16)) {
    let seg_count = usize::from(be16(sub, 6).unwrap_or(0) / 2);
    let (ends, starts, deltas, offsets) = (14, 16 + 2 * seg_count, 16 + 4 * seg_count, 16 + 6 * seg_count);
    let mut next = 0u32;
    for i in 0..seg_count {
        let (Some(end), Some(start), Some(delta), Some(range_offset)) =
            (be16(sub, ends + 2 * i), be16(sub, starts + 2 * i), be16(sub, deltas + 2 * i), be16(sub, offsets + 2 * i))
        else {
            return;
        };
        let (start, end) = (u32::from(start), u32::from(end));
        for cp in start.max(next)..=end {
            let glyph = if range_offset == 0 {
                Some(cp as u16)
            } else {
                // idRangeOffset counts bytes from its own position into glyphIdArray.
                let at = offsets + 2 * i + usize::from(range_offset) + 2 * (cp - start) as usize;
                be16(sub, at).filter(|&g| g != 0)
            };
            if let Some(g) = glyph {
                let gid = g.wrapping_add(delta);
                if gid != 0 {
                    f(cp, gid);
                }
            }
        }
        next = next.max(end + 1);
    }
}

fn format12(sub: &[u8], glyph_count: u16, f: &mut impl FnMut(u32, u16)) {
    let groups = be32(sub, 12).unwrap_or(0);
    let mut next = 0u32;
    for g in 0..groups {
        let at = 16 + 12 * g as usize;
        let (Some(start), Some(end), Some(first_gid)) = (be32(sub, at), be32(sub, at + 4), be32(sub, at + 8)) else {
            return;
        };
        let end = end.min(0x10FFFF);
        if start > end {
            continue;
        }
        let from = start.max(next);
        // Glyph ids past the font's glyph count map nothing; stopping there bounds honest-looking groups too.
        let last_useful =
            start.saturating_add(u32::from(glyph_count).saturating_sub(first_gid.min(u32::from(glyph_count))));
        for cp in from..=end.min(last_useful) {
            let gid = first_gid.saturating_add(cp - start);
            if let Ok(gid) = u16::try_from(gid) {
                if gid != 0 && gid < glyph_count {
                    f(cp, gid);
                }
            }
        }
        next = next.max(end.saturating_add(1));
    }
}
