//! The budget generator's own vocabularies: places, the shape of a department's catalogue of
//! duties, the duties every department has, and the sources, remarks and notice wording.
//!
//! None of it is taken from a fixture or a shared corpus: the places avoid every city of the
//! real table (临沂), of `synth-budget-a` and of the performance corpora (Fujian), so a parser
//! tuned on those cannot have learnt a department name or a sentence from here. The
//! department-specific catalogues are in [`super::kinds_a`] and [`super::kinds_b`].

/// How an indicator's target is written and the values it ranges over. The generator turns
/// one into the printed target, plan, standard and history values (`content`).
#[derive(Debug, Clone, Copy)]
pub enum Val {
    /// A count to reach, unit and range: `60家`, `≥60家`, `不少于60家`, `10-13个`.
    Count(&'static str, u32, u32),
    /// A rate to reach, in per cent: `95%`, `≥95%`, `不低于90%`, `100%`.
    Rate(u32, u32),
    /// A ceiling, unit and range (0 allowed): `≤3起`, `不超过5个工作日`, `0起`.
    Cap(&'static str, u32, u32),
    /// An amount printed with decimals, unit and range: `2.35亿元`, `≥1250.5万元`.
    Amount(&'static str, u32, u32),
    /// A target that is not a number: `应保尽保`, `按时完成`.
    Word(&'static [&'static str]),
}

/// One indicator of a duty: 绩效指标, 指标解释, and how its values are written.
#[derive(Debug, Clone, Copy)]
pub struct Ind(pub &'static str, pub &'static str, pub Val);

/// One duty (部门职责) with its goal (职责目标), its 工作活动 and 预算项目, and the indicators
/// it may be measured by. Activities and budget items belong to the duty, so a row's cells
/// all speak of one subject.
#[derive(Debug, Clone, Copy)]
pub struct Duty {
    pub name: &'static str,
    pub goal: &'static str,
    pub acts: &'static [&'static str],
    pub items: &'static [&'static str],
    pub inds: &'static [Ind],
}

/// A kind of department (民政, 医疗保障…): its names at each level, the words its notices
/// and strategy use, and its own duties.
#[derive(Debug, Clone, Copy)]
pub struct Kind {
    /// The name under a city or county: `民政局`.
    pub city: &'static str,
    /// The name under a province (`民政厅`); `None` when provinces have no such department.
    pub province: Option<&'static str>,
    /// The department's character(s) in a document number: `民` in `株民发〔2021〕3号`.
    pub abbr: &'static str,
    /// The field its plan names: `《株洲市“十四五”民政事业发展规划》`.
    pub topic: &'static str,
    /// Aims the 战略目标 sentence strings together.
    pub aims: &'static [&'static str],
    /// Laws and rules a standard value of its own duties may cite as its source.
    pub laws: &'static [&'static str],
    /// Information systems a history value of its own duties may cite as its data source.
    pub systems: &'static [&'static str],
    pub duties: &'static [Duty],
}

/// A province with some of its cities and county-level places.
#[derive(Debug, Clone, Copy)]
pub struct Province {
    pub name: &'static str,
    /// Its one-character abbreviation, used in provincial document numbers: `湘`.
    pub abbr: &'static str,
    pub cities: &'static [&'static str],
    pub counties: &'static [&'static str],
}

