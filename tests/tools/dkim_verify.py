#!/usr/bin/env python3
"""Independent DKIM check (dkimpy): verify MESSAGE_FILE against the TXT record in RECORD_FILE.

Usage: dkim_verify.py MESSAGE_FILE RECORD_FILE
Exits 0 and prints "pass" when the signature verifies, 1 otherwise.
"""
import sys

import dkim


def main():
    message = open(sys.argv[1], "rb").read()
    record = open(sys.argv[2], "rb").read().strip()

    def dnsfunc(name, timeout=5):
        return record

    ok = dkim.verify(message, dnsfunc=dnsfunc)
    print("pass" if ok else "fail")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
