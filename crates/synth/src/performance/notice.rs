//! The prose around the table: letterhead, 发文字号, title, salutation, body, signature, the
//! attached 工作方案 with the indicator counts it declares, and the lines after the table
//! (说明, 抄送, 印发). Each piece comes in the forms archives print it in; the gold notice
//! (issuer, number, title, date, year, declared counts) is what those forms say.

use zhibiao_model::{DeclaredCount, Notice};

use crate::dice::Dice;

use super::content::Content;
use super::phrases::level;
use super::variation::{Variation as V, Wishes};

/// The titles the table part prints, decided before the notice (which names them).
pub struct Titles {
    /// The main table's title.
    pub table: String,
    /// The 行政能力目标 table's title, when it is a table of its own.
    pub admin_table: String,
    /// The 参评单位 as printed.
    pub unit: String,
    /// The attached 工作方案's name.
    pub scheme: String,
}

/// `二〇二二`.
fn chinese_year(y: i32) -> String {
    y.to_string()
        .chars()
        .map(|c| match c {
            '0' => '〇',
            '1' => '一',
            '2' => '二',
            '3' => '三',
            '4' => '四',
            '5' => '五',
            '6' => '六',
            '7' => '七',
            '8' => '八',
            _ => '九',
        })
        .collect()
}

/// `十五`, `二十`, `三十一`, for 1..=99.
pub fn chinese_number(n: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (tens, ones) = (n / 10, n % 10);
    let ones = D.get(ones).copied().unwrap_or("");
    match tens {
        0 => ones.to_string(),
        1 => format!("十{ones}"),
        t => format!("{}十{ones}", D.get(t).copied().unwrap_or("")),
    }
}

/// The signature date as printed.
fn date_text((y, m, d): (i32, u32, u32), wishes: &mut Wishes) -> String {
    if wishes.wants(V::DateChineseNumerals) {
        wishes.applied(V::DateChineseNumerals);
        return format!("{}年{}月{}日", chinese_year(y), chinese_number(m as usize), chinese_number(d as usize));
    }
    if wishes.wants(V::DateSpaced) {
        wishes.applied(V::DateSpaced);
        return format!("{y} 年 {m} 月 {d} 日");
    }
    format!("{y}年{m}月{d}日")
}

/// Decides the titles.
pub fn titles(dice: &mut Dice, c: &Content, wishes: &Wishes) -> Titles {
    let y = c.year;
    let a = &c.agency;
    let table = if wishes.wants(V::TitleWithoutYear) {
        // The title names no year: the table title must.
        match dice.below(2) {
            0 => format!("{y}年度{}绩效目标考评表", a.short),
            _ => format!("{}{y}年度绩效管理目标考评表", a.short),
        }
    } else {
        match dice.below(5) {
            0 => format!("{y}年度{}绩效目标考评表", a.short),
            1 => format!("{}{y}年度绩效管理目标考评表", a.short),
            2 => format!("{}绩效目标考评表", a.short),
            3 => "绩效管理目标考评表".to_string(),
            _ => format!("{y}年度{}绩效管理目标考评表", a.short),
        }
    };
    let admin_table = format!("{y}年度{}行政能力目标考评表", a.short);
    let unit = if dice.chance(0.7) { a.full.clone() } else { a.short.clone() };
    let scheme = match dice.below(4) {
        0 => format!("{y}年度{}绩效管理工作方案", a.short),
        1 => format!("{y}年度{}绩效评估工作方案", a.short),
        2 => format!("{y}年度绩效目标考评工作方案"),
        _ => format!("{y}年度{}绩效管理目标考评实施方案", a.short),
    };
    Titles { table, admin_table, unit, scheme }
}

/// Inserts a space at a random place between two Han characters of `s`.
pub fn wrap_space(dice: &mut Dice, s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let spots: Vec<usize> = (1..chars.len())
        .filter(|&i| matches!((chars.get(i - 1), chars.get(i)), (Some(a), Some(b)) if is_han(*a) && is_han(*b)))
        .collect();
    if spots.is_empty() {
        return s.to_string();
    }
    let at = *dice.pick(&spots);
    let mut out: String = chars.iter().take(at).collect();
    out.push(' ');
    out.extend(chars.iter().skip(at));
    out
}

pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || c == '〇'
}

/// The notice up to the table's title, and the gold notice.
pub fn front(dice: &mut Dice, c: &Content, t: &Titles, wishes: &mut Wishes) -> (Vec<String>, Notice) {
    let a = &c.agency;
    let doc_year = c.date.0;
    if doc_year != c.year {
        wishes.applied(V::YearDiffers);
    }
    let mut out: Vec<String> = vec![String::new()];
    let partner = super::prose::partner(wishes, c);

    if wishes.wants(V::NoLetterhead) {
        wishes.applied(V::NoLetterhead);
    } else if let Some(partner) = &partner {
        out.extend(super::prose::joint_letterhead(wishes, &a.full, partner));
        out.push(String::new());
    } else if wishes.wants(V::LetterheadSpaced) {
        wishes.applied(V::LetterheadSpaced);
        let spaced: Vec<String> = format!("{}文件", a.full).chars().map(String::from).collect();
        out.extend([spaced.join(" "), String::new()]);
    } else {
        out.extend([format!("{}文件", a.full), String::new()]);
    }

    let gold_number = format!("{}〔{doc_year}〕{}号", c.number_prefix, c.serial);
    let mut number = if wishes.wants(V::DocNumberBrackets) {
        wishes.applied(V::DocNumberBrackets);
        let (open, close) = *dice.pick(&[("（", "）"), ("[", "]"), ("(", ")"), ("［", "］")]);
        format!("{}{open}{doc_year}{close}{}号", c.number_prefix, c.serial)
    } else {
        gold_number.clone()
    };
    if wishes.wants(V::DocNumberSpaced) {
        wishes.applied(V::DocNumberSpaced);
        number = number.replacen('号', " 号", 1);
        number = number.replacen(&c.serial.to_string(), &format!(" {}", c.serial), 1);
    }
    out.extend([number, String::new()]);

    let who = if dice.chance(0.7) { &a.short } else { &a.full };
    let quoted = dice.chance(0.7);
    let scheme = &t.scheme;
    let scheme_named = if wishes.wants(V::TitleWithoutYear) {
        wishes.applied(V::TitleWithoutYear);
        "绩效管理工作方案".to_string()
    } else {
        scheme.clone()
    };
    let (who_printed, who) = match &partner {
        Some(partner) => super::prose::joint_who(wishes, who, partner),
        None => (who.clone(), who.clone()),
    };
    let name = |who: &str| if quoted { format!("{who}关于印发《{scheme_named}》的通知") } else { format!("{who}关于印发{scheme_named}的通知") };
    let title = name(&who);
    let mut printed = name(&who_printed);
    if wishes.wants(V::TitleWrapSpace) {
        wishes.applied(V::TitleWrapSpace);
        printed = wrap_space(dice, &printed);
    }
    if wishes.wants(V::TitleWrapped) {
        wishes.applied(V::TitleWrapped);
        let cut = printed.find("关于印发").map(|i| i + "关于印发".len()).filter(|_| dice.chance(0.5));
        // Else between two Han characters in the middle third: a wrap never splits a number.
        let cut = cut.unwrap_or_else(|| {
            let chars: Vec<(usize, char)> = printed.char_indices().collect();
            let n = chars.len();
            let spots: Vec<usize> = (n / 3..2 * n / 3)
                .filter(|&k| matches!((chars.get(k.wrapping_sub(1)), chars.get(k)), (Some((_, a)), Some((_, b))) if is_han(*a) && is_han(*b)))
                .filter_map(|k| chars.get(k).map(|(i, _)| *i))
                .collect();
            if spots.is_empty() {
                printed.len()
            } else {
                *dice.pick(&spots)
            }
        });
        let (head, tail) = printed.split_at(cut.min(printed.len()));
        out.extend([head.to_string(), tail.to_string(), String::new()]);
    } else {
        out.extend([printed, String::new()]);
    }

    let body_word = if a.body.ends_with('委') || a.body.ends_with("委员会") { "委" } else { "局" };
    let salutations = [
        format!("{body_word}机关各科室、{body_word}属各单位："),
        "机关各股室、各直属单位：".to_string(),
        format!("各科室、{body_word}属各单位："),
        "机关各科室、各中心：".to_string(),
    ];
    let salutation = dice.pick(&salutations).clone();
    out.extend([salutation, String::new()]);
    let p = a.place.name;
    let lv = level(&a.place);
    out.push(format!(
        "根据{p}绩效管理工作领导小组办公室《关于做好{}年度绩效管理工作的通知》（{}绩效办〔{}〕{}号）要求，结合我{body_word}工作实际，制定了《{scheme}》，现印发给你们，请认真组织实施。",
        c.year,
        a.place.abbr,
        doc_year,
        dice.range(1, 30)
    ));
    out.extend([String::new(), format!("附件：{scheme}"), String::new()]);

    let spaces = " ".repeat(dice.range(8, 24));
    match &partner {
        Some(partner) => out.extend(super::prose::joint_signature(wishes, &a.full, partner, &spaces)),
        None => out.push(format!("{spaces}{}", a.full)),
    }
    out.push(format!("{}{}", " ".repeat(dice.range(8, 24)), date_text(c.date, wishes)));
    if dice.chance(0.5) {
        out.push("（此件主动公开）".to_string());
    }
    out.extend([String::new(), String::new(), "附件".to_string(), String::new(), scheme.clone(), String::new()]);

    out.extend(["一、总体要求".to_string(), String::new()]);
    out.push(format!("以习近平新时代中国特色社会主义思想为指导，全面落实{lv}委、{lv}政府决策部署，坚持目标导向和结果导向，以绩效管理推动{}各项工作提质增效。", a.sector.trade));
    out.push(String::new());
    let heads: Vec<&str> = c.heads.iter().map(String::as_str).collect();
    out.extend(["二、组织领导".to_string(), String::new()]);
    out.push(format!(
        "成立绩效管理工作领导小组，{}同志任组长，{}同志任副组长，各科室负责人为成员。领导小组办公室设在办公室，负责日常工作。",
        heads.first().copied().unwrap_or(""),
        heads.iter().skip(1).take(2).copied().collect::<Vec<_>>().join("、")
    ));
    out.push(String::new());
    out.extend(["三、考评内容".to_string(), String::new()]);
    let counts = content_section(dice, c, wishes, &mut out);
    out.extend(["四、工作步骤".to_string(), String::new()]);
    out.push(format!("（一）分解任务。各科室按照职责分工，将目标任务分解到岗、落实到人，明确完成时限。{}年底前，各科室对照目标开展自评。", c.year));
    out.push(String::new());
    out.push("（二）跟踪督办。办公室按季度跟踪目标完成情况，对进度滞后的事项及时督促整改。".to_string());
    out.push(String::new());
    out.extend(["五、工作要求".to_string(), String::new()]);
    out.push("各科室要高度重视绩效管理工作，主要负责人亲自抓，确保各项目标任务按时保质完成。".to_string());
    out.push(String::new());
    if wishes.wants(V::SecondAttachment) {
        out.push(format!("附件：1.{}", t.table));
        out.push(format!("      2.{}", super::prose::second_title(c)));
        out.extend([String::new(), "附件1".to_string(), String::new()]);
    } else {
        out.push(format!("附件：{}", t.table));
        out.extend([String::new(), "附件".to_string(), String::new()]);
    }

    let notice = Notice {
        issuer: Some(a.full.clone()),
        doc_number: Some(gold_number),
        title: Some(title),
        date: Some(format!("{:04}-{:02}-{:02}", c.date.0, c.date.1, c.date.2)),
        year: Some(c.year),
        declared_counts: counts,
    };
    (out, notice)
}

