#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| mentor_fuzz::search(data));
