//! Fuzz target: `cloister::fuzzing::directory_answers` (see src/fuzzing.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cloister::fuzzing::directory_answers(data));
