//! Fuzz target: `cloister::fuzzing::multipart_form` (see src/fuzzing.rs).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cloister::fuzzing::multipart_form(data));
