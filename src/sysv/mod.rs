//! PHP-free System V IPC: thin, checked wrappers over the kernel's message-queue calls.
//!
//! Nothing here knows about PHP. The binding layer in `crate::php` converts arguments, calls
//! these functions and turns the results into PHP values, warnings and by-reference writes.

pub mod errno;
pub mod flags;
pub mod queue;

pub use errno::Errno;
pub use queue::{MsgBuf, QueueStat};
