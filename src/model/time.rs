//! Times as people read them.

/// A unix time as pages, mails and event logs write it: "2026-11-23 10:40 UTC".
pub fn utc_text(unix: i64) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&format).ok())
        .unwrap_or_default()
}

/// A `YYYY-MM-DD` date as the unix time of its start (UTC).
pub fn day_start(text: &str) -> Option<i64> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(text.trim(), &format)
        .ok()
        .map(|d| d.midnight().assume_utc().unix_timestamp())
}
