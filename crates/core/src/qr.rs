//! QR codes for the hand-off link (`/import#…`), drawn locally: byte mode, error correction
//! level M (or L when M does not fit), versions 1–10 (up to 57×57 modules: 213 bytes at M,
//! 271 at L; a larger code is hard to scan from a phone screen).
//!
//! The encoding is done by Project Nayuki's `qrcodegen` (MIT, pure Rust, no dependencies). A
//! hand-written byte-mode encoder for versions 1–10 was written first and checked module for
//! module against it; in the release wasm it saved only ≈0.4 KB gzip against qrcodegen, so the
//! maintained reference implementation is used (measured: docs/subscriptions.md). The tests
//! below check the symbols against the standard's tables, independently of either encoder.

use qrcodegen::{QrCode as Symbol, QrCodeEcc, QrSegment, Version};

/// Error correction level. M restores about 15 % of damaged codewords, L about 7 %.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ecc {
    Low,
    Medium,
}

pub const MAX_VERSION: u8 = 10;

/// A finished symbol: `size`×`size` modules. Draw it with a 4-module light border.
pub struct QrCode {
    pub version: u8,
    pub size: usize,
    pub ecc: Ecc,
    symbol: Symbol,
}

impl QrCode {
    /// Encodes `data` in the smallest version (1–10) that holds it at `ecc`; `None` when it
    /// does not fit in version 10.
    pub fn encode(data: &[u8], ecc: Ecc) -> Option<QrCode> {
        let level = match ecc {
            Ecc::Low => QrCodeEcc::Low,
            Ecc::Medium => QrCodeEcc::Medium,
        };
        let segments = [QrSegment::make_bytes(data)];
        let symbol =
            Symbol::encode_segments_advanced(&segments, level, Version::new(1), Version::new(MAX_VERSION), None, false).ok()?;
        Some(QrCode { version: symbol.version().value(), size: symbol.size() as usize, ecc, symbol })
    }

    /// Level M when it fits in version 10, else level L (longer links), else `None`.
    pub fn encode_link(text: &str) -> Option<QrCode> {
        QrCode::encode(text.as_bytes(), Ecc::Medium).or_else(|| QrCode::encode(text.as_bytes(), Ecc::Low))
    }

    /// Whether the module at column `x`, row `y` is dark (outside: light).
    pub fn get(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.symbol.get_module(x as i32, y as i32)
    }

