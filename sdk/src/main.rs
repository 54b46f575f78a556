//! `obscura`: the Obscura command-line tool.
//!
//! - `obscura verify REPORT ...` checks an SEV-SNP attestation report from any system and
//!   prints every check (table or `--json`); exit 0 when accepted, 1 when not, 2 on usage
//!   errors.
//! - `obscura report show REPORT` decodes every field of a report.
//! - `obscura keys FILE` decodes an `application/ohttp-keys` file.
//! - `obscura caption IMAGE... --out DIR` sends images through an Obscura host after
//!   verifying its evidence, and writes the redacted results.
//! - `obscura demo [IMAGE...] --out DIR` starts a simulated enclave and a host on loopback,
//!   sends the images through them and writes before/after PNGs.

mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use obscura_attestation::report::Product;

const VERIFY_HELP: &str = "\
Policies:
  authenticity  structure, signature, chain to the pinned AMD root, CRL (required, fresh),
                validity dates, certificate TCB = REPORTED_TCB, hwID = CHIP_ID
  strict        authenticity plus DEBUG and migration agent off, VMPL 0,
                COMMITTED = CURRENT and a measurement allow-list (empty unless a policy
                file lists measurements, so the measurement check fails)
  FILE.toml     every knob of the policy; keys (all optional):
                  base = \"authenticity\" | \"strict\"
                  product = \"milan\" | \"genoa\" | \"turin\"
                  versions = [3, 4, 5]          signers = [\"vcek\", \"vlek\"]
                  crl = \"require\" | \"allow-stale\" | \"if-present\" | \"skip\"
                  tcb_relation = \"any\" | \"committed-le-current\" | \"committed-eq-current\"
                  min_firmware = { major, minor, build }
                  allow_debug, allow_migration_agent = true | false
                  guest_policy = { required = 0x.., forbidden = 0x.. }
                  min_abi = { major, minor }    platform_info = { required, forbidden }
                  mitigations = 0x..            vmpl = 0
                  measurements = [\"96 hex\"]    host_data = \"64 hex\"
                  family_id, image_id = \"32 hex\"
                  id_key_digest, author_key_digest = \"96 hex\"
                  min_guest_svn = N
                  [min_tcb.milan|genoa|turin] bl, tee, snp, ucode (turin: also fmc)

Collateral:
  Without --vcek/--vlek the VCEK is fetched from the AMD KDS for the report's CHIP_ID and
  REPORTED_TCB; without --crl the CRL is fetched too (a failed CRL fetch is reported by the
  `crl` check). Without --chain the AMD roots pinned for the product are used. Fetched
  files are cached in $OBSCURA_KDS_CACHE, else $XDG_CACHE_HOME/obscura/kds, else
  ~/.cache/obscura/kds (CRLs only until their nextUpdate); --offline uses only that cache.
  $OBSCURA_KDS_URL points at another KDS (default https://kdsintf.amd.com).
  Certificates and CRLs may be PEM or DER.

Exit status: 0 when no check fails and every authenticity check passes, 1 otherwise,
2 for usage errors (e.g. a version 2 report without --product, a bad policy file).";

/// The Obscura command-line tool.
#[derive(Parser)]
#[command(name = "obscura", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Verify an SEV-SNP attestation report from any system and show every check.
    #[command(after_help = VERIFY_HELP)]
    Verify(VerifyArgs),
    /// Work with attestation reports.
    #[command(subcommand)]
    Report(ReportCommand),
    /// Send images through an Obscura host (evidence verified first) and write the results.
    Caption(CaptionArgs),
    /// Start a simulated enclave and a host on 127.0.0.1, send images through them, and
    /// write before/after PNGs.
    Demo(DemoArgs),
    /// Decode an application/ohttp-keys file.
    Keys {
        /// The key configuration list.
        file: PathBuf,
    },
}

#[derive(clap::Args)]
struct CaptionArgs {
    /// Images to send (PNG, JPEG or WebP).
    #[arg(required = true)]
    images: Vec<PathBuf>,
    /// Directory for the redacted images.
    #[arg(long)]
    out: PathBuf,
    /// The host, e.g. `https://obscura.example` (default: $OBSCURA_ENDPOINT). The API key is
    /// read from $OBSCURA_API_KEY.
    #[arg(long)]
    endpoint: Option<String>,
    /// Evidence policy: strict, authenticity or FILE.toml (as for `verify`).
    #[arg(long)]
    policy: String,
    /// Extra TLS root for the host (PEM).
    #[arg(long)]
    ca: Option<PathBuf>,
    /// Trust a simulated AMD root (DER), e.g. from `obscura-enclave serve --simulate
    /// --ark-out`. Only for laptops and tests: anyone can forge simulated evidence.
    #[arg(long)]
    dangerous_simulated_ark: Option<PathBuf>,
    /// Output format: same, png, jpeg or webp.
    #[arg(long, default_value = "same", value_parser = parse_format)]
    format: obscura_protocol::api::OutputFormat,
    /// Ask for nonce-bound evidence for every request.
    #[arg(long)]
    fresh: bool,
    /// One JSON line per image on stdout.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
struct DemoArgs {
    /// Images to send (default: the sample images in ASSETS/images).
    images: Vec<PathBuf>,
    /// Directory for the before/after PNGs.
    #[arg(long, default_value = "demo-out")]
    out: PathBuf,
    /// The pinned models and ONNX Runtime (default: $OBSCURA_ASSETS, else ./assets).
    #[arg(long)]
    assets: Option<PathBuf>,
}

fn parse_format(s: &str) -> Result<obscura_protocol::api::OutputFormat, String> {
    use obscura_protocol::api::OutputFormat;
    match s {
        "same" => Ok(OutputFormat::Same),
        "png" => Ok(OutputFormat::Png),
        "jpeg" | "jpg" => Ok(OutputFormat::Jpeg),
        "webp" => Ok(OutputFormat::Webp),
        _ => Err(format!("{s:?}: expected same, png, jpeg or webp")),
    }
}

#[derive(clap::Args)]
struct VerifyArgs {
    /// The raw 1184-byte attestation report.
    report: PathBuf,
    /// The VCEK that signed the report (PEM or DER); fetched from the KDS when absent.
    #[arg(long, value_name = "FILE", conflicts_with = "vlek")]
    vcek: Option<PathBuf>,
    /// The VLEK that signed the report (PEM or DER); cannot be fetched.
    #[arg(long, value_name = "FILE")]
    vlek: Option<PathBuf>,
    /// The KDS cert_chain bundle (PEM: intermediate, then ARK); default: pinned roots.
    #[arg(long, value_name = "FILE")]
    chain: Option<PathBuf>,
    /// The CRL (PEM or DER); fetched from the KDS when absent.
    #[arg(long, value_name = "FILE")]
    crl: Option<PathBuf>,
    /// The product; required for version 2 reports (no CPUID).
    #[arg(long, value_parser = parse_product)]
    product: Option<Product>,
    /// Verification time, RFC 3339 (default: now).
    #[arg(long, value_name = "RFC3339")]
    at: Option<String>,
    /// authenticity, strict, or a TOML policy file (see below).
    #[arg(
        long,
        default_value = "authenticity",
        value_name = "strict|authenticity|FILE.toml"
    )]
    policy: String,
    /// Use only the KDS cache, never the network.
    #[arg(long)]
    offline: bool,
    /// Print {"ok", "checks": [{"id", "ok", "status", "detail"}]} instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum ReportCommand {
    /// Decode every field of a report.
    Show {
        /// The raw 1184-byte attestation report.
        report: PathBuf,
        /// The product; required for version 2 reports (no CPUID).
        #[arg(long, value_parser = parse_product)]
        product: Option<Product>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

fn parse_product(s: &str) -> Result<Product, String> {
    cli::policy_file::product(s).ok_or_else(|| format!("{s:?}: expected milan, genoa or turin"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            let usage = matches!(
                e.downcast_ref::<cli::Error>(),
                Some(cli::Error::Usage(_) | cli::Error::Policy { .. })
            );
            eprintln!("error: {e:#}");
            ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<bool> {
    match cli.command {
        Command::Caption(a) => Ok(cli::caption::run(&cli::caption::Args {
            images: a.images,
            out: a.out,
            endpoint: a.endpoint,
            policy: a.policy,
            ca: a.ca,
            dangerous_simulated_ark: a.dangerous_simulated_ark,
            format: a.format,
            fresh: a.fresh,
            json: a.json,
        })?),
        Command::Demo(a) => Ok(cli::demo::run(&cli::demo::Args {
            images: a.images,
            out: a.out,
            assets: a.assets,
        })?),
        Command::Keys { file } => {
            cli::keys::run(&file)?;
            Ok(true)
        }
        Command::Report(ReportCommand::Show {
            report,
            product,
            json,
        }) => {
            cli::show::run(&report, product, json)?;
            Ok(true)
        }
        Command::Verify(a) => Ok(cli::verify::run(&cli::verify::Args {
            report: a.report,
            vcek: a.vcek,
            vlek: a.vlek,
            chain: a.chain,
            crl: a.crl,
            product: a.product,
            at: a.at,
            policy: a.policy,
            offline: a.offline,
            json: a.json,
        })?),
    }
}