/// `11项` / `十一项` / `11条`.
fn count_text(dice: &mut Dice, n: usize, chinese: bool) -> String {
    let unit = *dice.pick(&["项", "项", "条", "个"]);
    if chinese {
        format!("{}{unit}", chinese_number(n))
    } else {
        format!("{n}{unit}")
    }
}

/// `一级指标11项、二级指标26项` or `11项一级指标、26项二级指标`.
fn levels_text(dice: &mut Dice, first: usize, second: usize, wishes: &mut Wishes) -> String {
    let chinese = wishes.wants(V::CountsChineseNumerals) && first < 100 && second < 100;
    if chinese {
        wishes.applied(V::CountsChineseNumerals);
    }
    let sep = *dice.pick(&["、", "，"]);
    let noun = *dice.pick(&["指标", "考核指标", "指标"]);
    let (a, b) = (count_text(dice, first, chinese), count_text(dice, second, chinese));
    if let Some(text) = super::prose::rephrase(wishes, &a, &b, noun, sep) {
        return text;
    }
    if wishes.wants(V::CountsBeforeNoun) && !chinese {
        wishes.applied(V::CountsBeforeNoun);
        format!("{a}一级{noun}{sep}{b}二级{noun}")
    } else {
        format!("一级{noun}{a}{sep}二级{noun}{b}")
    }
}

