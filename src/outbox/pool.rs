//! Connections to one target (the relay), reused and pipelined.
//!
//! Messages wait in one queue; a few connection workers take them. Where the
//! server offers PIPELINING, a message's data goes out in the same write as
//! the next queued message's MAIL, RCPT and DATA (RFC 2920 lets the content be
//! the first "command" of a group), so a busy connection costs one write and
//! one read per message instead of two of each.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::client::{ClientError, Commands, Connection, Target, dot_stuffed, within};

/// Connections open at once; more messages than that wait in the queue.
const CONNECTIONS: usize = 8;
/// A connection with nothing to send for this long is closed (QUIT).
const IDLE_CONNECTION: Duration = Duration::from_mins(1);

/// One message to send, and where its outcome goes.
struct Job {
    from: String,
    to: Vec<String>,
    data: Vec<u8>,
    answer: async_channel::Sender<Result<String, ClientError>>,
    /// Tried once already on a connection that failed before its data went.
    retried: bool,
}

impl Job {
    fn answer(self, result: Result<String, ClientError>) {
        let _ = self.answer.try_send(result);
    }

    /// Failed before its data went, on a connection that had served others
    /// (`reused`, perhaps closed by the server while idle): once, it starts
    /// again on a new connection; otherwise it is answered with `error`.
    fn again_or_answer(mut self, error: ClientError, reused: bool) -> Step {
        if self.retried || !reused {
            self.answer(Err(error));
            return Step::Done;
        }
        self.retried = true;
        Step::Start(self)
    }
}

/// Whether the target can be reached, as far as the pool knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    Up,
    /// Failed; left alone for this long.
    Paused(Duration),
    /// Failed; the pause is over: worth a probe.
    Probe,
}

pub struct Pool {
    queue: async_channel::Sender<Job>,
    shared: Arc<Shared>,
}

/// What the pool and its workers share.
struct Shared {
    target: Target,
    queue: async_channel::Receiver<Job>,
    /// Workers running, and how many of them wait for a message.
    workers: AtomicUsize,
    idle: AtomicUsize,
    /// While the target cannot be reached: (retry no sooner than, current pause).
    down: Mutex<Option<(Instant, Duration)>>,
    first_pause: Duration,
    max_pause: Duration,
}

impl Pool {
    /// `first_pause`..`max_pause`: how long to leave an unreachable target alone (doubling).
    pub fn new(target: Target, first_pause: Duration, max_pause: Duration) -> Self {
        let (tx, rx) = async_channel::unbounded();
        Self {
            queue: tx,
            shared: Arc::new(Shared {
                target,
                queue: rx,
                workers: AtomicUsize::new(0),
                idle: AtomicUsize::new(0),
                down: Mutex::new(None),
                first_pause,
                max_pause: max_pause.max(first_pause),
            }),
        }
    }

    /// How long until the unreachable target is tried again; None when it is up.
    pub fn down_for(&self) -> Option<Duration> {
        self.shared.down_for()
    }

    /// Up, paused after failing, or failed and due to be tried again.
    pub fn reach(&self) -> Reach {
        let down = *self.shared.down.lock().expect("pool lock");
        match down {
            None => Reach::Up,
            Some((until, _)) => until.checked_duration_since(Instant::now()).map_or(Reach::Probe, Reach::Paused),
        }
    }

    /// Tries a connection to a target that failed (no message involved, so an
    /// outage writes no attempts); true when it answered. The connection is
    /// closed again: rows are then sent the usual way.
    pub async fn probe(&self) -> bool {
        match self.shared.open().await {
            Ok(c) => {
                c.quit().await;
                true
            }
            Err(_) => false,
        }
    }

    #[cfg(test)]
    fn mark(&self, reachable: bool) {
        self.shared.mark(reachable);
    }

