"""Fills a Cloister over SMTP with secure messages of realistic text (shared by
the storage and search benchmarks).

Each message is about 10 KB: headers, a text body of words drawn (Zipf-like)
from a 30,000-word vocabulary of made-up words, so it compresses like prose and
has a few hundred distinct words. Recipients: `big@partner.test` gets
`big` messages, `mid@partner.test` `mid`, the rest spread over one address per
50 messages. Sent over `sessions` parallel SMTP connections.
"""

import itertools
import random
import smtplib
import threading

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pa", "do", "fi", "gu", "ha", "je", "be", "co", "xa", "qu", "wy"]


def vocabulary(n: int, rng: random.Random) -> list[str]:
    words = set()
    while len(words) < n:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))))
    return sorted(words)


class Writer:
    def __init__(self, seed: int = 7):
        self.rng = random.Random(seed)
        self.words = vocabulary(30_000, self.rng)
        # Zipf-like weights: the word of rank r is drawn with weight 1/r.
        self.cum_weights = list(itertools.accumulate(1.0 / (r + 1) for r in range(len(self.words))))

    def body(self, rng: random.Random, size: int = 9_800) -> str:
        lines, length, line = [], 0, []
        picked = rng.choices(self.words, cum_weights=self.cum_weights, k=size // 5)
        for w in picked:
            line.append(w)
            if len(line) == 12:
                text = " ".join(line)
                lines.append(text)
                length += len(text) + 2
                line = []
            if length >= size:
                break
        return "\r\n".join(lines)


def rare(i: int) -> str:
    """A word only message `i`'s subject holds."""
    return f"ref{i}q"


def recipient(i: int, big: int, mid: int) -> str:
    if i < big:
        return "big@partner.test"
    if i < big + mid:
        return "mid@partner.test"
    return f"user{i // 50}@partner.test"


def fill(port: int, count: int, big: int, mid: int, sessions: int = 8, seed: int = 7) -> None:
    writer = Writer(seed)
    # Bodies are drawn once (the GIL makes drawing the bottleneck) and reused:
    # each message is stored and compressed on its own, and its subject holds
    # its own words.
    body_rng = random.Random(seed + 1)
    bodies = [writer.body(body_rng) for _ in range(min(count, 2000))]
    order = list(range(count))
    random.Random(seed).shuffle(order)
    errors = []

    def run(part: list[int]) -> None:
        try:
            with smtplib.SMTP("127.0.0.1", port) as s:
                for i in part:
                    to = recipient(i, big, mid)
                    msg = (
                        f"From: alice@example.org\r\nTo: {to}\r\nSubject: [secure] report {i} {rare(i)}\r\n"
                        f"Message-ID: <fill{i}@example.org>\r\n\r\n{bodies[i % len(bodies)]}\r\n"
                    )
                    s.sendmail("alice@example.org", [to], msg)
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=run, args=(order[k::sessions],)) for k in range(sessions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise SystemExit(f"fill failed: {errors[0]!r}")
