//! Notice metadata on the gold fixtures and on constructed cases.

use super::*;
use crate::text::read_text;

fn notice_of(text: &str) -> Notice {
    read_notice(&read_text(text))
}

fn seed_notice(name: &str) -> Notice {
    let dir = env!("CARGO_MANIFEST_DIR");
    let bytes = std::fs::read(format!("{dir}/../../fixtures/seeds/{name}.txt")).expect("seed");
    read_notice(&crate::text::read_text_bytes(&bytes, None).expect("seed decodes"))
}

/// The gold notice, read without serde (not a dependency of this crate): the few fields
/// are found by their keys in the pretty-printed JSON.
fn gold_notice(name: &str) -> Notice {
    let dir = env!("CARGO_MANIFEST_DIR");
    let json = std::fs::read_to_string(format!("{dir}/../../fixtures/gold/{name}.json"))
        .expect("gold");
    let start = json.find("\"notice\"").expect("notice key");
    let end = json
        .get(start..)
        .and_then(|s| s.find("\"tables\""))
        .map(|e| start + e)
        .expect("tables key");
    let notice = json.get(start..end).expect("notice slice");
    let string = |key: &str| -> Option<String> {
        let re = Regex::new(&format!(r#""{key}"\s*:\s*(null|"([^"]*)")"#)).ok()?;
        re.captures(notice)?.get(2).map(|m| m.as_str().to_string())
    };
    let year = Regex::new(r#""year"\s*:\s*(\d+)"#)
        .ok()
        .and_then(|re| re.captures(notice)?.get(1)?.as_str().parse().ok());
    let count_re = Regex::new(r#"\{\s*"scope"\s*:\s*"([^"]+)"\s*,\s*"level"\s*:\s*(null|\d)\s*,\s*"count"\s*:\s*(\d+)"#).unwrap();
    let declared_counts = count_re
        .captures_iter(notice)
        .map(|c| DeclaredCount {
            scope: c[1].to_string(),
            level: c[2].parse().ok(),
            count: c[3].parse().unwrap(),
            line: None,
        })
        .collect();
    Notice {
        issuer: string("issuer"),
        doc_number: string("doc_number"),
        title: string("title"),
        date: string("date"),
        year,
        declared_counts,
    }
}

fn without_lines(mut n: Notice) -> Notice {
    for d in &mut n.declared_counts {
        d.line = None;
    }
    n
}

#[test]
fn gold_quanzhou_science_2019() {
    assert_eq!(
        without_lines(seed_notice("quanzhou-science-2019")),
        gold_notice("quanzhou-science-2019")
    );
}

#[test]
fn gold_quanzhou_sasac_2020() {
    assert_eq!(
        without_lines(seed_notice("quanzhou-sasac-2020")),
        gold_notice("quanzhou-sasac-2020")
    );
}

#[test]
fn gold_linyi_budget_2020() {
    assert_eq!(
        without_lines(seed_notice("linyi-science-budget-2020")),
        gold_notice("linyi-science-budget-2020")
    );
}

#[test]
fn gold_anxi_science_2021() {
    let gold = gold_notice("anxi-science-2021");
    assert_eq!(gold.declared_counts.len(), 9, "gold parsed");
    let got = seed_notice("anxi-science-2021");
    let lines: Vec<Option<u32>> = got.declared_counts.iter().map(|d| d.line).collect();
    assert_eq!(
        lines,
        [36, 36, 38, 38, 40, 40, 41, 44, 44].map(Some).to_vec()
    );
    assert_eq!(without_lines(got), gold);
}

#[test]
fn chinese_numeral_and_full_width_dates() {
    assert_eq!(
        parse_date("二〇一九年七月十二日").as_deref(),
        Some("2019-07-12")
    );
    assert_eq!(
        parse_date("二○二一年十月三十一日").as_deref(),
        Some("2021-10-31")
    );
    assert_eq!(
        parse_date("２０２０年７月２０日").as_deref(),
        Some("2020-07-20")
    );
    assert_eq!(
        parse_date("2020 年 7 月 20 日").as_deref(),
        Some("2020-07-20")
    );
    assert_eq!(parse_date("2019年2月29日"), None);
    assert_eq!(parse_date("2019年13月1日"), None);
    assert_eq!(parse_date("2019年7月12日前报送"), None);
    let n = notice_of("某某市科学技术局\n二〇一九年七月十二日\n");
    assert_eq!(n.issuer.as_deref(), Some("某某市科学技术局"));
    assert_eq!(n.date.as_deref(), Some("2019-07-12"));
    assert_eq!(n.year, Some(2019));
}

#[test]
fn doc_number_brackets_are_normalised() {
    for printed in [
        "泉政办(2019)9号",
        "泉政办（2019）9 号",
        "泉政办[2019]9号",
        "泉政办【２０１９】９号",
        "泉 政办〔2019〕9号",
    ] {
        let n = notice_of(&format!(
            "{printed}\n\n某某市人民政府办公室关于印发某方案的通知\n"
        ));
        assert_eq!(
            n.doc_number.as_deref(),
            Some("泉政办〔2019〕9号"),
            "{printed}"
        );
    }
    // A number with its 签发人 on the same line.
    let n = notice_of("闽科报〔2020〕3号        签发人：张三\n");
    assert_eq!(n.doc_number.as_deref(), Some("闽科报〔2020〕3号"));
    // A number cited in a sentence is not the notice's.
    let n = notice_of(
        "各科室：\n根据《某方案》（泉政办〔2019〕9号）要求，制定本方案。\n泉政办〔2019〕9号\n",
    );
    assert_eq!(n.doc_number, None);
}

#[test]
fn title_over_three_lines() {
    let n = notice_of(
        "X市科学技术局文件\nX科〔2022〕5号\n\nX市科学技术局\n关于印发《2022年度 X市科技局\n绩效管理工作方案》的通知\n\n局机关各科室：\n现将方案印发给你们。\n",
    );
    assert_eq!(
        n.title.as_deref(),
        Some("X市科学技术局关于印发《2022年度X市科技局绩效管理工作方案》的通知")
    );
    assert_eq!(n.issuer.as_deref(), Some("X市科学技术局"));
    assert_eq!(n.doc_number.as_deref(), Some("X科〔2022〕5号"));
    assert_eq!(n.year, Some(2022));
    assert_eq!(n.date, None);
}

#[test]
fn titles_of_other_kinds_and_not_attachment_headings() {
    let n = notice_of("Y县人民政府关于2020年度绩效目标的批复\n\nY县人社局：\n");
    assert_eq!(
        n.title.as_deref(),
        Some("Y县人民政府关于2020年度绩效目标的批复")
    );
    assert_eq!(n.year, Some(2020));
    let n = notice_of("附件\n关于2020年度绩效管理的实施方案\n项目\t序号\n");
    assert_eq!(n.title, None);
    // A cited title inside 《》 is not this notice's.
    let n = notice_of("《关于印发某方案的通知》\n");
    assert_eq!(n.title, None);
}

#[test]
fn counts_and_rules_in_one_sentence() {
    let n = notice_of(
        "指标设置\n按照要求一级指标至少15项，实际设定一级指标16项、二级指标不少于30项，共设二级指标35项。\n",
    );
    let got: Vec<(&str, Option<u8>, u32)> = n
        .declared_counts
        .iter()
        .map(|d| (d.scope.as_str(), d.level, d.count))
        .collect();
    assert_eq!(got, vec![("全部", Some(1), 16), ("全部", Some(2), 35)]);

    let n = notice_of(
        "指标数量，一级指标15项以上，每个一级指标下设二级指标2项及以上，且至少应有2项。\n",
    );
    assert!(n.declared_counts.is_empty(), "{:?}", n.declared_counts);
}

#[test]
fn count_scopes_from_sentence_lead_and_heading() {
    let n = notice_of(
        "（一）重点工作目标\n\n共设一级指标 11 项、二级指标 26 条。\n（二）其他\n其中常规工作目标设一级指标5项，动态工作目标设12项一级指标。\n",
    );
    let got: Vec<(&str, Option<u8>, u32, Option<u32>)> = n
        .declared_counts
        .iter()
        .map(|d| (d.scope.as_str(), d.level, d.count, d.line))
        .collect();
    assert_eq!(
        got,
        vec![
            ("重点工作目标", Some(1), 11, Some(3)),
            ("重点工作目标", Some(2), 26, Some(3)),
            ("常规工作目标", Some(1), 5, Some(5)),
            ("动态工作目标", Some(1), 12, Some(5)),
        ]
    );
}

#[test]
fn count_scope_carries_within_a_sentence_but_not_across_clauses() {
    let n = notice_of(
        "其中，重点工作目标设一级指标17项，二级指标43项；常规工作目标设一级指标8项，二级指标22项。\n\
         ③动态工作目标：以重点工作目标和常规工作目标以外的阶段性任务为重点，设立一级考核指标4项，二级考核指标8项。\n\
         完成上级下达的考核指标3项。\n",
    );
    let got: Vec<(&str, Option<u8>, u32)> = n
        .declared_counts
        .iter()
        .map(|d| (d.scope.as_str(), d.level, d.count))
        .collect();
    assert_eq!(
        got,
        vec![
            ("重点工作目标", Some(1), 17),
            ("重点工作目标", Some(2), 43),
            ("常规工作目标", Some(1), 8),
            ("常规工作目标", Some(2), 22),
            ("动态工作目标", Some(1), 4),
            ("动态工作目标", Some(2), 8),
        ]
    );
}

#[test]
fn a_summary_count_after_a_section_is_the_tables_when_it_adds_up() {
    let n = notice_of(
        "（1）职能工作\n\n①重点工作目标：共制订一级考核指标10项，二级考核指标27项。\n\n②常规工作目标：设定一级考核指标3项，二级考核指标6项。\n\n\
         （2）行政能力：包括科学行政、依法行政等5方面。共有指标18项。\n\n科学设定一、二级指标。共有一级指标13项，二级指标33项。\n",
    );
    let got: Vec<(&str, Option<u8>, u32)> = n.declared_counts.iter().map(|d| (d.scope.as_str(), d.level, d.count)).collect();
    assert_eq!(
        got,
        vec![
            ("重点工作目标", Some(1), 10),
            ("重点工作目标", Some(2), 27),
            ("常规工作目标", Some(1), 3),
            ("常规工作目标", Some(2), 6),
            ("行政能力目标", None, 18),
            ("全部", Some(1), 13),
            ("全部", Some(2), 33),
        ]
    );
    // A count in a section that does not add up keeps the section's scope.
    let n = notice_of("（二）行政能力目标\n\n根据给定内容，统一设置科学行政、依法行政等5个方面20条指标。\n");
    let got: Vec<(&str, Option<u8>, u32)> = n.declared_counts.iter().map(|d| (d.scope.as_str(), d.level, d.count)).collect();
    assert_eq!(got, vec![("行政能力目标", None, 20)]);
    // Every count naming its own scope, in one sentence.
    let n = notice_of("本年度共设置重点工作目标一级指标10项，常规工作目标一级指标3项，行政能力目标指标18项，全部一级指标13项。\n");
    let got: Vec<(&str, Option<u8>, u32)> = n.declared_counts.iter().map(|d| (d.scope.as_str(), d.level, d.count)).collect();
    assert_eq!(got, vec![("重点工作目标", Some(1), 10), ("常规工作目标", Some(1), 3), ("行政能力目标", None, 18), ("全部", Some(1), 13)]);
    // A plain `N项指标` is a count only where the clause sets it.
    let n = notice_of("全年完成上级下达的3项指标任务。\n");
    assert!(n.declared_counts.is_empty(), "{:?}", n.declared_counts);
}

#[test]
fn signature_date_wins_over_printed_date_and_table_org_is_no_issuer() {
    let n =
        notice_of("正文。\n\nZ市国资委\n2020年7月20日\n\nZ市国资委办公室  2020年7月22日印发\n");
    assert_eq!(
        (n.issuer.as_deref(), n.date.as_deref()),
        (Some("Z市国资委"), Some("2020-07-20"))
    );
    let n = notice_of("正文。\nZ市国资委办公室  2020年7月22日印发\n");
    assert_eq!((n.issuer, n.date.as_deref()), (None, Some("2020-07-22")));
    let n = notice_of("2020年度Z市国资委绩效管理目标考评表\n参评单位（盖章）：Z市国资委\n\n2020年7月20日\n\n项目\t序号\n");
    assert_eq!(
        (n.issuer, n.date.as_deref(), n.year),
        (None, Some("2020-07-20"), Some(2020))
    );
    // Same-line signature and a joint signature.
    let n = notice_of("正文。\nA市科学技术局    2021年3月1日\n");
    assert_eq!(
        (n.issuer.as_deref(), n.date.as_deref()),
        (Some("A市科学技术局"), Some("2021-03-01"))
    );
    let n = notice_of("正文。\nA市科学技术局   A市财政局\n2021年3月1日\n");
    assert_eq!(n.issuer.as_deref(), Some("A市科学技术局、A市财政局"));
}

#[test]
fn empty_and_odd_input_does_not_panic() {
    assert_eq!(notice_of(""), Notice::default());
    let _ = notice_of("关于\n\n\t\n一级指标九百九十九亿项\n指标十百千项\n年月日\n");
}

#[test]
fn a_spaced_letterhead_names_the_issuer_without_its_spaces_or_文件() {
    let n = notice_of("邯 郸 市 民 政 局 文 件\n\n邯民字（2019）57号\n\n关于印发2019年度部门预算\n整体绩效目标的通知\n\n各科室：\n　　现印发给你们。\n");
    assert_eq!(n.issuer.as_deref(), Some("邯郸市民政局"));
    assert_eq!(n.doc_number.as_deref(), Some("邯民字〔2019〕57号"));
    // Two organisations side by side stay two.
    let n = notice_of("泉州市科学技术局 泉州市财政局 文件\n\n关于印发方案的通知\n\n各单位：\n");
    assert_eq!(n.issuer.as_deref(), Some("泉州市科学技术局、泉州市财政局"));
}

#[test]
fn a_table_date_among_the_sign_off_cells_dates_a_bare_table() {
    let table = "2025年度部门预算整体绩效目标表\n\n序号\t部门职责\t绩效指标\n1\t职责\t指标\n填报人：赵军\t\t联系电话：0786-2465823\t\t填报日期：2024年11月2日\n";
    let n = notice_of(table);
    assert_eq!(n.date.as_deref(), Some("2024-11-02"));
    assert_eq!(n.year, Some(2025));
    // A signature date wins over it.
    let signed = format!("关于印发目标的通知\n\n各科室：\n　　现印发给你们。\n\n宜宾市商务局\n2020年1月12日\n\n{table}");
    assert_eq!(notice_of(&signed).date.as_deref(), Some("2020-01-12"));
}

#[test]
fn both_levels_counted_respectively_in_one_clause() {
    let n = notice_of(
        "（一）重点工作目标（65分）。围绕中心工作，设定一级、二级指标分别为9条、26项。\n（二）常规工作目标（14分）。依据三定规定，共有一级、二级考核指标分别为4项、10项。\n一级、二级指标分别不少于8项、16项。\n",
    );
    let got: Vec<(&str, Option<u8>, u32)> = n.declared_counts.iter().map(|d| (d.scope.as_str(), d.level, d.count)).collect();
    assert_eq!(
        got,
        vec![("重点工作目标", Some(1), 9), ("重点工作目标", Some(2), 26), ("常规工作目标", Some(1), 4), ("常规工作目标", Some(2), 10)]
    );
}
