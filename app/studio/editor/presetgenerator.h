// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/result.h"
#include "model/preset.h"

#include <QCoreApplication>
#include <QString>

namespace neurorack::studio {

/// Makes whole presets for the preset editor: analysed from an audio file, synthesised
/// at random with the corpus generator, varied around a preset, or drawn from a simple
/// template. Pure functions of their inputs (seeds included), safe on any thread; the
/// file and synthesis ones take a few milliseconds and belong on a worker.
class PresetGenerator
{
    Q_DECLARE_TR_FUNCTIONS(PresetGenerator)

public:
    /// Largest random offset or scale change that vary() applies, per kind of unit.
    static constexpr double kVaryLoudnessDb = 3.0;      ///< offset ±, dB
    static constexpr double kVaryPitchSemitones = 1.0;  ///< offset ±, semitones
    static constexpr double kVaryScale = 0.1;           ///< scale 1 ± this, for every descriptor but pitch
    static constexpr double kVaryUnitOffset = 0.05;     ///< offset ± for the 0..1 descriptors
    static constexpr double kVaryStretch = 0.1;         ///< duration ×(1 ± this)
    /// Length of the drawn template.
    static constexpr double kTemplateSeconds = 1.0;

    /// A preset analysed from a file, and a note for the user (e.g. that it was cut).
    struct Analysis {
        Preset preset;
        QString note;
    };

    /// Reads @p path with AudioFile (any rate and channel count), keeps at most
    /// grid::kMaxDuration seconds and analyses it: source Analysed, sourceDetail the file
    /// name, name the file's base name, id derived from the name. Fails with a message
    /// naming the file for an unreadable or too short file.
    static Result<Analysis> fromAudioFile(const QString &path);

    /// A random impact: CorpusGenerator::item(@p seed, 0) rendered by the ImpactSynthesizer
    /// and analysed; source Generated, named after its category and seed, tagged with its
    /// category, the synthesis settings and seed in sourceDetail.
    static Preset randomImpact(quint32 seed);

    /// @p preset with small random offsets and scales per descriptor and a slight time
    /// stretch (see the kVary constants), drawn from @p seed; values stay in range.
    static Preset varied(const Preset &preset, quint32 seed);

    /// A plain drawn impact to start from (kTemplateSeconds long, a decaying tone).
    static Preset drawnTemplate();
};

} // namespace neurorack::studio
