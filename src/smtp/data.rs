//! Receives the DATA section: CRLF.CRLF is the only end, dots are unstuffed,
//! bare CR, bare LF and NUL are noted (the message will be refused), size and
//! line length are checked; past `spool::THRESHOLD` the data goes to a spool
//! file instead of memory (when a spool directory is given).

use std::path::PathBuf;

use super::spool::{self, SpoolFile};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pos {
    /// At the start of a line (after CRLF, or at the very start of DATA).
    LineStart,
    /// A '.' at line start.
    Dot,
    /// ".\r" at line start.
    DotCr,
    InLine,
    /// '\r' inside a line.
    Cr,
}

/// Why a received message must be refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataProblem {
    TooBig,
    BareLineEnding,
    LineTooLong,
    /// A NUL byte (RFC 5321 and 6152 allow none, even with 8BITMIME).
    NulByte,
    /// The spool file could not be written (a temporary failure).
    Spool,
}

/// A received message: in memory, or (when large) in a spool file.
#[derive(Debug)]
pub enum Body {
    Memory(Vec<u8>),
    Spooled(SpoolFile),
}

pub struct DataReceiver {
    body: Vec<u8>,
    pos: Pos,
    line_len: usize,
    max_size: usize,
    max_line: usize,
    /// Every problem seen so far (the reply names the gravest).
    problems: Vec<DataProblem>,
    /// Where large data goes; None keeps everything in memory.
    spool_dir: Option<PathBuf>,
    spool: Option<SpoolFile>,
}

impl DataReceiver {
    pub fn new(max_size: usize, max_line: usize, spool_dir: Option<PathBuf>) -> Self {
        Self {
            body: Vec::with_capacity(max_size.min(64 * 1024)),
            pos: Pos::LineStart,
            line_len: 0,
            max_size,
            max_line,
            problems: Vec::new(),
            spool_dir,
            spool: None,
        }
    }

    fn note(&mut self, problem: DataProblem) {
        if !self.has(problem) {
            self.problems.push(problem);
        }
    }

    fn has(&self, problem: DataProblem) -> bool {
        self.problems.contains(&problem)
    }

    /// Bytes received so far (kept in memory and spooled).
    fn size(&self) -> usize {
        self.body.len() + self.spool.as_ref().map_or(0, SpoolFile::len)
    }

    /// Moves the data held in memory to the spool file once it is large enough.
    fn spool_if_large(&mut self) {
        let due = if self.spool.is_some() { spool::FLUSH_AT } else { spool::THRESHOLD };
        if self.body.len() < due || self.has(DataProblem::Spool) || self.has(DataProblem::TooBig) {
            return;
        }
        let Some(dir) = &self.spool_dir else { return };
        if self.spool.is_none() {
            match SpoolFile::create(dir) {
                Ok(file) => self.spool = Some(file),
                Err(e) => {
                    tracing::error!(error = %e, dir = %dir.display(), "smtp spool file could not be created");
                    self.note(DataProblem::Spool);
                    return;
                }
            }
        }
        let spool = self.spool.as_mut().expect("just made");
        if let Err(e) = spool.append(&self.body) {
            tracing::error!(error = %e, "smtp spool file could not be written");
            self.note(DataProblem::Spool);
        }
        self.body.clear();
    }

    fn push(&mut self, b: u8) {
        self.line_len += 1;
        if self.line_len > self.max_line {
            self.note(DataProblem::LineTooLong);
        }
        if b == 0 {
            self.note(DataProblem::NulByte);
        }
        if self.size() >= self.max_size {
            self.note(DataProblem::TooBig);
        } else {
            self.body.push(b);
        }
    }

    fn push_crlf(&mut self) {
        self.push(b'\r');
        self.push(b'\n');
        self.line_len = 0;
        self.pos = Pos::LineStart;
    }

    fn bare(&mut self, b: u8) {
        self.note(DataProblem::BareLineEnding);
        self.push(b);
        self.pos = Pos::InLine;
    }

    /// Appends the middle of a line (no CR or LF in `run`) in one copy.
    fn push_run(&mut self, run: &[u8]) {
        self.line_len += run.len();
        if self.line_len > self.max_line {
            self.note(DataProblem::LineTooLong);
        }
        if memchr::memchr(0, run).is_some() {
            self.note(DataProblem::NulByte);
        }
        let room = self.max_size.saturating_sub(self.size());
        if run.len() > room {
            self.note(DataProblem::TooBig);
            self.body.extend_from_slice(&run[..room]);
        } else {
            self.body.extend_from_slice(run);
        }
    }

    /// Consumes input; returns how many bytes belonged to DATA once the
    /// terminating CRLF.CRLF has been seen.
    pub fn feed(&mut self, input: &[u8]) -> Option<usize> {
        let end = self.consume(input);
        self.spool_if_large();
        end
    }

    fn consume(&mut self, input: &[u8]) -> Option<usize> {
        let mut i = 0;
        while i < input.len() {
            if self.pos == Pos::InLine {
                // Fast path: copy up to the next CR or LF at once.
                let run = memchr::memchr2(b'\r', b'\n', &input[i..]).unwrap_or(input.len() - i);
                if run > 0 {
                    self.push_run(&input[i..i + run]);
                    i += run;
                    continue;
                }
            }
            let b = input[i];
            i += 1;
            match (self.pos, b) {
                (Pos::LineStart, b'.') => self.pos = Pos::Dot,
                (Pos::Dot, b'\r') => self.pos = Pos::DotCr,
                (Pos::DotCr, b'\n') => return Some(i),
                (Pos::DotCr, other) => {
                    // ".\r" then something else: the CR is bare.
                    self.bare(b'\r');
                    self.byte_in_line(other);
                }
                (Pos::LineStart | Pos::InLine, b'\r') => self.pos = Pos::Cr,
                (Pos::Cr, b'\n') => self.push_crlf(),
                (Pos::Cr, other) => {
                    self.bare(b'\r');
                    self.byte_in_line(other);
                }
                (_, b'\n') => self.bare(b'\n'),
                (_, other) => {
                    self.push(other);
                    self.pos = Pos::InLine;
                }
            }
        }
        None
    }