    /// Sends one message, on a connection already open when there is one. A
    /// connection found dead before the message's data went (the server
    /// closed it while idle) is replaced once; after that, nothing is resent.
    pub async fn send(&self, from: &str, to: &[String], data: Vec<u8>) -> Result<String, ClientError> {
        let (answer, outcome) = async_channel::bounded(1);
        let job = Job {
            from: from.to_string(),
            to: to.to_vec(),
            data,
            answer,
            retried: false,
        };
        self.queue
            .try_send(job)
            .map_err(|_| ClientError::Network("connection pool closed".into()))?;
        self.shared.add_worker_if_needed();
        outcome
            .recv()
            .await
            .unwrap_or_else(|_| Err(ClientError::Network("connection worker stopped".into())))
    }
}

impl Shared {
    fn mark(&self, reachable: bool) {
        let mut down = self.down.lock().expect("pool lock");
        *down = if reachable {
            None
        } else {
            let pause = down.map_or(self.first_pause, |(_, p)| (p * 2).min(self.max_pause));
            Some((Instant::now() + pause, pause))
        };
    }

    /// A message was queued: start a worker when more wait than idle workers can take.
    fn add_worker_if_needed(self: &Arc<Self>) {
        if self.queue.len() <= self.idle.load(Ordering::SeqCst) {
            return;
        }
        let started = self
            .workers
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| (n < CONNECTIONS).then_some(n + 1));
        if started.is_ok() {
            smol::spawn(Arc::clone(self).work()).detach();
        }
    }

    /// One connection worker: sends queued messages until none came for a while.
    async fn work(self: Arc<Self>) {
        let mut conn = None;
        loop {
            self.idle.fetch_add(1, Ordering::SeqCst);
            let next = futures_lite::future::or(async { self.queue.recv().await.ok() }, async {
                smol::Timer::after(IDLE_CONNECTION).await;
                None
            })
            .await;
            self.idle.fetch_sub(1, Ordering::SeqCst);
            let job = if let Some(job) = next {
                job
            } else {
                // Leaving: but a message queued just now (seeing this worker
                // still idle, so starting none) must not be stranded.
                self.workers.fetch_sub(1, Ordering::SeqCst);
                let Ok(job) = self.queue.try_recv() else { break };
                self.workers.fetch_add(1, Ordering::SeqCst);
                job
            };
            self.serve(&mut conn, job).await;
        }
        if let Some(c) = conn {
            c.quit().await;
        }
    }

    /// A new connection; while the target is paused (unreachable a moment
    /// ago), none is tried: queued messages are answered at once.
    async fn open(&self) -> Result<Connection, ClientError> {
        if let Some(left) = self.down_for() {
            return Err(ClientError::Network(format!(
                "{}:{} unreachable; next try in {} s",
                self.target.host,
                self.target.port,
                left.as_secs() + 1
            )));
        }
        match Connection::open(&self.target).await {
            Ok(c) => {
                self.mark(true);
                Ok(c)
            }
            Err(e) => {
                // Several queued messages failing together count as one failure.
                if self.down_for().is_none() {
                    self.mark(!matches!(e, ClientError::Network(_)));
                }
                Err(e)
            }
        }
    }

    fn down_for(&self) -> Option<Duration> {
        let down = self.down.lock().expect("pool lock");
        down.and_then(|(until, _)| until.checked_duration_since(Instant::now()))
    }

    /// Sends `first`, then, on the same connection, every message queued by
    /// the time the previous one's data goes. Leaves `conn` open when usable.
    async fn serve(&self, conn: &mut Option<Connection>, first: Job) {
        let mut step = Step::Start(first);
        loop {
            step = match step {
                Step::Done => return,
                Step::Start(job) => {
                    // A connection that served others may have died unseen: worth a second one.
                    let reused = conn.is_some();
                    let c = match conn {
                        Some(c) => c,
                        None => match self.open().await {
                            Ok(c) => conn.insert(c),
                            Err(e) => return job.answer(Err(e)),
                        },
                    };
                    if c.pipelining() {
                        self.write_commands(conn, job, reused).await
                    } else {
                        one_at_a_time(conn, job, reused).await
                    }
                }
                Step::Written(job, commands, reused) => self.finish(conn, job, commands, reused).await,
            };
        }
    }

    /// Writes the commands that open `job`'s transaction.
    async fn write_commands(&self, conn: &mut Option<Connection>, job: Job, reused: bool) -> Step {
        let Some(c) = conn.as_mut() else { return Step::Start(job) };
        let commands = c.begin(&job.from, &job.to);
        match within(self.target.timeout, "sending commands", c.write(commands.text.as_bytes())).await {
            Ok(()) => Step::Written(job, commands, reused),
            Err(e) => {
                *conn = None;
                job.again_or_answer(e, reused)
            }
        }
    }

    /// Reads the replies to `job`'s commands, then sends its data, with the
    /// commands of the next queued message in the same write.
    async fn finish(&self, conn: &mut Option<Connection>, job: Job, commands: Commands, reused: bool) -> Step {
        let Some(c) = conn.as_mut() else { return Step::Start(job) };
        // However the server trickles its replies, a transaction has a time limit.
        let limit = self.target.timeout.saturating_mul(2);
        if let Err(e) = within(limit, "transaction", c.command_replies(&commands)).await {
            if matches!(e, ClientError::Reply { code, .. } if code != 421) {
                if c.is_broken() {
                    *conn = None;
                }
                job.answer(Err(e));
                return Step::Done;
            }
            *conn = None;
            return job.again_or_answer(e, reused);
        }
        let mut out = dot_stuffed(&job.data);
        let next = self.queue.try_recv().ok().map(|n| {
            let commands = Commands::new(&n.from, &n.to, false);
            out.extend_from_slice(commands.text.as_bytes());
            (n, commands)
        });
        let result = match within(self.target.timeout, "sending data", c.write(&out)).await {
            Ok(()) => within(limit, "transaction", c.final_reply()).await,
            Err(e) => Err(e),
        };
        let lost = matches!(result, Err(ClientError::Network(_))) || c.is_broken();
        job.answer(result);
        if lost {
            *conn = None;
            // Not the next message's own failure: it starts again on a new connection.
            return next.map_or(Step::Done, |(next, _)| {
                next.again_or_answer(ClientError::Network("connection lost".into()), true)
            });
        }
        match next {
            None => Step::Done,
            Some((next, commands)) => {
                c.reopen();
                Step::Written(next, commands, true)
            }
        }
    }
}

