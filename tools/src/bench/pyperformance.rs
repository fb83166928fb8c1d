//! pyperformance's pure-Python benchmarks: fetched once with pip into the
//! cache directory, extracted, and listed from its MANIFEST. Each
//! `run_benchmark.py` runs unmodified, with our pyperf shim first on
//! `PYTHONPATH` in place of the real pyperf (which spawns worker processes and
//! calibrates loop counts, so that two interpreters would not do the same work).

use std::path::{Path, PathBuf};
use std::process::Command;

use super::suite::{Benchmark, Skipped, Suite};

pub const VERSION: &str = "1.14.0";

/// The interpreter version whose benchmarks we keep: tachyon is Python 3.8.
const PYTHON_MINOR: u32 = 8;

/// Benchmarks that cannot run on CPython 3.8 through the shim, with the reason.
const SHIM_LIMITS: &[(&str, &str)] = &[("base64", "uses random.randbytes, new in Python 3.9")];

/// Work per process: (benchmark, values, loops) for the shim, chosen once so
/// that each process runs about a second of benchmark code under CPython 3.8
/// on the machine the README's table comes from. Others run 3 values of 1 loop.
/// `PYPERF_SHIM_VALUES` / `PYPERF_SHIM_LOOPS` in the environment override it.
const WORK: &[(&str, u32, u32)] = &[
    ("argparse", 3, 200),
    ("argparse_subparsers", 3, 3),
    ("async_tree", 1, 1),
    ("async_tree_cpu_io_mixed", 1, 1),
    ("async_tree_io", 1, 1),
    ("async_tree_memoization", 1, 1),
    ("asyncio_tcp", 1, 1),
    ("asyncio_tcp_ssl", 1, 1),
    ("bpe_tokeniser", 1, 1),
    ("chaos", 3, 2),
    ("comprehensions", 3, 5000),
    ("concurrent_imap", 3, 5),
    ("coroutines", 3, 5),
    ("deepcopy", 3, 500),
    ("deltablue", 3, 20),
    ("gc_collect", 3, 60),
    ("gc_traversal", 3, 20),
    ("generators", 3, 4),
    ("hexiom", 3, 10),
    ("json_dumps", 3, 10),
    ("json_loads", 3, 200),
    ("logging", 3, 500),
    ("mdp", 1, 1),
    ("meteor_contest", 3, 2),
    ("nbody", 3, 2),
    ("pathlib", 3, 4),
    ("pickle", 3, 800),
    ("pickle_dict", 3, 1200),
    ("pickle_list", 3, 4000),
    ("pickle_pure_python", 3, 6),
    ("pprint", 1, 1),
    ("python_startup", 3, 10),
    ("python_startup_no_site", 3, 10),
    ("regex_effbot", 3, 10),
    ("regex_v8", 3, 8),
    ("richards", 3, 3),
    ("richards_super", 3, 2),
    ("sqlite_synth", 3, 40000),
    ("telco", 3, 30),
    ("typing_runtime_protocols", 3, 150),
    ("unpack_sequence", 3, 15000),
    ("unpickle", 3, 1000),
    ("unpickle_list", 3, 6000),
    ("unpickle_pure_python", 3, 16),
];

/// The shim's environment for one benchmark.
fn shim_env(name: &str, shim_dir: &Path) -> Vec<(String, String)> {
    let mut pythonpath = shim_dir.display().to_string();
    if let Some(existing) = std::env::var_os("PYTHONPATH").filter(|p| !p.is_empty()) {
        pythonpath = format!("{pythonpath}:{}", existing.to_string_lossy());
    }
    let (values, loops) =
        WORK.iter().find(|(n, _, _)| *n == name).map_or((3, 1), |&(_, v, l)| (v, l));
    let mut env = vec![("PYTHONPATH".to_string(), pythonpath)];
    for (key, value) in [("PYPERF_SHIM_VALUES", values), ("PYPERF_SHIM_LOOPS", loops)] {
        if std::env::var_os(key).is_none() {
            env.push((key.to_string(), value.to_string()));
        }
    }
    env
}

