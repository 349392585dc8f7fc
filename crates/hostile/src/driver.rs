//! The time-budgeted fuzz driver: rounds of generated cases until the budget
//! is spent, each round seeded from the run's seed and its number, so that a
//! failure (or an abort, which no test harness survives) can be replayed.

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use std::io::Write;
use std::time::{Duration, Instant};

/// The budget of one fuzz target when `HEARSAY_FUZZ_SECONDS` is not set: a
/// short run for every `cargo test` and CI; set it higher to fuzz for longer.
pub const DEFAULT_SECONDS: f64 = 15.0;

/// Cases per round: a failure is replayed by its round.
const CASES_PER_ROUND: u32 = 8;

/// Longest a failing case is shrunk before it is reported.
const SHRINK_SECONDS: u32 = 60;

/// Longest a reported input is printed, in characters.
const SHOWN: usize = 2_000;

/// Run `check` on inputs from `strategy` until the budget is spent, and panic
/// with the seed, the round and the (shrunk) input when it fails or panics.
///
/// * `HEARSAY_FUZZ_SECONDS`: the budget (default [`DEFAULT_SECONDS`]);
/// * `HEARSAY_FUZZ_SEED`: the seed, 16 hex digits (default: from the clock),
///   printed on standard error before the first case, outside the test
///   harness's capture, so that it survives an abort;
/// * `HEARSAY_FUZZ_ROUND`: the first round (a failure names its round).
pub fn fuzz<S>(name: &str, strategy: S, check: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S: Strategy,
{
    let budget = Duration::from_secs_f64(seconds(std::env::var("HEARSAY_FUZZ_SECONDS").ok()));
    let seed = std::env::var("HEARSAY_FUZZ_SEED")
        .ok()
        .and_then(|s| u64::from_str_radix(s.trim(), 16).ok())
        .unwrap_or_else(clock_seed);
    let first = std::env::var("HEARSAY_FUZZ_ROUND")
        .ok()
        .and_then(|r| r.trim().parse::<u64>().ok())
        .unwrap_or(0);
    // Written straight to the terminal: captured output is lost if the process aborts.
    let _ = writeln!(
        std::io::stderr(),
        "fuzz {name}: seed {seed:016x}, {:.0} s (HEARSAY_FUZZ_SEED={seed:016x} replays it)",
        budget.as_secs_f64()
    );
    let started = Instant::now();
    let mut round = first;
    while round == first || started.elapsed() < budget {
        let config = Config {
            cases: CASES_PER_ROUND,
            failure_persistence: None,
            max_shrink_time: SHRINK_SECONDS * 1000,
            ..Config::default()
        };
        let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &round_seed(seed, round));
        let mut runner = TestRunner::new_with_rng(config, rng);
        if let Err(e) = runner.run(&strategy, &check) {
            let shown: String = e.to_string().chars().take(SHOWN).collect();
            panic!(
                "fuzz {name}: failed in round {round} of seed {seed:016x} \
                 (HEARSAY_FUZZ_SEED={seed:016x} HEARSAY_FUZZ_ROUND={round} replays it): {shown}"
            );
        }
        round += 1;
    }
    let _ = writeln!(
        std::io::stderr(),
        "fuzz {name}: {} cases in {:.1} s, no failure",
        u64::from(CASES_PER_ROUND) * (round - first),
        started.elapsed().as_secs_f64()
    );
}

/// The budget in seconds from `HEARSAY_FUZZ_SECONDS`.
fn seconds(var: Option<String>) -> f64 {
    var.and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .unwrap_or(DEFAULT_SECONDS)
}

fn clock_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
}

/// The 32 bytes of the ChaCha seed of `round`: splitmix64 over the run's seed.
fn round_seed(seed: u64, round: u64) -> [u8; 32] {
    let mut state = seed ^ round.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let mut out = [0u8; 32];
    for chunk in out.chunks_mut(8) {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        chunk.copy_from_slice(&(z ^ (z >> 31)).to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rounds_differ_and_repeat() {
        assert_eq!(round_seed(7, 3), round_seed(7, 3));
        assert_ne!(round_seed(7, 3), round_seed(7, 4));
        assert_ne!(round_seed(7, 3), round_seed(8, 3));
    }

    #[test]
    fn the_budget_comes_from_the_environment_or_the_default() {
        assert_eq!(seconds(Some("2.5".into())), 2.5);
        assert_eq!(seconds(Some("soon".into())), DEFAULT_SECONDS);
        assert_eq!(seconds(Some("-1".into())), DEFAULT_SECONDS);
        assert_eq!(seconds(None), DEFAULT_SECONDS);
    }

    #[test]
    #[should_panic(expected = "replays it): ")]
    fn a_failing_check_names_its_seed_and_round() {
        fuzz("zero", any::<u8>(), |n| {
            prop_assert!(n == 0);
            Ok(())
        });
    }
}
