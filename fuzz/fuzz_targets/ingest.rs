//! Seed ingestion: any bytes as a seed file, decoded and split into articles.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let path = std::path::Path::new("seeds/fuzz.txt");
    if let Ok(decoded) = minsheng::ingest::decode_seed(path, bytes) {
        let mut taken = Vec::new();
        let _ = minsheng::ingest::ingest_text("fuzz.txt", &decoded.text, &mut taken);
    }
});