/// Places across China. Left out on purpose: 临沂, the twelve places of `synth-budget-a`
/// (德阳, 巩义, 邯郸, 黄冈, 界首, 开封, 潍坊, 芜湖, 邢台, 宜宾, 宜昌, 淄博), and Fujian.
pub const PROVINCES: &[Province] = &[
    Province { name: "湖南省", abbr: "湘", cities: &["株洲市", "衡阳市", "常德市", "岳阳市"], counties: &["醴陵市", "攸县", "桃源县"] },
    Province { name: "江西省", abbr: "赣", cities: &["赣州市", "九江市", "上饶市"], counties: &["瑞金市", "婺源县", "南康区"] },
    Province { name: "浙江省", abbr: "浙", cities: &["绍兴市", "台州市", "湖州市"], counties: &["仙居县", "安吉县", "诸暨市"] },
    Province { name: "江苏省", abbr: "苏", cities: &["泰州市", "盐城市", "镇江市"], counties: &["如皋市", "沭阳县", "丹阳市"] },
    Province { name: "广东省", abbr: "粤", cities: &["韶关市", "肇庆市", "湛江市"], counties: &["英德市", "博罗县", "四会市"] },
    Province { name: "广西壮族自治区", abbr: "桂", cities: &["柳州市", "桂林市", "玉林市"], counties: &["北流市", "阳朔县"] },
    Province { name: "四川省", abbr: "川", cities: &["绵阳市", "南充市", "泸州市"], counties: &["射洪市", "三台县", "阆中市"] },
    Province { name: "河北省", abbr: "冀", cities: &["保定市", "沧州市", "唐山市"], counties: &["迁安市", "正定县", "任丘市"] },
    Province { name: "河南省", abbr: "豫", cities: &["洛阳市", "南阳市", "许昌市"], counties: &["长垣市", "林州市", "固始县"] },
    Province { name: "山东省", abbr: "鲁", cities: &["烟台市", "济宁市", "聊城市"], counties: &["曲阜市", "莒县", "龙口市"] },
    Province { name: "湖北省", abbr: "鄂", cities: &["襄阳市", "荆州市", "十堰市"], counties: &["枣阳市", "大冶市", "潜江市"] },
    Province { name: "安徽省", abbr: "皖", cities: &["蚌埠市", "安庆市", "滁州市"], counties: &["天长市", "凤阳县", "桐城市"] },
    Province { name: "陕西省", abbr: "陕", cities: &["宝鸡市", "汉中市", "榆林市"], counties: &["神木市", "韩城市"] },
    Province { name: "云南省", abbr: "云", cities: &["曲靖市", "玉溪市", "昭通市"], counties: &["弥勒市", "宣威市"] },
    Province { name: "甘肃省", abbr: "甘", cities: &["天水市", "张掖市"], counties: &["敦煌市", "玉门市"] },
    Province { name: "黑龙江省", abbr: "黑", cities: &["齐齐哈尔市", "牡丹江市"], counties: &["五常市", "海林市"] },
    Province { name: "吉林省", abbr: "吉", cities: &["四平市", "通化市"], counties: &["梅河口市", "公主岭市"] },
    Province { name: "内蒙古自治区", abbr: "内蒙", cities: &["包头市", "赤峰市"], counties: &["满洲里市", "准格尔旗"] },
    Province { name: "贵州省", abbr: "黔", cities: &["遵义市", "六盘水市"], counties: &["仁怀市", "盘州市"] },
    Province { name: "山西省", abbr: "晋", cities: &["大同市", "长治市"], counties: &["介休市", "孝义市"] },
    Province { name: "辽宁省", abbr: "辽", cities: &["鞍山市", "锦州市"], counties: &["海城市", "庄河市"] },
];

