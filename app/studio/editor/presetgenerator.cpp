// SPDX-License-Identifier: GPL-3.0-or-later
#include "presetgenerator.h"

#include "analysis/descriptoranalyzer.h"
#include "audio/audiofile.h"
#include "corpus/corpusgenerator.h"
#include "corpus/impactsynthesizer.h"
#include "model/framegrid.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <random>

namespace neurorack::studio {

namespace {

// The corpus item that Randomize plays: one per seed.
constexpr int kCorpusItem = 0;

double uniform(std::mt19937 &rng, double from, double to)
{
    return std::uniform_real_distribution<double>(from, to)(rng);
}

} // namespace

Result<PresetGenerator::Analysis> PresetGenerator::fromAudioFile(const QString &path)
{
    auto clip = AudioFile::read(path);
    if (!clip)
        return Result<Analysis>::failure(path, clip.errorString());
    const QFileInfo info(path);
    if (clip->duration() < grid::kMinDuration) {
        return Result<Analysis>::failure(
            path, tr("%1 lasts %2 ms, shorter than the %3 ms a preset needs.")
                      .arg(info.fileName())
                      .arg(clip->duration() * 1000.0, 0, 'f', 1)
                      .arg(grid::kMinDuration * 1000.0));
    }
    Analysis out;
    AudioClip audio = std::move(clip).value();
    const auto maxSamples = static_cast<std::size_t>(grid::kMaxDuration * grid::kSampleRate);
    if (audio.samples.size() > maxSamples) {
        out.note = tr("%1 lasts %2 s; the preset keeps its first %3 s.")
                       .arg(info.fileName())
                       .arg(audio.duration(), 0, 'f', 1)
                       .arg(grid::kMaxDuration);
        audio.samples.resize(maxSamples);
    }
    Preset &preset = out.preset;
    preset.name = info.completeBaseName().trimmed().left(limits::kMaxNameLength);
    if (preset.name.isEmpty())
        preset.name = tr("Sample");
    preset.id = limits::idFromName(preset.name);
    preset.source = PresetSource::Analysed;
    preset.sourceDetail = info.fileName().left(limits::kMaxDetailLength);
    DescriptorAnalyzer analyzer;
    preset.curves = analyzer.analyze(audio.samples);
    return out;
}

Preset PresetGenerator::randomImpact(quint32 seed)
{
    const CorpusGenerator::Item item = CorpusGenerator::item(seed, kCorpusItem);
    std::vector<float> audio = ImpactSynthesizer::render(item.parameters, item.renderSeed);
    audio.resize(std::min(audio.size(), static_cast<std::size_t>(grid::kMaxDuration * grid::kSampleRate)));
    Preset preset;
    QString category = item.parameters.category;
    if (!category.isEmpty())
        category[0] = category[0].toUpper();
    preset.name = QStringLiteral("%1 %2").arg(category).arg(seed).left(limits::kMaxNameLength);
    preset.id = limits::idFromName(preset.name);
    if (!item.parameters.category.isEmpty())
        preset.tags << item.parameters.category.left(limits::kMaxTagLength);
    preset.source = PresetSource::Generated;
    preset.sourceDetail = QStringLiteral("seed %1: %2").arg(seed).arg(item.parameters.summary()).left(limits::kMaxDetailLength);
    DescriptorAnalyzer analyzer;
    preset.curves = analyzer.analyze(audio);
    return preset;
}

Preset PresetGenerator::varied(const Preset &preset, quint32 seed)
{
    std::mt19937 rng(seed);
    Preset out = preset;
    for (const auto id : kAllDescriptors) {
        double offset = 0.0;
        double scale = 1.0;
        switch (id) {
        case DescriptorId::Loudness:
            offset = uniform(rng, -kVaryLoudnessDb, kVaryLoudnessDb);
            scale = uniform(rng, 1.0 - kVaryScale, 1.0 + kVaryScale);
            break;
        case DescriptorId::Pitch:
            offset = uniform(rng, -kVaryPitchSemitones, kVaryPitchSemitones);
            break;
        case DescriptorId::Richness:
        case DescriptorId::Brightness:
            scale = uniform(rng, 1.0 - kVaryScale, 1.0 + kVaryScale);
            break;
        default:
            offset = uniform(rng, -kVaryUnitOffset, kVaryUnitOffset);
            scale = uniform(rng, 1.0 - kVaryScale, 1.0 + kVaryScale);
            break;
        }
        out.curves.applyOffsetScale(id, offset, scale);
    }
    const int minFrames = grid::framesForDuration(grid::kMinDuration);
    const int frames = std::clamp(static_cast<int>(std::lround(out.curves.frameCount()
                                                               * uniform(rng, 1.0 - kVaryStretch, 1.0 + kVaryStretch))),
                                  minFrames, grid::kMaxFrames);
    out.curves = out.curves.resampled(frames);
    out.source = PresetSource::Generated;
    const QString from = preset.sourceDetail.isEmpty() ? preset.name : preset.sourceDetail;
    out.sourceDetail = QStringLiteral("variation, seed %1, of %2").arg(seed).arg(from).left(limits::kMaxDetailLength);
    return out;
}

Preset PresetGenerator::drawnTemplate()
{
    // A struck tone: a sharp attack decaying in dB, a transient that gives way to a
    // tone, a spectrum that darkens, and a pitch that drops a fifth onto A2.
    static constexpr double kPeakLufs = -12.0;
    static constexpr double kEndLufs = -60.0;
    static constexpr double kAttackSeconds = 0.01;
    static constexpr double kPitchHz = 110.0;
    static constexpr double kGlideRatio = 1.5;
    static constexpr double kGlideSeconds = 0.05;
    static constexpr double kVoicedAboveLufs = -55.0;
    const int frames = grid::framesForDuration(kTemplateSeconds);
    DescriptorCurves curves(frames);
    for (int i = 0; i < frames; ++i) {
        const double t = grid::durationOfFrames(i);
        const double x = t / kTemplateSeconds;
        const double loudness = t < kAttackSeconds ? kEndLufs + (kPeakLufs - kEndLufs) * t / kAttackSeconds
                                                   : kPeakLufs + (kEndLufs - kPeakLufs) * x;
        const double decay = std::exp(-4.0 * x);
        curves.setValue(DescriptorId::Loudness, i, float(loudness));
        curves.setValue(DescriptorId::Percussivity, i, float(0.15 + 0.7 * std::exp(-t / 0.03)));
        curves.setValue(DescriptorId::Noisiness, i, float(0.05 + 0.3 * std::exp(-t / 0.05)));
        curves.setValue(DescriptorId::Tonality, i, float(0.85 - 0.6 * std::exp(-t / 0.03)));
        curves.setValue(DescriptorId::Richness, i, float(600.0 + 2400.0 * decay));
        curves.setValue(DescriptorId::Brightness, i, float(400.0 + 2600.0 * decay));
        const double glide = 1.0 + (kGlideRatio - 1.0) * std::exp(-t / kGlideSeconds);
        curves.setValue(DescriptorId::Pitch, i,
                        loudness > kVoicedAboveLufs ? float(kPitchHz * glide) : DescriptorCurves::kUnvoiced);
    }
    curves.clampToRange();
    Preset preset;
    preset.name = tr("New preset");
    preset.id = limits::idFromName(preset.name);
    preset.source = PresetSource::Drawn;
    preset.curves = std::move(curves);
    return preset;
}

} // namespace neurorack::studio
