//! Swoole's capacity arithmetic, reproduced exactly, plus Swoole's memory formula (used to check
//! that our mapping is never larger).

/// `getSize()`: the requested size cast to `u32` (as Swoole does with its `zend_long`), then
/// 2^31 if it is at least that, else the next power of two not below 64.
pub fn table_size(requested: i64) -> u32 {
    let r = requested as u32;
    if r >= 0x8000_0000 { 0x8000_0000 } else { r.max(64).next_power_of_two() }
}

/// Swoole's conflict proportion: a C `float`, clamped to [0.2, 1.0]. NaN counts as 0.2.
pub fn clamp_proportion(p: f64) -> f32 {
    let p = p as f32;
    if p > 1.0 {
        1.0
    } else if p >= 0.2 {
        p
    } else {
        0.2
    }
}

/// Overflow rows `C = floor(N × p)`, computed in single precision like Swoole.
pub fn overflow_rows(size: u32, conflict_proportion: f64) -> u32 {
    (size as f32 * clamp_proportion(conflict_proportion)) as u32
}

/// Bytes Swoole 6.3 maps for a table with `size` buckets, `overflow` extra rows and the given
/// column byte total (int/float 8 each, string `align8(size) + 4`):
/// `8·N + (N + C)·align8(88 + Σ) + 24·C + 48`.
pub fn swoole_memory_size(size: u32, overflow: u32, column_bytes: u64) -> u64 {
    let row = (88 + column_bytes).div_ceil(8) * 8;
    8 * size as u64 + (size as u64 + overflow as u64) * row + 24 * overflow as u64 + 48
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_round_like_swoole() {
        for (req, want) in [
            (-1i64, 2_147_483_648u32),
            (0, 64),
            (1, 64),
            (64, 64),
            (65, 128),
            (1000, 1024),
            (1024, 1024),
            (1025, 2048),
            (4_294_967_297, 64),
            (1_000_000, 1_048_576),
            (0x7fff_ffff, 0x8000_0000),
        ] {
            assert_eq!(table_size(req), want, "table_size({req})");
        }
    }

    #[test]
    fn overflow_rows_like_swoole() {
        assert_eq!(overflow_rows(1024, 0.2), 204);
        assert_eq!(overflow_rows(1024, 0.5), 512);
        assert_eq!(overflow_rows(1024, 1.0), 1024);
        assert_eq!(overflow_rows(1024, 0.0), 204);
        assert_eq!(overflow_rows(1024, 0.1), 204);
        assert_eq!(overflow_rows(1024, 5.0), 1024);
        assert_eq!(overflow_rows(1024, f64::NAN), 204);
        assert_eq!(overflow_rows(64, 0.2), 12);
        assert_eq!(overflow_rows(1024, 0.25), 256);
    }

    #[test]
    fn swoole_formula_matches_the_probes() {
        // Table(64) with int, float, string(5): 9,968 bytes.
        assert_eq!(swoole_memory_size(64, 12, 8 + 8 + 8 + 4), 9_968);
        // 1M rows, p = 1.0, int + float + string(32): 335,544,368 bytes.
        assert_eq!(swoole_memory_size(1_048_576, 1_048_576, 8 + 8 + 32 + 4), 335_544_368);
    }
}