/// Duties every department has besides its own: office work, money, the Party, the law,
/// information systems, staff.
pub const COMMON_DUTIES: &[Duty] = &[
    Duty {
        name: "综合管理与政务服务",
        goal: "加强机关日常运转保障、督查督办和政务公开工作，规范办文办会程序，提升机关服务效能和行政效率。",
        acts: &["督查督办", "政务公开"],
        items: &["机关运行经费"],
        inds: &[
            Ind("政府信息主动公开", "通过门户网站主动公开政府信息条数", Val::Count("条", 100, 600)),
            Ind("人大建议政协提案办复率", "承办的人大代表建议和政协委员提案按期办复比例", Val::Rate(100, 100)),
            Ind("督查督办事项办结率", "上级交办和本部门重点督办事项按期办结比例", Val::Rate(95, 100)),
            Ind("便民热线工单按期办结率", "政务服务便民热线转办工单按期办结比例", Val::Rate(97, 100)),
            Ind("政务新媒体更新频次", "部门政务微信公众号信息更新频次", Val::Count("次/周", 2, 5)),
            Ind("公文处理差错率", "经办公文在格式、文字和程序上的差错比例", Val::Cap("%", 1, 2)),
        ],
    },
    Duty {
        name: "财务与资产管理",
        goal: "严格执行部门预算，规范财务收支和政府采购行为，加强国有资产管理，提高财政资金使用效益。",
        acts: &["预算编制与执行", "资产清查"],
        items: &["机关运行经费"],
        inds: &[
            Ind("部门预算执行率", "年度部门预算支出执行率", Val::Rate(90, 98)),
            Ind("“三公”经费控制", "“三公”经费支出较上年变动情况", Val::Word(&["只减不增", "零增长"])),
            Ind("政府采购合规率", "政府采购项目按规定程序实施的比例", Val::Rate(100, 100)),
            Ind("固定资产账实相符率", "固定资产年度盘点账实相符比例", Val::Rate(98, 100)),
            Ind("项目支出绩效自评覆盖率", "开展绩效自评的项目支出占全部项目支出的比例", Val::Rate(100, 100)),
            Ind("决算报表报送", "部门决算报表按规定时间报送财政部门", Val::Word(&["按时完成", "按时报送"])),
        ],
    },
    Duty {
        name: "机关党建与党风廉政建设",
        goal: "落实全面从严治党主体责任，加强机关党组织建设和党员教育管理，持续推进党风廉政建设和反腐败工作。",
        acts: &["党员教育管理", "廉政警示教育"],
        items: &["党建工作经费"],
        inds: &[
            Ind("党员集中学习培训", "组织党员集中学习培训次数", Val::Count("次", 10, 24)),
            Ind("“三会一课”落实率", "机关党支部按规定开展“三会一课”的比例", Val::Rate(100, 100)),
            Ind("廉政警示教育", "开展廉政警示教育活动次数", Val::Count("次", 2, 6)),
            Ind("意识形态工作责任制", "意识形态工作责任制落实情况", Val::Word(&["全面落实"])),
            Ind("主题党日活动", "各党支部组织主题党日活动次数", Val::Count("次", 12, 12)),
            Ind("违规违纪案件", "机关干部职工发生违规违纪案件起数", Val::Cap("起", 0, 0)),
        ],
    },
    Duty {
        name: "依法行政与普法宣传",
        goal: "坚持依法决策、依法履职，落实“谁执法谁普法”普法责任制，不断提高干部职工的法治素养和依法行政水平。",
        acts: &["普法宣传", "合法性审查"],
        items: &["法律顾问经费"],
        inds: &[
            Ind("重大行政决策合法性审查率", "重大行政决策出台前经合法性审查的比例", Val::Rate(100, 100)),
            Ind("行政执法信息公示率", "行政执法主体、依据、结果等信息按规定公示比例", Val::Rate(100, 100)),
            Ind("干部职工学法活动", "组织干部职工集中学法活动次数", Val::Count("次", 4, 12)),
            Ind("行政复议纠错和诉讼败诉案件", "被行政复议纠错和行政诉讼败诉的案件数", Val::Cap("件", 0, 2)),
            Ind("权责清单动态调整", "根据法律法规变化及时调整权力清单和责任清单", Val::Word(&["及时调整", "按时完成"])),
            Ind("法律顾问参与率", "重大合同和重大事项经法律顾问审核的比例", Val::Rate(100, 100)),
        ],
    },
    Duty {
        name: "信息化建设与网络安全",
        goal: "推进部门业务信息系统整合共享，落实网络安全等级保护制度，保障各类信息系统安全稳定运行。",
        acts: &["等级保护测评", "系统运维"],
        items: &["信息化运维经费"],
        inds: &[
            Ind("政务服务事项网上可办率", "依申请政务服务事项可网上办理的比例", Val::Rate(90, 100)),
            Ind("等级保护测评完成率", "重要信息系统按期完成等级保护测评的比例", Val::Rate(100, 100)),
            Ind("重大网络安全事件", "发生重大网络安全事件起数", Val::Cap("起", 0, 0)),
            Ind("政务数据资源共享目录", "编制上报政务数据资源共享目录条数", Val::Count("条", 20, 120)),
            Ind("网络安全培训", "组织干部职工网络安全培训人次", Val::Count("人次", 50, 300)),
        ],
    },
    Duty {
        name: "干部队伍建设",
        goal: "优化干部队伍结构，加强干部教育培训和日常考核管理，建设忠诚干净担当的高素质专业化干部队伍。",
        acts: &["干部教育培训", "人才引进"],
        items: &["干部教育培训经费"],
        inds: &[
            Ind("干部教育培训学时达标率", "干部参加年度教育培训达到规定学时的比例", Val::Rate(95, 100)),
            Ind("公务员年度考核", "按规定完成公务员和参公人员年度考核", Val::Word(&["按时完成"])),
            Ind("干部人事档案专项审核", "干部人事档案专项审核完成率", Val::Rate(100, 100)),
            Ind("急需紧缺人才引进", "引进急需紧缺专业人才数量", Val::Count("人", 3, 20)),
            Ind("干部交流轮岗", "开展干部交流轮岗人次", Val::Count("人次", 5, 30)),
        ],
    },
];


