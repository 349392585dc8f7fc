//! Feature hashing: a fixed, platform-independent 64-bit hash of feature
//! templates and values, computed without allocating.
//!
//! Model files store these hashes as keys, so the functions here must never
//! change for a given model format version.

/// Odd multiplier of FxHash (Firefox's hash), a good fast mixer for small keys.
const K: u64 = 0x517c_c1b7_2722_0a95;

/// Final avalanche (MurmurHash3's `fmix64`) so that low bits are usable as a table index.
#[inline]
pub(crate) const fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Combine a running hash with one more 64-bit value.
#[inline]
pub(crate) const fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

/// Hash a byte string.
#[inline]
pub(crate) fn bytes(b: &[u8]) -> u64 {
    let mut h = mix(0, b.len() as u64);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        h = mix(h, u64::from_le_bytes(c.try_into().expect("8 bytes")));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(buf));
    }
    h
}

/// Hash a string as if it were lower-cased (Unicode-aware, no allocation for ASCII).
#[inline]
pub(crate) fn lower(s: &str) -> u64 {
    if s.bytes().all(|b| !b.is_ascii_uppercase() && b < 0x80) {
        return bytes(s.as_bytes());
    }
    if s.is_ascii() {
        let mut buf = [0u8; 64];
        if s.len() <= buf.len() {
            for (d, c) in buf.iter_mut().zip(s.bytes()) {
                *d = c.to_ascii_lowercase();
            }
            return bytes(&buf[..s.len()]);
        }
    }
    bytes(s.to_lowercase().as_bytes())
}

/// The key of a feature: a template id and one value.
#[inline]
pub(crate) const fn feat1(template: u32, a: u64) -> u64 {
    finish(mix(mix(0x9e37_79b9, template as u64), a))
}

/// The key of a feature: a template id and two values.
#[inline]
pub(crate) const fn feat2(template: u32, a: u64, b: u64) -> u64 {
    finish(mix(mix(mix(0x9e37_79b9, template as u64), a), b))
}

/// The key of a feature: a template id and three values.
#[inline]
pub(crate) const fn feat3(template: u32, a: u64, b: u64, c: u64) -> u64 {
    finish(mix(mix(mix(mix(0x9e37_79b9, template as u64), a), b), c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_matches_hash_of_lowercased() {
        for s in [
            "Said",
            "SAID",
            "said",
            "Ünïcode Ž",
            "x".repeat(100).as_str(),
        ] {
            assert_eq!(lower(s), bytes(s.to_lowercase().as_bytes()), "{s}");
        }
    }

    #[test]
    fn values_are_fixed() {
        // Model files store these hashes: changing the functions breaks every shipped model.
        assert_eq!(feat1(3, 7), 13801838535867047736);
        assert_eq!(bytes(b"said"), 75808243586393879);
        assert_ne!(bytes(b"said"), bytes(b"said\0"));
        assert_ne!(feat2(1, 2, 3), feat2(1, 3, 2));
    }
}
