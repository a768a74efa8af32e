//! Ranking at scale: the packed candidates and a compiled kernel over 100k and 1M synthetic
//! candidates (top 20 on every core), with p50 and p99, bytes per candidate, index build time
//! and RSS; a memory-read kernel over the same bytes for the bandwidth floor; the rule engine
//! and a naive all-pairs strsim loop on subsets for ratios. Prints markdown rows for
//! bench/RESULTS.md; with `SOBIVUS_BENCH_EXPORT=dir` also writes the data for the peers
//! (rapidfuzz, pg_trgm) in bench/.
//!
//! `SOBIVUS_BENCH_SIZES` (default "100000,1000000"), `SOBIVUS_BENCH_NAIVE` (candidates for the
//! naive loop, default 2000). `SOBIVUS_BENCH_DUMP_MAPPINGS=path` writes every phrase's
//! mappings (target, item, name, similarity), and those of every entry's text, to `path`: a
//! faster mapping must give a byte-identical file. `SOBIVUS_BENCH_DISTINCT_TEXTS=1` gives every
//! experience row its own text (an employer's name after one of 400 descriptions), as real
//! profiles have: the interned texts and their profiles then grow with the candidates.

mod synthetic;

use std::io::Write;
use std::time::{Duration, Instant};

use domain::score::rank::{TopK, scan};
use domain::score::{Facts, Kernel, NeedSpec, Packed, rank_score};
use domain::vocabulary::Target;
use synthetic::World;

fn rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .unwrap_or(0.0)
        / 1024.0
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// p50 and p99 of `runs` timings of `f`, in ms.
fn percentiles(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            ms(t.elapsed())
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.99))
}

/// Each competence requirement's canonical texts, for the fuzzy peers.
fn requirement_texts(world: &World) -> Vec<Vec<String>> {
    world
        .needs
        .iter()
        .filter_map(|n| match &n.spec {
            NeedSpec::Competence { targets, .. } => Some(
                world
                    .entries
                    .iter()
                    .filter(|e| targets.contains(&e.target))
                    .map(|e| e.text.clone())
                    .collect(),
            ),
            _ => None,
        })
        .collect()
}

fn export(world: &World, dir: &str, n: usize) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut f = std::io::BufWriter::new(std::fs::File::create(format!("{dir}/entries.txt"))?);
    for e in &world.entries {
        writeln!(f, "{}", e.text.replace(['\n', '\t'], " "))?;
    }
    let mut f = std::io::BufWriter::new(std::fs::File::create(format!("{dir}/phrases.txt"))?);
    for p in &world.phrases {
        writeln!(f, "{p}")?;
    }
    let mut f = std::io::BufWriter::new(std::fs::File::create(format!("{dir}/requirements.tsv"))?);
    for (i, texts) in requirement_texts(world).iter().enumerate() {
        for t in texts {
            writeln!(f, "{i}\t{}", t.replace(['\n', '\t'], " "))?;
        }
    }
    let mut f = std::io::BufWriter::new(std::fs::File::create(format!("{dir}/candidates.tsv"))?);
    for i in 0..n as u64 {
        for p in world.phrase_ids(i) {
            writeln!(f, "{i}\t{p}")?;
        }
    }
    Ok(())
}

/// Every phrase of the world, then every entry's text (longer than candidates write, more
/// words to match), with what it maps to: one line a mapping, similarities exact.
fn dump_mappings(world: &World, path: &str) -> std::io::Result<()> {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
    let phrases = world
        .phrases
        .iter()
        .enumerate()
        .map(|(i, p)| (format!("{i}"), p));
    let entries = (world.entries.iter().enumerate()).map(|(i, e)| (format!("entry {i}"), &e.text));
    for (label, text) in phrases.chain(entries) {
        writeln!(f, "{label}\t{}", text.replace(['\n', '\t'], " "))?;
        for m in world.vocabulary.map(text, &world.glossary) {
            writeln!(
                f,
                "\t{:?}\t{:?}\t{:?}\t{:?}",
                m.target, m.item, m.name, m.similarity
            )?;
        }
    }
    f.flush()
}

