//! Each engine stage timed on its own with criterion, so that a regression names its
//! stage: `cargo bench --features internals --bench stages`.

use criterion::{criterion_group, criterion_main, Criterion};
#[path = "support.rs"]
mod support;

use parallax::stages;
use std::hint::black_box;
use support::seeds;

fn bench(c: &mut Criterion) {
    let seeds = seeds();
    let all: String = seeds
        .iter()
        .map(|r| r.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    c.bench_function("1 segment (5 seeds)", |b| {
        b.iter(|| stages::segment(black_box(&all)))
    });
    c.bench_function("2 boilerplate (5 seeds)", |b| {
        b.iter(|| stages::boilerplate(black_box(&all)))
    });
    c.bench_function("3 tokenize (5 seeds)", |b| {
        b.iter(|| stages::tokenize(black_box(&all)))
    });
    let prepared = stages::prepare(&seeds);
    c.bench_function("4 prepare all (5 seeds)", |b| {
        b.iter(|| stages::prepare(black_box(&seeds)))
    });
    c.bench_function("5 candidates and links", |b| b.iter(|| prepared.links()));
    c.bench_function("6 links and groups", |b| b.iter(|| prepared.groups()));
    c.bench_function("7 quotes", |b| b.iter(|| prepared.quotes()));
    c.bench_function("7b discrepancies", |b| b.iter(|| prepared.discrepancies()));
    c.bench_function("8 result with 10 layouts", |b| {
        b.iter(|| prepared.everything())
    });
    c.bench_function("9 compare end to end", |b| {
        b.iter(|| stages::compare(black_box(&seeds)))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(2));
    targets = bench
}
criterion_main!(benches);
