#!/usr/bin/env python3
"""Writes the preset JSON files in src/main/resources/gpufaas/presets/.

The presets are committed; this script records how their rates were chosen. Rerun it after a
change to the catalog and check `PresetsTest` (it recomputes every offered load).
Offered load = sum(rate * GPU warm time) (V100 timings, GPU-seconds per second); on a device it is
divided by the device's speed (a30 0.825, a100-40gb 1.465) and the number of devices.
"""
import csv, json, os

HERE = os.path.dirname(os.path.abspath(__file__))
RES = os.path.join(HERE, "..", "src", "main", "resources", "gpufaas")
warm = {}
with open(os.path.join(RES, "catalog", "benchmarks.csv")) as f:
    for row in csv.DictReader(f):
        warm[row["func_name"]] = float(row["warm_dur_ms"])
SPEED = {"a30": 0.825, "a100-40gb": 1.465}
by_warm = sorted(warm, key=lambda n: (warm[n], n))


def zipf(n, s, total):
    w = [1 / (i + 1) ** s for i in range(n)]
    return [round(total * x / sum(w), 4) for x in w]


def mix(n):
    """n functions cycling through the catalog (shortest first), shortest at the popular ranks."""
    picked = [by_warm[k % len(by_warm)] for k in range(n)]
    return sorted(picked, key=lambda b: (warm[b], b))


def entries(bases, rates):
    seen, out = {}, []
    for b, r in zip(bases, rates):
        seen[b] = seen.get(b, 0) + 1
        out.append({"name": f"{b}-{seen[b]}", "base": b, "arrival": {"process": "poisson", "rate_per_s": r}})
    return out


def load(bases, rates):
    return sum(r * warm[b] / 1000 for b, r in zip(bases, rates))


def write(name, doc):
    with open(os.path.join(RES, "presets", name + ".json"), "w") as f:
        f.write(json.dumps(doc, indent=2) + "\n")
    print(name, doc["description"])


def preset(name, n, s, total, gpu, count, duration, extra_devices, params, note):
    bases, rates = mix(n), zipf(n, s, total)
    ref = load(bases, rates)
    dev = ref / SPEED[gpu] / count
    where = f"one {gpu}" if count == 1 else f"{count} x {gpu}"
    over = "all 14 benchmark functions" if n >= 14 else f"the {n} shortest benchmark functions"
    desc = (f"{n} functions over {over} (cycled shortest first; shorter functions at the more popular ranks), Zipf popularity "
            f"(rate of rank i proportional to 1/(i+1)^{s}), Poisson arrivals totalling {sum(rates):.2f}/s for "
            f"{duration} s on {where}. Offered GPU load {dev:.2f} of the device{'s' if count > 1 else ''} "
            f"({ref:.2f} GPU-s/s in V100 timings, / speed {SPEED[gpu]}). {note}").strip()
    doc = {"name": name, "description": desc, "seed": 42, "duration_s": duration,
           "workload": {"functions": entries(bases, rates)},
           "devices": dict({"gpu": gpu, "count": count}, **extra_devices),
           "policy": "mqfq-sticky", "admission": "admit-all", "placement": "gpu-only",
           "params": params, "backend": "sim"}
    write(name, doc)


preset("paper-medium", 24, 1.5, 2.5, "a30", 1, 600, {}, {"T": 5, "ttl": "1.5xIAT", "D": 2},
       "Like the paper's medium workload (24 functions, about 2.5 invocations/s on one A30). "
       "With Zipf exponent 0.9 and functions cycled in catalog order the offered load would be 4.4 GPUs "
       "(1.6 even with short functions first), so short functions take the popular ranks and the exponent is 1.5.")
preset("mps-demo", 12, 1.5, 1.8, "a30", 1, 300, {"mps": True}, {"T": 5, "ttl": "1.5xIAT", "D": 3},
       "MPS on: up to 3 invocations share the GPU spatially (gentler slowdown curve).")
preset("mig-demo", 8, 1.5, 2.0, "a30", 1, 300, {"mig": "1g.6gb"}, {"T": 5, "ttl": "1.5xIAT", "D": 2},
       "The A30 split into 4 MIG instances of 1g.6gb (a quarter of the SMs and 6 GB each): one shared set of flows, "
       "every function fits an instance.")
preset("multi-gpu", 48, 1.2, 5.0, "a100-40gb", 2, 600, {}, {"T": 5, "ttl": "1.5xIAT", "D": 2},
       "Two GPUs: flows are shared, devices bound late at dispatch.")

t_bases, t_rates = ["isoneural", "fft", "imagenet"], [2.0, 0.3, 0.12]
t_ref = load(t_bases, t_rates)
write("teaching-3", {
    "name": "teaching-3",
    "description": (f"3 functions small enough to watch: a very short isoneural (26 ms, 2/s), a medium fft "
                    f"(0.9 s, 0.3/s) and a long imagenet (2.25 s, 0.12/s), Poisson, 120 s on one a30. "
                    f"Offered GPU load {t_ref / SPEED['a30']:.2f} of the device ({t_ref:.2f} GPU-s/s in V100 timings)."),
    "seed": 42, "duration_s": 120,
    "workload": {"functions": [
        {"name": b, "base": b, "arrival": {"process": "poisson", "rate_per_s": r}} for b, r in zip(t_bases, t_rates)]},
    "devices": {"gpu": "a30", "count": 1},
    "policy": "mqfq-sticky", "admission": "admit-all", "placement": "gpu-only",
    "params": {"T": 5, "ttl": "1.5xIAT", "D": 2}, "backend": "sim"})
