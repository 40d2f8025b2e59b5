//! Sizes and amounts as people read them: one formatter for every page, mail
//! and message, in decimal units as the configuration counts them (a limit of
//! 50000000 bytes reads "50 MB"). Sizes round up, so a size is never shown
//! smaller than it is ("just over the limit" never reads as the limit).

/// A size as catalogue words (`size-…`): "840 bytes", "13 kB", "4.2 MB",
/// "50 MB", "1.3 GB" in English; the unit symbols stay in every language,
/// the decimal mark and "bytes" are the reader's.
pub fn size_words(bytes: u64) -> crate::i18n::Text {
    use crate::i18n::Text;
    const KB: u64 = 1_000;
    const MB: u64 = 1_000_000;
    const GB: u64 = 1_000_000_000;
    let (unit, symbol) = match bytes {
        0..KB => return Text::new("size-bytes").with("n", i64::try_from(bytes).unwrap_or(0)),
        KB..MB => {
            return Text::new("size-whole")
                .with("n", (bytes.div_ceil(KB)).to_string())
                .with("unit", "kB");
        }
        MB..GB => (MB, "MB"),
        _ => (GB, "GB"),
    };
    let tenths = bytes.div_ceil(unit / 10);
    if tenths.is_multiple_of(10) {
        Text::new("size-whole").with("n", (tenths / 10).to_string()).with("unit", symbol)
    } else {
        Text::new("size-tenths")
            .with("whole", (tenths / 10).to_string())
            .with("tenth", (tenths % 10).to_string())
            .with("unit", symbol)
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

    fn size_text(bytes: u64) -> String {
        crate::i18n::Catalogues::load("en").unwrap().say("en", &size_words(bytes))
    }

    #[test]
    fn sizes_round_up_in_decimal_units_without_float_noise() {
        assert_eq!(size_text(0), "0 bytes");
        assert_eq!(size_text(1), "1 byte");
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
