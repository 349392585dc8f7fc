//! A small little-endian binary codec for model files: a magic number, a
//! format version and a model kind, then the fields each model writes in order.

use crate::error::ModelError;
use crate::perceptron::FeatMap;

/// Magic number opening every hearsay model file.
const MAGIC: &[u8; 4] = b"HSYM";
/// Version of the model file format this build writes and reads.
pub(crate) const FORMAT_VERSION: u32 = 1;

/// Appends model fields to a byte buffer.
#[derive(Debug, Default)]
pub(crate) struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    /// A writer that starts with the file header for a model of `kind`.
    pub(crate) fn new(kind: &str) -> Self {
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        w.u32(FORMAT_VERSION);
        w.str(kind);
        w
    }

    /// The bytes written.
    pub(crate) fn into_bytes(self) -> Vec<u8> {
        self.buf
    }

    /// Write a byte.
    pub(crate) fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }

    /// Write a 16-bit value.
    pub(crate) fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// Write a 32-bit value.
    pub(crate) fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// Write a 64-bit value.
    pub(crate) fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// Write a float.
    pub(crate) fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    /// Write an unsigned LEB128 varint.
    pub(crate) fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }

    /// Write a length-prefixed UTF-8 string.
    pub(crate) fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.buf.extend_from_slice(s.as_bytes());
    }

    /// Write a length-prefixed list of strings.
    pub(crate) fn strs<S: AsRef<str>>(&mut self, items: &[S]) {
        self.varint(items.len() as u64);
        for s in items {
            self.str(s.as_ref());
        }
    }

    /// Append a map from word hashes to small values: the count, then the entries
    /// sorted by key (so the bytes are deterministic), keys as varint deltas.
    pub(crate) fn word_map(&mut self, map: &FeatMap<u32>) {
        let mut items: Vec<_> = map.iter().collect();
        items.sort_unstable();
        self.varint(items.len() as u64);
        let mut prev = 0u64;
        for (&k, &v) in items {
            self.varint(k.wrapping_sub(prev));
            prev = k;
            self.varint(u64::from(v));
        }
    }
}

