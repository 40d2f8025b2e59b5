//! Receives the DATA section: CRLF.CRLF is the only end, dots are unstuffed,
//! bare CR and bare LF are noted (the message will be refused), size and line
//! length are checked without buffering more than the size limit.

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
}

pub struct DataReceiver {
    body: Vec<u8>,
    pos: Pos,
    line_len: usize,
    max_size: usize,
    max_line: usize,
    too_big: bool,
    bare: bool,
    long_line: bool,
}

impl DataReceiver {
    pub fn new(max_size: usize, max_line: usize) -> Self {
        Self {
            body: Vec::with_capacity(max_size.min(64 * 1024)),
            pos: Pos::LineStart,
            line_len: 0,
            max_size,
            max_line,
            too_big: false,
            bare: false,
            long_line: false,
        }
    }

    fn push(&mut self, b: u8) {
        self.line_len += 1;
        if self.line_len > self.max_line {
            self.long_line = true;
        }
        if self.body.len() >= self.max_size {
            self.too_big = true;
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
        self.bare = true;
        self.push(b);
        self.pos = Pos::InLine;
    }

    /// Appends the middle of a line (no CR or LF in `run`) in one copy.
    fn push_run(&mut self, run: &[u8]) {
        self.line_len += run.len();
        if self.line_len > self.max_line {
            self.long_line = true;
        }
        let room = self.max_size.saturating_sub(self.body.len());
        if run.len() > room {
            self.too_big = true;
            self.body.extend_from_slice(&run[..room]);
        } else {
            self.body.extend_from_slice(run);
        }
    }

    /// Consumes input; returns how many bytes belonged to DATA once the
    /// terminating CRLF.CRLF has been seen.
    pub fn feed(&mut self, input: &[u8]) -> Option<usize> {
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
    pub fn finish(self) -> Result<Vec<u8>, DataProblem> {
        if self.too_big {
            Err(DataProblem::TooBig)
        } else if self.bare {
            Err(DataProblem::BareLineEnding)
        } else if self.long_line {
            Err(DataProblem::LineTooLong)
        } else {
            Ok(self.body)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &[u8]) -> (Option<usize>, Result<Vec<u8>, DataProblem>) {
        let mut r = DataReceiver::new(1000, 100);
        let end = r.feed(input);
        (end, r.finish())
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
        let mut r = DataReceiver::new(1000, 100);
        assert_eq!(r.feed(b"a\r\n.\r"), None);
        assert_eq!(r.feed(b"\nrest"), Some(1));
        assert_eq!(r.finish().unwrap(), b"a\r\n");
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
}
