//! Where the generated agencies sit and who works there: provinces with their cities and
//! counties (and the one-character abbreviations their document numbers use), and the
//! surnames and given-name characters personal names are drawn from.
//!
//! The places are this generator's own: none of the cities or counties of the seeds
//! (泉州, 安溪, 临沂) or of the synth-a corpus (all in 福建) appears, so a rule that learned a
//! place name from those files cannot help here.

use crate::dice::Dice;

/// A city or county that issues notices.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    /// `赣州市`, `于都县`.
    pub name: &'static str,
    /// The abbreviation its document numbers open with: `赣`.
    pub abbr: &'static str,
    /// Whether it is a county-level place (县/县级市): its agencies are 局, its government
    /// documents cite the county (`县政府工作报告`).
    pub county: bool,
}

/// A province: its name, its abbreviation, and its places.
#[derive(Debug)]
pub struct Province {
    pub name: &'static str,
    pub abbr: &'static str,
    pub places: &'static [Place],
}

const fn city(name: &'static str, abbr: &'static str) -> Place {
    Place { name, abbr, county: false }
}

const fn county(name: &'static str, abbr: &'static str) -> Place {
    Place { name, abbr, county: true }
}

pub const PROVINCES: &[Province] = &[
    Province {
        name: "江西省",
        abbr: "赣",
        places: &[
            city("赣州市", "赣"),
            city("吉安市", "吉"),
            city("上饶市", "饶"),
            city("抚州市", "抚"),
            city("宜春市", "宜"),
            county("于都县", "于"),
            county("瑞金市", "瑞"),
            county("婺源县", "婺"),
            county("崇仁县", "崇"),
            county("万载县", "万"),
        ],
    },
    Province {
        name: "湖南省",
        abbr: "湘",
        places: &[
            city("株洲市", "株"),
            city("衡阳市", "衡"),
            city("岳阳市", "岳"),
            city("常德市", "常"),
            city("郴州市", "郴"),
            county("醴陵市", "醴"),
            county("耒阳市", "耒"),
            county("汨罗市", "汨"),
            county("桃源县", "桃"),
            county("资兴市", "资"),
        ],
    },
    Province {
        name: "浙江省",
        abbr: "浙",
        places: &[
            city("嘉兴市", "嘉"),
            city("湖州市", "湖"),
            city("金华市", "金"),
            city("衢州市", "衢"),
            city("台州市", "台"),
            county("桐乡市", "桐"),
            county("安吉县", "安"),
            county("义乌市", "义"),
            county("江山市", "江"),
            county("温岭市", "温"),
        ],
    },
    Province {
        name: "安徽省",
        abbr: "皖",
        places: &[
            city("芜湖市", "芜"),
            city("滁州市", "滁"),
            city("六安市", "六"),
            city("黄山市", "黄"),
            city("宣城市", "宣"),
            county("南陵县", "南"),
            county("桐城市", "桐"),
            county("天长市", "天"),
            county("霍山县", "霍"),
            county("歙县", "歙"),
        ],
    },
    Province {
        name: "广东省",
        abbr: "粤",
        places: &[
            city("韶关市", "韶"),
            city("江门市", "江"),
            city("肇庆市", "肇"),
            city("梅州市", "梅"),
            city("清远市", "清"),
            county("乐昌市", "乐"),
            county("台山市", "台"),
            county("四会市", "四"),
            county("兴宁市", "兴"),
            county("英德市", "英"),
        ],
    },
    Province {
        name: "四川省",
        abbr: "川",
        places: &[
            city("绵阳市", "绵"),
            city("乐山市", "乐"),
            city("宜宾市", "宜"),
            city("南充市", "南"),
            city("达州市", "达"),
            county("江油市", "江"),
            county("峨眉山市", "峨"),
            county("长宁县", "长"),
            county("阆中市", "阆"),
            county("宣汉县", "宣"),
        ],
    },
    Province {
        name: "河南省",
        abbr: "豫",
        places: &[
            city("洛阳市", "洛"),
            city("南阳市", "宛"),
            city("信阳市", "信"),
            city("许昌市", "许"),
            city("驻马店市", "驻"),
            county("邓州市", "邓"),
            county("固始县", "固"),
            county("禹州市", "禹"),
            county("遂平县", "遂"),
            county("汝阳县", "汝"),
        ],
    },
    Province {
        name: "湖北省",
        abbr: "鄂",
        places: &[
            city("宜昌市", "宜"),
            city("襄阳市", "襄"),
            city("荆州市", "荆"),
            city("黄冈市", "黄"),
            city("孝感市", "孝"),
            county("枝江市", "枝"),
            county("枣阳市", "枣"),
            county("麻城市", "麻"),
            county("应城市", "应"),
            county("远安县", "远"),
        ],
    },
    Province {
        name: "广西壮族自治区",
        abbr: "桂",
        places: &[
            city("柳州市", "柳"),
            city("桂林市", "桂"),
            city("玉林市", "玉"),
            city("百色市", "百"),
            city("钦州市", "钦"),
            county("阳朔县", "阳"),
            county("北流市", "北"),
            county("靖西市", "靖"),
            county("灵山县", "灵"),
            county("容县", "容"),
        ],
    },
    Province {
        name: "山东省",
        abbr: "鲁",
        places: &[
            city("潍坊市", "潍"),
            city("烟台市", "烟"),
            city("济宁市", "济"),
            city("泰安市", "泰"),
            city("德州市", "德"),
            county("寿光市", "寿"),
            county("莱阳市", "莱"),
            county("曲阜市", "曲"),
            county("肥城市", "肥"),
            county("乐陵市", "陵"),
        ],
    },
];

