#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes Neurorack's factory documents (see docs/file-formats.md):

    core/resources/factory-bank.json
    core/resources/mappings/original.json
    core/resources/mappings/alternative.json

Deterministic, standard library only: running it twice gives the same bytes,
and the bytes are those the C++ writer produces for the same documents.

    /usr/bin/python3 core/resources/make_factory_bank.py [output-dir]

The output directory defaults to the folder of this script.

Each preset is a parametric sketch of an impact on the analyzer's grid
(200 frames per second): a 1-3 frame attack to a peak, a decay that is linear
in dB (piecewise, through a few break points) toward silence at -70 LUFS,
percussivity high at the onset then falling, noisiness/tonality set by the
material, brightness (spectral centroid) falling as the high partials die,
richness (spectral spread) following brightness and noisiness, and pitch where
the sound is voiced and still above -60 LUFS. A small seeded jitter makes the
curves look measured rather than drawn with a ruler.
"""

import json
import math
import os
import random
import sys
import zlib

FRAME_RATE = 200  # frames per second: 48 000 Hz / hop 240
SAMPLE_RATE = 48000
HOP_LENGTH = 240

# Valid ranges (docs/file-formats.md); generated values stay strictly inside.
LOUDNESS_FLOOR = -70.0
LOUDNESS_MIN, LOUDNESS_MAX = -69.99, 5.99
UNIT_MIN, UNIT_MAX = 0.005, 0.995
RICHNESS_MIN, RICHNESS_MAX = 1.0, 11999.0
BRIGHTNESS_MIN, BRIGHTNESS_MAX = 1.0, 23999.0
PITCH_MIN, PITCH_MAX = 20.5, 7999.0
VOICED_MIN_LOUDNESS = -60.0   # quieter frames are unvoiced
VOICED_MIN_TONALITY = 0.35    # less tonal frames are unvoiced


# --------------------------------------------------------------------------
# JSON writer: the exact layout of docs/file-formats.md and the C++ writer.

def format_number(value):
    """Rounds to 6 significant digits and writes the shortest decimal."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        raise ValueError("NaN and infinity cannot be written to JSON")
    rounded = float("%.6g" % value)
    if rounded == 0:
        return "0"  # also turns -0 into 0
    if rounded.is_integer() and abs(rounded) < 1e15:
        return str(int(rounded))
    text = repr(rounded)  # shortest round-trip representation
    if "e" in text or "E" in text:
        if 1e-4 <= abs(rounded) < 1e7:
            raise AssertionError("unexpected exponent for %r" % rounded)
        raise ValueError("value %r is outside the range the writer supports" % value)
    return text


def _is_scalar(value):
    return value is None or isinstance(value, (bool, int, float, str))