/// The directory holding the `bm_*` benchmark directories, downloading and
/// extracting pyperformance into `cache` with `python -m pip` first if needed.
pub fn ensure_benchmarks(cache: &Path, python: &Path) -> Result<PathBuf, String> {
    let extracted = cache.join(format!("pyperformance-{VERSION}"));
    let benchmarks = extracted.join("pyperformance/data-files/benchmarks");
    if benchmarks.join("MANIFEST").is_file() {
        return Ok(benchmarks);
    }
    std::fs::create_dir_all(cache)
        .map_err(|e| format!("cannot create cache {}: {e}", cache.display()))?;
    let wheel = match find_wheel(cache) {
        Some(wheel) => wheel,
        None => {
            download(cache, python)?;
            find_wheel(cache).ok_or_else(|| {
                format!("pip download left no pyperformance wheel in {}", cache.display())
            })?
        }
    };
    // Extract beside the final place and rename, so that an interrupted
    // extraction is never taken for a complete one.
    let partial = cache.join(format!("pyperformance-{VERSION}.partial"));
    let _ = std::fs::remove_dir_all(&partial);
    let mut unzip = Command::new(python);
    unzip.args(["-m", "zipfile", "-e"]).arg(&wheel).arg(&partial);
    run_quietly(&mut unzip, "extracting the pyperformance wheel")?;
    let _ = std::fs::remove_dir_all(&extracted);
    std::fs::rename(&partial, &extracted)
        .map_err(|e| format!("cannot move {} into place: {e}", partial.display()))?;
    if benchmarks.join("MANIFEST").is_file() {
        Ok(benchmarks)
    } else {
        Err(format!("no benchmarks MANIFEST in {}", benchmarks.display()))
    }
}

fn find_wheel(cache: &Path) -> Option<PathBuf> {
    let prefix = format!("pyperformance-{VERSION}-");
    std::fs::read_dir(cache).ok()?.filter_map(|e| e.ok().map(|e| e.path())).find(|path| {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        name.starts_with(&prefix) && name.ends_with(".whl")
    })
}

/// `pip download` of the wheel. pyperformance 1.14 declares Python >= 3.10 for
/// its runner, which we do not use; its benchmark scripts mostly run on 3.8.
fn download(cache: &Path, python: &Path) -> Result<(), String> {
    eprintln!("fetching pyperformance {VERSION} into {} ...", cache.display());
    let mut pip = Command::new(python);
    pip.args(["-m", "pip", "download", "--no-deps", "--ignore-requires-python", "--only-binary"])
        .arg(":all:")
        .arg(format!("pyperformance=={VERSION}"))
        .arg("-d")
        .arg(cache);
    run_quietly(&mut pip, "pip download of pyperformance")
}

fn run_quietly(command: &mut Command, what: &str) -> Result<(), String> {
    let output = command.output().map_err(|e| format!("{what}: cannot run: {e}"))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{what} failed ({}):\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

/// The benchmarks pyperformance's MANIFEST lists, each with its variant's
/// extra options; those that need third-party packages, a newer Python, or
/// what the shim does not do are skipped with the reason.
pub fn discover(
    benchmarks_dir: &Path,
    shim_dir: &Path,
) -> Result<(Vec<Benchmark>, Vec<Skipped>), String> {
    let manifest_path = benchmarks_dir.join("MANIFEST");
    let manifest = std::fs::read_to_string(&manifest_path)
        .map_err(|e| format!("cannot read {}: {e}", manifest_path.display()))?;
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    let mut skip = |name: &str, reason: String| {
        skipped.push(Skipped { name: name.to_string(), suite: Suite::PyPerformance, reason })
    };
    for entry in manifest_entries(&manifest) {
        if entry.commented_out {
            skip(&entry.name, "commented out in pyperformance's MANIFEST".into());
            continue;
        }
        let dir = benchmarks_dir.join(format!("bm_{}", entry.base));
        let metafile = if entry.base == entry.name {
            dir.join("pyproject.toml")
        } else {
            dir.join(format!("bm_{}.toml", entry.name))
        };
        let meta = std::fs::read_to_string(&metafile).unwrap_or_default();
        if let Some(packages) = requirements(&dir) {
            skip(&entry.name, format!("needs third-party packages: {packages}"));
        } else if let Some(minor) = required_minor(&meta).filter(|&m| m > PYTHON_MINOR) {
            skip(&entry.name, format!("requires Python >= 3.{minor}"));
        } else if let Some((_, reason)) = SHIM_LIMITS.iter().find(|(n, _)| *n == entry.name) {
            skip(&entry.name, (*reason).to_string());
        } else {
            found.push(Benchmark {
                name: entry.name.clone(),
                suite: Suite::PyPerformance,
                script: dir.join("run_benchmark.py"),
                args: extra_opts(&meta),
                env: shim_env(&entry.name, shim_dir),
                needs: Vec::new(),
            });
        }
    }
    Ok((found, skipped))
}

#[derive(Debug, PartialEq)]
struct ManifestEntry {
    name: String,
    /// The `bm_<base>` directory holding the script: the name itself for
    /// `<local>`, the named one for `<local:base>`.
    base: String,
    commented_out: bool,
}

/// The rows of the MANIFEST's `[benchmarks]` table: `name<TAB>metafile`.
fn manifest_entries(manifest: &str) -> Vec<ManifestEntry> {
    let mut in_table = false;
    let mut entries = Vec::new();
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_table = line == "[benchmarks]";
            continue;
        }
        let (commented_out, row) = match line.strip_prefix('#') {
            Some(rest) => (true, rest.trim()),
            None => (false, line),
        };
        let mut fields = row.split_whitespace();
        let (Some(name), Some(metafile)) = (fields.next(), fields.next()) else { continue };
        if !in_table || name == "name" || !metafile.starts_with("<local") {
            continue;
        }
        let base = metafile
            .strip_prefix("<local:")
            .and_then(|rest| rest.strip_suffix('>'))
            .unwrap_or(name);
        entries.push(ManifestEntry { name: name.into(), base: base.into(), commented_out });
    }
    entries
}

