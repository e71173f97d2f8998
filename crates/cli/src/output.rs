//! Standard output for every command: `outln!` instead of `println!`, which panics when the
//! reader has gone (`mingbai search … | head -1`). A closed pipe ends the process quietly with
//! status 0 (the reader asked for no more); any other write error is reported and exits 1.

use std::io::Write;

/// Writes one line to stdout, or ends the process as described above.
pub fn write_line(args: std::fmt::Arguments) {
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_fmt(args).and_then(|()| stdout.write_all(b"\n")) {
        stop(e);
    }
}

/// Flushes stdout (before exit), with the same rule.
pub fn flush() {
    if let Err(e) = std::io::stdout().lock().flush() {
        stop(e);
    }
}

fn stop(e: std::io::Error) -> ! {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("无法写出结果 / cannot write output: {e}");
    std::process::exit(1);
}

/// `println!` that stops quietly on a closed pipe.
macro_rules! outln {
    () => { $crate::output::write_line(format_args!("")) };
    ($($arg:tt)*) => { $crate::output::write_line(format_args!($($arg)*)) };
}
