//! 文件依据 (the documents a first-level indicator rests on) and the sources a 一级指标 cites.

use once_cell::sync::Lazy;
use regex::Regex;

use crate::chars::{is_close_bracket, is_open_bracket};
use crate::text::fold_text;

/// Splits a 文件依据 cell into one entry per cited document.
///
/// Documents are separated by ；/; , by '、' only right after the closing bracket of a
/// document number ('…（泉委办〔2019〕25号）、泉州市…'): elsewhere '、' joins the issuers of one
/// document ('中共泉州市委办公室、泉州市人民政府办公室关于…'). A line break separates two
/// documents only when the text before it ends one (a document number, a closing bracket or
/// 》); otherwise it is a wrap inside a title and is removed like a wrap space.
pub fn split_basis(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    // A line that ran to the cell's edge may still end a title there: the break is judged by
    // what the text says, as any other.
    let s = s.replace(crate::text::SOFT_WRAP, "\n");
    for chunk in split_on_document_line_breaks(&s) {
        let text = fold_text(&chunk);
        for part in split_top_level(&text) {
            let part = trim_separators(&part);
            if !part.is_empty() {
                out.push(part.to_string());
            }
        }
    }
    out
}

fn split_on_document_line_breaks(s: &str) -> Vec<String> {
    let mut chunks = vec![String::new()];
    for line in s.split(['\n', '\r']) {
        let ends_document = chunks.last().is_some_and(|c| {
            let t = c.trim_end();
            t.ends_with("号)")
                || t.ends_with("号）")
                || t.ends_with('号')
                || t.ends_with('》')
                || t.ends_with(')')
                || t.ends_with('）')
                || t.ends_with('；')
                || t.ends_with(';')
        });
        // '…活动方案》⏎的通知（…号）', '…关于印发2020年市《政府工作报告》⏎目标任务…的通知': a
        // title wrapped after a closing 》 goes on — it opens with what no title opens with, or
        // what came before is a 关于… title that has not reached what it is (通知, 意见…).
        let goes_on = line.trim_start().starts_with(['的', '（', '(', '〔'])
            || chunks.last().is_some_and(|c| unfinished_title(c));
        if ends_document && !goes_on {
            chunks.push(line.to_string());
        } else if let Some(last) = chunks.last_mut() {
            last.push(' ');
            last.push_str(line);
        }
    }
    chunks
}

/// A 关于… title whose closing 》 closes a name quoted inside it (`关于印发2020年市《政府工作
/// 报告》`), not the title itself (`《…关于…的通知》`): the title has not ended.
fn unfinished_title(chunk: &str) -> bool {
    let t = chunk.trim_end();
    match (t.ends_with('》'), t.rfind("关于"), t.rfind('《')) {
        (true, Some(about), Some(open)) => open > about,
        _ => false,
    }
}

/// Splits folded text at ；/; and at document-ending '号）、', outside 《》 and brackets.
fn split_top_level(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            _ if is_open_bracket(c) || c == '《' => depth += 1,
            _ if is_close_bracket(c) || c == '》' => depth = depth.saturating_sub(1),
            _ => {}
        }
        let splits = depth == 0
            && (matches!(c, '；' | ';')
                || (c == '、' && (cur.ends_with("号）") || cur.ends_with("号)"))));
        if splits {
            parts.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    parts.push(cur);
    parts
}

fn trim_separators(s: &str) -> &str {
    s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '；' | ';' | '。' | '、' | '，' | ',')
    })
}

