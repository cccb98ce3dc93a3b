//! One wizard instance's state. Everything a page shows derives from it;
//! every edit goes through `filing`.

use leptos::prelude::*;

use super::rows::RowKey;
use crate::domain::draft::Draft;
use crate::storage::{Entry, Store};

use crate::domain::date::Date;
use crate::domain::finding::Finding;
use crate::domain::i18n::Lang;
use crate::domain::model::Filing;
use crate::domain::package::{build, Package};
use crate::domain::profile::Profile;
use crate::domain::route::{steps, Step};
use crate::domain::rules::check;
use crate::text::t;
use crate::wizard::step_for_path;

/// One wizard instance: the filing and the three jobs around it, each its
/// own part — where the purchaser is (`nav`), the drafts kept for them
/// (`drafts`), and the host page it talks to (`host`).
#[derive(Clone, Copy)]
pub struct Wizard {
    /// Private: every change goes through [`Wizard::edit`] or
    /// [`Wizard::replace`], so autosave and the host hear of it.
    filing: RwSignal<Filing>,
    pub lang: RwSignal<Lang>,
    pub profile: RwSignal<Profile>,
    /// The host's profile, overrides applied: what drafts resolve against.
    pub home: StoredValue<Profile>,
    pub package: RwSignal<Option<Package>>,
    /// Unique per instance: every element id starts with it.
    pub prefix: StoredValue<String>,
    /// The element the wizard renders into (inside its shadow root).
    pub root: StoredValue<Option<web_sys::Element>, LocalStorage>,
    /// One change channel per listed row (see `Field::row`), ordered by
    /// key: a sorted list costs the bundle less than a hash map type of
    /// its own, and finds a row among thousands in a few steps.
    rows: StoredValue<Vec<(RowKey, ArcTrigger)>>,
    /// Notified when the whole filing is replaced (new filing, a resumed
    /// draft): row fields re-read then too.
    pub epoch: Trigger,
    /// Notified on every edit, row edits included (autosave listens).
    pub edits: Trigger,
    /// What the portal pre-filled: every new filing starts from it.
    /// A new filing as the portal pre-filled it (purchaser, unit lists).
    pub prefill: StoredValue<Filing>,
    /// Pre-filled purchaser fields the purchaser may not change.
    pub locked: StoredValue<Vec<String>>,
    /// False from `unmount()` on. The reactive state is disposed a task
    /// later, so deferred work (timers, frames, futures) checks this and
    /// uses `try_` reads: it never touches a disposed signal.
    alive: StoredValue<bool>,
    pub nav: Navigation,
    pub drafts: Drafts,
    pub host: Host,
}

/// Where the purchaser is and what the page tells them.
#[derive(Clone, Copy)]
pub struct Navigation {
    pub step: RwSignal<Step>,
    /// Findings shown on the current page since the purchaser last pressed
    /// Continue (GOV.UK: validate on continue, not while typing).
    pub shown: RwSignal<Vec<Finding>>,
    /// Came from the check-answers page: Continue goes back there.
    pub returning: RwSignal<bool>,
    /// The route page shows the decision help instead of the route list.
    pub help: RwSignal<bool>,
    /// Text for the polite live region.
    pub announce: RwSignal<String>,
}

/// The drafts kept on this computer, and the one being edited.
#[derive(Clone, Copy)]
pub struct Drafts {
    /// Where drafts are kept (namespaced).
    pub store: StoredValue<Store>,
    pub draft: RwSignal<DraftMeta>,
    pub save_status: RwSignal<SaveStatus>,
    /// The drafts list of the start page.
    pub entries: RwSignal<Vec<Entry>>,
    /// A message about drafts (import refused, deleted, …): catalog key.
    pub notice: RwSignal<Option<&'static str>>,
    /// Where and why an imported draft was refused, shown with the notice.
    pub detail: RwSignal<Option<crate::domain::read::ReadError>>,
    /// An import whose id already exists: waits for the purchaser's choice.
    pub import_prompt: RwSignal<Option<Draft>>,
    /// How long the last save took, in ms (the autosave benchmark reads it).
    pub last_save_ms: RwSignal<f64>,
    /// The autosave waiting for its debounce (see `drafts::flush`).
    pub pending: StoredValue<PendingSave, LocalStorage>,
}

/// The host page: the element events go to, the parent window for iframe
/// hosts, the document title.
#[derive(Clone, Copy)]
pub struct Host {
    /// The host element events are dispatched on.
    pub element: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
    /// For iframe hosts: the parent's origin for postMessage (opt-in).
    pub post_origin: StoredValue<Option<String>>,
    /// The host page's title before any "错误：" prefix.
    pub base_title: StoredValue<String>,
}

