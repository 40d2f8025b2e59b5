//! Fuzz target: `cloister::fuzzing::mime_summary` (see src/fuzzing.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cloister::fuzzing::mime_summary(data));
