//! The ESMTP session as a state machine with no I/O: bytes in, replies and
//! steps out. The network layer (`smtp::server`) drives it.

use std::borrow::Cow;
use std::net::IpAddr;
use std::sync::Arc;

use smtp_proto::{Error as ParseError, MAIL_SMTPUTF8, Request};

mod auth;

use super::data::{Body, DataProblem, DataReceiver};
use super::spool::SpoolFile;
use crate::service::intake::{Delivery, Origin};
use crate::service::queue_ids::QueueIds;

/// Limits and identity the session needs from the configuration.
#[derive(Debug, Clone)]
pub struct Limits {
    pub hostname: String,
    pub max_message_size: u64,
    pub max_recipients: usize,
    pub max_line_length: usize,
    pub max_errors: u32,
    pub require_tls: bool,
    /// AUTH accounts exist (AUTH is then offered over TLS).
    pub auth_enabled: bool,
    /// Where message data past `spool::THRESHOLD` goes; None keeps it in memory.
    pub spool_dir: Option<std::path::PathBuf>,
}

/// What the network layer must do next.
#[derive(Debug)]
pub enum Step {
    /// Flush output and read more input.
    NeedInput,
    /// Flush output (the 220), then run the TLS handshake and call `tls_started`.
    StartTls,
    /// Store the message, then call `delivered`.
    Deliver(Box<Delivery>),
    /// Read the message back from its spool file into `data`, store it, then call `delivered`.
    DeliverSpooled(Box<Delivery>, SpoolFile),
    /// Check the credentials, then call `auth_checked`.
    Authenticate { username: String, password: String },
    /// Flush output and close the connection.
    Close,
}

enum State {
    Command,
    Data(DataReceiver),
    AuthPlain,
    AuthLoginUser,
    AuthLoginPassword(String),
    Closed,
}

struct Transaction {
    queue_id: u64,
    sender: String,
    recipients: Vec<String>,
    /// MAIL carried SMTPUTF8: non-ASCII addresses are allowed.
    utf8: bool,
}

pub struct Session {
    limits: Arc<Limits>,
    client: IpAddr,
    trusted: bool,
    tls: bool,
    helo: Option<String>,
    auth_user: Option<String>,
    txn: Option<Transaction>,
    state: State,
    input: Vec<u8>,
    output: Vec<u8>,
    errors: u32,
    discarding_long_line: bool,
    queue_ids: Arc<QueueIds>,
}

enum LineError {
    TooLong,
    BareLineEnding,
}

impl Session {
    pub fn new(limits: Arc<Limits>, client: IpAddr, trusted: bool, queue_ids: Arc<QueueIds>) -> Self {
        let mut s = Self {
            limits,
            client,
            trusted,
            tls: false,
            helo: None,
            auth_user: None,
            txn: None,
            state: State::Command,
            input: Vec::new(),
            output: Vec::new(),
            errors: 0,
            discarding_long_line: false,
            queue_ids,
        };
        let greeting = format!("220 {} ESMTP Cloister", s.limits.hostname);
        s.reply(&greeting);
        s
    }

    pub fn receive(&mut self, bytes: &[u8]) {
        self.input.extend_from_slice(bytes);
    }

