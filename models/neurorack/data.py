# SPDX-License-Identifier: GPL-3.0-or-later
"""Training data: audio at 48 kHz mono and its descriptor curves, as the `neurorack`
command line tool measured them. The descriptors are never computed here: the
analyzer in core/ is their single definition.

Two kinds of folder are understood:
- a corpus made by `neurorack corpus generate` (audio/*.wav, descriptors/*.json);
- any folder of samples (WAV, FLAC, AIFF, OGG, …): each is converted to 48 kHz mono
  and analysed once with the `neurorack` tool, into a cache folder beside the output.
"""
import hashlib
import json
import math
import os
import subprocess
import wave
from dataclasses import dataclass
from typing import List, Optional

import numpy as np

HOP = 240
SAMPLE_RATE = 48000
DESCRIPTORS = ["loudness", "percussivity", "noisiness", "tonality", "richness", "brightness", "pitch"]
AUDIO_EXTENSIONS = (".wav", ".flac", ".aiff", ".aif", ".ogg")


@dataclass
class Item:
    name: str
    audio: np.ndarray   # float32 [samples], 48 kHz mono
    curves: np.ndarray  # float32 [7, frames], NaN for unvoiced pitch


def read_wav(path: str) -> np.ndarray:
    """A 48 kHz mono PCM (16/24/32-bit) or float WAV, as float32."""
    with open(path, "rb") as f:
        header = f.read(64)
    if header[20:22] == b"\x03\x00" or (header[20:22] == b"\xfe\xff" and b"\x03\x00" in header[40:64]):
        # IEEE float: the wave module cannot read it; find the data chunk by hand.
        with open(path, "rb") as f:
            data = f.read()
        pos = 12
        while pos + 8 <= len(data):
            cid, size = data[pos:pos + 4], int.from_bytes(data[pos + 4:pos + 8], "little")
            if cid == b"data":
                return np.frombuffer(data[pos + 8:pos + 8 + size], dtype="<f4").astype(np.float32)
            pos += 8 + size + (size & 1)
        raise ValueError("%s: no data chunk" % path)
    with wave.open(path, "rb") as w:
        if w.getframerate() != SAMPLE_RATE or w.getnchannels() != 1:
            raise ValueError("%s: expected 48 kHz mono, got %d Hz, %d channels" % (path, w.getframerate(), w.getnchannels()))
        width = w.getsampwidth()
        raw = w.readframes(w.getnframes())
    if width == 2:
        return np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768.0
    if width == 3:
        b = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3).astype(np.int32)
        v = b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16)
        v = np.where(v >= 1 << 23, v - (1 << 24), v)
        return v.astype(np.float32) / float(1 << 23)
    if width == 4:
        return np.frombuffer(raw, dtype="<i4").astype(np.float32) / float(1 << 31)
    raise ValueError("%s: %d-byte samples are not supported" % (path, width))


def read_analysis(path: str) -> np.ndarray:
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    if doc.get("hop_length") != HOP or doc.get("sample_rate") != SAMPLE_RATE:
        raise ValueError("%s: not on the 48 kHz / 240-sample grid" % path)
    curves = [[np.nan if v is None else float(v) for v in doc["descriptors"][d]] for d in DESCRIPTORS]
    return np.asarray(curves, dtype=np.float32)


def _align(audio: np.ndarray, curves: np.ndarray) -> np.ndarray:
    frames = curves.shape[1]
    samples = frames * HOP
    if audio.shape[0] < samples:
        audio = np.pad(audio, (0, samples - audio.shape[0]))
    return audio[:samples]


def load_corpus(folder: str) -> List[Item]:
    with open(os.path.join(folder, "corpus.json"), encoding="utf-8") as f:
        index = json.load(f)
    items = []
    for entry in index["items"]:
        audio = read_wav(os.path.join(folder, entry["audio"]))
        curves = read_analysis(os.path.join(folder, entry["descriptors"]))
        items.append(Item(entry["id"], _align(audio, curves), curves))
    return items


