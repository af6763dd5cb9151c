#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the JSON Schemas in docs/schema/ against the shipped documents.

    /usr/bin/python3 tests/schema/check_schemas.py <repo-root>

- the three schemas are valid draft 2020-12 schemas;
- every shipped document (the factory bank, both factory mappings) validates,
  with the cross-file $refs resolved locally (no network);
- the rules the schema cannot express (curve lengths, unique ids, morph slots)
  hold for the factory bank, and the generated files are up to date;
- documents that must stay valid (optional fields left out, …) are accepted;
- deliberately broken variants of the factory documents are each rejected.

Prints one line per check and finishes with "N passed, M failed"; exits
non-zero on any failure. Needs the jsonschema module (python3-jsonschema).
"""

import copy
import json
import os
import sys

try:
    import jsonschema
except ImportError:
    print("jsonschema is missing: apt-get install -y python3-jsonschema")
    print("0 passed, 1 failed")
    sys.exit(1)

SCHEMA_NAMES = ("bank", "preset", "mapping")
FRAME_RATE = 200


class Checker:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        line = ("PASS " if ok else "FAIL ") + what
        if detail:
            line += " (" + detail + ")"
        print(line)


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def make_validators(schemas):
    """Schema name -> validator, with the $refs between the three schemas
    resolved from memory."""
    cls = jsonschema.Draft202012Validator
    try:
        from referencing import Registry, Resource  # jsonschema >= 4.18
        from referencing.jsonschema import DRAFT202012
        registry = Registry().with_resources(
            (s["$id"], Resource.from_contents(s, default_specification=DRAFT202012))
            for s in schemas.values())
        return {name: cls(schema, registry=registry) for name, schema in schemas.items()}
    except ImportError:
        store = {s["$id"]: s for s in schemas.values()}
        validators = {}
        for name, schema in schemas.items():
            resolver = jsonschema.RefResolver(base_uri=schema["$id"], referrer=schema,
                                              store=store)
            validators[name] = cls(schema, resolver=resolver)
        return validators


def errors_of(validator, document):
    """One line per error, the most relevant first (best_match looks inside
    anyOf, so a bad preset names its bad field, not the whole preset)."""
    errors = list(validator.iter_errors(document))
    if not errors:
        return []
    best = jsonschema.exceptions.best_match(errors)
    while best.context:  # descend to the deepest relevant cause
        best = jsonschema.exceptions.best_match(best.context)
    others = [e for e in errors if e is not best]
    return ["%s: %s" % ("/".join(str(p) for p in e.absolute_path) or "(root)",
                        e.message[:120]) for e in [best] + others]


def first_preset_slot(bank):
    return next(i for i, p in enumerate(bank["presets"]) if p is not None)


def main(argv):
    if len(argv) != 2:
        print("usage: check_schemas.py <repo-root>")
        return 2
    root = os.path.abspath(argv[1])
    c = Checker()

    schemas = {}
    for name in SCHEMA_NAMES:
        path = os.path.join(root, "docs", "schema", name + ".schema.json")
        schemas[name] = load_json(path)
        try:
            jsonschema.Draft202012Validator.check_schema(schemas[name])
            c.check(True, "schema %s.schema.json is a valid draft 2020-12 schema" % name)
        except jsonschema.exceptions.SchemaError as e:
            c.check(False, "schema %s.schema.json is a valid draft 2020-12 schema" % name,
                    e.message[:200])
    validators = make_validators(schemas)

    resources = os.path.join(root, "core", "resources")
    shipped = {
        "core/resources/factory-bank.json": "bank",
        "core/resources/mappings/original.json": "mapping",
        "core/resources/mappings/alternative.json": "mapping",
    }
    docs = {}
    for relative, kind in shipped.items():
        docs[relative] = load_json(os.path.join(root, relative))
        errors = errors_of(validators[kind], docs[relative])
        c.check(not errors, "valid: %s against %s.schema.json" % (relative, kind),
                "; ".join(errors[:3]))
    bank = docs["core/resources/factory-bank.json"]
    original = docs["core/resources/mappings/original.json"]
    alternative = docs["core/resources/mappings/alternative.json"]

    # Rules that span fields (the loader enforces them; the schema cannot).
    presets = [p for p in bank["presets"] if p is not None]
    bad_lengths = ["%s.%s" % (p["id"], k) for p in presets for k, curve in p["curves"].items()
                   if len(curve) != round(p["duration"] * FRAME_RATE)]
    c.check(not bad_lengths, "factory bank: every curve has round(duration x 200) frames",
            ", ".join(bad_lengths[:5]))
    ids = [p["id"] for p in presets]
    c.check(len(ids) == len(set(ids)), "factory bank: preset ids are unique")
    morph = bank.get("morph", {})
    filled = lambda slot: slot < len(bank["presets"]) and bank["presets"][slot] is not None
    c.check(filled(morph.get("a", -1)) and filled(morph.get("b", -1)),
            "factory bank: morph.a and morph.b are filled slots")
    c.check(len(presets) >= 16, "factory bank: at least 16 presets", "%d" % len(presets))
    stripped = {k: v for k, v in original.items() if k not in ("format", "version")}
    c.check(bank["mapping"] == stripped, "factory bank: its mapping is original.json")

    # Documents that must be ACCEPTED.
    slot = first_preset_slot(bank)

    def accepted(kind, document, what):
        errors = errors_of(validators[kind], document)
        c.check(not errors, "accepted: " + what, "; ".join(errors[:2]))

    minimal = copy.deepcopy(bank)
    del minimal["description"], minimal["morph"]
    minimal["presets"] = minimal["presets"][:slot + 1] + [None]
    accepted("bank", minimal, "bank without description and morph, trailing null slot")
    empty = copy.deepcopy(bank)
    empty["presets"] = []
    accepted("bank", empty, "bank with no presets")
    full = copy.deepcopy(bank)
    full["presets"] = (full["presets"] + [None] * 128)[:128]
    accepted("bank", full, "bank with 128 slots")
    single = {"format": "neurorack.preset", "version": 1, "grid": dict(bank["grid"])}
    single.update(copy.deepcopy(bank["presets"][slot]))
    accepted("preset", single, "standalone preset document")
    no_detail = copy.deepcopy(single)
    del no_detail["source"]["detail"]
    no_detail["tags"] = []
    accepted("preset", no_detail, "preset without source.detail and with no tags")
    loose = copy.deepcopy(original)
    del loose["cv"][2]["range"]
    loose["cv"][0] = {"target": "descriptor_scale", "descriptor": "pitch", "volts": [0, 10],
                      "range": [0, 2], "curve": "s_curve", "smoothing_ms": 1000}
    loose["cv"][1] = {"target": "none", "volts": [-12, 12], "curve": "exponential",
                      "smoothing_ms": 0}
    loose["gates"][1] = {"action": "next_preset", "threshold": -12, "hysteresis": 5}
    accepted("mapping", loose, "mapping with scale, none, next_preset and default range")
    inverted = copy.deepcopy(alternative)
    inverted["cv"][1]["range"] = [12, -24]
    accepted("mapping", inverted, "mapping with a decreasing (inverted) range")

    # Documents that must be REJECTED, each made from a shipped one.
    def preset0(d):
        return d["presets"][slot]

    def set_curve_value(name, index, value):
        def edit(d):
            preset0(d)["curves"][name][index] = value
        return edit

    def too_many_presets(d):
        d["presets"] = (d["presets"] + [copy.deepcopy(preset0(d))] * 129)[:129]
        for i, p in enumerate(d["presets"]):
            if p is not None:
                p["id"] = "p%d" % i

    bank_breakers = [
        ("wrong format string", lambda d: d.update(format="neurorack.bnak")),
        ("version as string", lambda d: d.update(version="1")),
        ("version 2 (newer)", lambda d: d.update(version=2)),
        ("extra top-level field", lambda d: d.update(colour="red")),
        ("missing presets", lambda d: d.pop("presets")),
        ("129 presets", too_many_presets),
        ("grid sample_rate 44100", lambda d: d["grid"].update(sample_rate=44100)),
        ("morph slot 128", lambda d: d["morph"].update(a=128)),
        ("description over 1024 characters", lambda d: d.update(description="x" * 1025)),
        ("bank id with a space", lambda d: d.update(id="factory bank")),
        ("bank id starting with '-'", lambda d: d.update(id="-factory")),
        ("bank id of 65 characters", lambda d: d.update(id="f" * 65)),
        ("empty bank name", lambda d: d.update(name="")),
        ("preset slot holding a number", lambda d: d["presets"].append(3)),
        ("pitch 25000 Hz", set_curve_value("pitch", 3, 25000)),
        ("pitch 10 Hz", set_curve_value("pitch", 3, 10)),
        ("loudness -100 LUFS", set_curve_value("loudness", 5, -100)),
        ("loudness +7 LUFS", set_curve_value("loudness", 5, 7)),
        ("noisiness 1.5", set_curve_value("noisiness", 5, 1.5)),
        ("richness 13000 Hz", set_curve_value("richness", 5, 13000)),
        ("brightness -1 Hz", set_curve_value("brightness", 5, -1)),
        ("null in loudness", set_curve_value("loudness", 5, None)),
        ("string in tonality", set_curve_value("tonality", 5, "0.5")),
        ("missing curve (tonality)", lambda d: preset0(d)["curves"].pop("tonality")),
        ("unknown curve (roughness)",
         lambda d: preset0(d)["curves"].update(roughness=[0.5] * 4)),
        ("curve with 3 frames", lambda d: preset0(d)["curves"].update(loudness=[-20] * 3)),
        ("extra preset field", lambda d: preset0(d).update(colour="red")),
        ("preset without name", lambda d: preset0(d).pop("name")),
        ("bad preset id", lambda d: preset0(d).update(id="deep kick!")),
        ("tag of 33 characters", lambda d: preset0(d).update(tags=["t" * 33])),
        ("17 tags", lambda d: preset0(d).update(tags=["t%d" % i for i in range(17)])),
        ("empty tag", lambda d: preset0(d).update(tags=[""])),
        ("duration 11 s", lambda d: preset0(d).update(duration=11)),
        ("duration 0.01 s", lambda d: preset0(d).update(duration=0.01)),
        ("source kind 'recorded'", lambda d: preset0(d)["source"].update(kind="recorded")),
        ("source detail over 256 characters",
         lambda d: preset0(d)["source"].update(detail="d" * 257)),
        ("unknown mapping target 'wobble'",
         lambda d: d["mapping"]["cv"][2].update(target="wobble")),
        ("3 gates", lambda d: d["mapping"]["gates"].append(copy.deepcopy(d["mapping"]["gates"][0]))),
        ("3 cv inputs", lambda d: d["mapping"]["cv"].pop()),
        ("mapping with format inside a bank",
         lambda d: d["mapping"].update(format="neurorack.mapping")),
    ]

    def cv(index, **changes):
        def edit(d):
            d["cv"][index].update(changes)
            for key, value in changes.items():
                if value is None:
                    del d["cv"][index][key]
        return edit

    mapping_breakers = [
        ("mapping without format", lambda d: d.pop("format")),
        ("mapping format of a bank", lambda d: d.update(format="neurorack.bank")),
        ("gate action 'fire'", lambda d: d["gates"][0].update(action="fire")),
        ("gate hysteresis 6 V", lambda d: d["gates"][0].update(hysteresis=6)),
        ("gate threshold 13 V", lambda d: d["gates"][0].update(threshold=13)),
        ("gate extra field", lambda d: d["gates"][0].update(edge="rising")),
        ("volts [-15, 5]", cv(0, volts=[-15, 5])),
        ("volts with 3 values", cv(0, volts=[-5, 0, 5])),
        ("curve 'cubic'", cv(0, curve="cubic")),
        ("smoothing_ms 2000", cv(0, smoothing_ms=2000)),
        ("descriptor_offset without descriptor", cv(0, descriptor=None)),
        ("descriptor_offset without range", cv(0, range=None)),
        ("descriptor 'roughness'", cv(0, descriptor="roughness")),
        ("descriptor_offset richness range ±13000", cv(0, range=[-13000, 13000])),
        ("descriptor_offset noisiness range ±2", cv(1, range=[-2, 2])),
        ("descriptor_scale range [0, 20]", cv(0, target="descriptor_scale", range=[0, 20])),
        ("descriptor_scale range [-1, 1]", cv(0, target="descriptor_scale", range=[-1, 1])),
        ("morph_amount with a descriptor", cv(2, descriptor="loudness")),
        ("morph_amount range [0, 2]", cv(2, range=[0, 2])),
        ("none with a range", cv(2, target="none")),
        ("pitch_voct with a range", cv(3, range=[0, 1])),
        ("pitch_voct with a descriptor", cv(3, descriptor="pitch")),
        ("pitch_voct with the exponential curve", cv(3, curve="exponential")),
        ("cv entry extra field", cv(3, offset=0)),
        ("cv entry without smoothing_ms", cv(3, smoothing_ms=None)),
    ]

    def rejected(kind, base, breakers, label):
        for what, edit in breakers:
            broken = copy.deepcopy(base)
            edit(broken)
            errors = errors_of(validators[kind], broken)
            c.check(bool(errors), "rejected: %s: %s" % (label, what),
                    errors[0] if errors else "the schema accepted it")

    rejected("bank", bank, bank_breakers, "bank")
    rejected("mapping", original, mapping_breakers, "mapping")
    rejected("preset", single, [
        ("preset document without grid", lambda d: d.pop("grid")),
        ("preset document with hop 256", lambda d: d["grid"].update(hop_length=256)),
        ("preset document with bank format", lambda d: d.update(format="neurorack.bank")),
    ], "preset")

    print("%d passed, %d failed" % (c.passed, c.failed))
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
