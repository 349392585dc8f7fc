//! CPU clocks: time a thread or the whole process spent running, which other
//! programs on a shared machine disturb far less than wall-clock time.

use std::time::Duration;

/// CPU time consumed so far by the calling thread (`CLOCK_THREAD_CPUTIME_ID`).
///
/// `None` where the platform has no such clock.
pub fn thread_cpu_time() -> Option<Duration> {
    #[cfg(unix)]
    {
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `ts` is a valid, writable timespec and the clock id is a constant.
        let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
        if rc != 0 {
            return None;
        }
        Some(Duration::new(
            u64::try_from(ts.tv_sec).ok()?,
            u32::try_from(ts.tv_nsec).ok()?,
        ))
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// CPU time (user + system) consumed so far by all threads of this process.
///
/// `None` where the platform has no `getrusage`.
pub fn process_cpu_time() -> Option<Duration> {
    #[cfg(unix)]
    {
        // SAFETY: an all-zero rusage is a valid value of this plain C struct.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: `usage` is valid and writable; RUSAGE_SELF is a constant.
        if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
            return None;
        }
        let tv = |t: libc::timeval| -> Option<Duration> {
            Some(Duration::new(
                u64::try_from(t.tv_sec).ok()?,
                u32::try_from(t.tv_usec).ok()? * 1000,
            ))
        };
        Some(tv(usage.ru_utime)? + tv(usage.ru_stime)?)
    }
    #[cfg(not(unix))]
    {
        None
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn spin(limit: Duration) {
        let start = std::time::Instant::now();
        let mut x = 0u64;
        while start.elapsed() < limit {
            x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(7));
        }
    }

    #[test]
    fn clocks_advance_while_computing_and_not_while_sleeping() {
        let (t0, p0) = (thread_cpu_time().unwrap(), process_cpu_time().unwrap());
        spin(Duration::from_millis(30));
        let (t1, p1) = (thread_cpu_time().unwrap(), process_cpu_time().unwrap());
        assert!(t1 - t0 >= Duration::from_millis(5), "{t0:?} {t1:?}");
        assert!(p1 > p0, "{p0:?} {p1:?}");
        std::thread::sleep(Duration::from_millis(50));
        let t2 = thread_cpu_time().unwrap();
        assert!(t2 - t1 < Duration::from_millis(20), "{t1:?} {t2:?}");
    }
}
