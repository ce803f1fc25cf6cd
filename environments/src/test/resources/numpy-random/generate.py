#!/usr/bin/env python3
"""Writes vectors.json: NumPy's own SeedSequence/PCG64/Generator outputs for a few seeds.

Regenerate (NumPy 2.x; these were written with NumPy 2.4.6):
    python3 environments/src/test/resources/numpy-random/generate.py

Each entry was produced by these one-liners (seed s):
    np.random.SeedSequence(s).generate_state(8, np.uint32)
    np.random.PCG64(np.random.SeedSequence(s)).random_raw(5)
    np.random.Generator(np.random.PCG64(np.random.SeedSequence(s))).random(5)
    np.random.Generator(np.random.PCG64(np.random.SeedSequence(s))).uniform(-0.05, 0.05, size=(4,))
    np.random.Generator(np.random.PCG64(np.random.SeedSequence(s))).uniform(low=[-np.pi, -1.0], high=[np.pi, 1.0])
"""
import json
import pathlib

import numpy as np

SEEDS = [0, 1, 7, 42, 123, 2**32 - 1, 2**32, 2**63 + 5, 2**64 - 1]


def gen(s):
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(s)))


entries = []
for s in SEEDS:
    entries.append({
        "seed": str(s),
        "state32": [int(v) for v in np.random.SeedSequence(s).generate_state(8, np.uint32)],
        "raw": [str(int(v)) for v in np.random.PCG64(np.random.SeedSequence(s)).random_raw(5)],
        "random": [float(v) for v in gen(s).random(5)],
        "uniform_cartpole": [float(v) for v in gen(s).uniform(-0.05, 0.05, size=(4,))],
        "uniform_pendulum": [float(v) for v in gen(s).uniform(low=[-np.pi, -1.0], high=[np.pi, 1.0])],
    })
doc = {"numpy": np.__version__, "vectors": entries}
out = pathlib.Path(__file__).with_name("vectors.json")
out.write_text(json.dumps(doc, indent=1) + "\n")
