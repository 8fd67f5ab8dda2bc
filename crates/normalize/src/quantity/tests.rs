//! Every value form of the linyi seed, and the forms around them: bounds, ranges, Chinese
//! numerals, years and labels that are not quantities.
use super::*;
use proptest::prelude::*;
use Bound::*;

/// `n(60.0, "家")`; an empty unit is no unit.
fn n(number: f64, unit: &str) -> Quantity {
    let unit = (!unit.is_empty()).then(|| unit.to_string());
    Quantity::Number {
        number,
        unit,
        bound: None,
        qualifier: None,
    }
}
fn range(min: f64, max: f64, unit: &str) -> Quantity {
    let unit = (!unit.is_empty()).then(|| unit.to_string());
    Quantity::Range {
        min,
        max,
        unit,
        qualifier: None,
    }
}
/// Adds a bound or qualifier to an expected value.
trait With: Sized {
    fn b(self, b: Bound) -> Quantity;
    fn w(self, words: &str) -> Quantity;
}
impl With for Quantity {
    fn b(mut self, b: Bound) -> Quantity {
        if let Quantity::Number { bound, .. } = &mut self {
            *bound = Some(b);
        }
        self
    }
    fn w(mut self, words: &str) -> Quantity {
        if let Quantity::Number { qualifier, .. } | Quantity::Range { qualifier, .. } =
            &mut self
        {
            *qualifier = Some(words.to_string());
        }
        self
    }
}
fn check(cases: &[(&str, Quantity)]) {
    for (input, want) in cases {
        assert_eq!(
            parse_quantity(input).as_ref(),
            Some(want),
            "input {input:?}"
        );
    }
}
/// Each stays qualitative, as folded.
fn qualitative(cases: &[&str]) {
    for input in cases {
        let want = Quantity::Qualitative {
            qualitative: fold_text(input),
        };
        assert_eq!(parse_quantity(input), Some(want), "input {input:?}");
    }
}

#[test]
fn empty_is_none() {
    for s in ["", " ", "\t\n", "\u{3000}"] {
        assert_eq!(parse_quantity(s), None);
    }
}

#[rustfmt::skip]
#[test]
fn every_value_form_of_the_linyi_seed() {
    check(&[
        ("1项", n(1.0, "项")), ("8个", n(8.0, "个")), ("9个", n(9.0, "个")), ("60家", n(60.0, "家")),
        ("160家", n(160.0, "家")), ("8家", n(8.0, "家")), ("12家", n(12.0, "家")),
        ("20万平方米", n(20.0, "万平方米")), ("25.81万平方米", n(25.81, "万平方米")),
        ("3家", n(3.0, "家")), ("0家", n(0.0, "家")), ("100家", n(100.0, "家")),
        ("120家", n(120.0, "家")), ("34.6%", n(34.6, "%")), ("33.6%", n(33.6, "%")),
        ("10家", n(10.0, "家")), ("20家", n(20.0, "家")), ("2.13%", n(2.13, "%")),
        ("6家", n(6.0, "家")), ("1", n(1.0, "")), ("20", n(20.0, "")), ("80家", n(80.0, "家")),
        ("53家", n(53.0, "家")), ("5个", n(5.0, "个")), ("5项", n(5.0, "项")), ("13项", n(13.0, "项")),
        ("8篇", n(8.0, "篇")), ("2周/次", n(2.0, "周/次")), ("1次", n(1.0, "次")), ("4项", n(4.0, "项")),
        ("7项", n(7.0, "项")), ("2家", n(2.0, "家")), ("1人", n(1.0, "人")), ("400项", n(400.0, "项")),
        ("350项", n(350.0, "项")), ("380项", n(380.0, "项")), ("500项", n(500.0, "项")),
        ("300项", n(300.0, "项")), ("700项", n(700.0, "项")), ("5364万元", n(5364.0, "万元")),
        ("714万元", n(714.0, "万元")), ("4650万元", n(4650.0, "万元")),
        ("建立4项", n(4.0, "项").w("建立")), ("1项管理办法", n(1.0, "项").w("管理办法")),
        ("促成合作160项", n(160.0, "项").w("促成合作")), ("促成合作179项", n(179.0, "项").w("促成合作")),
        ("组织对接次数/对接企业数10", n(10.0, "").w("组织对接次数/对接企业数")),
        ("组织对接次数/对接企业数 10", n(10.0, "").w("组织对接次数/对接企业数")),
    ]);
    qualitative(&["应做尽做", "应审尽审", "达到全省平均水平", "应补尽补", "应检尽检", "应报尽报", "完成"]);
}