/// True when a 文件依据 entry stops where no cited document can end, as a cell cut off at its
/// edge leaves it (a fixed row height, a page break, an export that clips): a bracket or
/// `《` left open (`乡村振兴（龙委发`), a `关于…` title that has not reached what the document
/// is (`…关于下达2017年为民办实事项目`), or one or two characters (`稳`). A bare name that
/// ends otherwise (`市委工作要点`, `稳外贸稳外资`) is a whole entry: notices cite those too.
pub fn looks_cut(entry: &str) -> bool {
    let t: String = entry.chars().filter(|c| !c.is_whitespace()).collect();
    let mut depth = 0i32;
    let mut guillemets = 0i32;
    for c in t.chars() {
        match c {
            '《' => guillemets += 1,
            '》' => guillemets -= 1,
            _ if is_open_bracket(c) => depth += 1,
            _ if is_close_bracket(c) => depth -= 1,
            _ => {}
        }
    }
    if depth > 0 || guillemets > 0 {
        return true;
    }
    if t.chars().count() <= 2 {
        return true;
    }
    let closed = t.ends_with(|c: char| is_close_bracket(c) || c == '》' || c == '号');
    let about = t.find("关于").map(|i| t.get(i..).unwrap_or(""));
    match about {
        Some(rest) if !closed => !DOCUMENT_KINDS.iter().any(|k| rest.ends_with(k)),
        _ => false,
    }
}

/// What a 关于… title names itself as at its end: a notice, an opinion, a plan…
const DOCUMENT_KINDS: &[&str] = &[
    "通知", "意见", "决定", "方案", "办法", "规划", "要点", "纲要", "报告", "条例", "规定", "细则", "计划", "批复", "函", "清单",
    "通报", "公告", "纪要", "决议", "指南", "规则", "标准", "目标", "任务", "责任分工", "分解表", "措施", "举措", "若干规定",
];

/// Page and item references: 'P4', 'P19-23', '第16项', '第4页', '第12' (of '第12、15项').
static REFERENCE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"P[0-9]+(?:[-~～][0-9]+)?|第[0-9]+(?:[-~～][0-9]+)?(?:项|页|条|点|款)?|第[一二三四五六七八九十百零〇]+(?:项|页|条|款)")
        .expect("static regex")
});
/// A fragment that is only a reference number: '15项', '9', '92页', 'P9'.
static NUMBER_ONLY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:P?[0-9]+(?:[-~～][0-9]+)?(?:项|页|条|点|款)?)?$").expect("static regex")
});

/// The documents a 一级指标 cites in its trailing '（属…）' note, without page and item
/// references: '（属市委工作要点P4；省政府工作要点P4第16项；市政府工作报告P6第12、15项）' →
/// 市委工作要点, 省政府工作要点, 市政府工作报告. Empty when the text has no such note. Used to
/// tell whether two 一级指标 rest on the same documents.
pub fn cited_sources(primary: &str) -> Vec<String> {
    let text = fold_text(primary);
    let Some(note) = attribution_note(&text) else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for fragment in note.split(['；', ';', '，', ',', '、']) {
        let stripped = REFERENCE.replace_all(fragment, "");
        let source = stripped.trim_matches(|c: char| c.is_whitespace() || matches!(c, '。' | '.'));
        if NUMBER_ONLY.is_match(source) || out.iter().any(|s| s == source) {
            continue;
        }
        out.push(source.to_string());
    }
    out
}

