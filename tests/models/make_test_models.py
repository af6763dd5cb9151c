#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the model files the engine tests load: one small valid Neurorack model (the
real architecture, random weights, fixed seed) and one broken file for each way a model
can be wrong. Run by ctest as a fixture: make_test_models.py OUT_DIR."""
import json
import os
import sys

import torch

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "models"))
from neurorack.model import NeurorackModel  # noqa: E402
from export import metadata  # noqa: E402


class Args:
    name = "Test Model"
    version = "0.0.1"
    trained_on = "nothing: random weights, for tests"
    licence = "GPL-3.0-or-later"
    partial_gain_db = 0.0
    aperiodicity_budget = False
    coherent_jumps = False


class NanModel(torch.nn.Module):
    def forward(self, curves: torch.Tensor) -> torch.Tensor:
        return torch.full((curves.shape[0], 1, curves.shape[2] * 240), float("nan"))


class ShortModel(torch.nn.Module):
    def forward(self, curves: torch.Tensor) -> torch.Tensor:
        return torch.zeros(curves.shape[0], 1, curves.shape[2] * 100)


class ThrowingModel(torch.nn.Module):
    def forward(self, curves: torch.Tensor) -> torch.Tensor:
        return curves.view(-1, 3, 3)  # wrong shape arithmetic: raises at run time


def save(module, path, meta):
    extra = {"neurorack.json": json.dumps(meta)} if meta is not None else {}
    torch.jit.save(torch.jit.script(module), path, _extra_files=extra)


def main(out):
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(7)
    model = NeurorackModel(channels=16, harmonics=16, noise_bands=16, dilations=(1, 2)).eval()
    good = metadata(model, Args, 0)
    save(model, os.path.join(out, "valid.pt"), good)
    save(model, os.path.join(out, "no-metadata.pt"), None)
    save(model, os.path.join(out, "wrong-hop.pt"), dict(good, hop_length=256))
    save(model, os.path.join(out, "newer-format.pt"), dict(good, version=2))
    save(model, os.path.join(out, "wrong-descriptors.pt"), dict(good, descriptors=good["descriptors"][::-1]))
    save(NanModel(), os.path.join(out, "nan-output.pt"), good)
    save(ShortModel(), os.path.join(out, "short-output.pt"), good)
    save(ThrowingModel(), os.path.join(out, "throws.pt"), good)
    with open(os.path.join(out, "valid.pt"), "rb") as f:
        data = f.read()
    with open(os.path.join(out, "truncated.pt"), "wb") as f:
        f.write(data[: len(data) // 2])
    with open(os.path.join(out, "not-a-model.pt"), "w") as f:
        f.write("this is a text file, not a model\n")
    print("wrote test models to %s" % out)


if __name__ == "__main__":
    main(sys.argv[1])
