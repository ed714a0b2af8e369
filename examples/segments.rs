fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    for s in minsheng::ingest::segment::segment_page(&text) {
        println!("{:>4}-{:<4} gap{} {:?}", s.first, s.last, s.gap_before, s.kind);
    }
}