def load_samples(folder: str, cache: str, neurorack: str) -> List[Item]:
    """Any folder of samples: converted and analysed once by the neurorack tool."""
    os.makedirs(cache, exist_ok=True)
    items = []
    for root, _, files in os.walk(folder):
        for name in sorted(files):
            if not name.lower().endswith(AUDIO_EXTENSIONS):
                continue
            path = os.path.join(root, name)
            key = hashlib.sha1(os.path.abspath(path).encode()).hexdigest()[:16]
            wav = os.path.join(cache, key + ".wav")
            analysis = os.path.join(cache, key + ".json")
            if not (os.path.exists(wav) and os.path.getmtime(wav) >= os.path.getmtime(path)):
                subprocess.run([neurorack, "audio", "convert", path, "-o", wav, "--format", "float"], check=True)
                subprocess.run([neurorack, "analyze", wav, "--json", "-o", analysis], check=True)
            audio, curves = read_wav(wav), read_analysis(analysis)
            items.append(Item(os.path.relpath(path, folder), _align(audio, curves), curves))
    return items


def load_folder(folder: str, cache: str, neurorack: str) -> List[Item]:
    if os.path.exists(os.path.join(folder, "corpus.json")):
        return load_corpus(folder)
    return load_samples(folder, cache, neurorack)


def is_held_out(name: str, fraction: float) -> bool:
    """A stable split: the same items are held out on every run."""
    h = int(hashlib.sha1(name.encode()).hexdigest()[:8], 16)
    return h < fraction * 0xFFFFFFFF


SILENT_FRAME = np.array([-70.0, 0, 0, 0, 0, 0, np.nan], dtype=np.float32)


def crop(item: Item, frames: int, rng: np.random.Generator, from_start: bool) -> (np.ndarray, np.ndarray):
    """A window of `frames` frames (and its audio): from the start (the attack) or at
    random; short items are padded with silence."""
    total = item.curves.shape[1]
    start = 0 if from_start or total <= frames else int(rng.integers(0, total - frames + 1))
    curves = item.curves[:, start:start + frames]
    audio = item.audio[start * HOP:(start + frames) * HOP]
    pad = frames - curves.shape[1]
    if pad > 0:
        curves = pad_with_silence(curves, frames)
        audio = np.pad(audio, (0, pad * HOP))
    return curves, audio


def pad_with_silence(curves: np.ndarray, frames: int) -> np.ndarray:
    """The curves followed by silent frames up to `frames`."""
    pad = frames - curves.shape[1]
    return np.concatenate([curves, np.repeat(SILENT_FRAME[:, None], pad, axis=1)], axis=1) if pad > 0 else curves


# ---- curves that no recording has ------------------------------------------------
#
# Morphs and CV offsets as the product makes them (core/model/descriptorcurves.cpp):
# the model is trained to follow them too, with the losses that need no target sound.

RANGES = [(-70.0, 6.0), (0.0, 1.0), (0.0, 1.0), (0.0, 1.0), (0.0, 12000.0), (0.0, 24000.0), (20.0, 8000.0)]


def _log_lerp(a, b, t):
    return np.exp(np.log(a) + (np.log(b) - np.log(a)) * t)


def resample(curves: np.ndarray, frames: int) -> np.ndarray:
    """DescriptorCurves::resampled: linear, pitch in log frequency, voicing from the
    nearer frame."""
    source = curves.shape[1]
    if frames == source:
        return curves.copy()
    pos = np.clip((np.arange(frames) + 0.5) * source / frames - 0.5, 0.0, source - 1)
    i0 = pos.astype(np.int64)
    i1 = np.minimum(i0 + 1, source - 1)
    t = pos - i0
    a, b = curves[:, i0], curves[:, i1]
    out = a + (b - a) * t
    pa, pb = a[6], b[6]
    both = ~np.isnan(pa) & ~np.isnan(pb)
    with np.errstate(invalid="ignore"):
        out[6] = np.where(both, _log_lerp(pa, pb, t), np.where(t < 0.5, pa, pb))
    return out.astype(np.float32)


