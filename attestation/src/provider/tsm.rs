//! Reports through configfs-tsm (Linux ≥ 6.7): `/sys/kernel/config/tsm/report/$name`.
//!
//! One report, step by step ([`ConfigFsTsmProvider::report`]):
//!
//! 1. `mkdir $root/$name` with a name unique to this process and call; the kernel populates
//!    the directory with its attribute files.
//! 2. write the 64 bytes of report data to `inblob`, then the VMPL to `privlevel` if one is
//!    configured. Every write bumps `generation`.
//! 3. read `generation` (g1), then `provider` (must be `sev_guest`), `outblob` (the report,
//!    exactly 1184 bytes), `auxblob` (the host's certificate table; may be empty or absent),
//!    then `generation` again (g2). **On a real kernel, reading `outblob` is what makes the
//!    secure processor produce the report** for the current `inblob`; a read after a
//!    concurrent write would answer for someone else's data. If g1 differs from the number
//!    of writes made here, or g2 from g1, another writer touched the entry: the attempt is
//!    discarded and retried, up to [`GENERATION_RETRIES`] times, then
//!    [`Error::TsmGenerationChanged`].
//! 4. `rmdir $root/$name` (also when a step fails).
//!
//! The file operations go through the small [`ConfigFs`] trait: [`StdConfigFs`] uses
//! `std::fs` on the real configfs; tests implement it over a temporary directory and play
//! the kernel's part there (they fill `outblob` and `auxblob` and bump `generation` when
//! `inblob` is written), since a plain directory generates nothing.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use obscura_protocol::limits::SNP_REPORT_LEN;

use super::cert_table::{CertTable, MAX_CERT_TABLE_BYTES};
use crate::Error;
use crate::sim::{AttestationProvider, RawEvidence};

/// Where the kernel mounts the report interface.
pub const DEFAULT_TSM_ROOT: &str = "/sys/kernel/config/tsm/report";

/// The `provider` value of the SEV-SNP guest driver.
pub const SEV_GUEST_PROVIDER: &str = "sev_guest";

/// How many times a report is re-requested after a concurrent writer bumped `generation`.
pub const GENERATION_RETRIES: usize = 3;

/// Largest `provider` or `generation` file read, in bytes.
const MAX_SMALL_FILE: usize = 64;

/// The few file operations the provider needs, so tests can stand in for configfs.
pub trait ConfigFs {
    /// Creates the report entry directory (on configfs the kernel fills it).
    fn create_dir(&self, path: &Path) -> io::Result<()>;
    /// Writes `data` to an attribute file.
    fn write(&self, path: &Path, data: &[u8]) -> io::Result<()>;
    /// Reads an attribute file, at most `max + 1` bytes (so the caller sees an overrun).
    fn read(&self, path: &Path, max: usize) -> io::Result<Vec<u8>>;
    /// Removes the report entry directory.
    fn remove_dir(&self, path: &Path) -> io::Result<()>;
}

/// [`ConfigFs`] on the real file system.
#[derive(Debug, Clone, Copy, Default)]
pub struct StdConfigFs;

impl ConfigFs for StdConfigFs {
    fn create_dir(&self, path: &Path) -> io::Result<()> {
        std::fs::create_dir(path)
    }

    fn write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        // No create or truncate: configfs attributes exist already and take one write.
        std::fs::OpenOptions::new()
            .write(true)
            .open(path)?
            .write_all(data)
    }

    fn read(&self, path: &Path, max: usize) -> io::Result<Vec<u8>> {
        let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
        let mut out = Vec::new();
        std::fs::File::open(path)?
            .take(limit)
            .read_to_end(&mut out)?;
        Ok(out)
    }

    fn remove_dir(&self, path: &Path) -> io::Result<()> {
        std::fs::remove_dir(path)
    }
}

/// An [`AttestationProvider`] over configfs-tsm.
#[derive(Debug, Clone)]
pub struct ConfigFsTsmProvider<F: ConfigFs = StdConfigFs> {
    fs: F,
    root: PathBuf,
    privlevel: Option<u8>,
}

impl ConfigFsTsmProvider<StdConfigFs> {
    /// A provider on the kernel's interface at [`DEFAULT_TSM_ROOT`], no `privlevel` write
    /// (the kernel then asks for the guest's own VMPL floor).
    pub fn new() -> Self {
        Self::with_fs(StdConfigFs, DEFAULT_TSM_ROOT)
    }
}

impl Default for ConfigFsTsmProvider<StdConfigFs> {
    fn default() -> Self {
        Self::new()
    }
}

static ENTRY_COUNTER: AtomicU64 = AtomicU64::new(0);

fn io_err(file: &'static str) -> impl Fn(io::Error) -> Error {
    move |e| Error::TsmIo {
        file,
        kind: e.kind(),
    }
}