/// The 考评内容 section: points, the groups, the counts it declares.
fn content_section(dice: &mut Dice, c: &Content, wishes: &mut Wishes, out: &mut Vec<String>) -> Vec<DeclaredCount> {
    let mut counts = Vec::new();
    let lv = level(&c.agency.place);
    let extras: String = c.extras.iter().map(|e| format!("，{}{}分", e.name, e.row.weight.printed())).collect();
    let mut intro = format!(
        "考评内容由职能工作目标和行政能力目标组成，其中职能工作目标{}分，行政能力目标{}分{extras}。",
        c.function_points.printed(),
        c.admin_points.printed()
    );
    let per_group = wishes.wants(V::CountsPerGroup);
    let declared: Vec<(usize, &super::content::FunctionGroup)> = c.groups.iter().enumerate().filter(|(_, g)| g.is_declared_scope()).collect();
    let one_sentence = per_group && wishes.wants(V::CountsOneSentence) && declared.len() >= 2;
    if one_sentence {
        wishes.applied(V::CountsOneSentence);
        wishes.applied(V::CountsPerGroup);
        let clauses: Vec<String> = declared
            .iter()
            .map(|(_, g)| {
                let text = levels_text(dice, g.indicators.len(), g.leaf_count(), wishes);
                counts.push(count(&g.name, Some(1), g.indicators.len()));
                counts.push(count(&g.name, Some(2), g.leaf_count()));
                format!("{}设{text}", g.name)
            })
            .collect();
        intro.push_str(&format!("其中，{}。", clauses.join("，")));
    }
    out.extend([intro, String::new()]);

    let enumerators = ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"];
    let mut k = 0;
    for g in &c.groups {
        let e = enumerators.get(k).copied().unwrap_or("（六）");
        k += 1;
        let lead = match g.name.as_str() {
            "重点工作目标" => format!("围绕{lv}委、{lv}政府中心工作和上级部门下达的考核任务，确定年度重点工作"),
            "常规工作目标" => "依据本单位“三定”规定确定的法定职责，设置常规工作".to_string(),
            "动态工作目标" => "对上级临时交办、年中新增的阶段性任务，纳入动态管理".to_string(),
            _ => format!("结合{}工作特色，鼓励改革创新", c.agency.sector.trade),
        };
        let mut para = format!("{e}{}（{}分）。{lead}", g.name, g.points().printed());
        let mut own: Option<String> = None;
        if per_group && !one_sentence && g.is_declared_scope() {
            wishes.applied(V::CountsPerGroup);
            let text = levels_text(dice, g.indicators.len(), g.leaf_count(), wishes);
            if wishes.wants(V::CountsOwnSentence) && dice.chance(0.6) {
                // The count in a sentence of its own after the paragraph, naming its group.
                wishes.applied(V::CountsOwnSentence);
                para.push('。');
                own = Some(format!("上述{}共有{text}。", g.name));
            } else {
                let verb = *dice.pick(&["，共设置", "，设定", "，共有", "，设"]);
                para.push_str(&format!("{verb}{text}。"));
            }
            counts.push(count(&g.name, Some(1), g.indicators.len()));
            counts.push(count(&g.name, Some(2), g.leaf_count()));
        } else {
            para.push('。');
        }
        out.extend([para, String::new()]);
        if let Some(line) = own {
            out.extend([line, String::new()]);
        }
    }
    if !per_group {
        let groups: Vec<&super::content::FunctionGroup> = declared.iter().map(|(_, g)| *g).collect();
        super::prose::counts_list(wishes, &groups, &mut counts, out);
    }
    let summary_wanted = wishes.wants(V::SummaryCount);
    let after_admin = summary_wanted && wishes.wants(V::SummaryAfterAdmin);
    let summary = |dice: &mut Dice, wishes: &mut Wishes, counts: &mut Vec<DeclaredCount>, out: &mut Vec<String>| {
        wishes.applied(V::SummaryCount);
        let firsts: usize = c.groups.iter().map(|g| g.indicators.len()).sum();
        let seconds: usize = c.groups.iter().map(|g| g.leaf_count()).sum();
        let text = levels_text(dice, firsts, seconds, wishes);
        let line = match dice.below(3) {
            0 => format!("全年共设置{text}。"),
            1 => format!("以上共有{text}。"),
            _ => format!("本单位年度绩效目标共计{text}，分解落实到各责任科室。"),
        };
        out.extend([line, String::new()]);
        counts.push(count("全部", Some(1), firsts));
        counts.push(count("全部", Some(2), seconds));
    };
    if summary_wanted && !after_admin {
        summary(dice, wishes, &mut counts, out);
    }
    let e = enumerators.get(k).copied().unwrap_or("（六）");
    let themes: Vec<&str> = c.admin_groups.iter().map(|g| g.name.as_str()).collect();
    let n = c.admin_row_count();
    let mut admin = format!(
        "{e}行政能力目标（{}分）。由{lv}绩效办统一设置，包括{}等{}个方面",
        c.admin_points.printed(),
        themes.join("、"),
        chinese_number(themes.len())
    );
    if wishes.wants(V::AdminCount) {
        wishes.applied(V::AdminCount);
        let chinese = wishes.wants(V::CountsChineseNumerals) && n < 100;
        let nt = count_text(dice, n, chinese);
        if chinese {
            wishes.applied(V::CountsChineseNumerals);
        }
        match dice.below(3) {
            0 => admin.push_str(&format!("，共有指标{nt}。")),
            1 => admin.push_str(&format!("{nt}指标。")),
            _ => admin.push_str(&format!("，指标共{nt}，内容和权重不作调整。")),
        }
        counts.push(count("行政能力目标", None, n));
    } else {
        admin.push_str("，内容和权重不作调整。");
    }
    out.extend([admin, String::new()]);
    if after_admin {
        wishes.applied(V::SummaryAfterAdmin);
        summary(dice, wishes, &mut counts, out);
    }
    if wishes.wants(V::CountDistractors) {
        wishes.applied(V::CountDistractors);
        let line = match dice.below(3) {
            0 => format!("指标设置要求：一级指标原则上不少于{}项，每个一级指标下设二级指标至少2项，二级指标应量化、可考核。", dice.range(8, 12)),
            1 => format!("指标数量，一级指标{}项以上，每个一级指标下设二级指标2项及以上。", dice.range(10, 15)),
            _ => "每个一级指标下设二级指标不少于2项，单个二级指标权重一般不超过3分。".to_string(),
        };
        out.extend([line, String::new()]);
    }
    counts
}

