//! Complete, valid filings for every route and profile: the fixtures of the
//! tests and benchmarks, and the demo page's "fill an example".

use super::model::*;
use super::profile::{ProfileDef, ProfileId};
use super::route::RouteId;
use super::uscc::complete;
use super::values::{Level, Method, Object};

/// A valid synthetic code for the `n`th unit: 机关 (`11`) or 事业单位
/// (`12`) registered in Liaocheng (371500) or Shandong (370000).
pub fn synthetic_uscc(n: u32, category: &str, division: &str) -> String {
    let body = format!("{category}{division}{:08}", n % 100_000_000);
    complete(&body).map(|u| u.to_string()).unwrap_or_default()
}

fn party(n: u32, amount: &str, with_budget: bool) -> Party {
    Party {
        id: n,
        name: format!("聊城市第{n}中学"),
        uscc: synthetic_uscc(n + 1000, "12", "371500"),
        level: Some(Level::City),
        budget_source: if with_budget {
            "市级财政拨款".into()
        } else {
            String::new()
        },
        plan_ref: format!("聊采计〔2026〕{n:04}号"),
        plan_date: "2026-03-02".into(),
        amount: amount.into(),
    }
}

/// `count` parties whose amounts add up to `total_fen`.
pub fn parties(count: u32, total_fen: i64, with_budget: bool) -> Vec<Party> {
    let count_i = i64::from(count.max(1));
    let each = total_fen / count_i;
    (1..=count)
        .map(|n| {
            let fen = if i64::from(n) == count_i {
                total_fen - each * (count_i - 1)
            } else {
                each
            };
            party(n, &format!("{}.{:02}", fen / 100, fen % 100), with_budget)
        })
        .collect()
}

fn full_responsibility() -> Responsibility {
    Responsibility {
        method: Some(Method::PublicTender),
        uses_agency: Some(true),
        entrusted_matters: "编制采购文件、发布公告、组织评审、发布结果".into(),
        entrustment_ref: "委托协议〔2026〕8号".into(),
        entrustment_date: "2026-02-20".into(),
        representative: Representative {
            name: "王五".into(),
            post: "后勤处处长".into(),
            phone: "0635-8241234".into(),
            authorization_ref: "授权〔2026〕3号".into(),
            no_conflict_declared: true,
        },
        keeps_legal_duties: true,
        policies: Policies {
            sme: true,
            energy_saving: true,
            other: String::new(),
        },
        ..Default::default()
    }
}

/// A valid filing for `route` under `profile` with `count` listed units.
// `..Purchaser::default()` fills the optional fields: a new one needs no
// edit here (clippy sees it as needless while every field is listed).
#[allow(clippy::needless_update)]
pub fn sample_with(route: RouteId, profile: ProfileId, count: u32) -> Filing {
    sample_under(route, &profile.def(), count)
}