fn main() {
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let sizes: Vec<usize> = std::env::var("SOBIVUS_BENCH_SIZES")
        .unwrap_or_else(|_| "100000,1000000".to_owned())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let naive: usize = std::env::var("SOBIVUS_BENCH_NAIVE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2_000);
    let started = Instant::now();
    let mut world = World::new();
    world.distinct_texts = std::env::var("SOBIVUS_BENCH_DISTINCT_TEXTS").is_ok_and(|v| v == "1");
    println!(
        "world: {} entries, {} phrases, {} requirements ({} hard); built in {:.1} s",
        world.entries.len(),
        world.phrases.len(),
        world.needs.len(),
        world.needs.iter().filter(|n| n.hard).count(),
        started.elapsed().as_secs_f64()
    );
    let mapping = world.phrases.len() as f64 / world.mapping_secs;
    println!("| write-time mapping | {mapping:.0} phrases/s |");
    if let Some(cpu) = world.mapping_cpu_secs {
        println!(
            "| write-time mapping, on-CPU time only (a loaded machine) | {:.0} phrases/s |",
            world.phrases.len() as f64 / cpu
        );
    }
    let mut ours = vec![format!("map_phrases_per_s\t{mapping:.1}")];
    if let Ok(path) = std::env::var("SOBIVUS_BENCH_DUMP_MAPPINGS") {
        dump_mappings(&world, &path).expect("dump mappings");
        println!(
            "mappings of {} phrases written to {path}",
            world.phrases.len()
        );
    }

    if let Ok(dir) = std::env::var("SOBIVUS_BENCH_EXPORT") {
        let n = sizes.first().copied().unwrap_or(100_000);
        export(&world, &dir, n).expect("export");
        println!("exported {n} candidates to {dir}");
    }

    for &n in &sizes {
        let rss_before = rss_mib();
        let mut packed = Packed::default();
        let mut upserting = Duration::ZERO;
        let t = Instant::now();
        let keep = n <= 100_000;
        let mut kept: Vec<(i64, Facts)> = Vec::new();
        for i in 0..n as u64 {
            let facts = world.candidate(i);
            let u = Instant::now();
            packed.upsert(i as i64, &facts);
            upserting += u.elapsed();
            if keep && (i as usize) < naive.max(100_000) {
                kept.push((i as i64, facts));
            }
        }
        let generated = t.elapsed();
        let rss = rss_mib() - rss_before;
        let t = Instant::now();
        let kernel = Kernel::compile(&world.needs, &packed).expect("kernel");
        let compile = t.elapsed();
        // An edit of the opening that leaves its experience fields alone.
        let mut edited = world.needs.clone();
        edited.iter_mut().for_each(|n| n.weight *= 2.0);
        let t = Instant::now();
        let recompiled = Kernel::compile_after(&edited, &packed, Some(&kernel)).expect("kernel");
        let recompile = t.elapsed();
        std::hint::black_box(&recompiled);
        let top = || TopK::new(20, None, false);
        let first = kernel.scan(&packed, threads, top);
        let qualified = {
            let all = kernel.scan(&packed, threads, || TopK::new(0, None, true));
            all.total
        };
        let runs = if n >= 1_000_000 { 60 } else { 200 };
        let (p50, p99) = percentiles(runs, || {
            std::hint::black_box(kernel.scan(&packed, threads, top).into_sorted());
        });
        let (floor, _) = percentiles(runs, || {
            std::hint::black_box(packed.read_all(threads));
        });
        let bytes = packed.bytes() as f64 / n as f64;
        println!(
            "| {n} candidates: build (generate + pack) | {:.2} s, of which packing {:.2} s ({:.0} ns/candidate) |",
            generated.as_secs_f64(),
            upserting.as_secs_f64(),
            upserting.as_secs_f64() * 1e9 / n as f64
        );
        println!(
            "| {n} candidates: packed bytes per candidate | {bytes:.0} B ({:.0} MiB; {} B slot read by every scan); process RSS {:.0} MiB (+{rss:.0} MiB while packing, incl. {} facts kept for the rule engine); {} loose |",
            packed.bytes() as f64 / 1048576.0,
            packed.slot_bytes() / packed.len().max(1),
            rss_mib(),
            kept.len(),
            packed.loose_len()
        );
        println!(
            "| {n} candidates: kernel compile | {:.2} ms ({} distinct experience texts); after an edit that keeps the experience fields {:.2} ms |",
            ms(compile),
            packed.text_count(),
            ms(recompile)
        );
        println!(
            "| {n} candidates: rank top 20 (kernel, {threads} threads) | p50 {p50:.2} ms, p99 {p99:.2} ms ({:.0} ns/candidate/core); {qualified} qualified |",
            p50 * 1e6 / n as f64 * threads as f64
        );
        println!(
            "| {n} candidates: memory-read kernel over the slots every scan reads | p50 {floor:.2} ms ({:.1} GB/s): the floor is {:.0}% of the kernel's time |",
            packed.slot_bytes() as f64 / floor / 1e6,
            100.0 * floor / p50
        );
        ours.push(format!("rank_{n}_p50_ms\t{p50:.3}"));
        if !kept.is_empty() {
            let t = Instant::now();
            let engine = scan(&kept, threads, top, |f| rank_score(&world.needs, f));
            let engine_ms = ms(t.elapsed());
            assert_eq!(
                engine.into_sorted(),
                first.into_sorted(),
                "kernel and rule engine disagree"
            );
            println!(
                "| {n} candidates: rule engine over Facts (previous ranking), same top 20 | {engine_ms:.1} ms: kernel {:.0}× faster |",
                engine_ms / p50
            );
            let texts = requirement_texts(&world);
            let subset: Vec<(i64, Vec<usize>)> = (0..naive.min(n) as u64)
                .map(|i| (i as i64, world.phrase_ids(i)))
                .collect();
            let t = Instant::now();
            let naive_top = scan(&subset, threads, top, |ids| {
                let score: f64 = texts
                    .iter()
                    .map(|need| {
                        ids.iter()
                            .flat_map(|p| {
                                need.iter()
                                    .map(|t| strsim::normalized_levenshtein(&world.phrases[*p], t))
                            })
                            .fold(0.0, f64::max)
                    })
                    .sum();
                (true, score)
            });
            std::hint::black_box(naive_top.into_sorted());
            let naive_ms = ms(t.elapsed());
            let extrapolated = naive_ms * n as f64 / subset.len() as f64;
            println!(
                "| naive all-pairs strsim (every phrase × every requirement text), {} candidates, extrapolated to {n} | {naive_ms:.0} ms → {:.1} s: kernel {:.0}× faster |",
                subset.len(),
                extrapolated / 1000.0,
                extrapolated / p50
            );
        }
        drop(kept);
        std::hint::black_box(Target::Group(0));
    }
    if let Ok(dir) = std::env::var("SOBIVUS_BENCH_EXPORT") {
        std::fs::write(format!("{dir}/ours.tsv"), ours.join("\n") + "\n").expect("ours.tsv");
    }
}