#[rustfmt::skip]
#[test]
fn qualifiers_units_and_signs() {
    check(&[
        ("建立1项管理办法", n(1.0, "项").w("建立…管理办法")), ("目标：60家", n(60.0, "家").w("目标")),
        ("100家左右", n(100.0, "家").w("左右")), ("5棵树苗", n(5.0, "棵").w("树苗")),
        ("5根", n(5.0, "根")), ("3个百分点", n(3.0, "个百分点")), ("0.5百分点", n(0.5, "百分点")),
        ("10万人次", n(10.0, "万人次")), ("2.5亿元", n(2.5, "亿元")), ("5万", n(5.0, "万")),
        ("6个月", n(6.0, "个月")), ("200元/人", n(200.0, "元/人")), ("4次/月", n(4.0, "次/月")),
        ("3‰", n(3.0, "‰")), ("3年", n(3.0, "年")), ("2020元", n(2020.0, "元")),
        ("1,200家", n(1200.0, "家")), ("12,345,678元", n(12345678.0, "元")),
        ("-3.5%", n(-3.5, "%")), ("增长-3.5%", n(-3.5, "%").w("增长")), ("60家。", n(60.0, "家")),
    ]);
    // Unknown words after the number longer than two Han characters, or Latin ones.
    qualitative(&["5G", "10kV", "5根树苗", "3星级酒店", "1,20家"]);
}

#[rustfmt::skip]
#[test]
fn bounds() {
    check(&[
        ("≥95%", n(95.0, "%").b(AtLeast)), (">=95%", n(95.0, "%").b(AtLeast)),
        ("＞＝95％", n(95.0, "%").b(AtLeast)), ("不低于95%", n(95.0, "%").b(AtLeast)),
        ("至少95%", n(95.0, "%").b(AtLeast)), ("95%以上", n(95.0, "%").b(AtLeast)),
        ("100项以上", n(100.0, "项").b(AtLeast)), ("5家以上", n(5.0, "家").b(AtLeast)),
        ("不少于5家", n(5.0, "家").b(AtLeast)), ("5根以上", n(5.0, "根").b(AtLeast)),
        ("100以上", n(100.0, "").b(AtLeast)), ("新增5家以上", n(5.0, "家").b(AtLeast).w("新增")),
        ("达到34.6%以上", n(34.6, "%").b(AtLeast).w("达到")),
        (">95%", n(95.0, "%").b(MoreThan)), ("超过95%", n(95.0, "%").b(MoreThan)),
        ("100余家", n(100.0, "家").b(MoreThan)), ("≤95%", n(95.0, "%").b(AtMost)),
        ("<=95%", n(95.0, "%").b(AtMost)), ("不超过95%", n(95.0, "%").b(AtMost)),
        ("95%以内", n(95.0, "%").b(AtMost)), ("95%以下（含）", n(95.0, "%").b(AtMost)),
        ("5个工作日内", n(5.0, "个工作日").b(AtMost)),
        ("完成1项内容", n(1.0, "项").w("完成…内容")), ("<95%", n(95.0, "%").b(LessThan)),
        ("低于95%", n(95.0, "%").b(LessThan)), ("少于95%", n(95.0, "%").b(LessThan)),
    ]);
    qualitative(&["不超过5家以上", "—5%"]);
}

