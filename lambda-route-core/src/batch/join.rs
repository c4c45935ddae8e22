//! Running several futures at once, up to a limit, in the calling task: the records of one
//! batch interleave at their `.await` points. No executor.

use std::future::{poll_fn, Future};
use std::pin::Pin;
use std::task::Poll;

/// A record's future, boxed so futures of one batch share a type; `Send` like a route's
/// future, so a batch can run in a spawned task (the local server's).
pub(super) type Job<'f, T> = Pin<Box<dyn Future<Output = T> + Send + 'f>>;

/// Runs `jobs` with at most `limit` (at least one) in flight, and returns their outputs in the
/// jobs' order. Every wake polls each running job once: batches are small (SQS sends at most
/// 10,000 records, usually 10), so this is cheaper than per-job wakers.
pub(super) async fn join_limited<T>(jobs: Vec<Job<'_, T>>, limit: usize) -> Vec<T> {
    let limit = limit.max(1);
    let total = jobs.len();
    let mut waiting = jobs.into_iter().enumerate();
    let mut running: Vec<(usize, Job<'_, T>)> = Vec::with_capacity(limit.min(total));
    let mut outputs: Vec<Option<T>> = (0..total).map(|_| None).collect();
    poll_fn(|cx| loop {
        while running.len() < limit {
            match waiting.next() {
                Some(job) => running.push(job),
                None => break,
            }
        }
        if running.is_empty() {
            return Poll::Ready(());
        }
        let before = running.len();
        running.retain_mut(|(index, job)| match job.as_mut().poll(cx) {
            Poll::Ready(output) => {
                if let Some(slot) = outputs.get_mut(*index) {
                    *slot = Some(output);
                }
                false
            }
            Poll::Pending => true,
        });
        // Only when a job finished can a waiting one start; otherwise wait for a wake.
        if running.len() == before {
            return Poll::Pending;
        }
    })
    .await;
    outputs.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::sync::Mutex;

    /// Yields once, so jobs interleave.
    async fn yield_once() {
        let mut yielded = false;
        poll_fn(|cx| {
            if yielded {
                Poll::Ready(())
            } else {
                yielded = true;
                cx.waker().wake_by_ref();
                Poll::Pending
            }
        })
        .await;
    }

    fn run<T>(future: impl Future<Output = T>) -> T {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(future)
    }

    #[test]
    fn outputs_keep_job_order_and_never_exceed_the_limit() {
        for limit in [0, 1, 2, 3, 10] {
            let in_flight = Mutex::new((0usize, 0usize));
            let jobs: Vec<Job<'_, usize>> = (0..7_usize)
                .map(|i| {
                    let in_flight = &in_flight;
                    Box::pin(async move {
                        {
                            let mut f = in_flight.lock().unwrap();
                            f.0 += 1;
                            f.1 = f.1.max(f.0);
                        }
                        for _ in 0..(7 - i) {
                            yield_once().await;
                        }
                        in_flight.lock().unwrap().0 -= 1;
                        i * 10
                    }) as Job<'_, usize>
                })
                .collect();
            let outputs = run(join_limited(jobs, limit));
            assert_eq!(outputs, vec![0, 10, 20, 30, 40, 50, 60], "limit {limit}");
            assert_eq!(
                in_flight.lock().unwrap().1,
                limit.clamp(1, 7),
                "limit {limit}"
            );
        }
    }

    #[test]
    fn no_jobs_is_no_outputs() {
        assert!(run(join_limited::<u8>(Vec::new(), 4)).is_empty());
    }
}
