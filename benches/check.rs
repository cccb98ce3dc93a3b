//! `cargo bench --bench check`: time of `check`, of building a package
//! (rules + canonical JSON + SHA-256) and of verifying one, for joint
//! filings with 10, 100 and 1,000 purchasers. Prints numbers; asserts none.

use std::hint::black_box;
use std::time::{Duration, Instant};

use procurement_route_wizard::domain::date::Date;
use procurement_route_wizard::domain::package::{build, verify, EXAMPLE_TIME_MS};
use procurement_route_wizard::domain::profile::{Profile, ProfileId};
use procurement_route_wizard::domain::route::RouteId;
use procurement_route_wizard::domain::rules::check;
use procurement_route_wizard::domain::sample::sample_with;

/// Median and 90th percentile of `f` over enough runs to fill ~0.5 s.
fn time<T>(mut f: impl FnMut() -> T) -> (Duration, Duration) {
    let start = Instant::now();
    black_box(f());
    let once = start.elapsed().max(Duration::from_nanos(100));
    let runs = (Duration::from_millis(500).as_nanos() / once.as_nanos()).clamp(11, 20_000) as usize;
    let mut samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .collect();
    samples.sort_unstable();
    (samples[runs / 2], samples[runs * 9 / 10])
}

fn main() {
    let today = Date::new(2026, 11, 27).expect("date");
    println!("bench check (native, opt-level 3): J-voluntary under liaocheng");
    println!(
        "{:>10} {:>14} {:>14} {:>16} {:>16}",
        "purchasers", "check median", "check p90", "package build", "package verify"
    );
    for n in [10u32, 100, 1000] {
        let filing = sample_with(RouteId::JVoluntary, ProfileId::Liaocheng, n);
        let profile = Profile::new(ProfileId::Liaocheng);
        let (median, p90) = time(|| check(&filing, &profile, today));
        let (built, _) = time(|| build(&filing, &profile, EXAMPLE_TIME_MS));
        let bytes =
            serde_json::to_vec(&build(&filing, &profile, EXAMPLE_TIME_MS).expect("package"))
                .expect("json");
        let (verified, _) = time(|| verify(&bytes));
        println!(
            "{n:>10} {:>11.1} µs {:>11.1} µs {:>13.1} µs {:>13.1} µs   ({} KB package)",
            median.as_secs_f64() * 1e6,
            p90.as_secs_f64() * 1e6,
            built.as_secs_f64() * 1e6,
            verified.as_secs_f64() * 1e6,
            bytes.len() / 1024
        );
    }
}