/// The packages of `requirements.txt`, comma-separated, if there is one.
fn requirements(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join("requirements.txt")).ok()?;
    let packages: Vec<&str> = text
        .lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
        .collect();
    (!packages.is_empty()).then(|| packages.join(", "))
}

/// The minor version of `requires-python = ">=3.N"`.
fn required_minor(meta: &str) -> Option<u32> {
    let value = toml_value(meta, "requires-python")?;
    value.trim_matches('"').strip_prefix(">=3.")?.parse().ok()
}

/// The strings of `extra_opts = ["a", "b"]`.
fn extra_opts(meta: &str) -> Vec<String> {
    let Some(list) = toml_value(meta, "extra_opts") else { return Vec::new() };
    list.trim_start_matches('[')
        .trim_end_matches(']')
        .split(',')
        .map(|item| item.trim().trim_matches('"').to_string())
        .filter(|item| !item.is_empty())
        .collect()
}

/// The raw value of a one-line `key = value` in a TOML file.
fn toml_value<'a>(meta: &'a str, key: &str) -> Option<&'a str> {
    meta.lines().find_map(|line| {
        let (k, v) = line.split_once('=')?;
        (k.trim() == key).then_some(v.trim())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str = "[benchmarks]\n\nname\tmetafile\n2to3\t<local>\n\
        argparse_subparsers\t<local:argparse>\n#hg_startup\t<local>\n\n[group default]\n";

    #[test]
    fn parses_manifest_rows() {
        let entries = manifest_entries(MANIFEST);
        let row = |name: &str, base: &str, commented_out| ManifestEntry {
            name: name.into(),
            base: base.into(),
            commented_out,
        };
        assert_eq!(
            entries,
            [
                row("2to3", "2to3", false),
                row("argparse_subparsers", "argparse", false),
                row("hg_startup", "hg_startup", true),
            ]
        );
    }

    #[test]
    fn parses_metafile_fields() {
        let meta = "[project]\nrequires-python = \">=3.10\"\n[tool.pyperformance]\n\
            extra_opts = [\"--pure-python\", \"unpickle\"]\n";
        assert_eq!(required_minor(meta), Some(10));
        assert_eq!(extra_opts(meta), ["--pure-python", "unpickle"]);
        assert_eq!(extra_opts("name = \"x\"\n"), Vec::<String>::new());
    }

    #[test]
    fn discovers_variants_and_skips_with_reasons() {
        let root = std::env::temp_dir().join(format!("tachyon-bench-pp-{}", std::process::id()));
        let write = |path: &str, text: &str| {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write(
            "MANIFEST",
            "[benchmarks]\nname\tmetafile\nnbody\t<local>\npickle\t<local>\n\
            unpickle\t<local:pickle>\nyaml\t<local>\nnew\t<local>\n",
        );
        write("bm_nbody/pyproject.toml", "requires-python = \">=3.8\"\n");
        write("bm_pickle/pyproject.toml", "requires-python = \">=3.8\"\n");
        write("bm_pickle/bm_unpickle.toml", "extra_opts = [\"unpickle\"]\n");
        write("bm_yaml/pyproject.toml", "");
        write("bm_yaml/requirements.txt", "pyyaml==6.0.1\n");
        write("bm_new/pyproject.toml", "requires-python = \">=3.11\"\n");
        let (found, skipped) = discover(&root, Path::new("/shim")).unwrap();
        std::fs::remove_dir_all(&root).unwrap();
        let names: Vec<&str> = found.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["nbody", "pickle", "unpickle"]);
        assert_eq!(found[2].args, ["unpickle"]);
        assert!(found[2].script.ends_with("bm_pickle/run_benchmark.py"));
        assert!(found[0].env[0].1.starts_with("/shim"));
        if std::env::var_os("PYPERF_SHIM_LOOPS").is_none() {
            assert!(found[0].env.contains(&("PYPERF_SHIM_LOOPS".into(), "2".into())));
        }
        let reasons: Vec<&str> = skipped.iter().map(|s| s.reason.as_str()).collect();
        assert_eq!(
            reasons,
            ["needs third-party packages: pyyaml==6.0.1", "requires Python >= 3.11"]
        );
    }
}
