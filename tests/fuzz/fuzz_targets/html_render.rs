//! Fuzz target: `cloister::fuzzing::html_render` (see src/fuzzing.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cloister::fuzzing::html_render(data));
