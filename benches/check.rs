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

/// Resident memory now and at its peak, in KiB (Linux `/proc`; 0 elsewhere).
fn memory_kib() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// `--peak FILE`: verify one package in a fresh process and print how far
/// memory rose above the input itself.
fn peak(path: &str) {
    let bytes = std::fs::read(path).expect("read the package");
    let (before, _) = memory_kib();
    let verdict = verify(&bytes).map(|p| p.findings.len());
    let (_, high) = memory_kib();
    println!(
        "{path}: {} KiB input, peak +{} KiB while verifying ({:.1}× the input), {}",
        bytes.len() / 1024,
        high.saturating_sub(before),
        high.saturating_sub(before) as f64 / (bytes.len() as f64 / 1024.0),
        match verdict {
            Ok(n) => format!("read, {n} findings"),
            Err(e) => format!("refused: {e}"),
        }
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--peak") {
        peak(args.get(i + 1).expect("--peak FILE"));
        return;
    }
    let today = Date::new(2026, 11, 27).expect("date");
    println!("bench check (native, opt-level 3): J-voluntary under liaocheng");
    println!(
        "{:>10} {:>14} {:>14} {:>16} {:>16}",
        "purchasers", "check median", "check p90", "package build", "package verify"
    );
    for n in [10u32, 100, 1000, 5000] {
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
        if n == 5000 {
            // The largest realistic package (MAX_ROWS purchasers), and the
            // same padded to the byte limit: the peak-memory inputs.
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
            std::fs::write(dir.join("bench-5000.json"), &bytes).expect("write");
            let mut padded = bytes.clone();
            padded.resize(
                procurement_route_wizard::domain::package::MAX_PACKAGE_BYTES,
                b' ',
            );
            std::fs::write(dir.join("bench-limit.json"), &padded).expect("write");
        }
    }
}