/// Where a job stands in `Shared::serve`.
enum Step {
    /// Answered; the connection is free for the next queued message.
    Done,
    /// To send from the start (on a new connection if the last one was dropped).
    Start(Job),
    /// Its commands are written (on a connection that served others before: true);
    /// their replies come next.
    Written(Job, Commands, bool),
}

/// The whole transaction, one command at a time (the server does not pipeline).
async fn one_at_a_time(conn: &mut Option<Connection>, mut job: Job, reused: bool) -> Step {
    let Some(c) = conn.as_mut() else { return Step::Start(job) };
    let result = c.send(&job.from, &job.to, &job.data).await;
    let data_sent = c.data_sent();
    if !usable(c, &result) {
        *conn = None;
    }
    match result {
        Err(e) if reused && !data_sent && !job.retried && worth_another_connection(&e) => {
            job.retried = true;
            Step::Start(job)
        }
        result => {
            job.answer(result);
            Step::Done
        }
    }
}

/// Whether the connection can take another transaction after `result`.
fn usable(c: &Connection, result: &Result<String, ClientError>) -> bool {
    !c.is_broken() && !matches!(result, Err(ClientError::Network(_) | ClientError::Tls(_)))
}

/// A failure another connection could cure: the old one was closed or told to go.
fn worth_another_connection(e: &ClientError) -> bool {
    matches!(e, ClientError::Network(_) | ClientError::Reply { code: 421, .. })
}

#[cfg(test)]
#[path = "pool_tests.rs"]
mod tests;