#[rustfmt::skip]
#[test]
fn ranges() {
    for s in ["10-13个", "10～13个", "10~13个", "10至13个", "10—13个", "10——13个", "10个-13个"] {
        assert_eq!(parse_quantity(s), Some(range(10.0, 13.0, "个")), "input {s:?}");
    }
    check(&[
        ("10%-15%", range(10.0, 15.0, "%")), ("1-2家", range(1.0, 2.0, "家")),
        ("5-10", range(5.0, 10.0, "")), ("-5-10%", range(-5.0, 10.0, "%")),
        ("-5—10%", range(-5.0, 10.0, "%")), ("扶持 1-2 家", range(1.0, 2.0, "家").w("扶持")),
    ]);
    qualitative(&["13-10个", "4-4", "-5--3", "10%-15个", "10-13个以上", "≥10-13个"]);
    qualitative(&["3月-5月", "10万-15万元"]);
}

#[test]
fn not_quantities() {
    // Chinese numerals, years and periods, dates, ordinals, labels and document numbers.
    qualitative(&[
        "十三五",
        "三项",
        "一带一路",
        "一流学科",
        "十三五 规划",
        "2020年",
        "2020年底前",
    ]);
    qualitative(&[
        "2017-2019年均值",
        "2017-2019",
        "2019年-2020年",
        "12月",
        "12月底前",
    ]);
    qualitative(&[
        "2020年12月",
        "〔2019〕9号",
        "9号",
        "第3名",
        "P19-23",
        "3级",
        "2020.12",
    ]);
    // Several numbers, or a number inside a sentence.
    qualitative(&[
        "1 2",
        "1/2",
        "新增3家，累计10家",
        "完成5项、启动2项",
        "5G基站100个",
    ]);
    qualitative(&[
        "建成省级以上科技企业孵化器和众创空间总数达到60家",
        "科学行政 (4分)",
        "（3）",
    ]);
    assert_eq!(parse_quantity("十三五 规划"), parse_quantity("十三五规划"));
}

#[rustfmt::skip]
#[test]
fn full_width_forms_fold() {
    check(&[
        ("３４．６％", n(34.6, "%")), ("６０家", n(60.0, "家")), ("≧９５％", n(95.0, "%").b(AtLeast)),
        ("１０～１３个", range(10.0, 13.0, "个")),
    ]);
}

#[test]
fn json_shape() {
    let json = |s: &str| serde_json::to_string(&parse_quantity(s)).unwrap_or_default();
    assert_eq!(json("60家"), r#"{"number":60,"unit":"家"}"#);
    assert_eq!(json("1"), r#"{"number":1,"unit":null}"#);
    assert_eq!(json("34.6%"), r#"{"number":34.6,"unit":"%"}"#);
    assert_eq!(json("≥95%"), r#"{"number":95,"unit":"%","bound":">="}"#);
    assert_eq!(
        json("建立4项"),
        r#"{"number":4,"unit":"项","qualifier":"建立"}"#
    );
    assert_eq!(json("10-13个"), r#"{"min":10,"max":13,"unit":"个"}"#);
    assert_eq!(json("应做尽做"), r#"{"qualitative":"应做尽做"}"#);
}

proptest! {
    #[test]
    fn never_panics_on_any_text(s in ".{0,40}") {
        let _ = parse_quantity(&s);
    }

    #[test]
    fn value_shaped_text_reads_consistently(
        s in "[0-9０-９.．,%％～~至\\-—/ 以上下内余万元项家个年月第≥≤<>=不低于超过建立]{0,16}"
    ) {
        let (q, folded) = (parse_quantity(&s), fold_text(&s));
        prop_assert_eq!(&q, &parse_quantity(&folded));
        match q {
            None => prop_assert!(folded.is_empty()),
            Some(Quantity::Qualitative { qualitative }) => prop_assert_eq!(qualitative, folded),
            Some(Quantity::Range { min, max, .. }) => prop_assert!(min < max),
            Some(Quantity::Number { number, unit, .. }) => {
                prop_assert!(number.is_finite() && unit.is_none_or(|u| !u.is_empty()));
            }
        }
    }
}
