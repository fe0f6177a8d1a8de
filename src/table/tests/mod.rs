//! Tests of the table core. Tests that fork or measure time hold `support::SERIAL`; forked
//! children only use atomics, the table (which does not allocate) and `_exit`.

mod api;
mod bench;
mod capacity;
mod concurrency;
mod hardening;
mod hash;
mod iteration;
mod layout;
mod liveness;
mod model;
mod named;
mod recovery;
mod support;
