//! Fuzz target: `cloister::fuzzing::smtp_session` (see src/fuzzing.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cloister::fuzzing::smtp_session(data));
