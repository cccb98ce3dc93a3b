//! Components in real headless Chromium (wasm-bindgen-test): a wizard is
//! mounted, a person's actions are replayed on its DOM, the result checked.
#![cfg(target_arch = "wasm32")]

use procurement_route_wizard::config::{self, HostConfig};
use procurement_route_wizard::embed::{mount_with, WizardHandle};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

/// Let effects run and one frame pass (focus moves in a frame callback).
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().unwrap().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    leptos::task::tick().await;
}

struct Mounted {
    handle: WizardHandle,
    host: HtmlElement,
}

impl Mounted {
    fn new(mut cfg: HostConfig) -> Self {
        // One live instance per namespace: each test's instance its own.
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
        if cfg.namespace == "default" {
            let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            cfg.namespace = format!("browser-test-{n}");
        }
        let document = web_sys::window().unwrap().document().unwrap();
        let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&host).unwrap();
        let handle = mount_with(host.clone(), cfg).unwrap();
        Mounted { handle, host }
    }

    fn root(&self) -> ShadowRoot {
        self.host.shadow_root().expect("a shadow root")
    }

    fn find(&self, selector: &str) -> Option<Element> {
        self.root().query_selector(selector).unwrap()
    }

    fn el(&self, selector: &str) -> HtmlElement {
        self.find(selector)
            .unwrap_or_else(|| panic!("no {selector}"))
            .unchecked_into()
    }

    fn button(&self, text: &str) -> HtmlElement {
        let all = self.root().query_selector_all("button").unwrap();
        (0..all.length())
            .filter_map(|i| all.item(i))
            .find(|b| b.text_content().unwrap_or_default().contains(text))
            .unwrap_or_else(|| panic!("no button {text}"))
            .unchecked_into()
    }

    fn text(&self) -> String {
        self.root().text_content().unwrap_or_default()
    }

    fn type_into(&self, selector: &str, value: &str) {
        let input: HtmlInputElement = self.el(selector).unchecked_into();
        input.set_value(value);
        input
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.handle.unmount();
        self.host.remove();
    }
}

#[wasm_bindgen_test]
async fn shell_shows_title_and_first_step_in_chinese() {
    let m = Mounted::new(HostConfig::default());
    settle().await;
    assert!(m.text().contains("采购组织形式备案"));
    assert!(m.find("h2.prw-heading").is_some());
    assert_eq!(m.el(".prw").get_attribute("lang").as_deref(), Some("zh-CN"));
}

#[wasm_bindgen_test]
async fn wrong_check_character_is_reported_on_continue_and_cleared_when_fixed() {
    let cfg = config::parse(r#"{"profile":"liaocheng"}"#).unwrap();
    let m = Mounted::new(cfg);
    settle().await;
    m.button("开始").click();
    settle().await;
    m.el("input[value='A']").click();
    m.button("继续").click();
    settle().await;

    // Purchaser page: the wrong check character of rules.md's example.
    let uscc = "input[id$='purchaser-uscc']";
    m.type_into(uscc, "12317500MB1A2B3CXB");
    settle().await;
    assert!(
        m.find(".prw-error-summary").is_none(),
        "no validation while typing"
    );
    m.button("继续").click();
    settle().await;

    let summary = m.el(".prw-error-summary");
    assert!(
        summary.text_content().unwrap().contains("校验位"),
        "{}",
        summary.text_content().unwrap()
    );
    assert!(summary.text_content().unwrap().contains("GB 32100-2015"));
    let input = m.el(uscc);
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = input.get_attribute("aria-describedby").unwrap_or_default();
    assert!(described.contains("-error"), "{described}");
    // Focus moved to the summary; the typed answer is kept.
    assert_eq!(
        m.root().active_element().map(|e| e.id()),
        Some(summary.id())
    );
    assert_eq!(
        input.unchecked_ref::<HtmlInputElement>().value(),
        "12317500MB1A2B3CXB"
    );

    m.type_into(uscc, "11371500004180002J");
    m.button("继续").click();
    settle().await;
    assert!(
        !m.el(uscc).has_attribute("aria-invalid"),
        "the USCC error is gone"
    );
}

#[wasm_bindgen_test]
async fn two_instances_have_distinct_ids_and_unmount_leaves_nothing() {
    let a = Mounted::new(HostConfig::default());
    let b = Mounted::new(HostConfig::default());
    settle().await;
    let id_a = a.el("h2.prw-heading").id();
    let id_b = b.el("h2.prw-heading").id();
    assert_ne!(id_a, id_b);
    let mut a = a;
    a.handle.unmount();
    settle().await;
    assert_eq!(a.root().child_element_count(), 0);
    assert!(b.find("h2.prw-heading").is_some());
}

/// Prints, asserts nothing: `check` in the browser's wasm on 10, 100 and
/// 1,000 purchasers (target ≤ 5 ms at 1,000), median of repeated runs.
#[wasm_bindgen_test]
fn bench_check_in_wasm() {
    use procurement_route_wizard::domain::date::Date;
    use procurement_route_wizard::domain::profile::{Profile, ProfileId};
    use procurement_route_wizard::domain::route::RouteId;
    use procurement_route_wizard::domain::rules::check;
    use procurement_route_wizard::domain::sample::sample_with;
    let Some(perf) = web_sys::window().and_then(|w| w.performance()) else {
        return;
    };
    let profile = Profile::new(ProfileId::Liaocheng);
    let today = Date::new(2026, 11, 27).unwrap();
    // The test command's build is unoptimized; `scripts/bench` runs this
    // with `--release` (the shipped profile) for the real figure.
    let build = if cfg!(debug_assertions) {
        "dev build"
    } else {
        "release build"
    };
    let mut line = format!("bench check in wasm (headless Chromium, {build}):");
    for n in [10u32, 100, 1000] {
        let filing = sample_with(RouteId::JVoluntary, ProfileId::Liaocheng, n);
        let runs = if n == 1000 { 21 } else { 101 };
        let mut times: Vec<f64> = (0..runs)
            .map(|_| {
                let t0 = perf.now();
                let findings = check(&filing, &profile, today);
                assert!(!findings.is_empty());
                perf.now() - t0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        line.push_str(&format!(" {n} purchasers {:.2} ms;", times[runs / 2]));
    }
    wasm_bindgen_test::console_log!("{line}");
}
