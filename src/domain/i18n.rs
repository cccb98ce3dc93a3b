//! The message catalog shared by the rules, the package, the checker and
//! the wizard: one key, one zh-CN text, one en text, same placeholders.

use crate::domain::table::Table;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The language the switch offers: the one not in use.
    pub fn other(self) -> Self {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Self> {
        match tag.to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "zh-hans" | "zh-hans-cn" => Some(Lang::Zh),
            "en" | "en-gb" | "en-us" => Some(Lang::En),
            _ => None,
        }
    }
}

/// One catalog entry, written `msg!(key, zh-CN, en)`: the key, then both
/// texts in one literal joined by a NUL (which no text holds). Two words
/// of pointer less per entry than three `&str`s: the catalogs' 530
/// entries are that much smaller in the bundle.
pub type Entry = (&'static str, &'static str);

macro_rules! msg {
    ($key:literal, $zh:literal, $en:literal) => {
        ($key, concat!($zh, "\0", $en))
    };
}
pub(crate) use msg;

/// An entry's text in `lang`.
pub fn text_of(both: &'static str, lang: Lang) -> &'static str {
    let (zh, en) = both.split_once('\0').unwrap_or((both, both));
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// (key, zh-CN, en) of each entry of a catalog.
pub fn entries(
    table: &'static [Entry],
) -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    table
        .iter()
        .map(|(key, both)| (*key, text_of(both, Lang::Zh), text_of(both, Lang::En)))
}

/// Placeholders are `{name}`; a parameter whose value starts with `@`
/// names another key, rendered in the same language.
pub static MESSAGES: &[Entry] = &[
    // Citations.
    msg!("src.gb11714", "GB 11714-1997", "GB 11714-1997"),
    msg!("src.reg9", "《政府采购法实施条例》第九条", "GPL Implementing Regulations, Art. 9"),
    msg!("src.catalog", "财库〔2022〕31号（品目分类目录）", "Cai Ku [2022] No. 31 (item catalog)"),
    msg!("src.interpretation", "（本产品的解读）", " (this product's reading)"),
    // Strict JSON refusals (RFC 7493): packages, drafts, config, params.
    msg!("json.duplicate", "{at}：键“{key}”出现了两次", "{at}: key \"{key}\" appears twice"),
    msg!("json.top_level", "（顶层）", "(top level)"),
    msg!("json.surrogate", "第 {line} 行第 {column} 列：字符串含有孤立的代理项（如 \\ud800），不是有效文本", "line {line}, column {column}: a string holds a lone surrogate (like \\ud800), which is not text"),
    msg!("json.syntax", "不是有效的 JSON（第 {line} 行第 {column} 列）", "not valid JSON (line {line}, column {column})"),
    msg!("json.too_large", "超过 {max} 字节，未读取", "larger than {max} bytes; not read"),
    msg!("json.too_deep", "嵌套层次过深，不是本产品的文件", "nested too deeply to be a file of this product"),
    // Reading untrusted input (filings, drafts, config, thresholds, packages).
    msg!("read.missing", "缺少此字段", "is missing"),
    msg!("read.no_such_field", "没有这个字段", "no such field"),
    msg!("read.unknown_option", "未知的选项；可用的选项为 {known}", "unknown option; known options are {known}"),
    msg!("read.unknown_field", "未知字段；已知字段为 {known}", "unknown field; known fields are {known}"),
    msg!("read.string", "应为文本", "must be a string"),
    msg!("read.bool", "应为 true 或 false", "must be true or false"),
    msg!("read.whole_number", "应为非负整数", "must be a whole number"),
    msg!("read.option", "应为所列选项之一", "must be one of the listed options"),
    msg!("read.object", "应为对象", "must be an object"),
    msg!("read.list", "应为列表", "must be a list"),
    msg!("read.too_long", "超过 {max} 个字符", "is longer than {max} characters"),
    msg!("read.too_large", "共 {size} 字节，最多 {max} 字节", "is {size} bytes; the most is {max}"),
    msg!("read.locale", "{value} 不是 zh-CN 或 en", "{value} is not zh-CN or en"),
    msg!("read.profile", "{value} 不是已知的地区规则（{known}）；其他地区请用 profileData 提供规则文件", "{value} is not a known profile ({known}); give another region's profile file as profileData"),
    msg!("read.profile_id", "应为 2–32 个字符：小写字母开头，由小写字母、数字、- 或 _ 组成", "must be 2–32 characters: a lowercase letter, then lowercase letters, digits, - or _"),
    msg!("read.profile_format", "应为 1（本版本读取的规则文件格式）", "must be 1 (the profile format this version reads)"),
    msg!("read.profile_mismatch", "与 profileData 的 id（{value}）不一致", "differs from the id of profileData ({value})"),
    msg!("read.nonempty", "不能为空", "must not be empty"),
    msg!("read.duplicate", "重复：{value}", "is a duplicate: {value}"),
    msg!("read.one_of", "应为以下之一：{known}", "must be one of: {known}"),
    msg!("read.division_prefix", "应为 2 到 6 位数字的行政区划代码前缀", "must be a division code prefix of 2 to 6 digits"),
    msg!("read.forwards", "应为本文件中另一份通知的 id", "must be the id of another notice in this file"),
    msg!("read.unknown_rule", "没有这条规则；规则为 {known}", "no such rule; the rules are {known}"),
    msg!("read.unknown_source", "{value} 未在 sources 中定义", "{value} is not defined in sources"),
    msg!("bulk.too_large", "粘贴的内容或文件共 {size} 字节，一次最多 {max} 字节；请分批添加，本次未添加任何行", "The pasted text or file is {size} bytes; at most {max} at a time: add it in parts. No row was added"),
    msg!("bulk.too_many_rows", "共 {rows} 行，一次最多 {max} 行；请分批添加，本次未添加任何行", "{rows} rows; at most {max} at a time: add them in parts. No row was added"),
    msg!("bulk.list_full", "添加后列表共 {rows} 行，超过上限 {max} 行；本次未添加任何行", "The list would hold {rows} rows, over the limit of {max}. No row was added"),
    msg!("bulk.empty", "没有读到任何行：请从表格中复制行（可包含标题行）后粘贴", "No rows were read: copy rows from a spreadsheet (a header row may come first) and paste them"),
    msg!("bulk.unknown_header", "标题行的“{value}”不是本列表的列；本列表的列为：{known}", "“{value}” in the header row is not a column of this list; its columns are: {known}"),
    msg!("bulk.too_many_columns", "第 {row} 行有 {cells} 列，本列表只有 {max} 列：{known}", "Row {row} has {cells} columns; this list has {max}: {known}"),
    msg!("bulk.level", "“{value}”不是行政级别：请填 中央、省级、市级 或 县级", "“{value}” is not a level: use central, province, city or county"),
    msg!("bulk.encoding", "无法识别文件的编码：请在表格软件中另存为 UTF-8 或 GBK 编码的 CSV", "The file's encoding cannot be read: save it from the spreadsheet as CSV in UTF-8 or GBK"),
    msg!("read.too_many_rows", "最多 {max} 行", "has more than {max} rows"),
    msg!("read.uscc", "不是有效的统一社会信用代码", "is not a valid unified social credit code"),
    msg!("read.digest", "应为 sha256: 加 64 位小写十六进制", "must be sha256: and 64 lowercase hex digits"),
    msg!("read.field_names", "应为字段名列表", "must be a list of field names"),
    msg!("read.not_prefillable", "{value} 不是可预填的字段", "{value} is not a pre-fillable field"),
    msg!("read.namespace", "请使用 1–64 个字符：A–Z a–z 0–9 - _ . :", "use 1–64 characters from A–Z a–z 0–9 - _ . :"),
    msg!("read.theme_key", "主题键应为以 --prw- 开头的 CSS 自定义属性", "theme keys are CSS custom properties starting with --prw-"),
    msg!("read.css_value", "不是简单的 CSS 值", "not a plain CSS value"),
    msg!("read.stylesheet", "应为向导 CSS 文件的 URL", "must be a URL of the wizard's CSS file"),
    msg!("read.origin", "应为父页面的确切来源，如 https://portal.example.gov.cn（不能是 *）", "must be the parent page's exact origin, like https://portal.example.gov.cn (never *)"),
    msg!("read.many_units", "应为 2 到 100000 之间的整数", "must be a whole number from 2 to 100000"),
    msg!("read.fen", "应为以分计的正数金额", "must be a positive amount in fen"),
    msg!("read.date", "应为日期 YYYY-MM-DD", "must be a date YYYY-MM-DD"),
    msg!("read.date_order", "不能早于 valid_from", "must not be before valid_from"),
    msg!("read.level", "应为 central、province、city 或 county", "must be central, province, city or county"),
    msg!("read.object_kind", "应为 goods、services 或 works", "must be goods, services or works"),
    msg!("read.draft_id", "不是有效的草稿编号", "not a valid draft id"),
    // Package refusals.
    msg!("pkg.no_route", "没有选择采购组织形式", "no route is chosen"),
    msg!("pkg.unknown_version", "未知的 schema_version：{version}", "unknown schema_version {version}"),
    msg!("pkg.no_version", "缺少 schema_version", "no schema_version"),
    msg!("pkg.no_digest", "缺少 digest", "no digest"),
    msg!("pkg.digest", "digest 与内容不符：备案包在制作后被改动过", "the digest does not match: the package was changed after it was made"),
    msg!("pkg.shape", "不是 v1 备案包：{detail}", "not a v1 package: {detail}"),
    msg!("pkg.wrong_profile", "备案包按“{made}”规则制作，本门户按“{pinned}”检查", "the package was made under profile \"{made}\"; this portal checks under \"{pinned}\""),
    msg!("pkg.bad_params", "服务器的门槛参数无效：", "the server's thresholds are invalid: "),
    msg!("pkg.differs", "{field} 为 {claimed}，但按备案内容应为 {derived}", "{field} is {claimed} but the filing gives {derived}"),
    msg!("pkg.leftover", "{section} 属于其他采购组织形式，备案包中应为空", "{section} belongs to another route and must be empty in a package"),
    msg!("pkg.ready_over_error", "ready 为 true，但备案包自身的 findings[{i}] 是错误", "ready is true but the package's own findings[{i}] is an error"),
    msg!("pkg.unknown_profile", "备案包按“{profile}”规则制作，本服务没有这份规则文件", "the package was made under profile \"{profile}\", which this server does not have"),
    msg!("pkg.profile_digest", "备案包检查时所用的“{profile}”规则文件与本服务的不同（profile_digest 不符）", "the package was checked against another text of profile \"{profile}\" than this server's (profile_digest differs)"),
    msg!("pkg.foreign_clause", "findings[{i}] 引用的是“{profile}”规则的条款，与备案包的规则不符", "findings[{i}] cites the clause of profile \"{profile}\", not the package's"),
    msg!("pkg.message", "findings[{i}] 的文字与其规则和参数不符", "the text of findings[{i}] does not follow from its key and params"),
    msg!("pkg.float", "含有非整数或超出范围的数字（本格式只用整数）", "holds a number that is not a whole number in range (the format has integers only)"),
    // Field names used inside messages.
    msg!("field.purchaser.name", "采购单位名称", "the purchaser's name"),
    msg!("field.purchaser.contact_name", "联系人姓名", "the contact person's name"),
    msg!("field.purchaser.division", "行政区划", "the administrative division"),
    msg!("field.project.name", "项目名称", "the project name"),
    msg!("field.project.funding_source", "资金来源", "the funding source"),
    msg!("field.project.budget", "预算金额", "the budget amount"),
    msg!("field.project.planned_date", "计划采购时间", "the planned procurement date"),
    msg!("field.project.item_code", "品目编码", "the item code"),
    msg!("field.unit.name", "单位名称", "the unit's name"),
    msg!("field.unit.amount", "金额", "the amount"),
    msg!("field.unit.plan_date", "采购计划备案日期", "the plan filing date"),
    msg!("field.organiser.name", "组织单位名称", "the organiser's name"),
    msg!("field.organiser.project_ref", "组织单位的项目编号", "the organiser's project reference"),
    msg!("field.join.participation_date", "参加日期", "the participation date"),
    msg!("field.agency.name", "集中采购机构名称", "the agency's name"),
    msg!("field.agency.reason_detail", "原因说明", "the reason"),
    msg!("field.agency.plan_agent", "采购计划中的代理机构", "the agent named in the plan"),
    msg!("field.mall.standard_ref", "统一需求标准", "the unified requirement standard"),
    msg!("field.joint.agency_name", "代理机构名称", "the agency's name"),
    msg!("field.joint.allocation_terms", "结果分配方式", "how the result is split"),
    msg!("field.representative.post", "职务", "the post"),
    msg!("field.representative.name", "采购人代表姓名", "the representative's name"),
    msg!("field.representative.phone", "采购人代表电话", "the representative's phone number"),
    msg!("field.uscc", "统一社会信用代码", "the unified social credit code"),
    msg!("field.contact_phone", "联系电话", "the phone number"),
    msg!("field.unit.budget_source", "预算资金来源", "the unit's budget source"),
    msg!("field.organisation.name", "单位名称", "the organisation's name"),
    msg!("field.approval_ref", "审批文号", "the approval reference"),
    msg!("field.entrustment_ref", "委托协议编号", "the entrustment agreement reference"),
    msg!("field.representative.authorization_ref", "授权书编号", "the authorization letter reference"),
    msg!("field.responsibility.entrusted_matters", "委托事项", "the entrusted matters"),
    msg!("field.policies.other", "其他采购政策", "other procurement policies"),
    msg!("field.approval_date", "审批日期", "the approval date"),
    msg!("field.confirmation.date", "确认日期", "the confirmation date"),
    msg!("field.plan_ref", "采购计划备案编号", "the plan filing reference"),
    msg!("field.confirmation.by", "确认人", "who confirmed"),
    msg!("field.confirmation.reference", "确认文号或联系方式", "the confirmation reference"),
    msg!("field.requirement_ref", "采购需求文件编号", "the requirement reference"),
    msg!("field.mall_ref", "网上商城批次或订单编号", "the mall reference"),
    msg!("field.allocation_ref", "分配协议编号", "the allocation agreement reference"),
    msg!("field.plan_date", "采购计划备案日期", "the plan filing date"),
    msg!("field.allocation_date", "分配约定日期", "the allocation agreement date"),
    msg!("field.entrustment_date", "委托协议日期", "the entrustment agreement date"),
    msg!("field.level", "行政级别", "the administrative level"),
    msg!("field.object", "采购标的", "the object of the procurement"),
    msg!("field.in_catalog", "是否属于集中采购目录", "whether it is in the centralized catalog"),
    msg!("field.in_jinan", "是否驻济", "whether the unit is located in Jinan"),
    msg!("field.agency_choice", "选择的集中采购机构", "which agency you choose"),
    msg!("field.agency_kind", "代理机构类型", "the kind of agency"),
    msg!("field.uses_agency", "是否委托代理机构", "whether an agency runs the procurement"),
    msg!("who.purchaser", "采购单位", "the purchaser"),
    msg!("who.unit", "该单位", "this unit"),
    msg!("who.organiser", "组织部门", "the organising department"),
    msg!("who.agency", "代理机构", "the agency"),
    msg!("level.central", "中央", "central"),
    msg!("level.province", "省级", "provincial"),
    msg!("level.city", "市级", "city"),
    msg!("level.county", "县级", "county"),
    // G: every route.
    msg!("G1.empty", "输入{field}的统一社会信用代码", "Enter the unified social credit code of {field}"),
    msg!("G1.length", "统一社会信用代码应为 18 位，现为 {count} 位", "A unified social credit code has 18 characters; this one has {count}"),
    msg!("G1.character", "统一社会信用代码第 {position} 位“{found}”不是有效字符", "Character {position} of the unified social credit code, “{found}”, is not allowed"),
    msg!("G1.character_suggest", "统一社会信用代码第 {position} 位“{found}”不是有效字符，是否应为“{suggest}”", "Character {position} of the unified social credit code, “{found}”, is not allowed: did you mean “{suggest}”?"),
    msg!("G1.check", "统一社会信用代码的校验位不对：按前 17 位，第 18 位应为“{expected}”，请核对代码", "The check character of the unified social credit code is wrong: from the first 17 characters it should be “{expected}”. Check the code"),
    msg!("G1.org_check", "统一社会信用代码第 17 位与组织机构代码校验不一致，请核对（部分真实代码如此）", "Character 17 does not match the organization-code check; please confirm (some real codes are irregular)"),
    msg!("G1.enterprise", "该代码以 9 开头（企业），采购人通常为机关、事业单位或团体，请核对", "This code starts with 9 (an enterprise); purchasers are usually government bodies, public institutions or associations. Please confirm"),
    msg!("G1.duplicate", "第 {row} 行与第 {other} 行的统一社会信用代码相同，每个单位只列一次", "Row {row} has the same unified social credit code as row {other}; list each unit once"),
    msg!("G2.empty", "输入{field}（元）", "Enter {field} in yuan"),
    msg!("G2.format", "{field}只能是数字，例如 1,234.50", "{field} must be a number, like 1,234.50"),
    msg!("G2.decimals", "{field}最多保留两位小数（到分）", "{field} can have at most two decimal places"),
    msg!("G2.positive", "{field}必须大于 0", "{field} must be more than 0"),
    msg!("G2.too_large", "{field}过大，请核对", "{field} is too large; check it"),
    msg!("G3.empty", "输入{field}", "Enter {field}"),
    msg!("G3.format", "{field}应为日期，例如 2021-01-28 或 2021年1月28日", "{field} must be a date, like 2021-01-28 or 2021年1月28日"),
    msg!("G3.no_such_day", "{field}不是真实存在的日期", "{field} must be a real date"),
    msg!("G3.future", "{field}不能晚于今天（北京时间 {today}）", "{field} must be today ({today}, China time) or in the past"),
    msg!("G4.required", "填写{field}", "Enter {field}"),
    msg!("G4.answer", "请选择一个答案", "Select an answer"),
    msg!("G4.choose", "选择{field}", "Select {field}"),
    msg!("G4.too_long", "{field}不能超过 {max} 个字", "{field} must be {max} characters or fewer"),
    msg!("G4.control", "{field}含有不可见的控制字符，请删除", "{field} contains invisible control characters; remove them"),
    msg!("G4.phone", "输入有效的联系电话，手机号如 13812345678，座机如 0635-8241234", "Enter a valid phone number, like 13812345678 or 0635-8241234"),
    msg!("G4.item_code", "品目编码应为 A、B 或 C 加 8 位数字，例如 C21040000", "An item code is A, B or C followed by 8 digits, like C21040000"),
    msg!("G4.item_object", "品目编码首字母“{letter}”与采购标的不符：{object}应以“{expected}”开头", "The item code's letter “{letter}” does not match the object: {object} codes start with “{expected}”"),
    msg!("G4.rows", "至少添加一个单位", "Add at least one unit"),
    msg!("G4.too_many_rows", "单位过多（{count} 个），最多 {max} 个", "Too many units ({count}); the most is {max}"),
    msg!("G6.other_profile", "本单位的行政区划代码为 {division}，应按“{fits}”规则备案，不适用“{profile}”规则", "Your unit's division code is {division}: it files under the “{fits}” profile, not “{profile}”"),
    msg!("G6.outside", "本单位的行政区划代码为 {division}，不在山东省内，本通知不适用", "Your unit's division code is {division}, outside Shandong: this notice does not apply"),
    msg!("G7.level", "行政级别为{level}，但统一社会信用代码中的行政区划 {division} 是{granularity}的代码，请核对（登记地可能不同）", "Your level is {level} but the code's division {division} is that of a {granularity} unit; please check (registration can differ)"),
    msg!("G7.in_jinan", "只有省级单位回答“是否驻济”，请核对行政级别", "Only provincial units say whether they are located in Jinan; check your level"),
    msg!("G5.route", "选择采购组织形式", "Choose how the procurement is organised"),
    msg!("object.goods", "货物", "goods"),
    msg!("object.services", "服务", "services"),
    msg!("object.works", "工程", "works"),
    // D: department centralized procurement.
    msg!("D1.level", "组织部门集中采购的应为{level}部门", "Department centralized procurement is organised by a {level} department"),
    msg!("D2.declare", "确认采购需求属于组织部门本部门、本系统或职能管理范围", "Confirm that the need lies within the organiser's own department, system or functional remit"),
    msg!("D3.choose", "选择汇总需求的性质", "Select what kind of need is pooled"),
    msg!("D3.shandong", "部门集中采购汇总的应为通用性采购需求", "Department centralized procurement pools general-purpose needs"),
    msg!("D3.liaocheng", "部门集中采购汇总的应为业务需要有特殊要求、可统一采购的需求", "Department centralized procurement pools business needs with special requirements that can be bought together"),
    msg!("D4.plan_ref", "第 {row} 行：填写该需求单位的采购计划备案编号（各需求单位分别备案）", "Row {row}: enter this unit's plan filing reference (each requesting unit files its own plan)"),
    msg!("D4.plan_date", "第 {row} 行：填写该需求单位的采购计划备案日期", "Row {row}: enter this unit's plan filing date"),
    msg!("D5.info", "各需求单位按照采购结果分别签订采购合同", "Each requesting unit signs its own contract on the result"),
    msg!("D6.many", "需求单位较多（{count} 个），可通过省政府采购网上商城实施", "With many requesting units ({count}), the project may run through the provincial online mall"),
    msg!("D6.levels", "需求单位分属 {levels} 个行政级别，可通过省政府采购网上商城实施", "With requesting units at {levels} administrative levels, the project may run through the provincial online mall"),
    msg!("D6.many_levels", "需求单位较多（{count} 个）且分属 {levels} 个行政级别，可通过省政府采购网上商城实施", "With many requesting units ({count}) at {levels} administrative levels, the project may run through the provincial online mall"),
    msg!("D7.few", "只有一个单位的需求，无需汇总；部门集中采购应汇总两个以上单位的需求", "Only one unit's need is listed; department procurement pools the needs of two or more units"),
    msg!("D8.not_higher", "组织单位的级别应高于本单位（{level}）", "The organiser must be at a higher level than your unit ({level})"),
    msg!("D8.purchaser_level", "先在采购单位页选择本单位的行政级别", "Select your unit's administrative level on the purchaser page first"),
    msg!("D9.plan_ref", "填写在本级财政部门备案的采购计划编号", "Enter the reference of the plan filed with your own finance department"),
    msg!("D9.order", "应先在本级财政部门备案采购计划再参加：备案日期 {plan} 晚于参加日期 {join}", "File the plan with your own finance department before taking part: the filing date {plan} is after the participation date {join}"),
    msg!("D10.info", "直接使用组织单位的采购结果签订合同后，须在本级财政部门备案合同（待办）", "After signing on the organiser's result, file the contract with your own finance department (pending)"),
    // A: agency across levels.
    msg!("A0.own_agency", "所选的是本级政府的集中采购机构（同一行政级别、同一行政区划 {division}）：这是通常做法，不属于跨级次选择，无需按本通知备案", "The chosen agency is your own government's centralized agency (same level, same division {division}): that is the usual way, not a cross-level choice, and nothing is filed under this notice"),
    msg!("A1.not_catalog", "只有集中采购目录内的项目才能跨级次选择集中采购机构", "Only projects in the centralized procurement catalog can choose an agency across levels"),
    msg!("A2.allowed", "非驻济省直预算单位可将集中采购目录内项目委托驻地集中采购机构", "A provincial unit outside Jinan may entrust its catalog project to the agency where it is located"),
    msg!("A2.not_eligible", "委托驻地集中采购机构仅适用于非驻济的省直预算单位；其他情况请选择“其他集中采购机构”", "Only provincial units located outside Jinan may use the local agency; otherwise choose “another agency”"),
    msg!("A3.reason", "选择本级无集中采购机构或本级机构无开展代理活动条件的原因", "Select why: your level has no centralized agency, or its agency cannot act"),
    msg!("A3-LC.allowed", "聊城各级预算单位可将集中目录内项目委托省政府采购中心或济南市政府采购中心，无需说明原因", "Liaocheng budget units may entrust catalog projects to the provincial or Jinan centre; no reason is needed"),
    msg!("A4.other", "允许打破行政隶属选择集中采购机构，但此情形通知未逐项列明，请与本级财政部门确认", "Choosing across levels is allowed in principle, but this case is not spelled out: confirm with your finance department"),
    msg!("A5.by", "填写集中采购机构的确认人", "Enter who at the agency confirmed"),
    msg!("A5.reference", "填写确认的文号或联系方式", "Enter the confirmation's document number or contact record"),
    msg!("A5.order", "应先与集中采购机构沟通确认再备案采购计划：确认日期 {confirmed} 晚于备案日期 {plan}", "Confirm with the agency before filing the plan: the confirmation date {confirmed} is after the filing date {plan}"),
    msg!("A6.plan_ref", "填写按本级监管部门要求备案的采购计划编号", "Enter the reference of the plan filed as your supervisor requires"),
    msg!("A6.agent_mismatch", "采购计划中的代理机构“{agent}”应变更为拟委托的集中采购机构“{agency}”", "The agent in the plan, “{agent}”, must be changed to the chosen agency, “{agency}”"),
    msg!("A8.directory", "机构名录中“{agency}”的这一项为“{expected}”：请核对；若不是该机构，请选择“其他集中采购机构”", "The agency directory lists “{agency}” with “{expected}” here: check it, or choose another centralized agency if it is not this one"),
    msg!("A7.info", "公告、验收、支付、监管等事项仍按现行规定由本级执行", "Announcements, acceptance, payment and supervision stay with your own level"),
    // J: joint procurement.
    msg!("J0.works", "联合采购仅适用于货物和服务，工程项目不能采用", "Joint procurement is for goods and services only; a works project cannot use it"),
    msg!("J1.not_catalog", "批量集中采购、统采分签仅适用于集中采购目录内的项目", "Batch procurement through the mall is for catalog items only"),
    msg!("J1.standard", "确认该品目有统一的需求标准", "Confirm that the item has one unified requirement standard"),
    msg!("J2.mall_ref", "填写网上商城的批次或订单编号", "Enter the online mall's batch or order reference"),
    msg!("J2.info", "通过网上商城统一组织，各采购人分别签订合同", "Organised through the online mall; each purchaser signs separately"),
    msg!("J3.too_few", "联合采购至少需要两个采购人，现有 {count} 个", "Joint procurement needs at least two purchasers; there are {count}"),
    msg!("J4.reference", "填写共同编制的采购需求文件编号", "Enter the reference of the jointly drafted requirement"),
    msg!("J4.agreed", "确认采购需求由各采购人共同研究编制并一致同意", "Confirm that all purchasers drafted and agreed the requirement together"),
    msg!("J5.budget_source", "第 {row} 行：填写该采购人的预算来源", "Row {row}: enter this purchaser's budget source"),
    msg!("J5.plan_ref", "第 {row} 行：填写该采购人的采购计划备案编号（分别备案）", "Row {row}: enter this purchaser's plan filing reference (each files its own)"),
    msg!("J6.centralized_only", "各采购人应委托同一集中采购机构；社会代理机构不适用", "All purchasers must entrust the same centralized procurement agency; a social agent is not allowed here"),
    msg!("J7.info", "编制涵盖各采购人需求的一套采购文件，评审后发布完整的采购结果", "One set of documents covers every purchaser's need; the complete result is published after evaluation"),
    msg!("J8.missing", "记录事先约定的结果分配协议（编号、日期和分配方式）", "Record the allocation agreement made in advance (reference, date and how the result is split)"),
    msg!("J8.not_in_advance", "结果分配应事先约定：约定日期 {agreed} 晚于计划采购时间 {planned}", "The split must be agreed in advance: the agreement date {agreed} is after the planned procurement date {planned}"),
    msg!("J9.choose", "选择验收方式：分别验收或联合验收", "Select how acceptance is done: separately or jointly"),
    msg!("J9.contract", "按照合同约定分别验收或联合验收", "Acceptance separately or jointly, as the contract says"),
    msg!("J9.voluntary", "各采购人分别验收，也可自愿开展联合验收", "Each purchaser accepts separately, or jointly if they choose"),
    msg!("J10.sum", "各采购人份额合计 {sum} 元，与项目预算 {budget} 元不一致", "The purchasers' shares add up to {sum} yuan, not the project budget of {budget} yuan"),
    // R: purchaser responsibility.
    msg!("R1.choose", "选择采购方式", "Select the procurement method"),
    msg!("R1.approval", "预算达到公开招标数额标准（{threshold} 元），采用公开招标以外的方式须在采购活动开始前获得批准：填写批准文号和日期", "The budget reaches the public-tender threshold ({threshold} yuan): a method other than public tender needs approval before the procurement starts. Enter the approval reference and date"),
    msg!("R1.approval_late", "批准日期 {approved} 应早于计划采购时间 {planned}", "The approval date {approved} must be before the planned procurement date {planned}"),
    msg!("R2.matters", "写明委托代理机构办理的事项", "State the matters entrusted to the agency"),
    msg!("R2.agreement", "填写委托代理协议的编号和日期", "Enter the entrustment agreement's reference and date"),
    msg!("R3.name", "填写采购人代表的姓名，不得空缺采购人代表", "Enter the purchaser representative's name; the post must not be left vacant"),
    msg!("R3.phone", "输入采购人代表的联系电话，手机号如 13812345678，座机如 0635-8241234", "Enter the representative's phone number, like 13812345678 or 0635-8241234"),
    msg!("R3.conflict", "确认采购人代表与供应商无利害关系，且不以评审专家身份参加本单位项目评审", "Confirm the representative has no conflict of interest with suppliers and will not sit as an evaluation expert on your own project"),
    msg!("R4.declare", "确认本单位不因委托组织采购而放弃需求、政策、文件、结果确认和履约验收等法定责任", "Confirm your unit keeps its legal duties for requirements, policies, documents, result confirmation and acceptance"),
    msg!("R4.organiser", "采购方式、采购文件和评审由组织单位或网上商城确定，本单位只需确认保留法定责任", "The organiser or the mall sets method, documents and evaluation; you only confirm that you keep your legal duties"),
    msg!("R5.none", "未说明落实的政府采购政策（如支持中小企业、节能环保）", "No procurement policy is stated (such as support for small businesses or energy saving)"),
    // Decision help.
    msg!("why.d_join", "上级单位组织的部门集中采购，本单位在本级财政部门备案采购计划后参加", "A higher-level unit organises the department procurement; you file your plan with your own finance department, then take part"),
    msg!("why.d_own", "本部门汇总本部门、本系统的采购需求，统一组织采购", "Your department pools its own system's need and runs one procurement"),
    msg!("why.j_mall", "集中采购目录内、需求标准统一的货物和服务，通过网上商城批量集中采购或统采分签", "Catalog goods or services with one standard are pooled through the online mall"),
    msg!("why.j_voluntary", "具有共性需求的多个采购人自主联合采购", "Several purchasers with a common need buy together"),
    msg!("why.agency", "集中采购目录内项目，选择本级以外的集中采购机构", "A catalog project goes to a centralized agency outside your own level"),
    msg!("why.none", "不需要按本通知备案：按常规由本级集中采购机构代理或分散采购", "Nothing to file under this notice: the project goes the usual way"),
];

pub fn lookup(key: &str, lang: Lang) -> Option<&'static str> {
    MESSAGES
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, both)| text_of(both, lang))
}

