//! Fuzz target: `cloister::fuzzing::passkey_answers` (see src/fuzzing.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cloister::fuzzing::passkey_answers(data));