/// A valid filing under any profile, built from the profile's data: the
/// purchaser is an education bureau of the profile's department level in
/// its first division.
#[allow(clippy::needless_update)]
pub fn sample_under(route: RouteId, profile: &ProfileDef, count: u32) -> Filing {
    let own_level = profile.department_level;
    let region = profile.name.zh.as_str();
    let prefix = profile
        .divisions
        .first()
        .map(String::as_str)
        .unwrap_or("37");
    let mut division = format!("{prefix:0<6}");
    if own_level == Level::County && division.ends_with("00") {
        division.replace_range(4.., "01");
    }
    let provincial = own_level == Level::Province;
    let purchaser = Purchaser {
        name: format!("{region}{}", if provincial { "教育厅" } else { "教育局" }),
        // Serial numbers of the first samples, so committed fixtures and
        // examples stay as they were.
        uscc: synthetic_uscc(
            if provincial { 4_180_002 } else { 418_000 },
            "11",
            &division,
        ),
        level: Some(own_level),
        division: region.into(),
        in_jinan: provincial.then_some(true),
        contact_name: "张三".into(),
        contact_phone: if provincial {
            "0531-86011234".into()
        } else {
            "13812345678".into()
        },
        ..Purchaser::default()
    };
    let joint = route.is_joint();
    let object = if route == RouteId::JMall {
        Object::Goods
    } else {
        Object::Services
    };
    let mut f = Filing {
        route: Some(route),
        purchaser,
        project: Project {
            name: if joint {
                "联合采购项目".into()
            } else {
                "物业管理服务采购".into()
            },
            object: Some(object),
            item_code: if object == Object::Goods {
                "A02010104".into()
            } else {
                "C21040000".into()
            },
            in_catalog: Some(true),
            budget: "1,200,000.00".into(),
            funding_source: "财政拨款".into(),
            planned_date: "2026-12-15".into(),
        },
        responsibility: full_responsibility(),
        ..Default::default()
    };
    match route {
        RouteId::DOwn => {
            f.department = DepartmentOwn {
                organiser: Organisation {
                    name: f.purchaser.name.clone(),
                    uscc: f.purchaser.uscc.clone(),
                    level: Some(own_level),
                },
                remit_declared: true,
                need_nature: profile.need_natures.first().copied(),
                units: parties(count, 120_000_000, false),
            };
            for u in &mut f.department.units {
                u.level = Some(own_level);
            }
        }
        RouteId::DJoin => {
            f.join = DepartmentJoin {
                // One level above the purchaser's.
                organiser_name: match own_level {
                    Level::Central | Level::Province => "教育部".into(),
                    Level::City => "山东省教育厅".into(),
                    Level::County => format!("{region}教育局"),
                },
                organiser_level: Some(match own_level {
                    Level::Central | Level::Province => Level::Central,
                    Level::City => Level::Province,
                    Level::County => Level::City,
                }),
                organiser_project_ref: "SDGP2026-000123".into(),
                plan_ref: "聊采计〔2026〕0042号".into(),
                plan_date: "2026-03-01".into(),
                participation_date: "2026-03-15".into(),
            };
        }
        RouteId::Agency => {
            if provincial {
                // A provincial unit may not "choose" its own level's
                // centre (A0): a city unit outside Liaocheng goes to the
                // provincial centre instead, across levels.
                f.purchaser = Purchaser {
                    name: "淄博市教育局".into(),
                    uscc: synthetic_uscc(4_180_003, "11", "370300"),
                    level: Some(Level::City),
                    division: "淄博市".into(),
                    in_jinan: None,
                    contact_name: "张三".into(),
                    contact_phone: "0533-2181234".into(),
                    ..Purchaser::default()
                };
            }
            f.agency = AgencyRoute {
                choice: Some(AgencyChoice::ProvincialCentre),
                a3_reason: Some(A3Reason::OwnAgencyUnable),
                reason_detail: "本级集中采购机构本年度已满负荷".into(),
                agency: Organisation {
                    name: "山东省政府采购中心".into(),
                    uscc: synthetic_uscc(5_000_001, "12", "370000"),
                    level: Some(Level::Province),
                },
                confirmation: AgencyConfirmation {
                    by: "李四".into(),
                    date: "2026-02-01".into(),
                    reference: "鲁采中心函〔2026〕12号".into(),
                },
                plan_ref: "采计〔2026〕0007号".into(),
                plan_date: "2026-02-10".into(),
                plan_agent: "山东省政府采购中心".into(),
            };
        }
        RouteId::JMall => {
            f.mall = MallRoute {
                unified_standard_declared: true,
                standard_ref: "台式计算机统一配置标准（2026版）".into(),
                mall_ref: "SC2026-BATCH-0815".into(),
                participants: parties(count, 120_000_000, false),
            };
            f.responsibility = Responsibility {
                keeps_legal_duties: true,
                ..Default::default()
            };
        }
        RouteId::JVoluntary => {
            f.joint = JointRoute {
                participants: parties(count.max(2), 120_000_000, true),
                requirement_ref: "联合需求〔2026〕1号".into(),
                requirement_agreed: true,
                agency: Organisation {
                    name: "聊城市公共资源交易中心".into(),
                    uscc: synthetic_uscc(6_000_001, "12", "371500"),
                    level: Some(Level::City),
                },
                agency_kind: Some(AgencyKind::Centralized),
                allocation_ref: "分配约定〔2026〕1号".into(),
                allocation_date: "2026-01-10".into(),
                allocation_terms: "按各采购人所用建筑面积比例确定各自结果".into(),
                acceptance: Some(Acceptance::Joint),
            };
        }
    }
    if route == RouteId::DJoin {
        f.responsibility = Responsibility {
            keeps_legal_duties: true,
            ..Default::default()
        };
    }
    f
}

/// The default sample: three listed units.
pub fn sample(route: RouteId, profile: ProfileId) -> Filing {
    sample_with(route, profile, 3)
}
