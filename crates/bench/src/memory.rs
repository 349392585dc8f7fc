//! Resident memory of the running process (`/proc/self/status`) and the load
//! of the machine (`/proc/loadavg`).

/// Peak resident set size of this process so far (`VmHWM`), in bytes.
///
/// `None` where `/proc` is not available (not Linux).
pub fn peak_rss_bytes() -> Option<u64> {
    status_field("VmHWM:")
}

/// Current resident set size of this process (`VmRSS`), in bytes.
///
/// `None` where `/proc` is not available (not Linux).
pub fn current_rss_bytes() -> Option<u64> {
    status_field("VmRSS:")
}

/// Start measuring the peak resident set size afresh: memory freed so far is
/// handed back to the system (glibc's `malloc_trim`) and the kernel's peak is
/// reset to the current size (`/proc/self/clear_refs`, Linux 4.0 and later).
///
/// Returns false where the peak cannot be reset, so that a later
/// [`peak_rss_bytes`] would include what came before.
pub fn reset_peak_rss() -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free heap memory; it has no preconditions.
    unsafe {
        libc::malloc_trim(0);
    }
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// The system's 1-minute load average: runnable threads, averaged.
///
/// `None` where `/proc` is not available (not Linux).
pub fn load_average() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

fn status_field(name: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    parse_status_field(&status, name)
}

/// The value of a `kB` line of a `/proc/PID/status` text, in bytes.
fn parse_status_field(status: &str, name: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with(name))?;
    let mut parts = line[name.len()..].split_whitespace();
    let value: u64 = parts.next()?.parse().ok()?;
    match parts.next() {
        Some("kB") => Some(value * 1024),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_kilobyte_fields() {
        let status = "Name:\thearsay\nVmHWM:\t   10240 kB\nVmRSS:\t    2048 kB\n";
        assert_eq!(parse_status_field(status, "VmHWM:"), Some(10240 * 1024));
        assert_eq!(parse_status_field(status, "VmRSS:"), Some(2048 * 1024));
        assert_eq!(parse_status_field(status, "VmSwap:"), None);
        assert_eq!(parse_status_field("VmHWM:\t12 pages\n", "VmHWM:"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_peak_can_be_reset_on_linux() {
        let big = vec![1u8; 64 << 20];
        std::hint::black_box(&big);
        drop(big);
        assert!(reset_peak_rss());
        let peak = peak_rss_bytes().unwrap();
        let current = current_rss_bytes().unwrap();
        assert!(peak < current + (32 << 20), "{peak} {current}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn peak_is_at_least_current_on_linux() {
        let current = current_rss_bytes().unwrap();
        let peak = peak_rss_bytes().unwrap();
        assert!(current > 0 && peak >= current, "{current} {peak}");
        assert!(load_average().is_some_and(|l| l >= 0.0));
    }
}