/// Removes the entry when dropped, so every early return cleans up.
struct EntryGuard<'a, F: ConfigFs> {
    fs: &'a F,
    dir: PathBuf,
}

impl<F: ConfigFs> Drop for EntryGuard<'_, F> {
    fn drop(&mut self) {
        // Nothing useful can be done if the kernel refuses; the entry is ours alone.
        let _ = self.fs.remove_dir(&self.dir);
    }
}

enum Attempt {
    Done(RawEvidence),
    Raced { before: u64, after: u64 },
}

impl<F: ConfigFs> ConfigFsTsmProvider<F> {
    /// A provider with its own file operations and root directory.
    pub fn with_fs(fs: F, root: impl Into<PathBuf>) -> Self {
        Self {
            fs,
            root: root.into(),
            privlevel: None,
        }
    }

    /// Requests reports at VMPL `level` (0..=3), written to `privlevel`.
    pub fn with_privlevel(mut self, level: u8) -> Result<Self, Error> {
        if level > 3 {
            return Err(Error::InvalidVmpl {
                vmpl: u32::from(level),
            });
        }
        self.privlevel = Some(level);
        Ok(self)
    }

    /// The root directory (e.g. [`DEFAULT_TSM_ROOT`]).
    pub fn root(&self) -> &Path {
        &self.root
    }

    fn entry_name() -> String {
        let n = ENTRY_COUNTER.fetch_add(1, Ordering::Relaxed);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        format!("obscura-{}-{n}-{nanos:08x}", std::process::id())
    }

    fn read_text(&self, dir: &Path, file: &'static str) -> Result<String, Error> {
        let bytes = self
            .fs
            .read(&dir.join(file), MAX_SMALL_FILE)
            .map_err(io_err(file))?;
        if bytes.len() > MAX_SMALL_FILE {
            return Err(Error::TsmMalformed { file });
        }
        let text = String::from_utf8(bytes).map_err(|_| Error::TsmMalformed { file })?;
        Ok(text.trim_end_matches(['\n', '\0']).to_owned())
    }

    fn read_generation(&self, dir: &Path) -> Result<u64, Error> {
        self.read_text(dir, "generation")?
            .parse()
            .map_err(|_| Error::TsmMalformed { file: "generation" })
    }

    fn attempt(&self, report_data: &[u8; 64]) -> Result<Attempt, Error> {
        let dir = self.root.join(Self::entry_name());
        self.fs.create_dir(&dir).map_err(io_err("report entry"))?;
        let _guard = EntryGuard {
            fs: &self.fs,
            dir: dir.clone(),
        };

        self.fs
            .write(&dir.join("inblob"), report_data)
            .map_err(io_err("inblob"))?;
        let mut writes = 1u64;
        if let Some(level) = self.privlevel {
            self.fs
                .write(&dir.join("privlevel"), level.to_string().as_bytes())
                .map_err(io_err("privlevel"))?;
            writes += 1;
        }

        let before = self.read_generation(&dir)?;
        let provider = self.read_text(&dir, "provider")?;
        if provider != SEV_GUEST_PROVIDER {
            return Err(Error::TsmProvider { provider });
        }
        let report = self
            .fs
            .read(&dir.join("outblob"), SNP_REPORT_LEN)
            .map_err(io_err("outblob"))?;
        if report.len() != SNP_REPORT_LEN {
            return Err(Error::ReportSize {
                expected: SNP_REPORT_LEN,
                got: report.len(),
            });
        }
        let aux = match self.fs.read(&dir.join("auxblob"), MAX_CERT_TABLE_BYTES) {
            Ok(aux) => aux,
            // Kernels before auxblob support, or a host that gives no certificates.
            Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(io_err("auxblob")(e)),
        };
        let after = self.read_generation(&dir)?;
        if before != writes || after != before {
            return Ok(Attempt::Raced { before, after });
        }
        let table = CertTable::parse(&aux)?;
        table.into_evidence(report).map(Attempt::Done)
    }
}

