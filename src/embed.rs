//! The JS API portals call: `mount(element, config)` returns a handle with
//! `unmount()`, `getPackage()`, `validate()` and `setLocale()`.
//!
//! Each instance renders inside its own shadow root with its own stylesheet
//! link, so host CSS and wizard CSS never meet, and its element ids carry a
//! per-instance prefix.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ShadowRootInit, ShadowRootMode};

use crate::config::{self, HostConfig};
use crate::domain::i18n::Lang;
use crate::ui::{App, Wizard};

static NEXT_INSTANCE: AtomicU32 = AtomicU32::new(1);

#[wasm_bindgen(start)]
pub fn start() {
    // Logs the panic, then saves every wizard's answers and shows why the
    // form stopped (see `ui::rescue`).
    crate::ui::rescue::install();
}

struct Mounted {
    /// Dropping it unmounts the view and disposes its reactive graph.
    view: Box<dyn std::any::Any>,
    wizard: Wizard,
    parts: Vec<Element>,
    namespace: String,
    /// `crashTest` in the config: `crashForTests()` may panic.
    crash_test: bool,
}

thread_local! {
    /// Mounted wizards live here until `unmount()`, not in the JS handle:
    /// a portal that drops the handle (and lets the GC collect it) must not
    /// see its wizard vanish.
    /// A few entries at most: a list, not a hash map (each map type costs
    /// the bundle its own copy of the hashing code).
    static MOUNTED: RefCell<Vec<(u32, Mounted)>> = const { RefCell::new(Vec::new()) };
}

fn mounted(list: &[(u32, Mounted)], key: u32) -> Option<&Mounted> {
    list.iter().find(|(k, _)| *k == key).map(|(_, m)| m)
}

/// A mounted wizard.
#[wasm_bindgen]
pub struct WizardHandle {
    key: u32,
}

fn js_error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

/// JSON text of any JS value, for the pure config parser.
fn json_of(value: &JsValue) -> Result<String, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok("null".into());
    }
    js_sys::JSON::stringify(value)
        .map(String::from)
        .map_err(|_| js_error("invalid config: it cannot be read as JSON (a cycle or a function?)"))
}

fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = crate::domain::package::json_text(value, false);
    js_sys::JSON::parse(&text)
}

/// Mount a wizard into `element`. Throws an `Error` naming the bad config
/// field; on error nothing is mounted.
#[wasm_bindgen]
pub fn mount(element: HtmlElement, config: JsValue) -> Result<WizardHandle, JsValue> {
    let cfg = config::parse(&json_of(&config)?).map_err(|e| js_error(&config::host_message(&e)))?;
    mount_with(element, cfg)
}

