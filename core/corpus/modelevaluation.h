// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/impactengine.h"
#include "model/descriptor.h"

#include <QString>

#include <array>
#include <functional>

namespace neurorack {

/// Mean error of rendered audio against target curves, per descriptor, in its unit.
struct DescriptorErrors {
    double loudnessDb = 0.0;       ///< |ΔL| over audible target frames (louder than −60 LUFS)
    double pitchCents = 0.0;       ///< |Δf0| in cents over frames voiced in both
    double voicingAgreement = 0.0; ///< share of audible frames whose voicing matches
    double brightnessRelative = 0.0; ///< |ΔC| / C
    double richnessRelative = 0.0;   ///< |ΔS| / S
    double noisiness = 0.0;
    double tonality = 0.0;
    double percussivity = 0.0;
    double spectralDistance = 0.0; ///< multi-resolution log-spectral distance to the original (dB), held-out only
    int items = 0;
    int frames = 0; ///< audible target frames compared
};

/// The errors on the items of one corpus category (kick, bell, …: the generator's
/// `parameters.category`; "other" for items without one).
struct CategoryErrors {
    QString category;
    DescriptorErrors model;
    DescriptorErrors baseline;
};

/// One row of the evaluation: the model and the nearest-neighbour baseline on one set.
struct EvaluationRow {
    QString set;
    DescriptorErrors model;
    DescriptorErrors baseline;
    QList<CategoryErrors> categories; ///< the same errors per category, by name
};

/// Evaluates a model the way a musician would judge it: render curves, measure the
/// result with the analyzer, compare. Three sets: held-out corpus impacts (their
/// analysed curves; also a spectral distance to the original sound), morphs of two
/// held-out impacts, and CV-offset curves (loudness −6 dB, brightness ×1.3, pitch
/// +5 semitones) — curves that no corpus sound has. The baseline answers each target
/// with the training impact whose curves are nearest.
class ModelEvaluation
{
public:
    /// Reads the corpus at @p corpus (as `neurorack corpus generate` writes it), holds
    /// out up to @p count items (the same stable split as models/train.py) and
    /// evaluates, every render with the noise seed @p seed. Returns the rows, or an
    /// error message in @p error.
    static QList<EvaluationRow> run(ImpactEngine &engine, const QString &corpus, int count, QString *error,
                                    const std::function<void(int done, int total)> &progress = {},
                                    quint64 seed = 0);
    /// The rows as text tables; with @p byCategory, each set's categories follow it.
    static QString format(const QList<EvaluationRow> &rows, bool byCategory = false);
};

} // namespace neurorack