/// An edit not yet saved, and the debounce timer that will save it.
#[derive(Default)]
pub struct PendingSave {
    pub dirty: bool,
    pub timer: Option<TimeoutHandle>,
}

/// The draft being edited: its identity and last saved revision.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DraftMeta {
    pub id: String,
    pub name: String,
    pub created_at: String,
    pub revision: u64,
    /// Where the draft resumes: the last page of the filing visited (the
    /// start page is never one).
    pub step: Option<Step>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SaveStatus {
    /// Nothing to save yet.
    Idle,
    /// Saved at this time (ms since the epoch).
    Saved(f64),
    /// Storage is blocked: the wizard works in memory.
    Memory,
    /// Storage full: the previous save is intact.
    Quota,
    /// Another tab saved a newer revision.
    Conflict,
    Failed,
}

pub fn use_wizard() -> Wizard {
    use_context::<Wizard>().unwrap_or_else(|| {
        // Only reachable if a component is rendered outside `App`.
        Wizard::new(
            Filing::default(),
            Profile::new(crate::domain::profile::ProfileId::Shandong),
            Lang::Zh,
            "prw",
            Store::open("default"),
        )
    })
}

/// An event's detail: a plain object of these fields (built in JS, not
/// written as JSON text and parsed back).
pub fn event_detail(fields: &[(&str, wasm_bindgen::JsValue)]) -> wasm_bindgen::JsValue {
    let detail = js_sys::Object::new();
    for (name, value) in fields {
        let _ = js_sys::Reflect::set(&detail, &(*name).into(), value);
    }
    detail.into()
}

/// Today in China, from the browser's clock.
pub fn today() -> Date {
    Date::china_today(js_sys::Date::now() as i64)
}

impl Wizard {
    pub fn new(filing: Filing, profile: Profile, lang: Lang, prefix: &str, store: Store) -> Self {
        let filing_prefill = filing.clone();
        Wizard {
            filing: RwSignal::new(filing),
            lang: RwSignal::new(lang),
            home: StoredValue::new(profile.clone()),
            profile: RwSignal::new(profile),
            package: RwSignal::new(None),
            prefix: StoredValue::new(prefix.to_string()),
            root: StoredValue::new_local(None),
            rows: StoredValue::new(Vec::new()),
            epoch: Trigger::new(),
            edits: Trigger::new(),
            prefill: StoredValue::new(filing_prefill),
            locked: StoredValue::new(Vec::new()),
            alive: StoredValue::new(true),
            nav: Navigation {
                step: RwSignal::new(Step::Start),
                shown: RwSignal::new(Vec::new()),
                returning: RwSignal::new(false),
                help: RwSignal::new(false),
                announce: RwSignal::new(String::new()),
            },
            drafts: Drafts {
                save_status: RwSignal::new(if store.available() {
                    SaveStatus::Idle
                } else {
                    SaveStatus::Memory
                }),
                store: StoredValue::new(store),
                draft: RwSignal::new(DraftMeta::default()),
                entries: RwSignal::new(Vec::new()),
                notice: RwSignal::new(None),
                detail: RwSignal::new(None),
                import_prompt: RwSignal::new(None),
                last_save_ms: RwSignal::new(0.0),
                pending: StoredValue::new_local(PendingSave::default()),
            },
            host: Host {
                element: StoredValue::new_local(None),
                post_origin: StoredValue::new(None),
                base_title: StoredValue::new(String::new()),
            },
        }
    }

    /// Whether this instance is still mounted. Safe to call at any time,
    /// also after its state was disposed.
    pub fn alive(self) -> bool {
        self.alive.try_get_value().unwrap_or(false)
    }

    /// Mark the instance unmounted: deferred work stops touching it.
    pub fn retire(self) {
        self.alive.try_set_value(false);
    }

    /// The filing, to read. Writing goes through `edit` or `replace`.
    pub fn filing(self) -> ReadSignal<Filing> {
        self.filing.read_only()
    }

    fn row_trigger(self, key: RowKey) -> ArcTrigger {
        self.rows
            .try_update_value(|rows| match rows.binary_search_by(|(k, _)| k.cmp(&key)) {
                Ok(i) => rows[i].1.clone(),
                Err(i) => {
                    let trigger = ArcTrigger::new();
                    rows.insert(i, (key, trigger.clone()));
                    trigger
                }
            })
            .unwrap_or_default()
    }