/// Single-character surnames.
const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "罗",
    "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡",
    "余", "杜", "叶", "程", "魏", "苏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范",
    "金", "石", "廖", "贾", "夏", "韦", "付", "方", "邹", "熊", "孟", "秦", "白", "薛", "阎", "侯", "邵", "龙", "万",
    "段", "雷", "钱", "汤", "尹", "易", "常", "武", "乔", "贺", "赖", "龚", "文", "庞", "樊", "兰", "殷", "施", "陶",
    "洪", "翟", "安", "颜", "倪", "严", "牛", "温", "芦", "季", "俞", "章", "鲁", "葛", "伍", "毛", "聂", "柴", "左",
];

/// Two-character surnames; a name with one is three or four characters long.
const COMPOUND_SURNAMES: &[&str] = &["欧阳", "司马", "诸葛", "尉迟", "皇甫", "东方"];

/// Given-name characters. None ends a unit name (科, 室, 站, 会, 院…), so a name never looks
/// like a unit, and none is a month or number word.
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀", "霞", "平",
    "刚", "桂", "英", "华", "玉", "萍", "红", "鹏", "辉", "建", "宁", "晨", "琳", "彬", "斌", "浩", "凯", "婷", "雪",
    "颖", "倩", "琴", "云", "峰", "帆", "瑶", "怡", "欣", "悦", "蕾", "薇", "琪", "晶", "璐", "瑜", "珊", "岚", "坤",
    "鑫", "昊", "睿", "哲", "航", "宇", "轩", "博", "翔", "旭", "烨", "晖", "炜", "锋", "锐", "铭", "钧", "铮", "毅",
    "诚", "谦", "逸", "远", "骏", "驰", "腾", "森", "林", "楠", "柏", "桦", "枫", "松", "梅", "兰", "菊", "荷", "蓉",
    "芸", "茜", "莉", "蕊", "苗", "蓓", "雯", "霏", "露", "霖", "泉", "涵", "润", "清", "沛", "源", "澜", "波", "洁",
];

/// A personal name: a surname and one or two given characters. `short` asks for a
/// two-character name (the ones OCR pads to `林 鹏`).
pub fn person(dice: &mut Dice, short: bool) -> String {
    if !short && dice.chance(0.04) {
        let mut name = dice.pick(COMPOUND_SURNAMES).to_string();
        for _ in 0..dice.range(1, 2) {
            name.push_str(dice.pick::<&str>(GIVEN));
        }
        return name;
    }
    let mut name = dice.pick(SURNAMES).to_string();
    name.push_str(dice.pick::<&str>(GIVEN));
    if !short {
        name.push_str(dice.pick::<&str>(GIVEN));
    }
    name
}

/// `n` distinct names, about a third of them two characters long.
pub fn people(dice: &mut Dice, n: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(n);
    let mut tries = 0;
    while out.len() < n && tries < n * 20 {
        tries += 1;
        let short = dice.chance(0.35);
        let name = person(dice, short);
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_place_of_the_seeds_or_synth_a() {
        let taken = ["泉州", "安溪", "临沂", "福清", "福州", "惠安", "龙岩", "宁德", "莆田", "三明", "上杭", "厦门", "永春", "尤溪", "漳州"];
        for p in PROVINCES.iter().flat_map(|p| p.places) {
            assert!(!taken.iter().any(|t| p.name.contains(t)), "{}", p.name);
        }
    }

    #[test]
    fn names_are_two_to_four_han_characters() {
        let mut dice = Dice::new(7);
        for name in people(&mut dice, 200) {
            let n = name.chars().count();
            assert!((2..=4).contains(&n), "{name}");
        }
    }
}