    fn byte_in_line(&mut self, b: u8) {
        match b {
            b'\r' => self.pos = Pos::Cr,
            b'\n' => self.bare(b'\n'),
            _ => {
                self.push(b);
                self.pos = Pos::InLine;
            }
        }
    }

    /// The received message, or why it must be refused.
    pub fn finish(mut self) -> Result<Body, DataProblem> {
        // The gravest first: a client told "too big" should not retry as it is.
        let gravest = [
            DataProblem::TooBig,
            DataProblem::BareLineEnding,
            DataProblem::LineTooLong,
            DataProblem::NulByte,
            DataProblem::Spool,
        ]
        .into_iter()
        .find(|p| self.has(*p));
        if let Some(problem) = gravest {
            Err(problem)
        } else if let Some(mut spool) = self.spool.take() {
            spool.append(&self.body).map_err(|_| DataProblem::Spool)?;
            Ok(Body::Spooled(spool))
        } else {
            Ok(Body::Memory(std::mem::take(&mut self.body)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn in_memory(body: Result<Body, DataProblem>) -> Result<Vec<u8>, DataProblem> {
        body.map(|b| match b {
            Body::Memory(bytes) => bytes,
            Body::Spooled(_) => panic!("spooled without a spool directory"),
        })
    }

    fn run(input: &[u8]) -> (Option<usize>, Result<Vec<u8>, DataProblem>) {
        let mut r = DataReceiver::new(1000, 100, None);
        let end = r.feed(input);
        (end, in_memory(r.finish()))
    }

    #[test]
    fn plain_message_and_dot_unstuffing() {
        let (end, body) = run(b"Subject: x\r\n\r\n..leading dot\r\n.\r\nQUIT\r\n");
        assert_eq!(end, Some(b"Subject: x\r\n\r\n..leading dot\r\n.\r\n".len()));
        assert_eq!(body.unwrap(), b"Subject: x\r\n\r\n.leading dot\r\n");
    }

    #[test]
    fn empty_message() {
        let (end, body) = run(b".\r\n");
        assert_eq!(end, Some(3));
        assert_eq!(body.unwrap(), b"");
    }

    #[test]
    fn split_across_reads() {
        let mut r = DataReceiver::new(1000, 100, None);
        assert_eq!(r.feed(b"a\r\n.\r"), None);
        assert_eq!(r.feed(b"\nrest"), Some(1));
        assert_eq!(in_memory(r.finish()).unwrap(), b"a\r\n");
    }

    #[test]
    fn smuggling_payloads_do_not_end_data_and_are_refused() {
        for payload in [
            &b"a\n.\nMAIL FROM:<x@y>\r\n"[..],
            b"a\n.\r\nMAIL FROM:<x@y>\r\n",
            b"a\r\n.\nMAIL FROM:<x@y>\r\n",
            b"a\r.\r\nMAIL FROM:<x@y>\r\n",
            b"a\r\n.\rMAIL FROM:<x@y>\r\n",
            b"a\r.\rMAIL FROM:<x@y>\r\n",
        ] {
            let mut input = payload.to_vec();
            input.extend_from_slice(b"\r\n.\r\n");
            let (end, body) = run(&input);
            assert_eq!(end, Some(input.len()), "{payload:?} must end only at the real CRLF.CRLF");
            assert_eq!(body, Err(DataProblem::BareLineEnding), "{payload:?}");
        }
    }

    #[test]
    fn size_and_line_limits() {
        let mut big = vec![b'a'; 50];
        big.extend_from_slice(b"\r\n");
        let mut input = big.repeat(30);
        input.extend_from_slice(b".\r\n");
        assert_eq!(run(&input).1, Err(DataProblem::TooBig));
        let mut long = vec![b'a'; 150];
        long.extend_from_slice(b"\r\n.\r\n");
        assert_eq!(run(&long).1, Err(DataProblem::LineTooLong));
    }

    #[test]
    fn nul_bytes_are_refused() {
        assert_eq!(run(b"a\0b\r\n.\r\n").1, Err(DataProblem::NulByte));
        assert_eq!(run(b"\0\r\n.\r\n").1, Err(DataProblem::NulByte));
    }

    #[test]
    fn large_data_goes_to_the_spool_and_comes_back_whole() {
        let dir = tempfile::tempdir().unwrap();
        let line = [b'x'; 98].iter().copied().chain(*b"\r\n").collect::<Vec<u8>>();
        let mut r = DataReceiver::new(10 * spool::THRESHOLD, 1000, Some(dir.path().to_path_buf()));
        let mut sent = Vec::new();
        for _ in 0..(3 * spool::THRESHOLD / line.len()) {
            assert_eq!(r.feed(&line), None);
            sent.extend_from_slice(&line);
            assert!(r.body.len() <= spool::THRESHOLD + line.len(), "memory stays under the threshold");
        }
        assert_eq!(r.feed(b".\r\n"), Some(3));
        let Ok(Body::Spooled(file)) = r.finish() else { panic!("spooled") };
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        assert_eq!(file.read_all().unwrap(), sent);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "removed once read");
    }
}
