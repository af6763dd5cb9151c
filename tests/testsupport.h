// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/bank.h"

#include <QCborValue>
#include <QString>

namespace neurorack::test {

/// A preset with random but valid curves (some unvoiced frames), deterministic in @p seed.
Preset randomPreset(quint32 seed, const QString &id);
/// A bank with @p presetCount random presets spread over the slots (gaps included),
/// a mapping using every kind of target, and an explicit morph pair.
Bank randomBank(quint32 seed, int presetCount);

/// Runs sox to make a real audio file @p name in @p dir: `sox -n [format] FILE synth …`.
/// @p format are sox's output options ("-r", "44100", "-b", "16", "-c", "2"), @p effects
/// the rest ("synth", "1", "sine", "440", …). Returns the path, or an empty string (and a
/// warning with sox's message) on failure.
QString soxGenerate(const QString &dir, const QString &name, const QStringList &format, const QStringList &effects);

/// Returns @p root with the value at @p path replaced (path segments are map keys or
/// array indices, "presets/12/curves/pitch/40"); a missing map key is added.
QCborValue replaced(const QCborValue &root, const QString &path, const QCborValue &value);
/// Returns @p root with the map key or array element at @p path removed.
QCborValue removed(const QCborValue &root, const QString &path);
/// The value at @p path.
QCborValue valueAt(const QCborValue &root, const QString &path);

} // namespace neurorack::test
