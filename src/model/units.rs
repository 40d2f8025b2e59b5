//! Sizes and amounts as people read them: one formatter for every page, mail
//! and message, in decimal units as the configuration counts them (a limit of
//! 50000000 bytes reads "50 MB"). Sizes round up, so a size is never shown
//! smaller than it is ("just over the limit" never reads as the limit).

/// "840 bytes", "13 kB", "4.2 MB", "50 MB", "1.3 GB".
pub fn size_text(bytes: u64) -> String {
    const KB: u64 = 1_000;
    const MB: u64 = 1_000_000;
    const GB: u64 = 1_000_000_000;
    match bytes {
        0..KB => format!("{bytes} bytes"),
        KB..MB => format!("{} kB", bytes.div_ceil(KB)),
        MB..GB => tenths(bytes, MB, "MB"),
        _ => tenths(bytes, GB, "GB"),
    }
}

/// `bytes` in `unit`s, rounded up to a tenth, without a trailing ".0".
fn tenths(bytes: u64, unit: u64, name: &str) -> String {
    let tenths = bytes.div_ceil(unit / 10);
    if tenths.is_multiple_of(10) {
        format!("{} {name}", tenths / 10)
    } else {
        format!("{}.{} {name}", tenths / 10, tenths % 10)
    }
}

/// A setting's number as people write it: "60", "1.5" (never "60.0").
pub fn number_text(x: f64) -> String {
    let text = format!("{x:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_round_up_in_decimal_units_without_float_noise() {
        assert_eq!(size_text(0), "0 bytes");
        assert_eq!(size_text(999), "999 bytes");
        assert_eq!(size_text(1_000), "1 kB");
        assert_eq!(size_text(1_001), "2 kB");
        assert_eq!(size_text(120_000), "120 kB");
        assert_eq!(size_text(50_000_000), "50 MB");
        assert_eq!(size_text(50_000_001), "50.1 MB", "just over the limit never reads as the limit");
        assert_eq!(size_text(52_428_800), "52.5 MB");
        assert_eq!(size_text(3_200_000_000), "3.2 GB");
    }

    #[test]
    fn numbers_drop_a_useless_decimal() {
        assert_eq!(number_text(60.0), "60");
        assert_eq!(number_text(365.0), "365");
        assert_eq!(number_text(1.5), "1.5");
        assert_eq!(number_text(0.25), "0.25");
    }
}