pub fn mount_with(host: HtmlElement, cfg: HostConfig) -> Result<WizardHandle, JsValue> {
    // Two live instances on one namespace would resume the same draft and
    // block each other's saves as if another tab had written.
    let taken = MOUNTED.with(|m| m.borrow().iter().any(|(_, m)| m.namespace == cfg.namespace));
    if taken {
        return Err(js_error(&format!(
            "invalid config.namespace: {} is already used by a wizard mounted on this page; give each instance its own namespace",
            config::quoted(&cfg.namespace)
        )));
    }
    let document = document();
    let shadow = match host.shadow_root() {
        Some(root) => root,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    let link = document.create_element("link")?;
    link.set_attribute("rel", "stylesheet")?;
    link.set_attribute("href", &cfg.stylesheet)?;
    let container = document.create_element("div")?;
    container.set_attribute("class", "prw-host")?;
    // Shown once its stylesheet has loaded (or failed): no flash of an
    // unstyled form inside the portal's page.
    container.set_attribute("hidden", "")?;
    for event in ["load", "error"] {
        let shown = container.clone();
        let reveal = Closure::once_into_js(move || {
            let _ = shown.remove_attribute("hidden");
        });
        link.add_event_listener_with_callback(event, reveal.unchecked_ref())?;
    }
    shadow.append_child(&link)?;
    shadow.append_child(&container)?;
    let style = host.style();
    for (name, value) in &cfg.theme {
        style.set_property(name, value)?;
    }

    let key = NEXT_INSTANCE.fetch_add(1, Ordering::Relaxed);
    let prefix = format!("prw{key}");
    let base_title = document.title();
    let cell: Rc<RefCell<Option<Wizard>>> = Rc::new(RefCell::new(None));
    let filled = cell.clone();
    let root = container.clone();
    let prefill = cfg.new_filing();
    let HostConfig {
        lang,
        profile,
        namespace,
        locked,
        post_message_origin,
        crash_test: cfg_crash_test,
        ..
    } = cfg;
    let host_el = host.clone();
    let store = crate::storage::Store::open(&namespace);
    let crash_test = cfg_crash_test;
    crate::ui::rescue::keep(&prefix, container.clone(), store.clone(), lang);
    let namespace_kept = namespace.clone();
    let view = mount_to(container.clone().unchecked_into(), move || {
        let filing = prefill;
        let wizard = Wizard::new(filing, profile, lang, &prefix, store);
        wizard.root.set_value(Some(root));
        wizard.host.base_title.set_value(base_title);
        wizard.locked.set_value(locked);
        wizard.host.element.set_value(Some(host_el));
        wizard.host.post_origin.set_value(post_message_origin);
        provide_context(wizard);
        // Every edit is a change the host may want to know of.
        Effect::new(move |first: Option<()>| {
            wizard.edits.track();
            if first.is_some() {
                wizard.emit_change(wizard.nav.step.get_untracked());
            }
        });
        crate::ui::drafts::start_autosave(wizard);
        // The rescue message speaks the language the purchaser reads now.
        Effect::new(move || crate::ui::rescue::set_lang(wizard, wizard.lang.get()));
        *filled.borrow_mut() = Some(wizard);
        view! { <App/> }
    });
    let wizard = cell
        .borrow_mut()
        .take()
        .ok_or_else(|| js_error("the wizard did not start"))?;
    // After mount() returns, so a host that adds listeners right after
    // mounting still hears it.
    let ready = crate::ui::state::event_detail(&[
        ("instance", wizard.prefix.get_value().into()),
        ("locale", wizard.lang.get_untracked().tag().into()),
        (
            "profile",
            wizard.profile.with_untracked(|p| p.id().to_string()).into(),
        ),
    ]);
    queue_microtask(move || {
        if wizard.alive() {
            wizard.emit("wizard:ready", &ready)
        }
    });
    MOUNTED.with(|m| {
        m.borrow_mut().push((
            key,
            Mounted {
                view: Box::new(view),
                wizard,
                parts: vec![link, container],
                namespace: namespace_kept,
                crash_test,
            },
        ))
    });
    Ok(WizardHandle { key })
}

#[wasm_bindgen]
impl WizardHandle {
    /// Remove the wizard: its DOM, its listeners and its reactive state.
    pub fn unmount(&mut self) {
        // Taken out of the registry first: disposing may run cleanups that
        // look the registry up again.
        let mounted = MOUNTED.with(|m| {
            let mut list = m.borrow_mut();
            let at = list.iter().position(|(k, _)| *k == self.key)?;
            Some(list.swap_remove(at).1)
        });
        if let Some(m) = mounted {
            // The last edit is written before anything goes away.
            crate::ui::drafts::flush(m.wizard);
            if let Some(prefix) = m.wizard.prefix.try_get_value() {
                crate::ui::rescue::forget(&prefix);
            }
            m.wizard.retire();
            m.wizard.set_title(false);
            for part in m.parts {
                part.remove();
            }
            // Disposed in a later task, not now: a host that unmounts from
            // inside one of our event listeners returns into code that
            // still reads this instance's state.
            let view = m.view;
            set_timeout(move || drop(view), std::time::Duration::ZERO);
        }
    }

    fn wizard(&self) -> Result<Wizard, JsValue> {
        MOUNTED
            .with(|m| mounted(&m.borrow(), self.key).map(|m| m.wizard))
            .ok_or_else(|| js_error("the wizard is unmounted"))
    }

    /// The filing package for the answers so far (with its findings and
    /// `ready`), or `null` while no route is chosen.
    #[wasm_bindgen(js_name = getPackage)]
    pub fn get_package(&self) -> Result<JsValue, JsValue> {
        match self.wizard()?.build_package() {
            Some(p) => to_js(&p),
            None => Ok(JsValue::NULL),
        }
    }

    /// Every finding for the answers so far, as the package would carry them.
    pub fn validate(&self) -> Result<JsValue, JsValue> {
        to_js(&self.wizard()?.findings_now())
    }

    /// For tests of the rescue only: panics as a bug would, when the config
    /// said `crashTest: true`; throws otherwise.
    #[wasm_bindgen(js_name = crashForTests)]
    pub fn crash_for_tests(&self) -> Result<(), JsValue> {
        let armed = MOUNTED.with(|m| mounted(&m.borrow(), self.key).is_some_and(|m| m.crash_test));
        if !armed {
            return Err(js_error(
                "crashForTests() needs crashTest: true in the config",
            ));
        }
        panic!("crashForTests(): a test asked for a panic");
    }

    /// Switch language (`zh-CN` or `en`) without losing any answer.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, locale: &str) -> Result<(), JsValue> {
        let lang = Lang::from_tag(locale).ok_or_else(|| {
            js_error(&format!(
                "unknown locale {}: use zh-CN or en",
                config::quoted(locale)
            ))
        })?;
        self.wizard()?.lang.set(lang);
        Ok(())
    }
}
