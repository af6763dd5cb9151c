#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Render speed of a Neurorack model against the original Neurorack layout.

    /usr/bin/python3 models/benchmark.py [--model models/neurorack-impact.pt]

Prints, for 1 s of 48 kHz audio: the model's render time on one thread and on all
threads, its load time and peak memory; and, in the same run, the cost of the original
hn-sinc-NSF layout (5 blocks × 10 dilated convolutions × 64 channels, all at the sample
rate), built with random weights: its speed does not depend on what it learned.
Never fails on timing.
"""
import argparse
import os
import resource
import sys
import time

import torch
import torch.nn as nn

FRAMES = 200  # 1 s


class ReferenceBlock(nn.Module):
    """One block of the hn-sinc-NSF filter: 10 dilated convolutions, 64 channels."""

    def __init__(self, channels=64, layers=10):
        super().__init__()
        self.convs = nn.ModuleList([nn.Conv1d(channels, 2 * channels, 3, padding=2 ** (i % 10), dilation=2 ** (i % 10))
                                    for i in range(layers)])
        self.outs = nn.ModuleList([nn.Conv1d(channels, channels, 1) for _ in range(layers)])

    def forward(self, x):
        for conv, out in zip(self.convs, self.outs):
            a, b = conv(x).chunk(2, dim=1)
            x = x + out(torch.tanh(a) * torch.sigmoid(b))
        return x


class ReferenceNSF(nn.Module):
    def __init__(self):
        super().__init__()
        self.inp = nn.Conv1d(1, 64, 1)
        self.blocks = nn.ModuleList([ReferenceBlock() for _ in range(5)])
        self.out = nn.Conv1d(64, 1, 1)

    def forward(self, source):
        x = self.inp(source)
        for block in self.blocks:
            x = block(x)
        return self.out(x)


def timed(fn, repeats):
    fn()
    start = time.perf_counter()
    for _ in range(repeats):
        fn()
    return (time.perf_counter() - start) / repeats


def curves():
    c = torch.zeros(1, 7, FRAMES)
    t = torch.arange(FRAMES) / 200.0
    c[:, 0] = -12.0 - 40.0 * t
    c[:, 1] = torch.exp(-t * 20)
    c[:, 2] = 0.2
    c[:, 3] = 0.8
    c[:, 4] = 900.0
    c[:, 5] = 1500.0 * torch.exp(-t * 2)
    c[:, 6] = 60.0 + 100.0 * torch.exp(-t * 30)
    return c


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--model", default=os.path.join(here, "neurorack-impact.pt"))
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()

    start = time.perf_counter()
    model = torch.jit.load(args.model, map_location="cpu")
    model.eval()
    load_ms = (time.perf_counter() - start) * 1000
    x = curves()
    print("Render 1 s of 48 kHz audio (target: <= 10 ms on one core)")
    with torch.inference_mode():
        for threads in (1, os.cpu_count() or 1):
            torch.set_num_threads(threads)
            t = timed(lambda: model(x), args.repeats)
            print("  Neurorack model, %d thread(s):     %7.2f ms  (%6.0fx real time)" % (threads, t * 1000, 1.0 / t))
        torch.set_num_threads(1)
        reference = ReferenceNSF().eval()
        source = torch.randn(1, 1, FRAMES * 240)
        t = timed(lambda: reference(source), 2)
        print("  reference hn-sinc-NSF filter, 1 thread: %7.0f ms  (%6.2fx real time; random weights)" % (t * 1000, 1.0 / t))
    params = sum(p.numel() for p in model.parameters())
    ref_params = sum(p.numel() for p in reference.parameters())
    print("Model: %s, %d parameters, %.0f kB; load %.0f ms" % (os.path.basename(args.model), params,
                                                               os.path.getsize(args.model) / 1024, load_ms))
    print("Reference layout: %d parameters" % ref_params)
    print("Peak memory of this process: %.0f MB" % (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


if __name__ == "__main__":
    sys.exit(main())
