//! Glyph names to Unicode, following the Adobe Glyph List Specification.
//!
//! Simple fonts name their glyphs through /Encoding and /Differences; those names are the only meaning a
//! font without /ToUnicode has. A name is cut at its first period (`a.sc` → `a`), split at underscores into
//! components (`f_i` → "fi"), and each component is looked up in the AGL (`agl1.rs`, `agl2.rs`) or read as
//! `uniXXXX…` / `uXXXX[XX]`. Producer-private names (`g123`, `cid123`, `a12`, `glyph5`) mean nothing and stay
//! unmapped, except the `aN` names of ZapfDingbats, which only that font's encoding uses.

use super::agl1::AGL_1;
use super::agl2::AGL_2;
use super::unicode::push_clean;

/// ZapfDingbats glyph names (zapfdingbats.txt of the AGL), `name:HEX`, sorted; from fontTools.agl.
const ZAPF: &str = "\
a1:2701 a10:2721 a100:275E a101:2761 a102:2762 a103:2763 a104:2764 a105:2710 a106:2765 a107:2766 a108:2767 \
a109:2660 a11:261B a110:2665 a111:2666 a112:2663 a117:2709 a118:2708 a119:2707 a12:261E a120:2460 a121:2461 \
a122:2462 a123:2463 a124:2464 a125:2465 a126:2466 a127:2467 a128:2468 a129:2469 a13:270C a130:2776 a131:2777 \
a132:2778 a133:2779 a134:277A a135:277B a136:277C a137:277D a138:277E a139:277F a14:270D a140:2780 a141:2781 \
a142:2782 a143:2783 a144:2784 a145:2785 a146:2786 a147:2787 a148:2788 a149:2789 a15:270E a150:278A a151:278B \
a152:278C a153:278D a154:278E a155:278F a156:2790 a157:2791 a158:2792 a159:2793 a16:270F a160:2794 a161:2192 \
a162:27A3 a163:2194 a164:2195 a165:2799 a166:279B a167:279C a168:279D a169:279E a17:2711 a170:279F a171:27A0 \
a172:27A1 a173:27A2 a174:27A4 a175:27A5 a176:27A6 a177:27A7 a178:27A8 a179:27A9 a18:2712 a180:27AB a181:27AD \
a182:27AF a183:27B2 a184:27B3 a185:27B5 a186:27B8 a187:27BA a188:27BB a189:27BC a19:2713 a190:27BD a191:27BE \
a192:279A a193:27AA a194:27B6 a195:27B9 a196:2798 a197:27B4 a198:27B7 a199:27AC a2:2702 a20:2714 a200:27AE \
a201:27B1 a202:2703 a203:2750 a204:2752 a205:276E a206:2770 a21:2715 a22:2716 a23:2717 a24:2718 a25:2719 \
a26:271A a27:271B a28:271C a29:2722 a3:2704 a30:2723 a31:2724 a32:2725 a33:2726 a34:2727 a35:2605 a36:2729 \
a37:272A a38:272B a39:272C a4:260E a40:272D a41:272E a42:272F a43:2730 a44:2731 a45:2732 a46:2733 a47:2734 \
a48:2735 a49:2736 a5:2706 a50:2737 a51:2738 a52:2739 a53:273A a54:273B a55:273C a56:273D a57:273E a58:273F \
a59:2740 a6:271D a60:2741 a61:2742 a62:2743 a63:2744 a64:2745 a65:2746 a66:2747 a67:2748 a68:2749 a69:274A \
a7:271E a70:274B a71:25CF a72:274D a73:25A0 a74:274F a75:2751 a76:25B2 a77:25BC a78:25C6 a79:2756 a8:271F \
a81:25D7 a82:2758 a83:2759 a84:275A a85:276F a86:2771 a87:2772 a88:2773 a89:2768 a9:2720 a90:2769 a91:276C \
a92:276D a93:276A a94:276B a95:2774 a96:2775 a97:275B a98:275C a99:275D space:20 \
";

/// Binary search of `name` in a table of space-separated `name:HEX` records sorted by name bytes.
fn search(table: &str, name: &[u8]) -> Option<u32> {
    let b = table.as_bytes();
    let (mut lo, mut hi) = (0usize, b.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = b.get(lo..mid)?.iter().rposition(|&c| c == b' ').map_or(lo, |p| lo + p + 1);
        let end = b.get(start..)?.iter().position(|&c| c == b' ').map_or(b.len(), |p| start + p);
        let rec = b.get(start..end)?;
        let colon = rec.iter().position(|&c| c == b':').unwrap_or(rec.len());
        let (rname, hex) = rec.split_at(colon);
        match rname.cmp(name) {
            std::cmp::Ordering::Equal => return parse_hex(hex.get(1..)?),
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    None
}

fn parse_hex(hex: &[u8]) -> Option<u32> {
    if hex.is_empty() || hex.len() > 8 {
        return None;
    }
    let s = std::str::from_utf8(hex).ok()?;
    u32::from_str_radix(s, 16).ok()
}

/// The code point of one AGL name (no suffix, no components).
pub(super) fn agl_lookup(name: &[u8]) -> Option<u32> {
    search(AGL_1, name).or_else(|| search(AGL_2, name))
}

/// Appends the characters of one name component; false if the component means nothing.
fn component(out: &mut Vec<char>, comp: &[u8], zapf: bool) -> bool {
    if zapf {
        if let Some(c) = search(ZAPF, comp).and_then(char::from_u32) {
            out.push(c);
            return true;
        }
    }
    if let Some(c) = agl_lookup(comp).and_then(char::from_u32) {
        out.push(c);
        return true;
    }
    let hex_digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_hexdigit);
    if let Some(rest) = comp.strip_prefix(b"uni") {
        if hex_digits(rest) && rest.len() % 4 == 0 {
            let before = out.len();
            for quad in rest.chunks(4) {
                match parse_hex(quad).and_then(char::from_u32) {
                    Some(c) => out.push(c),
                    None => {
                        out.truncate(before);
                        return false;
                    }
                }
            }
            return true;
        }
    }
    if let Some(rest) = comp.strip_prefix(b"u") {
        if hex_digits(rest) && (4..=6).contains(&rest.len()) {
            if let Some(c) = parse_hex(rest).and_then(char::from_u32) {
                out.push(c);
                return true;
            }
        }
    }
    false
}

/// The characters of a glyph name; empty when the name means nothing.
pub(super) fn name_chars(name: &[u8], zapf: bool) -> Vec<char> {
    let mut chars = Vec::new();
    let base = name.split(|&c| c == b'.').next().unwrap_or(&[]);
    if base.is_empty() {
        return chars;
    }
    for comp in base.split(|&c| c == b'_') {
        if !component(&mut chars, comp, zapf) {
            // A ligature with a meaningless part would give partial text; all or nothing is safer.
            chars.clear();
            return chars;
        }
    }
    chars
}

/// Appends the cleaned text of a glyph name to `out`; false (nothing appended) if it has none.
pub(super) fn push_name_text(out: &mut String, name: &[u8], zapf: bool) -> bool {
    push_clean(out, name_chars(name, zapf))
}