    pub fn take_output(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.output)
    }

    pub fn in_data(&self) -> bool {
        matches!(self.state, State::Data(_))
    }

    /// Between MAIL and the end of DATA (the transaction deadline runs).
    pub fn in_transaction(&self) -> bool {
        self.txn.is_some() || self.in_data()
    }

    fn reply(&mut self, text: &str) {
        self.output.extend_from_slice(text.as_bytes());
        self.output.extend_from_slice(b"\r\n");
    }

    /// A protocol error: reply, count it, and close when there were too many.
    fn error(&mut self, text: &str) -> Option<Step> {
        self.reply(text);
        self.errors += 1;
        if self.errors >= self.limits.max_errors {
            self.reply("421 4.7.0 Too many errors, closing connection");
            self.state = State::Closed;
            return Some(Step::Close);
        }
        None
    }

    /// The client was idle too long.
    pub fn timed_out(&mut self) {
        let text = format!("421 4.4.2 {} Timeout exceeded, closing connection", self.limits.hostname);
        self.reply(&text);
        self.state = State::Closed;
    }

    /// The server is stopping: tell the client to come back later.
    pub fn shutting_down(&mut self) {
        let text = format!("421 4.3.2 {} Service shutting down, try again later", self.limits.hostname);
        self.reply(&text);
        self.state = State::Closed;
    }

    /// TLS is up: forget everything said in plaintext (RFC 3207 §4.2).
    /// Returns false when the client had pipelined plaintext after STARTTLS.
    pub fn tls_started(&mut self) -> bool {
        let clean = self.input.is_empty();
        self.input.clear();
        self.tls = true;
        self.helo = None;
        self.txn = None;
        self.auth_user = None;
        self.state = State::Command;
        clean
    }

    pub fn delivered(&mut self, result: Result<String, String>) {
        self.txn = None;
        match result {
            Ok(text) | Err(text) => self.reply(&text),
        }
    }

    /// The client's address.
    pub fn client(&self) -> IpAddr {
        self.client
    }

    /// Too many failed AUTH attempts from this address lately: no check, close.
    pub fn auth_throttled(&mut self) {
        self.reply("421 4.7.0 Too many failed authentications from your address; try again later");
        self.state = State::Closed;
    }

    pub fn auth_checked(&mut self, username: String, ok: bool) {
        if ok {
            self.auth_user = Some(username);
            self.reply("235 2.7.0 Authentication successful");
        } else {
            let _ = self.error("535 5.7.8 Authentication credentials invalid");
        }
    }

    /// Runs the machine until it needs the network layer.
    pub fn step(&mut self) -> Step {
        loop {
            if matches!(self.state, State::Closed) {
                return Step::Close;
            }
            if let State::Data(_) = self.state {
                match self.data_step() {
                    Some(step) => return step,
                    None => continue,
                }
            }
            let line = match self.take_line() {
                None => return Step::NeedInput,
                Some(Err(LineError::TooLong)) => {
                    let max = self.limits.max_line_length;
                    match self.error(&format!("500 5.5.2 Line too long (limit {max} bytes)")) {
                        Some(step) => return step,
                        None => continue,
                    }
                }
                Some(Err(LineError::BareLineEnding)) => match self.error("500 5.5.2 Lines must end with CRLF; bare CR or LF refused") {
                    Some(step) => return step,
                    None => continue,
                },
                Some(Ok(line)) => line,
            };
            let step = match std::mem::replace(&mut self.state, State::Command) {
                State::AuthPlain => self.auth_plain_response(&line),
                State::AuthLoginUser => self.auth_login_user(&line),
                State::AuthLoginPassword(user) => self.auth_login_password(user, &line),
                _ => self.command(&line),
            };
            if let Some(step) = step {
                return step;
            }
        }
    }

    fn data_step(&mut self) -> Option<Step> {
        let State::Data(receiver) = &mut self.state else { return None };
        let consumed = receiver.feed(&self.input);
        let Some(n) = consumed else {
            self.input.clear();
            return Some(Step::NeedInput);
        };
        self.input.drain(..n);
        let State::Data(receiver) = std::mem::replace(&mut self.state, State::Command) else {
            unreachable!()
        };
        let txn = self.txn.take().expect("DATA only starts inside a transaction");
        let queue_id = txn.queue_id;
        let mut delivery = Box::new(Delivery {
            queue_id,
            sender: txn.sender,
            recipients: txn.recipients,
            client: self.client,
            origin: Origin::Smtp {
                helo: self.helo.clone().unwrap_or_default(),
                tls: self.tls,
                auth_user: self.auth_user.clone(),
            },
            data: Vec::new(),
        });
        match receiver.finish() {
            Ok(Body::Memory(data)) => {
                delivery.data = data;
                Some(Step::Deliver(delivery))
            }
            Ok(Body::Spooled(file)) => Some(Step::DeliverSpooled(delivery, file)),
            Err(problem) => {
                let text = match problem {
                    DataProblem::TooBig => format!(
                        "552 5.3.4 Message size exceeds fixed maximum message size ({} bytes)",
                        self.limits.max_message_size
                    ),
                    DataProblem::BareLineEnding => {
                        "550 5.6.0 Message refused: bare CR or LF in message data; lines must end with CRLF".into()
                    }
                    DataProblem::LineTooLong => format!("550 5.6.0 Message refused: a line exceeds {} bytes", self.limits.max_line_length),
                    DataProblem::NulByte => "550 5.6.0 Message refused: NUL bytes are not allowed in message data".into(),
                    DataProblem::Spool => "451 4.3.0 Message could not be stored; try again later".into(),
                };
                tracing::info!(queue_id = %format!("{:016X}", queue_id), client = %self.client, result = %text, "message refused");
                self.reply(&text);
                None
            }
        }
    }

    fn take_line(&mut self) -> Option<Result<Vec<u8>, LineError>> {
        let max = self.limits.max_line_length;
        let Some(lf) = self.input.iter().position(|&b| b == b'\n') else {
            if self.input.len() > max {
                self.input.clear();
                self.discarding_long_line = true;
            }
            return None;
        };
        let line: Vec<u8> = self.input.drain(..=lf).collect();
        if std::mem::take(&mut self.discarding_long_line) || line.len() > max {
            return Some(Err(LineError::TooLong));
        }
        let body = &line[..line.len() - 1];
        if body.last() != Some(&b'\r') || body[..body.len() - 1].contains(&b'\r') {
            return Some(Err(LineError::BareLineEnding));
        }
        Some(Ok(line))
    }

    fn command(&mut self, line: &[u8]) -> Option<Step> {
        match Request::parse(&mut line.iter()) {
            Ok(request) => self.request(request),
            Err(ParseError::UnknownCommand) => self.error("500 5.5.2 Command unrecognized"),
            Err(ParseError::InvalidSenderAddress) => self.error("501 5.1.7 Invalid sender address"),
            Err(ParseError::InvalidRecipientAddress) => self.error("501 5.1.3 Invalid recipient address"),
            Err(ParseError::SyntaxError { syntax }) => self.error(&format!("501 5.5.4 Syntax: {syntax}")),
            Err(ParseError::InvalidParameter { param }) => self.error(&format!("501 5.5.4 Invalid parameter {param}")),
            Err(ParseError::UnsupportedParameter { param }) => self.error(&format!("504 5.5.4 Unsupported parameter {param}")),
            Err(_) => self.error("500 5.5.2 Syntax error"),
        }
    }

    fn request(&mut self, request: Request<Cow<'_, str>>) -> Option<Step> {
        match request {
            Request::Ehlo { host } => self.ehlo(&host),
            Request::Helo { host } => {
                self.helo = Some(host.into_owned());
                self.txn = None;
                let text = format!("250 {}", self.limits.hostname);
                self.reply(&text);
                None
            }
            Request::Mail { from } => self.mail(from.address.into_owned(), from.size, from.flags),
            Request::Rcpt { to } => self.rcpt(to.address.into_owned()),
            Request::Data => self.data(),
            Request::Rset => {
                self.txn = None;
                self.reply("250 2.0.0 Ok");
                None
            }
            Request::Noop { .. } => {
                self.reply("250 2.0.0 Ok");
                None
            }
            Request::Quit => {
                let text = format!("221 2.0.0 {} closing connection", self.limits.hostname);
                self.reply(&text);
                self.state = State::Closed;
                Some(Step::Close)
            }
            Request::Vrfy { .. } => {
                self.reply("252 2.5.2 Cannot VRFY user, but will accept message and attempt delivery");
                None
            }
            Request::Help { .. } => {
                self.reply("214 2.0.0 See RFC 5321; commands: EHLO HELO MAIL RCPT DATA RSET NOOP QUIT VRFY STARTTLS AUTH");
                None
            }
            Request::StartTls => self.starttls(),
            Request::Auth {
                mechanism,
                initial_response,
            } => self.auth(mechanism, &initial_response),
            Request::Expn { .. } => self.error("502 5.5.1 EXPN not available"),
            other => {
                let name = other.name();
                self.error(&format!("502 5.5.1 {name} not implemented"))
            }
        }
    }

    fn ehlo(&mut self, host: &str) -> Option<Step> {
        self.helo = Some(host.to_string());
        self.txn = None;
        let mut lines = vec![
            format!("{} greets [{}]", self.limits.hostname, self.client),
            format!("SIZE {}", self.limits.max_message_size),
            "PIPELINING".into(),
            "8BITMIME".into(),
            "ENHANCEDSTATUSCODES".into(),
            "SMTPUTF8".into(),
        ];
        if !self.tls {
            lines.push("STARTTLS".into());
        } else if self.limits.auth_enabled && self.auth_user.is_none() {
            lines.push("AUTH PLAIN LOGIN".into());
        }
        let last = lines.len() - 1;
        for (i, l) in lines.iter().enumerate() {
            let sep = if i == last { ' ' } else { '-' };
            self.output.extend_from_slice(format!("250{sep}{l}\r\n").as_bytes());
        }
        None
    }

    fn mail(&mut self, sender: String, size: usize, flags: u64) -> Option<Step> {
        if self.helo.is_none() {
            return self.error("503 5.5.1 Send EHLO or HELO first");
        }
        if self.limits.require_tls && !self.tls {
            return self.error("530 5.7.0 Must issue a STARTTLS command first");
        }
        if self.txn.is_some() {
            return self.error("503 5.5.1 Nested MAIL command; send RSET first");
        }
        if size as u64 > self.limits.max_message_size {
            let text = format!(
                "552 5.3.4 Message size exceeds fixed maximum message size ({} bytes)",
                self.limits.max_message_size
            );
            self.reply(&text);
            return None;
        }
        if flags & MAIL_SMTPUTF8 != 0 && !sender.is_ascii() && !sender.contains('@') {
            return self.error("553 5.1.7 Invalid sender address");
        }
        self.txn = Some(Transaction {
            queue_id: self.queue_ids.next(),
            sender,
            recipients: Vec::new(),
            utf8: flags & MAIL_SMTPUTF8 != 0,
        });
        self.reply("250 2.1.0 Ok");
        None
    }

    fn rcpt(&mut self, address: String) -> Option<Step> {
        let may_relay = self.trusted || self.auth_user.is_some();
        let Some(txn) = &mut self.txn else {
            return self.error("503 5.5.1 Need MAIL command first");
        };
        if !may_relay {
            return self.error("550 5.7.1 Relaying denied: authenticate first (AUTH is offered after STARTTLS)");
        }
        if let Some(why) = crate::mail::address::recipient_problem(&address, txn.utf8) {
            return self.error(&format!("553 5.1.3 Recipient address refused: {why}"));
        }
        if txn.recipients.iter().any(|r| r.eq_ignore_ascii_case(&address)) {
            self.reply("250 2.1.5 Ok (duplicate recipient)");
            return None;
        }
        if txn.recipients.len() >= self.limits.max_recipients {
            self.reply("452 4.5.3 Too many recipients");
            return None;
        }
        txn.recipients.push(address);
        self.reply("250 2.1.5 Ok");
        None
    }

    fn data(&mut self) -> Option<Step> {
        match &self.txn {
            None => self.error("503 5.5.1 Need MAIL command first"),
            Some(t) if t.recipients.is_empty() => self.error("554 5.5.1 No valid recipients"),
            Some(_) => {
                self.reply("354 End data with <CR><LF>.<CR><LF>");
                let max_size = usize::try_from(self.limits.max_message_size).unwrap_or(usize::MAX);
                let spool = self.limits.spool_dir.clone();
                self.state = State::Data(DataReceiver::new(max_size, self.limits.max_line_length, spool));
                None
            }
        }
    }

    fn starttls(&mut self) -> Option<Step> {
        if self.tls {
            return self.error("503 5.5.1 TLS already active");
        }
        self.reply("220 2.0.0 Ready to start TLS");
        Some(Step::StartTls)
    }
}
