#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Trains the Neurorack impact model on a folder of impacts.

    /usr/bin/python3 models/train.py --data CORPUS_OR_SAMPLES --out RUN_DIR [--steps N]

The folder is either a corpus from `neurorack corpus generate` or any folder of audio
samples (converted and analysed once by the `neurorack` tool). Progress is printed as
training goes; a checkpoint is written atomically every --checkpoint-every steps and at
the end, and a run started again with the same --out resumes where it stopped.
See models/README.md.
"""
import argparse
import json
import math
import os
import shutil
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from neurorack import data, losses  # noqa: E402
from neurorack.model import PARTIAL_RATIOS, NeurorackModel, parameter_count  # noqa: E402


def find_neurorack(explicit):
    for candidate in [explicit, os.path.join(os.path.dirname(__file__), "..", "build", "app", "neurorack"),
                      shutil.which("neurorack")]:
        if candidate and os.path.exists(candidate):
            return os.path.abspath(candidate)
    raise SystemExit("train.py: cannot find the neurorack tool (build it, or pass --neurorack PATH)")


def batch_of(items, size, frames, rng):
    curves, audio = [], []
    for _ in range(size):
        item = items[int(rng.integers(0, len(items)))]
        c, a = data.crop(item, frames, rng, from_start=rng.random() < 0.6)
        curves.append(c)
        audio.append(a)
    return torch.from_numpy(np.stack(curves)), torch.from_numpy(np.stack(audio))


def save_atomically(state, path):
    tmp = path + ".tmp"
    torch.save(state, tmp)
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, path)


def evaluate(model, items, frames):
    model.eval()
    rng = np.random.default_rng(1)
    total = 0.0
    with torch.no_grad():
        for i in range(0, len(items), 8):
            chunk = items[i:i + 8]
            pairs = [data.crop(item, frames, rng, from_start=True) for item in chunk]
            curves = torch.from_numpy(np.stack([p[0] for p in pairs]))
            audio = torch.from_numpy(np.stack([p[1] for p in pairs]))
            pred = model(curves).squeeze(1)
            total += float(losses.multi_resolution_stft(pred, audio)) * len(chunk)
    model.train()
    return total / max(1, len(items))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True, help="corpus folder, or any folder of samples")
    parser.add_argument("--out", required=True, help="run folder: checkpoints, log, exported model")
    parser.add_argument("--steps", type=int, default=6000)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--unseen", type=int, default=4,
                        help="curves per batch that no training sound has (morphs of two items, CV offsets), "
                             "trained with the losses that need no target sound")
    parser.add_argument("--curve-weight", type=float, default=0.5,
                        help="weight of curve consistency (the rendered audio's descriptors against the curves "
                             "it was rendered from) against the multi-resolution STFT loss")
    parser.add_argument("--richness-weight", type=float, default=1.0,
                        help="weight of the richness term within curve consistency, against brightness's 1 "
                             "(see losses.curve_consistency)")
    parser.add_argument("--noise-prior", type=float, default=0.0,
                        help="weight of a prior that keeps each frame's noise share within a factor of three "
                             "of its noisiness curve (see losses.noise_share_prior); 0 turns it off")
    parser.add_argument("--octave-guard", type=float, default=0.0,
                        help="weight of a term that keeps voiced frames from repeating at a half, a third or two "
                             "thirds of the pitch period, which the analyzer reads as an octave, a twelfth or a fifth "
                             "up (see losses.octave_guard); 0 turns it off")
    parser.add_argument("--period-guard", type=float, default=0.0,
                        help="weight of a term that keeps voiced frames periodic at the pitch period itself, where "
                             "YIN must find it (see losses.period_guard); 0 turns it off")
    parser.add_argument("--unvoiced-guard", type=float, default=0.0,
                        help="weight of a term that keeps frames whose curve is unvoiced from reading voiced "
                             "(see losses.unvoiced_guard); 0 turns it off")
    parser.add_argument("--partial-weight", type=float, default=0.0,
                        help="weight of a distance between the inharmonic partials' power and what the recording "
                             "has at their frequencies, where no harmonic lies near (see losses.partial_match); "
                             "0 turns it off")
    parser.add_argument("--seconds", type=float, default=1.0, help="length of each training excerpt")
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--held-out", type=float, default=0.05, help="fraction kept for evaluation")
    parser.add_argument("--checkpoint-every", type=int, default=250)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--init", help="start from the weights of this checkpoint (a fresh optimizer and schedule); "
                                       "layers whose shape differs keep their fresh initialisation")
    parser.add_argument("--coherent-jumps", action="store_true",
                        help="train with the pitch curve's octave jumps played on one harmonic grid, as "
                             "export.py --coherent-jumps renders them (see NeurorackModel.coherent_harmonic_source)")
    parser.add_argument("--neurorack", help="path to the neurorack tool (default: build/app/neurorack)")
    args = parser.parse_args()
    weights = (args.curve_weight, args.richness_weight, args.noise_prior, args.octave_guard, args.period_guard,
               args.unvoiced_guard, args.partial_weight)
    if args.unseen < 0 or args.batch < 1 or not all(math.isfinite(w) and w >= 0 for w in weights):
        parser.error("--batch must be at least 1; --unseen, --curve-weight, --richness-weight, --noise-prior, "
                     "--octave-guard, --period-guard, --unvoiced-guard and --partial-weight at least 0 (and finite)")

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    os.makedirs(args.out, exist_ok=True)
    items = data.load_folder(args.data, os.path.join(args.out, "cache"), find_neurorack(args.neurorack))
    if not items:
        raise SystemExit("train.py: no audio found in %s" % args.data)
    held = [it for it in items if data.is_held_out(it.name, args.held_out)]
    train = [it for it in items if not data.is_held_out(it.name, args.held_out)] or items
    frames = int(round(args.seconds * data.SAMPLE_RATE / data.HOP))
    print("train.py: %d items for training, %d held out; excerpts of %d frames" % (len(train), len(held), frames), flush=True)

    model = NeurorackModel()
    model.coherent_jumps = args.coherent_jumps
    # The partial gains start at e^−6 and must travel far where a recording rings at
    # those modes: their head learns ten times faster than the rest.
    partial_head = list(model.partial_head.parameters())
    rest = [p for p in model.parameters() if all(p is not q for q in partial_head)]
    optimizer = torch.optim.Adam([{"params": rest}, {"params": partial_head, "lr": 10.0 * args.lr}], lr=args.lr)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min(1.0, (s + 1) / 200) * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, s / args.steps)))))
    checkpoint = os.path.join(args.out, "checkpoint.pt")
    step = 0
    rng = np.random.default_rng(args.seed)
    if os.path.exists(checkpoint):
        state = torch.load(checkpoint)
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        scheduler.load_state_dict(state["scheduler"])
        step = state["step"]
        rng = np.random.default_rng([args.seed, step])
        print("train.py: resumed at step %d" % step, flush=True)
    elif args.init:
        own = model.state_dict()
        weights = {k: v for k, v in torch.load(args.init)["model"].items() if k in own and own[k].shape == v.shape}
        model.load_state_dict(weights, strict=False)
        print("train.py: %d of %d tensors initialised from %s" % (len(weights), len(own), args.init), flush=True)
    print("train.py: %d parameters, %d threads" % (parameter_count(model), args.threads), flush=True)

    log = open(os.path.join(args.out, "log.jsonl"), "a", encoding="utf-8")
    started, recent = time.time(), []
    while step < args.steps:
        curves, audio = batch_of(train, args.batch, frames, rng)
        unseen = torch.from_numpy(np.stack([data.unseen_curves(train, frames, rng) for _ in range(args.unseen)])) \
            if args.unseen else curves[:0]
        everything = torch.cat([curves, unseen])
        rendered, noise_share, partial_amplitudes = model.render(everything)
        rendered = rendered.squeeze(1)
        pred = rendered[:args.batch]
        spectral = losses.multi_resolution_stft(pred, audio)
        pitch, voiced = model.fill_unvoiced(everything[:, 6])
        target = losses.target_consistency(pred, audio, pitch[:args.batch])
        # YIN's d′, measured once for the tonality term and the period guard.
        measured = losses.aperiodicity(rendered, frames)
        curve = losses.curve_consistency(rendered, everything, measured, args.richness_weight)
        consistency = target + curve
        prior = losses.noise_share_prior(noise_share, everything)
        loss = spectral + 0.5 * target + args.curve_weight * curve + args.noise_prior * prior
        guard = losses.octave_guard(rendered, everything, pitch, voiced) if args.octave_guard else prior.new_zeros(())
        loss = loss + args.octave_guard * guard
        period = losses.period_guard(measured, everything, pitch, voiced) if args.period_guard else prior.new_zeros(())
        loss = loss + args.period_guard * period
        unvoiced = losses.unvoiced_guard(measured, everything, voiced) if args.unvoiced_guard else prior.new_zeros(())
        loss = loss + args.unvoiced_guard * unvoiced
        partials = losses.partial_match(partial_amplitudes[:args.batch], audio, curves, pitch[:args.batch],
                                        voiced[:args.batch], PARTIAL_RATIOS) \
            if args.partial_weight else prior.new_zeros(())
        loss = loss + args.partial_weight * partials
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        scheduler.step()
        step += 1
        recent.append(float(loss))
        if step % 25 == 0 or step == args.steps:
            elapsed = time.time() - started
            rate = len(recent) / max(elapsed, 1e-6)
            print("step %6d/%d  loss %.4f (stft %.4f, descriptors %.4f, noise share %.4f, octave guard %.4f, "
                  "period guard %.4f, unvoiced guard %.4f, partials %.4f)  %.2f steps/s  eta %.0f min"
                  % (step, args.steps, np.mean(recent), float(spectral), float(consistency), float(prior), float(guard),
                     float(period), float(unvoiced), float(partials), rate, (args.steps - step) / max(rate, 1e-6) / 60), flush=True)
            log.write(json.dumps({"step": step, "loss": float(np.mean(recent)), "stft": float(spectral),
                                  "descriptors": float(consistency), "noise_share": float(prior), "octave_guard": float(guard),
                                  "period_guard": float(period), "unvoiced_guard": float(unvoiced), "partials": float(partials), "lr": scheduler.get_last_lr()[0]}) + "\n")
            log.flush()
            recent, started = [], time.time()
        if step % args.checkpoint_every == 0 or step == args.steps:
            save_atomically({"model": model.state_dict(), "optimizer": optimizer.state_dict(),
                             "scheduler": scheduler.state_dict(), "step": step, "args": vars(args)}, checkpoint)
            if held:
                print("step %6d: held-out stft loss %.4f" % (step, evaluate(model, held, frames)), flush=True)
    print("train.py: done; export with models/export.py --run %s" % args.out, flush=True)


if __name__ == "__main__":
    main()
