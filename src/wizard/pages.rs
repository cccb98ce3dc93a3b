//! What each page asks, by path. Labels, hints, inputs and bounds come
//! from the fields' declarations; when a question is asked is
//! `domain::asked`'s to say.

use super::Item::{self, Directory, Field, List, Note, Record};
use crate::domain::asked::full_responsibility;
use crate::domain::route::Step;

pub fn items(step: Step) -> &'static [Item] {
    match step {
        Step::Route => &[Field("route")],
        Step::Purchaser => &[Record("purchaser")],
        Step::Project => &[Record("project")],
        Step::Organiser => &[
            Record("department.organiser"),
            Field("department.need_nature"),
            Field("department.remit_declared"),
        ],
        Step::RequestingUnits => &[Note("note.units", None), List("department.units")],
        Step::JoinOrganiser => &[
            Field("join.organiser_name"),
            Field("join.organiser_level"),
            Field("join.organiser_project_ref"),
        ],
        Step::JoinFiling => &[
            Note("note.join_filing", None),
            Field("join.plan_ref"),
            Field("join.plan_date"),
            Field("join.participation_date"),
        ],
        Step::AgencyCase => &[
            Note("note.agency_own", None),
            Field("agency.choice"),
            Field("agency.a3_reason"),
            Field("agency.reason_detail"),
            Directory,
            Record("agency.agency"),
        ],
        Step::AgencyConfirmation => &[
            Note("note.confirmation", None),
            Record("agency.confirmation"),
        ],
        Step::AgencyPlan => &[
            Field("agency.plan_ref"),
            Field("agency.plan_date"),
            Field("agency.plan_agent"),
        ],
        Step::MallStandard => &[
            Field("mall.unified_standard_declared"),
            Field("mall.standard_ref"),
            Field("mall.mall_ref"),
        ],
        Step::MallParticipants => &[
            Note("note.mall_participants", None),
            List("mall.participants"),
        ],
        Step::Participants => &[Note("note.participants", None), List("joint.participants")],
        Step::Requirement => &[
            Field("joint.requirement_ref"),
            Field("joint.requirement_agreed"),
        ],
        Step::JointAgency => &[
            Field("joint.agency.name"),
            Field("joint.agency.uscc"),
            Field("joint.agency_kind"),
        ],
        Step::Allocation => &[
            Field("joint.allocation_ref"),
            Field("joint.allocation_date"),
            Field("joint.allocation_terms"),
            Field("joint.acceptance"),
        ],
        Step::Responsibility => &[
            Note("note.responsibility_limited", Some(limited)),
            Record("responsibility"),
        ],
        Step::Start | Step::Check | Step::Done => &[],
    }
}

fn limited(f: &crate::domain::model::Filing) -> bool {
    !full_responsibility(f)
}