def _write(value, indent, out):
    pad = "  " * indent
    if value is None:
        out.append("null")
    elif isinstance(value, str):
        out.append(json.dumps(value, ensure_ascii=False))
    elif isinstance(value, (bool, int, float)):
        out.append(format_number(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        out.append("{\n")
        items = list(value.items())
        for i, (key, member) in enumerate(items):
            out.append(pad + "  " + json.dumps(key, ensure_ascii=False) + ": ")
            _write(member, indent + 1, out)
            out.append(",\n" if i + 1 < len(items) else "\n")
        out.append(pad + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
        elif all(_is_scalar(v) for v in value):
            parts = []
            for v in value:
                part = []
                _write(v, indent, part)
                parts.append("".join(part))
            out.append("[" + ", ".join(parts) + "]")
        else:
            out.append("[\n")
            for i, element in enumerate(value):
                out.append(pad + "  ")
                _write(element, indent + 1, out)
                out.append(",\n" if i + 1 < len(value) else "\n")
            out.append(pad + "]")
    else:
        raise TypeError("cannot write %r" % type(value))


def dumps(document):
    """The document as Neurorack JSON text, ending with one newline."""
    out = []
    _write(document, 0, out)
    out.append("\n")
    return "".join(out)


# --------------------------------------------------------------------------
# Mappings

def _cv(target, volts, curve="linear", smoothing_ms=10, descriptor=None, range_=None):
    entry = {"target": target}
    if descriptor is not None:
        entry["descriptor"] = descriptor
    entry["volts"] = list(volts)
    if range_ is not None:
        entry["range"] = list(range_)
    entry["curve"] = curve
    entry["smoothing_ms"] = smoothing_ms
    return entry


def _gate(action, threshold=1, hysteresis=0.2):
    return {"action": action, "threshold": threshold, "hysteresis": hysteresis}


def original_mapping():
    return {
        "id": "original",
        "name": "Original panel",
        "cv": [
            _cv("descriptor_offset", [-5, 5], descriptor="richness", range_=[-3000, 3000]),
            _cv("descriptor_offset", [-5, 5], descriptor="noisiness", range_=[-0.5, 0.5]),
            _cv("morph_amount", [0, 5], range_=[0, 1]),
            _cv("pitch_voct", [-5, 5], smoothing_ms=0),
        ],
        "gates": [_gate("trigger"), _gate("trigger_morph")],
    }


def alternative_mapping():
    return {
        "id": "alternative",
        "name": "Alternative: bank scan",
        "cv": [
            _cv("bank_scan", [0, 5], range_=[0, 1], smoothing_ms=20),
            _cv("descriptor_offset", [-5, 5], descriptor="loudness", range_=[-24, 12]),
            _cv("descriptor_offset", [-5, 5], descriptor="brightness", range_=[-4000, 4000]),
            _cv("descriptor_offset", [-5, 5], descriptor="richness", range_=[-3000, 3000]),
        ],
        "gates": [_gate("trigger"), _gate("trigger")],
    }


def mapping_document(mapping):
    document = {"format": "neurorack.mapping", "version": 1}
    document.update(mapping)
    return document


# --------------------------------------------------------------------------
# Curve sketches

def _clamp(value, low, high):
    return min(max(value, low), high)


def _breakpoints(points, t):
    """Piecewise-linear interpolation through (time, value) points; flat outside."""
    if t <= points[0][0]:
        return points[0][1]
    for (t0, v0), (t1, v1) in zip(points, points[1:]):
        if t <= t1:
            return v0 + (v1 - v0) * (t - t0) / (t1 - t0)
    return points[-1][1]


def _exp_toward(start, end, tau, t):
    return end + (start - end) * math.exp(-t / tau)


def sketch(spec):
    """Seven descriptor curves for one preset specification (a dict)."""
    frames = round(spec["duration"] * FRAME_RATE)
    rng = random.Random(zlib.crc32(spec["id"].encode("utf-8")))
    attack = spec["attack"]          # frames from the onset to the peak (1-3)
    peak = spec["peak"]              # LUFS at the peak
    decay = spec["decay"]            # [(seconds after the peak, dB below the peak), ...]
    flams = spec.get("flams", [])    # [(seconds, dB re peak)]: re-hits, e.g. a clap
    noise_points = spec["noisiness"]  # [(seconds, noisiness), ...]
    tonal_gap = spec.get("tonal_gap", 0.08)
    perc0, perc1, perc_tau = spec["percussivity"]
    bright0, bright1, bright_tau = spec["brightness"]
    spread_tonal = spec["spread_tonal"]
    spread_noise = spec.get("spread_noise", 0.8)
    pitch = spec.get("pitch")        # (start Hz, end Hz, tau) or None

    curves = {name: [] for name in ("loudness", "percussivity", "noisiness", "tonality",
                                    "richness", "brightness", "pitch")}
    decay_points = [(0.0, 0.0)] + [(t, -db) for t, db in decay]
    peak_time = attack / FRAME_RATE
    decayed = False
    for i in range(frames):
        t = i / FRAME_RATE
        since_peak = max(0.0, t - peak_time)

        # Loudness: fast rise, then linear in dB; power-summed with the floor.
        if i < attack:
            level = peak - 14.0 * (attack - i) / attack
        else:
            level = peak + _breakpoints(decay_points, since_peak)
        for flam_time, flam_db in flams:
            if t >= flam_time:
                re_hit = peak + flam_db - 450.0 * (t - flam_time)
                level = 10 * math.log10(10 ** (level / 10) + 10 ** (re_hit / 10))
        if i > attack:
            # Jitter, but the peak stays the loudest frame.
            level = min(level + rng.uniform(-0.25, 0.25), peak - 0.1)
        level = 10 * math.log10(10 ** (level / 10) + 10 ** (LOUDNESS_FLOOR / 10))
        level = _clamp(round(level, 2), LOUDNESS_MIN, LOUDNESS_MAX)

        # How far the sound has sunk into the floor: 0 above -60 LUFS, 1 at -70.
        sunk = _clamp((-60.0 - level) / 10.0, 0.0, 1.0)

        perc = _exp_toward(perc0, perc1, perc_tau, since_peak) + rng.uniform(-0.01, 0.01)
        perc = perc * (1 - sunk) + 0.02 * sunk

        noise = _breakpoints(noise_points, t) + rng.uniform(-0.015, 0.015)
        tonal = 1.0 - noise - tonal_gap + rng.uniform(-0.015, 0.015)
        noise = noise * (1 - sunk) + 0.9 * sunk
        tonal = tonal * (1 - sunk) + 0.04 * sunk
        noise = _clamp(round(noise, 4), UNIT_MIN, UNIT_MAX)
        tonal = _clamp(round(tonal, 4), UNIT_MIN, UNIT_MAX)

        bright = _exp_toward(bright0, bright1, bright_tau, since_peak)
        bright *= 1.0 + rng.uniform(-0.015, 0.015)
        spread = bright * (spread_tonal * (1 - noise) + spread_noise * noise)
        spread *= 1.0 + rng.uniform(-0.02, 0.02)

        # Once the tail has sunk below -60 LUFS it stays unvoiced.
        decayed = decayed or (i > attack and level < VOICED_MIN_LOUDNESS)
        f0 = None
        if pitch is not None and not decayed and tonal >= VOICED_MIN_TONALITY:
            start, end, tau = pitch
            f0 = _exp_toward(start, end, tau, t) * (1.0 + rng.uniform(-0.002, 0.002))
            f0 = _clamp(round(f0, 2), PITCH_MIN, PITCH_MAX)

        curves["loudness"].append(level)
        curves["percussivity"].append(_clamp(round(perc, 4), UNIT_MIN, UNIT_MAX))
        curves["noisiness"].append(noise)
        curves["tonality"].append(tonal)
        curves["richness"].append(_clamp(round(spread, 1), RICHNESS_MIN, RICHNESS_MAX))
        curves["brightness"].append(_clamp(round(bright, 1), BRIGHTNESS_MIN, BRIGHTNESS_MAX))
        curves["pitch"].append(f0)
    return curves


# Slot -> preset specification. Times in seconds, levels in LUFS / dB.
# decay: (seconds after the peak, dB below the peak); the last point lies below
# the floor so that the tail fades into silence (-70) by the end.
PRESETS = {
    0: dict(id="deep-kick", name="Deep Kick", tags=["kick", "sub"], duration=0.6,
            attack=2, peak=-8.0, decay=[(0.05, 6), (0.6, 68)],
            noisiness=[(0, 0.55), (0.015, 0.12), (0.6, 0.08)],
            percussivity=(0.96, 0.08, 0.03), brightness=(2200, 75, 0.025),
            spread_tonal=0.35, pitch=(160, 45, 0.045)),
    1: dict(id="punchy-kick", name="Punchy Kick", tags=["kick", "punch"], duration=0.35,
            attack=1, peak=-7.0, decay=[(0.03, 7), (0.35, 66)],
            noisiness=[(0, 0.6), (0.01, 0.18), (0.35, 0.1)],
            percussivity=(0.98, 0.1, 0.02), brightness=(3500, 110, 0.015),
            spread_tonal=0.4, pitch=(220, 58, 0.02)),
    2: dict(id="low-tom", name="Low Tom", tags=["tom", "drum"], duration=0.8,
            attack=2, peak=-10.0, decay=[(0.08, 8), (0.8, 64)],
            noisiness=[(0, 0.5), (0.02, 0.2), (0.8, 0.15)],
            percussivity=(0.92, 0.08, 0.04), brightness=(1800, 160, 0.05),
            spread_tonal=0.5, pitch=(110, 92, 0.08)),
    3: dict(id="high-tom", name="High Tom", tags=["tom", "drum"], duration=0.5,
            attack=2, peak=-10.0, decay=[(0.06, 8), (0.5, 64)],
            noisiness=[(0, 0.5), (0.02, 0.22), (0.5, 0.16)],
            percussivity=(0.93, 0.09, 0.035), brightness=(2400, 300, 0.04),
            spread_tonal=0.5, pitch=(220, 190, 0.06)),
    4: dict(id="snare", name="Snare", tags=["snare", "drum", "noise"], duration=0.4,
            attack=1, peak=-8.0, decay=[(0.04, 10), (0.4, 66)],
            noisiness=[(0, 0.7), (0.01, 0.45), (0.04, 0.5), (0.07, 0.82), (0.4, 0.88)],
            tonal_gap=0.06, percussivity=(0.97, 0.12, 0.03), brightness=(5200, 2600, 0.08),
            spread_tonal=0.5, spread_noise=0.75, pitch=(205, 190, 0.05)),
    5: dict(id="rimshot", name="Rimshot", tags=["snare", "rim", "click"], duration=0.2,
            attack=1, peak=-9.0, decay=[(0.02, 10), (0.2, 66)],
            noisiness=[(0, 0.55), (0.01, 0.35), (0.2, 0.45)],
            percussivity=(0.99, 0.15, 0.012), brightness=(4200, 1400, 0.03),
            spread_tonal=0.45, pitch=(470, 440, 0.02)),
    6: dict(id="closed-hat", name="Closed Hat", tags=["hihat", "cymbal", "noise"],
            duration=0.2, attack=1, peak=-14.0, decay=[(0.015, 8), (0.2, 64)],
            noisiness=[(0, 0.9), (0.2, 0.93)], tonal_gap=0.04,
            percussivity=(0.97, 0.2, 0.02), brightness=(11500, 8500, 0.05),
            spread_tonal=0.4, spread_noise=0.42),
    7: dict(id="crash", name="Crash Cymbal", tags=["cymbal", "crash", "noise"],
            duration=3.5, attack=2, peak=-9.0, decay=[(0.15, 6), (3.5, 64)],
            noisiness=[(0, 0.85), (0.3, 0.9), (3.5, 0.82)], tonal_gap=0.05,
            percussivity=(0.9, 0.05, 0.06), brightness=(9000, 4200, 1.2),
            spread_tonal=0.45, spread_noise=0.55),
    8: dict(id="anvil", name="Anvil", tags=["metal", "anvil"], duration=2.0,
            attack=1, peak=-7.0, decay=[(0.04, 9), (2.0, 64)],
            noisiness=[(0, 0.55), (0.015, 0.15), (2.0, 0.06)], tonal_gap=0.04,
            percussivity=(0.98, 0.04, 0.025), brightness=(6500, 2300, 0.25),
            spread_tonal=0.45, pitch=(1185, 1180, 0.02)),
    9: dict(id="glass", name="Glass", tags=["glass", "bright"], duration=1.5,
            attack=1, peak=-15.0, decay=[(0.03, 5), (1.5, 60)],
            noisiness=[(0, 0.5), (0.01, 0.1), (1.5, 0.05)], tonal_gap=0.03,
            percussivity=(0.95, 0.04, 0.02), brightness=(6800, 3900, 0.3),
            spread_tonal=0.3, pitch=(1762, 1760, 0.02)),
    10: dict(id="bell", name="Bell", tags=["bell", "metal"], duration=4.0,
             attack=2, peak=-11.0, decay=[(0.1, 6), (4.0, 64)],
             noisiness=[(0, 0.4), (0.02, 0.08), (4.0, 0.04)], tonal_gap=0.03,
             percussivity=(0.9, 0.03, 0.05), brightness=(3400, 900, 0.6),
             spread_tonal=0.55, pitch=(524, 523, 0.05)),
    11: dict(id="wood-block", name="Wood Block", tags=["wood", "click"], duration=0.25,
             attack=1, peak=-11.0, decay=[(0.02, 9), (0.25, 64)],
             noisiness=[(0, 0.5), (0.008, 0.25), (0.25, 0.3)], tonal_gap=0.06,
             percussivity=(0.99, 0.12, 0.015), brightness=(3000, 1100, 0.03),
             spread_tonal=0.4, pitch=(805, 800, 0.01)),
    12: dict(id="marimba", name="Marimba Bar", tags=["wood", "mallet", "tonal"],
             duration=1.0, attack=2, peak=-13.0, decay=[(0.05, 5), (1.0, 62)],
             noisiness=[(0, 0.45), (0.015, 0.1), (1.0, 0.06)], tonal_gap=0.04,
             percussivity=(0.9, 0.04, 0.04), brightness=(1500, 300, 0.12),
             spread_tonal=0.35, pitch=(262, 261.6, 0.05)),
    13: dict(id="bongo", name="Bongo", tags=["hand-drum", "skin"], duration=0.4,
             attack=1, peak=-11.0, decay=[(0.04, 8), (0.4, 64)],
             noisiness=[(0, 0.5), (0.015, 0.2), (0.4, 0.2)], tonal_gap=0.06,
             percussivity=(0.96, 0.1, 0.03), brightness=(2600, 420, 0.05),
             spread_tonal=0.45, pitch=(345, 300, 0.04)),
    14: dict(id="cinematic-boom", name="Cinematic Boom", tags=["cinematic", "sub", "boom"],
             duration=3.5, attack=3, peak=-6.5, decay=[(0.2, 4), (3.5, 66)],
             noisiness=[(0, 0.6), (0.04, 0.2), (3.5, 0.1)],
             percussivity=(0.85, 0.03, 0.08), brightness=(1400, 48, 0.15),
             spread_tonal=0.4, pitch=(55, 32, 0.35)),
    15: dict(id="gong", name="Gong", tags=["gong", "metal", "cinematic"], duration=4.0,
             attack=3, peak=-12.0, decay=[(0.3, 3), (1.0, 12), (4.0, 61)],
             noisiness=[(0, 0.45), (0.05, 0.2), (1.0, 0.45), (4.0, 0.3)], tonal_gap=0.05,
             percussivity=(0.8, 0.02, 0.08), brightness=(2400, 750, 0.7),
             spread_tonal=0.6, spread_noise=0.7, pitch=(102, 98, 0.6)),
    # Slots 16-19 stay empty to show that a bank may have holes.
    20: dict(id="hand-clap", name="Hand Clap", tags=["clap", "hand", "noise"], duration=0.3,
             attack=1, peak=-10.0, decay=[(0.008, 9), (0.04, 12), (0.3, 64)],
             flams=[(0.012, -3.0), (0.024, -2.0)],
             noisiness=[(0, 0.88), (0.3, 0.92)], tonal_gap=0.04,
             percussivity=(0.95, 0.15, 0.05), brightness=(2600, 1500, 0.1),
             spread_tonal=0.5, spread_noise=0.6),
    21: dict(id="thunder", name="Thunder", tags=["cinematic", "thunder", "noise"],
             duration=4.0, attack=3, peak=-9.0, decay=[(0.25, 12), (1.3, 16), (4.0, 64)],
             noisiness=[(0, 0.8), (0.5, 0.9), (4.0, 0.93)], tonal_gap=0.04,
             percussivity=(0.82, 0.03, 0.1), brightness=(3200, 260, 0.5),
             spread_tonal=0.5, spread_noise=0.85),
}

MORPH_A = 0  # deep-kick
MORPH_B = 8  # anvil

SOURCE = {"kind": "drawn", "detail": "parametric sketch: core/resources/make_factory_bank.py"}


def preset(spec):
    return {
        "id": spec["id"],
        "name": spec["name"],
        "tags": list(spec["tags"]),
        "duration": spec["duration"],
        "source": dict(SOURCE),
        "curves": sketch(spec),
    }


def factory_bank():
    slots = [None] * (max(PRESETS) + 1)
    for slot, spec in PRESETS.items():
        slots[slot] = preset(spec)
    return {
        "format": "neurorack.bank",
        "version": 1,
        "id": "factory",
        "name": "Factory",
        "description": "Eighteen impacts to start from: kicks, toms, snares, cymbals, "
                       "metals, woods, glass and cinematic hits.",
        "grid": {"sample_rate": SAMPLE_RATE, "hop_length": HOP_LENGTH},
        "morph": {"a": MORPH_A, "b": MORPH_B},
        "mapping": original_mapping(),
        "presets": slots,
    }


def documents():
    """Relative path -> document, for every file this script writes."""
    return {
        "factory-bank.json": factory_bank(),
        os.path.join("mappings", "original.json"): mapping_document(original_mapping()),
        os.path.join("mappings", "alternative.json"): mapping_document(alternative_mapping()),
    }


def main(argv):
    out_dir = argv[1] if len(argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    for relative, document in documents().items():
        path = os.path.join(out_dir, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(dumps(document))
        print("wrote", path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
