//! Lists the message catalogues: every folder under `assets/lang/` is a
//! language and every `.ftl` file in it part of its catalogue, so adding a
//! language is adding a folder (no code to change).

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/lang");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut languages: Vec<_> = std::fs::read_dir(&root)
        .expect("assets/lang is readable")
        .map(|e| e.expect("assets/lang entry").path())
        .filter(|p| p.is_dir())
        .collect();
    languages.sort();
    let mut out = String::from("&[\n");
    for dir in languages {
        println!("cargo:rerun-if-changed={}", dir.display());
        let code = dir.file_name().and_then(|n| n.to_str()).expect("language folder name");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("language folder is readable")
            .map(|e| e.expect("language folder entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        let _ = writeln!(out, "    ({code:?}, &[");
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            let name = file.file_name().and_then(|n| n.to_str()).expect("catalogue file name");
            let _ = writeln!(out, "        ({name:?}, include_str!({:?})),", file.display().to_string());
        }
        out.push_str("    ]),\n");
    }
    out.push_str("]\n");
    let target = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("catalogues.rs");
    std::fs::write(target, out).expect("catalogues.rs written");
}