def held_pitch(pitch: np.ndarray) -> np.ndarray:
    """Each unvoiced (NaN) frame holds the nearest voiced frame's pitch: the one before,
    else the one after. All NaN when no frame is voiced."""
    held = pitch.copy()
    index = np.where(~np.isnan(held), np.arange(len(held)), -1)
    before = np.maximum.accumulate(index)
    held = np.where(before >= 0, held[np.maximum(before, 0)], np.nan)
    voiced = np.flatnonzero(~np.isnan(pitch))
    if len(voiced):
        held[:voiced[0]] = pitch[voiced[0]]
    return held


def morph(a: np.ndarray, b: np.ndarray, amount: float) -> np.ndarray:
    """DescriptorCurves::morph: both resampled to the blended length, mixed linearly,
    pitch in log frequency; a voiced frame against an unvoiced one keeps the nearer
    side's voicing, and its pitch mixes in the other side's nearest voiced pitch."""
    # std::lround: halves away from zero (Python's round() takes them to even).
    frames = max(1, int(math.floor((1.0 - amount) * a.shape[1] + amount * b.shape[1] + 0.5)))
    ra, rb = resample(a, frames), resample(b, frames)
    out = ra + (rb - ra) * amount
    va, vb = ~np.isnan(ra[6]), ~np.isnan(rb[6])
    voiced = (va & vb) | (va & (amount <= 0.5)) | (vb & (amount >= 0.5))
    ha, hb = held_pitch(ra[6]), held_pitch(rb[6])
    with np.errstate(invalid="ignore"):
        mixed = ha if amount <= 0.0 else hb if amount >= 1.0 else _log_lerp(ha, hb, amount)
        alone = np.where(va, ra[6], rb[6])
        pitch = np.where(np.isnan(ha) | np.isnan(hb), alone, mixed)
    out[6] = np.where(voiced, pitch, np.nan)
    return out.astype(np.float32)


def offset(curves: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Random CV-style offsets and scales (DescriptorCurves::applyOffsetScale): loudness
    moved, brightness scaled, richness scaled or shifted, pitch transposed, and now and
    then noisiness, tonality or percussivity moved, each clamped to its range."""
    out = curves.copy()
    out[0] = out[0] + rng.uniform(-12.0, 3.0)
    out[5] = out[5] * rng.uniform(0.7, 1.5)
    # Richness both ways a CV moves it: scaled, or shifted in Hz as the factory
    # mappings' CV1 does (±3000 Hz), which asks a kick for a spread no kick has.
    choice = rng.random()
    if choice < 0.35:
        out[4] = out[4] * rng.uniform(0.7, 1.5)
    elif choice < 0.7:
        out[4] = out[4] + rng.uniform(-3000.0, 3000.0)
    out[6] = out[6] * 2.0 ** (rng.uniform(-7.0, 7.0) / 12.0)
    for row in (1, 2, 3):
        if rng.random() < 0.25:
            out[row] = out[row] + rng.uniform(-0.2, 0.2)
    for row, (low, high) in enumerate(RANGES):
        out[row] = np.clip(out[row], low, high)  # NaN (unvoiced) stays NaN
    return out


def unseen_curves(items: List[Item], frames: int, rng: np.random.Generator) -> np.ndarray:
    """A window of `frames` frames of a morph of two items, or of one item with offsets."""
    a = items[int(rng.integers(0, len(items)))].curves
    if rng.random() < 0.6:
        b = items[int(rng.integers(0, len(items)))].curves
        curves = morph(a, b, float(rng.uniform(0.2, 0.8)))
    else:
        curves = offset(a, rng)
    return pad_with_silence(curves[:, :frames], frames)
