//! Fuzz target: `cloister::fuzzing::config_file` (see src/fuzzing.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cloister::fuzzing::config_file(data));