impl<F: ConfigFs> AttestationProvider for ConfigFsTsmProvider<F> {
    fn report(&self, report_data: [u8; 64]) -> Result<RawEvidence, Error> {
        let mut last = (0, 0);
        for _ in 0..=GENERATION_RETRIES {
            match self.attempt(&report_data)? {
                Attempt::Done(ev) => return Ok(ev),
                Attempt::Raced { before, after } => last = (before, after),
            }
        }
        Err(Error::TsmGenerationChanged {
            before: last.0,
            after: last.1,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::fs;

    use super::*;
    use crate::provider::cert_table::{CertEntry, GUID_ARK, GUID_ASK, GUID_VCEK};
    use crate::report::SigningKey;

    /// Plays the kernel over a real temporary directory: `create_dir` makes the attribute
    /// files a kernel would, a write to `inblob` or `privlevel` bumps `generation` and (for
    /// `inblob`) fills `outblob` and `auxblob` with what the test prepared.
    struct FakeKernel {
        outblob: Vec<u8>,
        auxblob: Option<Vec<u8>>,
        provider: &'static str,
        /// Extra generation bumps to inject at the n-th read of `generation` (a racing
        /// writer), counted down per attempt.
        race_on_reads: Cell<usize>,
        reads_of_generation: Cell<usize>,
        removed: Cell<usize>,
    }

    impl FakeKernel {
        fn new(outblob: Vec<u8>, auxblob: Option<Vec<u8>>) -> Self {
            Self {
                outblob,
                auxblob,
                provider: "sev_guest\n",
                race_on_reads: Cell::new(0),
                reads_of_generation: Cell::new(0),
                removed: Cell::new(0),
            }
        }

        fn bump(path: &Path) -> io::Result<()> {
            let gen_path = path.with_file_name("generation");
            let g: u64 = fs::read_to_string(&gen_path)?.trim().parse().unwrap();
            fs::write(gen_path, format!("{}\n", g + 1))
        }
    }

    impl ConfigFs for &FakeKernel {
        fn create_dir(&self, path: &Path) -> io::Result<()> {
            fs::create_dir(path)?;
            fs::write(path.join("inblob"), b"")?;
            fs::write(path.join("outblob"), b"")?;
            fs::write(path.join("generation"), b"0\n")?;
            fs::write(path.join("provider"), self.provider)?;
            if self.auxblob.is_some() {
                fs::write(path.join("auxblob"), b"")?;
            }
            Ok(())
        }

        fn write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
            fs::write(path, data)?;
            FakeKernel::bump(path)?;
            if path.ends_with("inblob") {
                assert_eq!(data.len(), 64);
                fs::write(path.with_file_name("outblob"), &self.outblob)?;
                if let Some(aux) = &self.auxblob {
                    fs::write(path.with_file_name("auxblob"), aux)?;
                }
            }
            Ok(())
        }

        fn read(&self, path: &Path, max: usize) -> io::Result<Vec<u8>> {
            if path.ends_with("generation") {
                let n = self.reads_of_generation.get() + 1;
                self.reads_of_generation.set(n);
                // Race between the two reads of one attempt.
                if n % 2 == 0 && self.race_on_reads.get() > 0 {
                    self.race_on_reads.set(self.race_on_reads.get() - 1);
                    FakeKernel::bump(path)?;
                }
            }
            StdConfigFs.read(path, max)
        }

        fn remove_dir(&self, path: &Path) -> io::Result<()> {
            self.removed.set(self.removed.get() + 1);
            fs::remove_dir_all(path)
        }
    }

    fn temp_root(tag: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("obscura-tsm-test-{tag}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn report_bytes() -> Vec<u8> {
        let mut r = vec![0u8; SNP_REPORT_LEN];
        r[0] = 3; // version
        r[0x50..0x90].fill(0xAB);
        r
    }

    fn aux() -> Vec<u8> {
        CertTable::from_entries(vec![
            CertEntry {
                guid: GUID_VCEK,
                data: b"vcek-der".to_vec(),
            },
            CertEntry {
                guid: GUID_ASK,
                data: b"ask-der".to_vec(),
            },
            CertEntry {
                guid: GUID_ARK,
                data: b"ark-der".to_vec(),
            },
        ])
        .unwrap()
        .to_bytes()
    }

    fn entries_left(root: &Path) -> usize {
        fs::read_dir(root).unwrap().count()
    }

    #[test]
    fn produces_evidence_and_removes_the_entry() {
        let root = temp_root("ok");
        let kernel = FakeKernel::new(report_bytes(), Some(aux()));
        let p = ConfigFsTsmProvider::with_fs(&kernel, &root)
            .with_privlevel(0)
            .unwrap();
        let ev = p.report([0xAB; 64]).unwrap();
        assert_eq!(ev.report, report_bytes());
        assert_eq!(ev.signer, SigningKey::Vcek);
        assert_eq!(ev.signer_cert, b"vcek-der".to_vec());
        assert_eq!(ev.chain, vec![b"ask-der".to_vec(), b"ark-der".to_vec()]);
        assert_eq!(ev.crl, None);
        assert_eq!(kernel.removed.get(), 1);
        assert_eq!(entries_left(&root), 0);
        fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn no_auxblob_means_report_only() {
        let root = temp_root("noaux");
        let kernel = FakeKernel::new(report_bytes(), None);
        let ev = ConfigFsTsmProvider::with_fs(&kernel, &root)
            .report([1; 64])
            .unwrap();
        assert_eq!(ev.signer_cert, Vec::<u8>::new());
        assert_eq!(ev.chain, Vec::<Vec<u8>>::new());
        fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn wrong_sizes_provider_and_hostile_auxblob_are_refused() {
        let root = temp_root("bad");
        let kernel = FakeKernel::new(vec![0; 1000], None);
        let err = ConfigFsTsmProvider::with_fs(&kernel, &root).report([1; 64]);
        assert_eq!(
            err,
            Err(Error::ReportSize {
                expected: SNP_REPORT_LEN,
                got: 1000
            })
        );
        let kernel = FakeKernel::new(vec![0; SNP_REPORT_LEN + 1], None);
        let err = ConfigFsTsmProvider::with_fs(&kernel, &root).report([1; 64]);
        assert_eq!(
            err,
            Err(Error::ReportSize {
                expected: SNP_REPORT_LEN,
                got: SNP_REPORT_LEN + 1
            })
        );

        let mut kernel = FakeKernel::new(report_bytes(), None);
        kernel.provider = "tdx_guest\n";
        let err = ConfigFsTsmProvider::with_fs(&kernel, &root).report([1; 64]);
        assert_eq!(
            err,
            Err(Error::TsmProvider {
                provider: "tdx_guest".to_owned()
            })
        );

        let mut hostile = aux();
        hostile.truncate(30);
        let kernel = FakeKernel::new(report_bytes(), Some(hostile));
        let err = ConfigFsTsmProvider::with_fs(&kernel, &root).report([1; 64]);
        assert_eq!(
            err,
            Err(Error::CertTable(
                crate::provider::CertTableError::Truncated { index: 1 }
            ))
        );
        // Every failure removed its entry.
        assert_eq!(entries_left(&root), 0);
        fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn a_concurrent_writer_is_retried_then_refused() {
        let root = temp_root("race");
        let kernel = FakeKernel::new(report_bytes(), Some(aux()));
        kernel.race_on_reads.set(2);
        let p = ConfigFsTsmProvider::with_fs(&kernel, &root);
        let ev = p.report([1; 64]).unwrap();
        assert_eq!(ev.signer_cert, b"vcek-der".to_vec());
        assert_eq!(kernel.removed.get(), 3);

        let kernel = FakeKernel::new(report_bytes(), Some(aux()));
        kernel.race_on_reads.set(GENERATION_RETRIES + 1);
        let p = ConfigFsTsmProvider::with_fs(&kernel, &root);
        assert_eq!(
            p.report([1; 64]),
            Err(Error::TsmGenerationChanged {
                before: 1,
                after: 2
            })
        );
        assert_eq!(kernel.removed.get(), GENERATION_RETRIES + 1);
        assert_eq!(entries_left(&root), 0);
        fs::remove_dir_all(root).unwrap();
    }

    /// Needs an SEV-SNP guest with configfs-tsm (Linux ≥ 6.7), as root:
    /// `cargo test -p obscura-attestation --features hardware-tests -- --ignored`.
    #[cfg(feature = "hardware-tests")]
    #[test]
    #[ignore = "needs configfs-tsm in an SEV-SNP guest"]
    fn hardware_tsm_report_carries_the_report_data() {
        let p = ConfigFsTsmProvider::new().with_privlevel(0).unwrap();
        let ev = p.report([0x5C; 64]).unwrap();
        let report = crate::report::Report::decode(&ev.report, None).unwrap();
        assert_eq!(report.report_data.0, [0x5C; 64]);
        assert_eq!(report.vmpl, 0);
    }

    #[test]
    fn std_config_fs_neither_creates_nor_reads_past_the_cap() {
        let root = temp_root("stdfs");
        let dir = root.join("entry");
        StdConfigFs.create_dir(&dir).unwrap();
        let file = dir.join("inblob");
        assert_eq!(
            StdConfigFs.write(&file, b"x").unwrap_err().kind(),
            io::ErrorKind::NotFound
        );
        fs::write(&file, b"").unwrap();
        StdConfigFs.write(&file, &[7; 100]).unwrap();
        assert_eq!(StdConfigFs.read(&file, 10).unwrap(), vec![7; 11]);
        assert_eq!(StdConfigFs.read(&file, 1000).unwrap(), vec![7; 100]);
        fs::remove_file(&file).unwrap();
        StdConfigFs.remove_dir(&dir).unwrap();
        assert_eq!(entries_left(&root), 0);
        fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn missing_root_and_bad_privlevel_are_typed() {
        let root = temp_root("missing").join("nope");
        let kernel = FakeKernel::new(report_bytes(), None);
        assert_eq!(
            ConfigFsTsmProvider::with_fs(&kernel, &root).report([1; 64]),
            Err(Error::TsmIo {
                file: "report entry",
                kind: io::ErrorKind::NotFound
            })
        );
        assert_eq!(
            ConfigFsTsmProvider::new().with_privlevel(4).unwrap_err(),
            Error::InvalidVmpl { vmpl: 4 }
        );
    }
}