/// 年度标准值 sources that are not a law or a plan of the department.
pub const STANDARD_SOURCES: &[&str] =
    &["行业标准", "国家标准", "内部统计", "上级考核要求", "根据往年情况制定", "年度工作计划", "省级考核办法"];

/// 数据来源 of history values besides the department's own systems.
pub const HISTORY_SOURCES: &[&str] = &["内部统计", "统计年鉴", "统计公报", "工作台账", "年度工作总结"];

/// 备注 texts: why a value is missing, or what kind of indicator it is. None reads like a
/// source (`根据往年情况制定`, `上级考核要求`): a reader of a shifted row tells a remark from a
/// source by what it says (`decode`).
pub const REMARKS: &[&str] = &[
    "新增指标",
    "重点工作",
    "约束性指标",
    "预期性指标",
    "新设指标，暂无历史数据",
    "历史值为1-11月数据",
    "民生实事项目",
    "年度重点任务",
];

/// 指标类型 of the optional extra column (not a record field).
pub const INDICATOR_TYPES: &[&str] = &["产出指标", "效益指标", "满意度指标", "成本指标"];

/// 资金来源 items other than 财政拨款.
pub const OTHER_SOURCES: &[&str] =
    &["上级补助收入", "事业收入", "其他收入", "经营收入", "单位自有资金", "其他资金", "政府性基金预算拨款"];

/// The first 资金来源 item when it is not 财政拨款.
pub const FIRST_SOURCES_NOT_FISCAL: &[&str] = &["一般公共预算拨款", "一般公共预算财政拨款"];

/// Whom a notice is addressed to.
pub const ADDRESSEES: &[&str] =
    &["机关各科室、各直属单位：", "局机关各科（室）、局属各单位：", "各科室，各二级机构：", "委机关各处室、委属各单位："];

/// Notice titles; `{dept}` and `{year}` are filled in.
pub const NOTICE_TITLES: &[&str] = &[
    "关于印发{year}年度部门预算整体绩效目标的通知",
    "{dept}关于下达{year}年部门预算整体绩效目标的通知",
    "关于印发《{dept}{year}年部门预算整体绩效目标》的通知",
    "关于公开{year}年度部门预算整体绩效目标的通知",
    "{dept}关于报送{year}年部门预算整体绩效目标表的通知",
];

/// The notice body; `{place}` and `{year}` are filled in.
pub const NOTICE_BODIES: &[&str] = &[
    "　　为深入贯彻全面实施预算绩效管理的决策部署，按照{place}财政局关于编制{year}年部门预算的工作要求，我局结合部门职责和年度重点工作，编制了{year}年部门预算整体绩效目标，现予印发。请各单位对照目标细化工作措施，确保各项指标按期完成。",
    "　　根据《中华人民共和国预算法》及其实施条例，按照“花钱必问效、无效必问责”的要求，现将我单位{year}年部门预算整体绩效目标印发给你们，请认真组织实施，年终将对照目标开展绩效自评。",
    "　　按照{place}关于加快建成全方位、全过程、全覆盖预算绩效管理体系的安排，经局党组会议研究，确定了本部门{year}年度整体绩效目标，现印发执行。各责任单位要加强过程监控，发现偏离目标的情况及时纠偏。",
];

/// Sentence forms of the 战略目标; `{plan}` (the period, `十四五`), `{place}`, `{province}`,
/// `{topic}`, `{short}` (`市民政局`), `{aims}` and `{year}` are filled in.
pub const STRATEGY_FORMS: &[&str] = &[
    "按照《{place}“{plan}”{topic}规划》确定的目标任务，到“{plan}”末，{short}力争{aims}，为{place}经济社会高质量发展提供坚实保障。",
    "立足{place}实际，对标{province}有关要求，围绕“{plan}”时期{topic}总体目标，{short}着力推动{aims}，确保{year}年度各项目标任务全面完成。",
    "以{topic}高质量发展为主线，{short}在{year}年着重实现{aims}，推动各项工作再上新台阶。",
];