/// The content of the last bracket that opens with 属, up to its matching close (or the end
/// of the text, when the OCR lost the closing bracket).
fn attribution_note(text: &str) -> Option<String> {
    let start = [text.rfind("（属"), text.rfind("(属")]
        .into_iter()
        .flatten()
        .max()?;
    let mut depth = 0usize;
    let mut note = String::new();
    for c in text.get(start..)?.chars() {
        if is_open_bracket(c) {
            depth += 1;
            if depth == 1 {
                continue;
            }
        } else if is_close_bracket(c) {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                break;
            }
        }
        note.push(c);
    }
    note.strip_prefix('属').map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_wrapped_after_its_closing_guillemet_is_one_document() {
        let raw = "中共泉州市委办公室泉州市人民政府办公室关于印发《泉州市“项目攻坚2020”活动方案》\n的通知（泉委办〔2020〕4号）\n质量强市（泉委发〔2019〕2号）";
        assert_eq!(split_basis(raw), [
            "中共泉州市委办公室泉州市人民政府办公室关于印发《泉州市“项目攻坚2020”活动方案》的通知（泉委办〔2020〕4号）",
            "质量强市（泉委发〔2019〕2号）",
        ]);
        let raw = "泉州市人民政府办公室关于印发2020年市《政府工作报告》\n目标任务责任分解表的通知（泉政办〔2020〕3号）";
        assert_eq!(split_basis(raw), ["泉州市人民政府办公室关于印发2020年市《政府工作报告》目标任务责任分解表的通知（泉政办〔2020〕3号）"]);
        // A complete title ending in 》 still ends its document.
        let raw = "《福建省人民政府办公厅关于印发2020年省政府工作主要任务分工方案的通知》\n质量强市（泉委发〔2019〕2号）";
        assert_eq!(split_basis(raw).len(), 2);
    }

    #[test]
    fn entries_cut_off_at_a_cell_edge_are_told_from_whole_ones() {
        for cut in ["乡村振兴（龙委发", "福清市人民政府关于下达2017年为民办实事项目", "稳", "福州市人民政府办公室关于印发2017年市《政府工作", "中共福州市委福州市人民政府关于深入打好污染防治攻"] {
            assert!(looks_cut(cut), "{cut}");
        }
        for whole in [
            "稳外贸稳外资（惠政〔2019〕4号）",
            "福清市人民政府关于下达2017年为民办实事项目的通知（融政〔2017〕60号）",
            "市委工作要点",
            "稳外贸稳外资",
            "《福建省人民政府办公厅关于印发2020年省政府工作主要任务分工方案的通知》",
            "泉州市人民政府办公室关于印发2020年市《政府工作报告》目标任务责任分解表的通知",
            "2020年国务院政府工作报告涉及我市主要任务责任分工（泉府督〔2020〕第DC-009号）",
        ] {
            assert!(!looks_cut(whole), "{whole}");
        }
    }

    #[test]
    fn science_1_1_basis() {
        let raw = "中共泉州市委办公室、泉州市人民政府办公室关于对《中共泉州市委常委会 2019 年工作要点》进行责任分解的通知(泉委办(2019)25 号); 泉州市人民政府办公室关于印发 2019 年省政府工作涉及泉州市主要任务责任分工分解表的通知(泉政办(2019)9 号); 泉州市人民政府办公室关于 2019 年市《政府工作报告》目标任务责任分解的通知(泉政办(2019)5 号); 质量强市(泉委发(2019)2 号); 建设国家创新型城市(泉委(2019)16 号); 促进泉州经济文化交流合作(泉委办发(2018)50 号)";
        assert_eq!(split_basis(raw), [
            "中共泉州市委办公室、泉州市人民政府办公室关于对《中共泉州市委常委会2019年工作要点》进行责任分解的通知（泉委办〔2019〕25号）",
            "泉州市人民政府办公室关于印发2019年省政府工作涉及泉州市主要任务责任分工分解表的通知（泉政办〔2019〕9号）",
            "泉州市人民政府办公室关于2019年市《政府工作报告》目标任务责任分解的通知（泉政办〔2019〕5号）",
            "质量强市（泉委发〔2019〕2号）",
            "建设国家创新型城市（泉委〔2019〕16号）",
            "促进泉州经济文化交流合作（泉委办发〔2018〕50号）",
        ]);
    }

    #[test]
    fn enumeration_comma_splits_only_between_documents() {
        // quanzhou-sasac-2020 1-1-1: three documents joined by '、'.
        let raw = "《福建省人民政府办公厅关于印发2020年省政府工作主要任务分工方案的通知》（闽政办〔2020〕2号）、2020年国务院政府工作报告涉及我市主要任务责任分工（泉府督〔2020〕第DC-009号）、泉州市人民政府办公室关于印发2020年市《政府工作报告》目标任务责任分解表的通知（泉政办〔2020〕3号）";
        assert_eq!(split_basis(raw), [
            "《福建省人民政府办公厅关于印发2020年省政府工作主要任务分工方案的通知》（闽政办〔2020〕2号）",
            "2020年国务院政府工作报告涉及我市主要任务责任分工（泉府督〔2020〕第DC-009号）",
            "泉州市人民政府办公室关于印发2020年市《政府工作报告》目标任务责任分解表的通知（泉政办〔2020〕3号）",
        ]);
        // Joint issuers inside one title stay together.
        assert_eq!(split_basis("中共泉州市委办公室、泉州市人民政府办公室关于对《要点》进行责任分解的通知(泉委办(2019)25 号);").len(), 1);
        // Half-width closing bracket before '、' (folded first, so also full-width then).
        assert_eq!(
            split_basis("质量强市(泉委发(2019)2号)、乡村振兴(泉委(2019)23号)"),
            [
                "质量强市（泉委发〔2019〕2号）",
                "乡村振兴（泉委〔2019〕23号）",
            ]
        );
    }

    #[test]
    fn wrap_space_in_joint_issuer_and_spaced_brackets() {
        // quanzhou-sasac-2020 1-8-1.
        assert_eq!(
            split_basis("中共泉州市委 泉州市人民政府关于印发《 泉州市建设国家创新型城市 实施方案》的通知(泉委〔 2019〕16号)"),
            ["中共泉州市委泉州市人民政府关于印发《泉州市建设国家创新型城市实施方案》的通知（泉委〔2019〕16号）"]
        );
    }

    #[test]
    fn line_breaks() {
        assert_eq!(
            split_basis("质量强市（泉委发〔2019〕2号）\n乡村振兴（泉委〔2019〕23号）").len(),
            2
        );
        // A break inside a title is a wrap.
        assert_eq!(
            split_basis("泉州市人民政府办公室关于印发2019年省政府工作涉及泉州市主要\n任务责任分工分解表的通知（泉政办〔2019〕9号）"),
            ["泉州市人民政府办公室关于印发2019年省政府工作涉及泉州市主要任务责任分工分解表的通知（泉政办〔2019〕9号）"]
        );
    }

    #[test]
    fn trailing_separators_and_empties() {
        assert_eq!(
            split_basis("乡村振兴（泉委〔2019〕23号）； 脱贫攻坚（泉委发〔2018〕22号）；"),
            [
                "乡村振兴（泉委〔2019〕23号）",
                "脱贫攻坚（泉委发〔2018〕22号）",
            ]
        );
        assert!(split_basis("").is_empty());
        assert!(split_basis(" ；; 。").is_empty());
    }

    #[test]
    fn cited_sources_of_notes() {
        assert_eq!(
            cited_sources("推动制造业高质量发展。（属市委工作要点P4；省政府工作要点P4第16项；市政府工作报告P6第12、15项）"),
            ["市委工作要点", "省政府工作要点", "市政府工作报告"]
        );
        assert_eq!(
            cited_sources("完善国有资产监管体制。(属国务院政府工作报告第15项，省政府工作报告第98项，市政府工作报告第56项)"),
            ["国务院政府工作报告", "省政府工作报告", "市政府工作报告"]
        );
        // Raw OCR text of science 1-13 (spaces, a trailing points bracket after the note).
        assert_eq!(
            cited_sources("培育壮大新兴产业。 （属市政府工作报告 P6 第 8、9 项；项目攻坚 P11；质量强市 P10；建设国家创新型城市 P19-23；生态环境保护 P4-5、P24；促进泉台经济文化交流合作 P2、9、10）"),
            ["市政府工作报告", "项目攻坚", "质量强市", "建设国家创新型城市", "生态环境保护", "促进泉台经济文化交流合作"]
        );
        assert_eq!(
            cited_sources(
                "加强所出资企业承办重大活动。（属2020年度项目攻坚第14页，重点项目第84页、92页）。"
            ),
            ["2020年度项目攻坚", "重点项目"]
        );
        assert_eq!(
            cited_sources(
                "落实疫情防控和“六稳”“六保”工作。(属国务院政府工作报告第10项，“六稳”“六保”第4页)。"
            ),
            ["国务院政府工作报告", "“六稳”“六保”"]
        );
        assert_eq!(
            cited_sources("推动所出资企业履行社会责任。（属年度重中之重工作）"),
            ["年度重中之重工作"]
        );
    }

    #[test]
    fn cited_sources_without_a_note() {
        assert!(cited_sources("文明城市创建工作").is_empty());
        assert!(cited_sources("").is_empty());
        assert!(cited_sources("培育科技特派员（团队）170个以上").is_empty());
    }
}
