//! Raw bytes into `Dispatcher::invoke`: any event of any source, batches included.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    lambda_route_fuzz::check(data);
});
