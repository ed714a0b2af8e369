//! Seeds of every format: any bytes as a saved web page, a PDF or a
//! Markdown text, read and split into articles.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    for name in ["fuzz.html", "fuzz.pdf", "fuzz.md"] {
        let path = std::path::Path::new(name);
        if let Ok(seed) = minsheng::ingest::read_seed(path, bytes) {
            let mut taken = Vec::new();
            let _ = minsheng::ingest::ingest_text(name, &seed.text, &mut taken);
        }
    }
});
