#!/usr/bin/env python3
"""Writes the SLO, overload, CPU+GPU and KaaS presets (src/main/resources/gpufaas/presets/).

Run from workload-presets/: python3 tools/make_slo_presets.py
Offered GPU load = sum(rate x GPU warm time) / (device speed x GPUs), with the catalog's V100 timings.
"""
import json, os

WARM = {"isoneural": 26, "eos": 17, "roberta": 268, "rnn": 366, "fft": 897, "squeezenet": 1168,
        "imagenet": 2253, "lud": 2050, "pathfinder": 1472, "srad": 3893, "lavamd": 1989, "myocyte": 2784}
SPEED = {"a30": 0.825}
OUT = "src/main/resources/gpufaas/presets"


def load(fns, gpu, count):
    return sum(f["arrival"]["rate_per_s"] * WARM[f["base"]] / 1000 for f in fns) / (SPEED[gpu] * count)


def fn(name, base, rate, slo=None):
    f = {"name": name, "base": base}
    if slo is not None:
        f["slo_ms"] = slo
    f["arrival"] = {"process": "poisson", "rate_per_s": round(rate, 4)}
    return f


def write(name, desc, fns, devices, policy, duration=600, extra=None):
    l = load(fns, devices["gpu"], devices["count"])
    total = sum(f["arrival"]["rate_per_s"] for f in fns)
    spec = {"name": name,
            "description": desc.format(rate=total) + f" Offered GPU load {l:.2f} of the device"
                           + ("s" if devices["count"] > 1 else "") + ".",
            "seed": 42, "duration_s": duration, "workload": {"functions": fns}, "devices": devices, "policy": policy}
    if extra:
        spec.update(extra)
    with open(os.path.join(OUT, name + ".json"), "w") as out:
        json.dump(spec, out, indent=2)
        out.write("\n")
    print(name, round(l, 3), round(total, 3))


TIGHT = [("isoneural", 1.0, 1000), ("eos", 1.0, 1000), ("roberta", 0.4, 2000), ("rnn", 0.4, 2000),
         ("fft", 0.15, 4000), ("squeezenet", 0.1, 5000)]
LOOSE = [("imagenet", 0.05, 60000), ("lud", 0.05, 60000), ("pathfinder", 0.05, 60000), ("srad", 0.03, 90000),
         ("lavamd", 0.05, 60000), ("myocyte", 0.04, 60000)]


MIXED_SCALE = float(os.environ.get("MIXED_SCALE", "0.4"))
KAAS_SCALE = float(os.environ.get("KAAS_SCALE", "0.6"))


def mixed(scale):
    return ([fn(b + "-tight", b, r * scale, s) for b, r, s in TIGHT]
            + [fn(b + "-loose", b, r * scale, s) for b, r, s in LOOSE])


write("mixed-slo",
      "Mixed SLOs: six short functions with tight SLOs (1 s to 5 s) and six long ones with loose SLOs "
      "(60 to 90 s), Poisson arrivals totalling {rate:.2f}/s for 600 s on one a30, policy edf (compare fcfs, lsf, "
      "edf-warm, cost-aware).", mixed(MIXED_SCALE), {"gpu": "a30", "count": 1}, "edf")
write("overload",
      "Overload: the mixed-SLO functions at more than the GPU can serve, Poisson arrivals totalling {rate:.2f}/s for "
      "600 s on one a30, policy edf with admission admit-all (compare --admission feasible, drop-late, queue-cap, "
      "defer).", mixed(1.3), {"gpu": "a30", "count": 1}, "edf", extra={"admission": "admit-all"})
write("cpu-gpu",
      "CPU+GPU heterogeneous: functions with low GPU speedup (rnn runs faster on a CPU, squeezenet as fast) next to "
      "GPU-bound ones, SLOs on all, Poisson arrivals totalling {rate:.2f}/s for 600 s on one a30 and 8 CPU cores; the "
      "GPU is the bottleneck under gpu-only (compare --placement speedup, gpu-first, cost-first, slack-split).",
      [fn("rnn", "rnn", 1.5, 3000), fn("squeezenet", "squeezenet", 0.25, 6000), fn("eos", "eos", 2.0, 500),
       fn("isoneural", "isoneural", 2.0, 500), fn("roberta", "roberta", 0.6, 3000), fn("fft", "fft", 0.2, 6000)],
      {"gpu": "a30", "count": 1, "cpu_cores": 8}, "fcfs", extra={"placement": "gpu-only"})
write("kaas-tenants",
      "Multi-tenant Kernel-as-a-Service: eight tenants on two a30 GPUs (more tenants than GPUs), Poisson arrivals "
      "totalling {rate:.2f}/s for 600 s, policy kaas-balance (compare kaas-exclusive, kaas-affinity, kaas-static, "
      "kaas-cfs).",
      [fn(n, b, r * KAAS_SCALE) for n, b, r in [
          ("t1-isoneural", "isoneural", 2.0), ("t2-eos", "eos", 2.0), ("t3-roberta", "roberta", 0.8),
          ("t4-rnn", "rnn", 0.6), ("t5-fft", "fft", 0.25), ("t6-squeezenet", "squeezenet", 0.2),
          ("t7-pathfinder", "pathfinder", 0.1), ("t8-lavamd", "lavamd", 0.08)]],
      {"gpu": "a30", "count": 2}, "kaas-balance")