    /// Horizontal runs of dark modules as `(x, y, length)`: one rectangle each when drawn.
    pub fn dark_runs(&self) -> Vec<(usize, usize, usize)> {
        let mut runs = Vec::new();
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if self.get(x, y) {
                    let start = x;
                    while self.get(x, y) {
                        x += 1;
                    }
                    runs.push((start, y, x - start));
                } else {
                    x += 1;
                }
            }
        }
        runs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ISO/IEC 18004 table C.1: the 15 format bits for (level, mask), masks 0–7.
    const FORMAT_M: [u32; 8] = [0x5412, 0x5125, 0x5E7C, 0x5B4B, 0x45F9, 0x40CE, 0x4F97, 0x4AA0];
    const FORMAT_L: [u32; 8] = [0x77C4, 0x72F3, 0x7DAA, 0x789D, 0x662F, 0x6318, 0x6C41, 0x6976];
    /// ISO/IEC 18004 table D.1: the 18 version bits, versions 7–10.
    const VERSION_BITS: [u32; 4] = [0x07C94, 0x085BC, 0x09A99, 0x0A4D3];
    /// ISO/IEC 18004 table 7: byte-mode capacity, versions 1–10.
    const CAPACITY_M: [usize; 10] = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213];
    const CAPACITY_L: [usize; 10] = [17, 32, 53, 78, 106, 134, 154, 192, 230, 271];

    fn data(len: usize, seed: u32) -> Vec<u8> {
        let mut s = seed;
        (0..len)
            .map(|_| {
                s = s.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                (s >> 16) as u8
            })
            .collect()
    }

    /// The first copy of the format bits, read back from the symbol (bit 0 first).
    fn format_of(qr: &QrCode) -> u32 {
        let positions: Vec<(usize, usize)> =
            (0..6).map(|i| (8, i)).chain([(8, 7), (8, 8), (7, 8)]).chain((9..15).map(|i| (14 - i, 8))).collect();
        positions.into_iter().enumerate().map(|(i, (x, y))| u32::from(qr.get(x, y)) << i).sum()
    }

    /// The second copy (bottom left and top right).
    fn format_copy_of(qr: &QrCode) -> u32 {
        let s = qr.size;
        let positions: Vec<(usize, usize)> = (0..8).map(|i| (s - 1 - i, 8)).chain((8..15).map(|i| (8, s - 15 + i))).collect();
        positions.into_iter().enumerate().map(|(i, (x, y))| u32::from(qr.get(x, y)) << i).sum()
    }

    /// The version bits of the bottom-left block (versions 7 and up).
    fn version_of(qr: &QrCode) -> u32 {
        (0..18).map(|i| u32::from(qr.get(i / 3, qr.size - 11 + i % 3)) << i).sum()
    }

    #[test]
    fn smallest_version_per_the_capacity_table() {
        for (ecc, table) in [(Ecc::Medium, CAPACITY_M), (Ecc::Low, CAPACITY_L)] {
            for v in 1..=10 {
                let cap = table[v - 1];
                assert_eq!(QrCode::encode(&data(cap, 1), ecc).unwrap().version as usize, v, "{ecc:?}: {cap} bytes fit v{v}");
                if v < 10 {
                    assert_eq!(QrCode::encode(&data(cap + 1, 2), ecc).unwrap().version as usize, v + 1, "{ecc:?}: {} bytes need v{}", cap + 1, v + 1);
                }
            }
        }
        assert!(QrCode::encode(&data(214, 3), Ecc::Medium).is_none());
        assert!(QrCode::encode(&data(272, 3), Ecc::Low).is_none());
    }

    #[test]
    fn format_and_version_bits_match_the_standard_tables() {
        for (ecc, table) in [(Ecc::Medium, FORMAT_M), (Ecc::Low, FORMAT_L)] {
            let capacities = if ecc == Ecc::Medium { CAPACITY_M } else { CAPACITY_L };
            for v in 1..=10usize {
                let qr = QrCode::encode(&data(capacities[v - 1], v as u32), ecc).unwrap();
                assert_eq!(qr.size, v * 4 + 17);
                let format = format_of(&qr);
                assert!(table.contains(&format), "{ecc:?} v{v}: format {format:015b} is in the table for its level");
                assert_eq!(format_copy_of(&qr), format, "both copies agree");
                assert!(qr.get(8, qr.size - 8), "the dark module");
                if v >= 7 {
                    assert_eq!(version_of(&qr), VERSION_BITS[v - 7], "version bits of v{v}");
                }
            }
        }
    }

    #[test]
    fn finders_and_timing_patterns_are_in_place() {
        let qr = QrCode::encode_link("https://example.gov.cn/import#v=1&a=graduates,elderly&r=huaiyin").unwrap();
        assert_eq!(qr.ecc, Ecc::Medium);
        for (cx, cy) in [(3, 3), (qr.size - 4, 3), (3, qr.size - 4)] {
            for d in 0..=3usize {
                let dark = d != 2; // 3×3 core, light ring, dark ring
                assert_eq!(qr.get(cx + d, cy), dark, "finder at ({cx},{cy}) ring {d}");
                assert_eq!(qr.get(cx, cy - d), dark);
            }
        }
        for i in 8..qr.size - 8 {
            assert_eq!(qr.get(i, 6), i % 2 == 0, "timing row at {i}");
            assert_eq!(qr.get(6, i), i % 2 == 0, "timing column at {i}");
        }
    }

    #[test]
    fn long_links_fall_back_to_level_l() {
        let qr = QrCode::encode_link(&"a".repeat(250)).unwrap();
        assert_eq!((qr.ecc, qr.version), (Ecc::Low, 10));
        assert!(QrCode::encode_link(&"a".repeat(272)).is_none());
    }

    #[test]
    fn dark_runs_cover_exactly_the_dark_modules() {
        let qr = QrCode::encode(b"mingbai", Ecc::Medium).unwrap();
        let mut covered = vec![false; qr.size * qr.size];
        for (x, y, len) in qr.dark_runs() {
            for dx in 0..len {
                covered[y * qr.size + x + dx] = true;
            }
        }
        for y in 0..qr.size {
            for x in 0..qr.size {
                assert_eq!(covered[y * qr.size + x], qr.get(x, y));
            }
        }
    }
}
