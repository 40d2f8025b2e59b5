//! Names and requests Cloister makes itself, without the C library: DNS over
//! UDP (MX, A/AAAA, TXT), host resolution, and a small HTTPS client (MTA-STS
//! policies, the ACME CA), and LDAP for directory sign-in.

pub mod dns;
pub mod https;
pub mod ldap;
pub mod resolve;