    /// Whether the field at `path` was pre-filled and locked by the portal.
    /// Whether the field at `path` is shown locked: a purchaser field the
    /// portal pre-filled and locked, or an agency field the directory
    /// filled for the chosen centre (reactive: it follows the choice).
    pub fn is_locked(self, path: &str) -> bool {
        if path.starts_with("agency.agency.") {
            return self.filing.with(|f| {
                self.profile
                    .with(|p| crate::domain::agencies::locked(f, &p.agencies, path))
            });
        }
        path.strip_prefix("purchaser.")
            .is_some_and(|f| self.locked.with_value(|l| l.iter().any(|x| x == f)))
    }

    /// Tell the host: a `CustomEvent` on the host element that bubbles out
    /// of the shadow root, and, when configured, a postMessage to the
    /// parent window's origin, with `detail` as `event.detail`.
    pub fn emit(self, name: &str, detail: &wasm_bindgen::JsValue) {
        // try_: an event may come after an unmount has disposed the state.
        if let Some(host) = self.host.element.try_get_value().flatten() {
            let init = web_sys::CustomEventInit::new();
            init.set_bubbles(true);
            init.set_composed(true);
            init.set_detail(detail);
            if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
                let _ = host.dispatch_event(&ev);
            }
        }
        if let Some(origin) = self.host.post_origin.try_get_value().flatten() {
            if let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) {
                let message = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&message, &"type".into(), &name.into());
                let _ = js_sys::Reflect::set(&message, &"detail".into(), detail);
                let _ = parent.post_message(&message, &origin);
            }
        }
    }

    /// Read a value of the filing; a row's field subscribes to its row only.
    pub fn read<T>(self, row: Option<RowKey>, get: impl Fn(&Filing) -> T) -> T {
        match row {
            Some(key) => {
                self.row_trigger(key).track();
                self.epoch.track();
                self.filing.with_untracked(get)
            }
            None => self.filing.with(get),
        }
    }

    /// Apply an edit. A row's edit notifies that row alone.
    pub fn edit(self, row: Option<RowKey>, change: impl FnOnce(&mut Filing)) {
        let mut change = Some(change);
        self.edit_with(row, &mut |f| {
            if let Some(change) = change.take() {
                change(f);
            }
        });
    }

    /// `edit`'s body, once for every caller's closure: a copy per closure
    /// (a dozen callers) would each bring the signal's update code along.
    fn edit_with(self, row: Option<RowKey>, change: &mut dyn FnMut(&mut Filing)) {
        match row {
            Some(key) => {
                self.filing.update_untracked(|f| change(f));
                self.row_trigger(key).notify();
            }
            None => {
                let profile = self.profile;
                self.filing.update(|f| {
                    change(f);
                    crate::domain::asked::tidy(f);
                    profile.with_untracked(|p| crate::domain::agencies::fill(f, &p.agencies));
                })
            }
        }
        self.mark_unsaved();
        self.edits.notify();
        super::rescue::note(self);
    }

    /// Marked at once, not when the autosave effect runs: a host that
    /// unmounts from a `wizard:change` listener still gets the edit saved.
    fn mark_unsaved(self) {
        self.drafts.pending.try_update_value(|p| p.dirty = true);
    }

    /// `wizard:change`: the page shown and the route chosen.
    pub fn emit_change(self, step: Step) {
        let route = self.filing.with_untracked(|f| f.route.map(|r| r.id()));
        let route = route.map_or(wasm_bindgen::JsValue::NULL, Into::into);
        self.emit(
            "wizard:change",
            &event_detail(&[("step", step.id().into()), ("route", route)]),
        );
    }

    /// Replace the whole filing (a new filing, a resumed draft).
    pub fn replace(self, filing: Filing) {
        self.filing.set(filing);
        self.epoch.notify();
        self.mark_unsaved();
        self.edits.notify();
        super::rescue::note(self);
    }

    /// A catalog text in the current language (reactive).
    pub fn t(self, key: &str) -> &'static str {
        t(key, self.lang.get())
    }

    /// The DOM id of a field: instance prefix plus its path, made safe. A
    /// listed row's fields are named by the row's id (`…-units-r17-uscc`),
    /// not its place: their ids stay put when a row above is removed, so
    /// a view sets them once instead of following the row's index.
    pub fn field_id(self, path: &str) -> String {
        let path = self
            .filing
            .try_with_untracked(|f| crate::wizard::path_by_row_id(f, path))
            .unwrap_or_else(|| path.to_string());
        self.safe_id(&path)
    }

    /// The DOM id of a listed row's field (the same as `field_id` gives
    /// for the row's path while the row is in its list).
    pub fn row_field_id(self, list: &str, row_id: u32, leaf: &str) -> String {
        self.safe_id(&crate::wizard::row_path(list, row_id, leaf))
    }

    fn safe_id(self, path: &str) -> String {
        let mut id = self.prefix.get_value();
        id.push('-');
        for c in path.chars() {
            id.push(if c.is_ascii_alphanumeric() { c } else { '-' });
        }
        id.trim_end_matches('-').to_string()
    }

    pub fn id(self, suffix: &str) -> String {
        format!("{}-{suffix}", self.prefix.get_value())
    }

    pub fn findings_now(self) -> Vec<Finding> {
        let profile = self.profile.get_untracked();
        self.filing.with_untracked(|f| check(f, &profile, today()))
    }

    pub fn build_package(self) -> Option<Package> {
        let profile = self.profile.get_untracked();
        self.filing
            .with_untracked(|f| build(f, &profile, js_sys::Date::now() as i64).ok())
    }

    pub fn route_steps(self) -> Vec<Step> {
        steps(self.filing.with(|f| f.route))
    }

    /// Focus an element of this instance by id once the page has rendered.
    /// The wizard's element with this id (inside its shadow root).
    pub fn find(self, id: &str) -> Option<web_sys::Element> {
        self.root
            .try_with_value(|root| {
                root.as_ref()
                    .and_then(|r| r.query_selector(&format!("#{id}")).ok().flatten())
            })
            .flatten()
    }

    pub fn focus_later(self, id: String) {
        request_animation_frame(move || {
            // The host may have unmounted the wizard in the meantime (in a
            // `wizard:submit` listener, say).
            if !self.alive() {
                return;
            }
            if let Some(el) = self.find(&id) {
                use wasm_bindgen::JsCast;
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }

    /// Show `step`: clear findings, move focus to its heading, announce it.
    pub fn go(self, step: Step) {
        self.nav.shown.set(Vec::new());
        if self.nav.step.get_untracked() != step {
            self.emit_change(step);
        }
        self.nav.step.set(step);
        if step == Step::Start {
            // The list tells the truth about what is saved, the open draft
            // included.
            crate::ui::drafts::refresh_list(self);
        }
        if !matches!(step, Step::Check | Step::Done) {
            self.package.set(None);
        }
        self.nav
            .announce
            .set(t(&format!("step.{}", step.id()), self.lang.get_untracked()).to_string());
        self.set_title(false);
        self.focus_later(self.id("heading"));
    }

    /// Go to the page that asks `path` and focus that field (error links,
    /// "修改" links).
    pub fn go_to_field(self, path: &str, from_check: bool) {
        self.nav.returning.set(from_check);
        let step = step_for_path(path);
        if self.nav.step.get_untracked() != step {
            self.go(step);
        }
        self.focus_later(self.field_id(path));
    }

    fn next_step(self, from: Step) -> Step {
        let all = self.route_steps();
        all.iter()
            .position(|s| *s == from)
            .and_then(|i| all.get(i + 1).copied())
            .unwrap_or(Step::Check)
    }

    pub fn back(self) {
        let current = self.nav.step.get_untracked();
        let all = self.route_steps();
        let prev = all
            .iter()
            .position(|s| *s == current)
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| all.get(i).copied())
            .unwrap_or(Step::Start);
        self.nav.returning.set(false);
        self.go(prev);
    }

    /// Continue: check this page's answers; on errors stay, show the
    /// summary and focus it; otherwise go on (or back to check answers).
    pub fn continue_from(self, step: Step) -> bool {
        let route = self.filing.with_untracked(|f| f.route);
        let on_page = crate::wizard::shown_on(step, route, self.findings_now());
        let blocked = on_page.iter().any(|f| f.blocks());
        if blocked {
            let count = on_page.iter().filter(|f| f.blocks()).count();
            self.nav.shown.set(on_page);
            self.set_title(true);
            self.nav.announce.set(format!(
                "{} {count}",
                t("ui.errors_announce", self.lang.get_untracked())
            ));
            self.focus_later(self.id("error-summary"));
            return false;
        }
        let next = if self.nav.returning.get_untracked() {
            Step::Check
        } else {
            self.next_step(step)
        };
        self.go(next);
        true
    }

    /// GOV.UK: prefix the page title with "错误：" while errors are shown.
    pub fn set_title(self, errors: bool) {
        let document = document();
        let base = self.host.base_title.get_value();
        let title = if errors {
            format!(
                "{}{}",
                t("ui.title_error_prefix", self.lang.get_untracked()),
                base
            )
        } else {
            base
        };
        document.set_title(&title);
    }
}
