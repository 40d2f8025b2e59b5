//! Fuzz target: `cloister::fuzzing::vault_records` (see src/fuzzing.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cloister::fuzzing::vault_records(data));
