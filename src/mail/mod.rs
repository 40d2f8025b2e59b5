//! MIME helpers: header surgery on raw bytes, a parsed summary for the vault,
//! and HTML bodies made safe to show.

pub mod address;
pub mod compose;
pub mod headers;
pub mod html;
pub mod html_shape;
pub mod html_text;
pub mod summary;
pub mod words;