/// Fill a template's `{name}` placeholders. An unknown key renders as the
/// key itself: a missing translation shows, it never panics.
pub fn render(key: &str, lang: Lang, params: &Table<String>) -> String {
    let Some(template) = lookup(key, lang) else {
        return key.to_string();
    };
    fill(template, lang, |name| params.get(name).map(String::as_str))
}

pub fn fill<'a>(template: &str, lang: Lang, param: impl Fn(&str) -> Option<&'a str>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let name = &after[..close];
        match param(name) {
            Some(v) => match v.strip_prefix('@').and_then(|k| lookup(k, lang)) {
                // A field's words open an English sentence capitalized:
                // "The budget amount must be more than 0". The catalog's
                // English is ASCII: no Unicode case table in the bundle.
                Some(text) if out.is_empty() && lang == Lang::En => {
                    let mut chars = text.chars();
                    if let Some(first) = chars.next() {
                        out.push(first.to_ascii_uppercase());
                        out.push_str(chars.as_str());
                    }
                }
                Some(text) => out.push_str(text),
                None => out.push_str(v),
            },
            None => {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The placeholder names of a template, sorted.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(n, _)| n))
        .collect();
    names.sort_unstable();
    names
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn the_switch_offers_the_other_language() {
        assert_eq!(Lang::Zh.other(), Lang::En);
        assert_eq!(Lang::En.other(), Lang::Zh);
    }

    /// Keys unique, both languages present, same placeholders: for any catalog.
    pub(crate) fn assert_catalog(table: &'static [Entry]) {
        let mut seen = std::collections::HashSet::new();
        for (key, zh, en) in entries(table) {
            assert!(seen.insert(key), "duplicate key {key}");
            assert!(!zh.contains('\0') && !en.contains('\0'), "{key}");
            assert!(
                !zh.trim().is_empty() && !en.trim().is_empty(),
                "{key} empty"
            );
            assert_eq!(
                placeholders(zh),
                placeholders(en),
                "placeholders differ in {key}"
            );
        }
    }

    #[test]
    fn every_key_has_both_languages_with_the_same_placeholders() {
        assert_catalog(MESSAGES);
    }

    #[test]
    fn every_key_the_rules_use_is_in_the_catalog() {
        // Scan the rule sources for string literals shaped like keys.
        let sources = [
            include_str!("rules/mod.rs"),
            include_str!("rules/general.rs"),
            include_str!("rules/department.rs"),
            include_str!("rules/agency.rs"),
            include_str!("rules/joint.rs"),
            include_str!("rules/responsibility.rs"),
            include_str!("route.rs"),
        ];
        let mut checked = 0;
        for src in sources {
            for lit in src.split('"').skip(1).step_by(2) {
                let shaped = lit.split_once('.').is_some_and(|(head, tail)| {
                    !tail.is_empty()
                        && (head.starts_with(['D', 'A', 'J', 'R', 'G'])
                            && head.len() <= 5
                            && head[1..]
                                .chars()
                                .all(|c| c.is_ascii_digit() || c == '-' || c.is_ascii_uppercase())
                            || ["why", "field", "src", "level", "object", "who"].contains(&head))
                        && tail
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.')
                });
                if shaped {
                    checked += 1;
                    assert!(lookup(lit, Lang::Zh).is_some(), "missing catalog key {lit}");
                }
            }
        }
        assert!(
            checked > 80,
            "only {checked} keys found: the scan is broken"
        );
    }

    #[test]
    fn render_fills_params_and_resolves_field_names() {
        let mut p = Table::new();
        p.insert("field".to_string(), "@field.project.budget".to_string());
        assert_eq!(render("G2.empty", Lang::Zh, &p), "输入预算金额（元）");
        assert_eq!(
            render("G2.empty", Lang::En, &p),
            "Enter the budget amount in yuan"
        );
        assert_eq!(render("no.such.key", Lang::En, &p), "no.such.key");
        // A sentence that opens with a field's words opens capitalized.
        assert_eq!(
            render("G2.positive", Lang::En, &p),
            "The budget amount must be more than 0"
        );
        assert_eq!(render("G2.positive", Lang::Zh, &p), "预算金额必须大于 0");
    }
}