/// Reads model fields back, failing with [`ModelError`] rather than panicking on bad bytes.
#[derive(Debug)]
pub(crate) struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// Open `buf`, checking the header for a model of `kind`.
    pub(crate) fn new(buf: &'a [u8], kind: &'static str) -> Result<Self, ModelError> {
        if buf.len() < 8 || &buf[..4] != MAGIC {
            return Err(ModelError::Magic);
        }
        let mut r = Reader { buf, pos: 4 };
        let version = r.u32("version")?;
        if version != FORMAT_VERSION {
            return Err(ModelError::Version {
                found: version,
                supported: FORMAT_VERSION,
            });
        }
        let found = r.str("kind")?;
        if found != kind {
            return Err(ModelError::Kind {
                expected: kind,
                found: found.to_string(),
            });
        }
        Ok(r)
    }

    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError::Truncated(what))?;
        let s = self
            .buf
            .get(self.pos..end)
            .ok_or(ModelError::Truncated(what))?;
        self.pos = end;
        Ok(s)
    }

    fn array<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], ModelError> {
        Ok(self.take(N, what)?.try_into().expect("N bytes"))
    }

    /// Read a byte.
    pub(crate) fn u8(&mut self, what: &'static str) -> Result<u8, ModelError> {
        Ok(self.take(1, what)?[0])
    }

    /// Read a 16-bit value.
    pub(crate) fn u16(&mut self, what: &'static str) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(self.array(what)?))
    }

    /// Read a 32-bit value.
    pub(crate) fn u32(&mut self, what: &'static str) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array(what)?))
    }

    /// Read a 64-bit value.
    pub(crate) fn u64(&mut self, what: &'static str) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.array(what)?))
    }

    /// Read a float.
    pub(crate) fn f32(&mut self, what: &'static str) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.array(what)?))
    }

    /// Read an unsigned LEB128 varint.
    pub(crate) fn varint(&mut self, what: &'static str) -> Result<u64, ModelError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8(what)?;
            v |= u64::from(b & 0x7F) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err(ModelError::Corrupt(format!("varint too long ({what})")))
    }

    /// Read a length that must be at most `max` (guards allocations against corrupt input).
    pub(crate) fn len(&mut self, max: usize, what: &'static str) -> Result<usize, ModelError> {
        let n = self.varint(what)?;
        usize::try_from(n)
            .ok()
            .filter(|&n| n <= max)
            .ok_or_else(|| ModelError::Corrupt(format!("{what}: length {n} exceeds {max}")))
    }

    /// Read a length-prefixed UTF-8 string.
    pub(crate) fn str(&mut self, what: &'static str) -> Result<&'a str, ModelError> {
        let n = self.len(self.buf.len(), what)?;
        std::str::from_utf8(self.take(n, what)?)
            .map_err(|_| ModelError::Corrupt(format!("{what}: invalid UTF-8")))
    }

    /// Read a length-prefixed list of strings.
    pub(crate) fn strs(&mut self, what: &'static str) -> Result<Vec<String>, ModelError> {
        let n = self.len(self.remaining(), what)?;
        (0..n).map(|_| self.str(what).map(str::to_string)).collect()
    }

    /// Read what [`Writer::word_map`] wrote; `what` names the map in errors.
    pub(crate) fn word_map(&mut self, what: &'static str) -> Result<FeatMap<u32>, ModelError> {
        let n = self.len(self.remaining(), what)?;
        let mut map = FeatMap::default();
        map.reserve(n);
        let mut k = 0u64;
        for _ in 0..n {
            k = k.wrapping_add(self.varint(what)?);
            let v = u32::try_from(self.varint(what)?)
                .map_err(|_| ModelError::Corrupt(format!("{what}: value overflows")))?;
            map.insert(k, v);
        }
        Ok(map)
    }

    /// Bytes left to read (an upper bound for any count that follows).
    pub(crate) fn remaining(&self) -> usize {
        self.buf.len() - self.pos
    }

    /// Fail unless every byte was consumed.
    pub(crate) fn finish(self) -> Result<(), ModelError> {
        if self.pos == self.buf.len() {
            Ok(())
        } else {
            Err(ModelError::Corrupt(format!(
                "{} unexpected bytes after the model",
                self.buf.len() - self.pos
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let mut w = Writer::new("tagger");
        w.u8(7);
        w.u16(300);
        w.u32(70_000);
        w.u64(u64::MAX - 1);
        w.f32(0.25);
        w.varint(1 << 40);
        w.strs(&["NN", "VBD"]);
        let b = w.into_bytes();
        let mut r = Reader::new(&b, "tagger").unwrap();
        assert_eq!(r.u8("a").unwrap(), 7);
        assert_eq!(r.u16("a").unwrap(), 300);
        assert_eq!(r.u32("a").unwrap(), 70_000);
        assert_eq!(r.u64("a").unwrap(), u64::MAX - 1);
        assert_eq!(r.f32("a").unwrap(), 0.25);
        assert_eq!(r.varint("a").unwrap(), 1 << 40);
        assert_eq!(r.strs("a").unwrap(), ["NN", "VBD"]);
        r.finish().unwrap();
    }

    #[test]
    fn wrong_kind_and_garbage_are_errors() {
        let b = Writer::new("parser").into_bytes();
        assert!(matches!(
            Reader::new(&b, "tagger"),
            Err(ModelError::Kind { .. })
        ));
        assert!(matches!(
            Reader::new(b"nope", "tagger"),
            Err(ModelError::Magic)
        ));
        let mut r = Reader::new(&b, "parser").unwrap();
        assert!(matches!(r.u32("x"), Err(ModelError::Truncated("x"))));
    }
}
