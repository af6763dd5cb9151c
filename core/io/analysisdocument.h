// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/descriptorcurves.h"

#include <QCborMap>

namespace neurorack {

/// The analysis document that `neurorack analyze --json` prints and the corpus
/// generator writes beside each sound, and that the trainer reads: sample_rate,
/// hop_length, frame_rate, duration, frames, descriptors (id → values, null for
/// unvoiced pitch frames) and units.
class AnalysisDocument
{
public:
    static QCborMap encode(const DescriptorCurves &curves, double durationSeconds);
    /// The unit shown for a descriptor ("LUFS", "Hz", "0..1").
    static QString unitOf(DescriptorId id);
};

} // namespace neurorack
