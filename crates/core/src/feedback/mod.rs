//! Anonymous feedback signals (有用/没用, searches that found nothing, the 12345 hand-off): one
//! wire format shared by the app, which appends it to the configured endpoint as a GET query, and
//! by `mingbai report`, which reads it back from the web server's access log.
//!
//! - `signal`: the signal types, their query-string encoding and the strict decoder.
//! - `scrub`: masks personal data (ID-card and phone numbers, long digit runs, e-mail addresses,
//!   names, addresses) in a query before it leaves the device. `Signal::encode` applies it.

pub mod scrub;
pub mod signal;

pub use scrub::scrub;
pub use signal::{feedback_url, Event, HourBucket, PageKind, Reason, Rejection, Signal, Surface};