fn count(scope: &str, level: Option<u8>, n: usize) -> DeclaredCount {
    DeclaredCount { scope: scope.to_string(), level, count: u32::try_from(n).unwrap_or(u32::MAX), line: None }
}

/// The lines after the table: 说明, 抄送, the 印发 line.
pub fn back(dice: &mut Dice, c: &Content, wishes: &mut Wishes) -> Vec<String> {
    let mut out = vec![String::new()];
    if wishes.wants(V::Footnote) {
        wishes.applied(V::Footnote);
        out.push("说明：1.一级指标须注明出处及分值；2.二级指标应量化、可考核，并明确完成时限；3.行政能力目标内容和权重不得调整。".to_string());
    }
    out.extend(super::prose::second_attachment(wishes, c));
    let lv = level(&c.agency.place);
    out.push(String::new());
    if dice.chance(0.5) {
        out.push(format!("抄送：{lv}绩效办，{lv}人社局。"));
    }
    if wishes.wants(V::PrintedFooter) {
        wishes.applied(V::PrintedFooter);
        let (y, m, d) = c.date;
        let step = u32::try_from(dice.range(1, 3)).unwrap_or(1);
        let later = if d + step <= 28 { d + step } else { d };
        out.push(format!("{}办公室{}{y}年{m}月{later}日印发", c.agency.full, " ".repeat(dice.range(4, 16))));
    }
    out
}
