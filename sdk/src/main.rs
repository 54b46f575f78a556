//! `obscura`: the Obscura command-line tool.
//!
//! Today: `obscura keys FILE` decodes an `application/ohttp-keys` file and shows each key
//! configuration and the suite a client would pick. `obscura verify`, `obscura caption` and
//! `obscura demo` arrive with their issues.

use std::process::ExitCode;

use anyhow::{Context, bail};
use obscura_protocol::keys::{KeyConfigEntry, KeyConfigList};
use obscura_protocol::limits::MAX_KEY_CONFIG_LIST_BYTES;

const USAGE: &str = "usage: obscura keys FILE   (decode an application/ohttp-keys file)";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Vec<String>) -> anyhow::Result<()> {
    match args.as_slice() {
        [cmd, file] if cmd == "keys" => keys(file),
        [flag] if flag == "--help" || flag == "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        [flag] if flag == "--version" || flag == "-V" => {
            println!("obscura {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        _ => bail!("{USAGE}"),
    }
}

fn keys(file: &str) -> anyhow::Result<()> {
    let meta = std::fs::metadata(file).with_context(|| format!("reading {file}"))?;
    if meta.len() > MAX_KEY_CONFIG_LIST_BYTES as u64 {
        bail!("{file} is larger than {MAX_KEY_CONFIG_LIST_BYTES} bytes");
    }
    let bytes = std::fs::read(file).with_context(|| format!("reading {file}"))?;
    let list = KeyConfigList::parse(&bytes).context("decoding key configuration list")?;
    for entry in list.entries() {
        match entry {
            KeyConfigEntry::Known(c) => {
                let suites: Vec<String> = c
                    .symmetric()
                    .iter()
                    .map(|(kdf, aead)| format!("kdf=0x{kdf:04x}/aead=0x{aead:04x}"))
                    .collect();
                println!(
                    "key id {:>3}  kem 0x{:04x}  public key {} bytes  suites {}",
                    c.key_id(),
                    c.kem_id(),
                    c.public_key().len(),
                    suites.join(", ")
                );
            }
            KeyConfigEntry::Unknown { key_id, kem_id } => {
                println!("key id {key_id:>3}  kem 0x{kem_id:04x}  (unknown KEM, skipped)");
            }
        }
    }
    match list.select() {
        Ok((c, s)) => println!("a client would use key id {} with {s:?}", c.key_id()),
        Err(e) => println!("no usable configuration: {e}"),
    }
    Ok(())
}
