// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "corpus/impactsynthesizer.h"
#include "model/descriptor.h"

#include <QString>

#include <array>
#include <functional>

namespace neurorack {

/// How well a corpus covers each descriptor, over its audible frames (louder than
/// −60 LUFS; pitch over voiced frames).
struct DescriptorCoverage {
    static constexpr int kBins = 20; ///< the descriptor's slider range in 20 equal bins
    double minimum = 0.0, p5 = 0.0, median = 0.0, p95 = 0.0, maximum = 0.0;
    double binsCovered = 0.0; ///< fraction of bins holding at least 0.1 % of the frames
    qint64 frames = 0;
};
using CorpusCoverage = std::array<DescriptorCoverage, kDescriptorCount>;

/// Generates the training corpus: synthetic impacts at 48 kHz with their analysed
/// descriptors, deterministic from a seed (item i depends only on the seed and i, so a
/// corpus can be extended or regenerated in parts).
///
/// Layout of the output folder:
///   audio/impact-00000.wav        24-bit 48 kHz mono
///   descriptors/impact-00000.json the analysis document (as `neurorack analyze --json`)
///   corpus.json                   index: seed, count, and for each item its id, category,
///                                 parameters and file names
///   coverage.txt                  the coverage table
class CorpusGenerator
{
public:
    struct Item {
        QString id;
        ImpactParameters parameters;
        quint32 renderSeed = 0;
    };

    /// Item @p index of the corpus made from @p seed.
    static Item item(quint32 seed, int index);

    /// Writes @p count items into @p folder using @p jobs threads, calling @p progress
    /// (from the calling thread) as items complete. Returns an error message or empty.
    static QString generate(int count, quint32 seed, const QString &folder, int jobs,
                            const std::function<void(int done, int total)> &progress, CorpusCoverage *coverage);

    /// The coverage table as text.
    static QString formatCoverage(const CorpusCoverage &coverage);
};

} // namespace neurorack
