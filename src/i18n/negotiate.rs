//! `Accept-Language` (RFC 9110 §12.5.4) against the shipped languages.

/// Tags read from one header: a browser sends a handful; more is noise.
const MOST_TAGS: usize = 16;

/// The shipped language the header ranks highest (by `q`, then order): a tag
/// matches by its primary subtag (`de-CH` → `de`); `*` and `q=0` match nothing.
pub fn best(header: &str, known: impl Fn(&str) -> Option<&'static str>) -> Option<&'static str> {
    let mut best: Option<(u16, &'static str)> = None;
    for part in header.split(',').take(MOST_TAGS) {
        let mut pieces = part.split(';');
        let tag = pieces.next().unwrap_or("").trim();
        let quality = pieces
            .find_map(|p| p.trim().strip_prefix("q="))
            .map_or(Some(1000), parse_quality)
            .unwrap_or(0);
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        if quality == 0 || primary.is_empty() || primary.len() > 8 {
            continue;
        }
        if let Some(code) = known(&primary)
            && best.is_none_or(|(q, _)| quality > q)
        {
            best = Some((quality, code));
        }
    }
    best.map(|(_, code)| code)
}

/// A `q` value in thousandths (`0.8` → 800), or None when it is not one.
fn parse_quality(text: &str) -> Option<u16> {
    let value: f32 = text.trim().parse().ok()?;
    if (0.0..=1.0).contains(&value) {
        // In range, so the product fits.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Some((value * 1000.0).round() as u16)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::best;

    fn known(code: &str) -> Option<&'static str> {
        ["de", "en", "es", "fr", "nl"].into_iter().find(|c| *c == code)
    }

    #[test]
    fn highest_quality_shipped_language_wins() {
        assert_eq!(best("de-DE,de;q=0.9,en;q=0.8", known), Some("de"));
        assert_eq!(best("pt-BR,pt;q=0.9,fr;q=0.5,nl;q=0.7", known), Some("nl"));
        assert_eq!(best("en;q=0.2, es", known), Some("es"));
        assert_eq!(best("FR-be", known), Some("fr"));
    }

    #[test]
    fn nothing_shipped_or_refused_gives_none() {
        assert_eq!(best("", known), None);
        assert_eq!(best("*", known), None);
        assert_eq!(best("ja,zh;q=0.5", known), None);
        assert_eq!(best("de;q=0", known), None);
        assert_eq!(best("de;q=bogus", known), None);
    }
}
