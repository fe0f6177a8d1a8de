// The memory floor of `make bench`: the cost of one dependent cache miss on this machine,
// measured as a pointer chase over a 300 MB shared anonymous mapping (the kind of memory a
// table lives in: 4 KiB pages, so a TLB miss comes with most steps, as it does for a table).
// Every step reads the 8-byte link at the start of one 64-byte line, chosen by a random cycle
// over all lines, so no step can start before the previous one has finished.
// Prints the median nanoseconds per step over several rounds as an integer of picoseconds on
// one line ("ps<TAB>n"), so run.php can parse it. Built by run.php with `rustc -O`; no crates.
// Usage: floor [megabytes] [steps]
use std::time::Instant;

unsafe extern "C" {
    fn mmap(addr: *mut u8, len: usize, prot: i32, flags: i32, fd: i32, off: i64) -> *mut u8;
    fn munmap(addr: *mut u8, len: usize) -> i32;
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mb: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(300);
    let steps: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(5_000_000);
    let len = mb << 20;
    let lines = len / 64;
    // PROT_READ|PROT_WRITE, MAP_SHARED|MAP_ANONYMOUS, as the table's own mapping
    // SAFETY: a fresh anonymous mapping; checked for failure before use.
    let p = unsafe { mmap(std::ptr::null_mut(), len, 3, 0x01 | 0x20, -1, 0) };
    if p as isize == -1 {
        eprintln!("mmap failed");
        std::process::exit(1);
    }
    let cells = p as *mut usize;
    // Sattolo's shuffle gives one cycle through every line (xorshift: fixed seed, no crates).
    let mut order: Vec<usize> = (0..lines).collect();
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in (1..lines).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let j = (x % i as u64) as usize;
        order.swap(i, j);
    }
    for i in 0..lines {
        // SAFETY: both indices are lines of the mapping; each line's first word holds the next
        // line's word index.
        unsafe { *cells.add(order[i] * 8) = order[(i + 1) % lines] * 8 };
    }
    drop(order);
    let mut results = Vec::new();
    let mut cur = 0usize;
    for _ in 0..5 {
        let t0 = Instant::now();
        for _ in 0..steps {
            // SAFETY: every stored value is a word index inside the mapping.
            cur = unsafe { std::ptr::read_volatile(cells.add(cur)) };
        }
        results.push(t0.elapsed().as_nanos() as f64 * 1000.0 / steps as f64);
    }
    results.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("chase over {} MB, end {}", mb, cur % 7);
    println!("{}", results[results.len() / 2] as u64);
    // SAFETY: the mapping made above, unmapped once.
    unsafe { munmap(p, len) };
}
